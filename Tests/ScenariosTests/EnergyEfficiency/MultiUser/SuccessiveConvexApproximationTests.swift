import Foundation
import Numerics
import Randomness
@testable import Scenarios
import Testing

/// The exact solution of the SCA subproblem (38) for K = 1 (an independent closed form, used to test the
/// SCA driver and to cross-check the conic adapter): without interference β = 1 is optimal (β only tightens (37)), MRT maximises
/// Re{c̃w} per unit power, so with w = t·c̃ᴴ/‖c̃‖ (37) reads t‖c̃‖ ≥ ργ + ς and the problem is the concave
/// scalar max_t log2(1 + (t‖c̃‖ − ς)/ρ) − λt²/η on [ς/‖c̃‖, √P_max], whose stationary point solves
/// 2λ ln2·g·t² + 2λ ln2·(ρ − ς)·t − ηg = 0.
struct SingleUserSCASolver: SCAConvexSolver {
    func solve(_ problem: SCASubproblem) throws(PrecoderStepError) -> SCAPoint {
        guard problem.channel.users == 1, problem.active[0] else { throw PrecoderStepError("K = 1, active user only") }
        let g = problem.channel.rowNormSquared(0).squareRoot()
        let rho = problem.rho[0], varsigma = problem.varsigma[0]
        let lambda = problem.ratio, eta = problem.amplifierEfficiency
        let upper = problem.maxPower.squareRoot(), lower = varsigma / g
        var t = upper
        if lambda > 0 {
            let a = 2 * lambda * M_LN2 * g, b = 2 * lambda * M_LN2 * (rho - varsigma), c = eta * g
            t = (-b + (b * b + 4 * a * c).squareRoot()) / (2 * a)
        }
        t = min(upper, max(lower, t))
        var w = Precoder(antennas: problem.channel.antennas, users: 1)
        for n in 0..<problem.channel.antennas { w[n, 0] = problem.channel[0, n].conjugate * (t / g) }
        return SCAPoint(precoder: w, gamma: [max(0, (t * g - varsigma) / rho)], beta: [1])
    }
}

/// Returns a point that violates (36) (β below the interference): the SCA must reject it.
struct InfeasibleSCASolver: SCAConvexSolver {
    func solve(_ problem: SCASubproblem) throws(PrecoderStepError) -> SCAPoint {
        var point = problem.start
        point.beta = point.beta.map { $0 * 0.5 }
        point.gamma = point.gamma.map { $0 * 4 }
        return point
    }
}

@Suite("ee SCA precoder step (driver)")
struct SuccessiveConvexApproximationTests {
    @Test("Step 1: the linearisation point is feasible for (38), (37) is tight and the objective is (31)")
    func linearisationPoint() {
        var stream = RandomStream(seed: 21, purpose: StreamPurpose("test.sca.point"), realization: 0)
        for _ in 0..<50 {
            let c = MultiUserKernelTests.randomMatrix(users: 4, antennas: 6, stream: &stream)
            let problem = PrecoderProblem(channel: c, maxPower: 1, amplifierEfficiency: 1, staticPower: 1)
            let w = MultiUserKernelTests.randomPrecoder(antennas: 6, users: 4, power: stream.uniform(0.1, 1), stream: &stream)
            let lambda = stream.uniform(0, 30)
            let sub = SuccessiveConvexApproximation<SingleUserSCASolver>.subproblem(at: w, ratio: lambda, problem: problem)
            #expect(sub.violation(sub.start) <= 1e-12)
            let link = LinkBudget(c, sub.start.precoder)
            for k in 0..<4 {
                #expect(sub.active[k])
                // c̃_k w_k real and ≥ 0 after the rotation; (37) holds with equality.
                #expect(abs(link.gains[k * 4 + k].imaginary) <= 1e-12 * link.gains[k * 4 + k].length)
                let bound = sub.rho[k] * sub.start.gamma[k] + sub.varsigma[k] * sub.start.beta[k]
                #expect(MUTest.relativeDifference(bound, link.gains[k * 4 + k].real) <= 1e-12)
                #expect(MUTest.relativeDifference(sub.start.gamma[k], LinkBudget(c, w).sinr(k)) <= 1e-12)
            }
            #expect(MUTest.relativeDifference(sub.objective(sub.start), problem.parametricValue(w, ratio: lambda)) <= 1e-12)
        }
    }

    @Test("Check 13 (K = 1): SCA objective non-decreasing, γ ≤ SINR, and the SCA W-step reaches the Lambert-W optimum")
    func singleUser() throws {
        var stream = RandomStream(seed: 22, purpose: StreamPurpose("test.sca.k1"), realization: 0)
        let sca = SuccessiveConvexApproximation(convex: SingleUserSCASolver(), tolerance: 1e-5, maxIterations: 30)
        let step = EnergyEfficientPrecoderStep(solver: sca, tolerance: 1e-6, maxIterations: 20)
        let single = SingleUserPowerControl(maxPower: 1)
        for _ in 0..<30 {
            let c = MultiUserKernelTests.randomMatrix(users: 1, antennas: 4, stream: &stream).scaledForTest(by: stream.uniform(0.01, 1))
            let staticPower = stream.uniform(0.5, 3)
            let problem = PrecoderProblem(channel: c, maxPower: 1, amplifierEfficiency: 1, staticPower: staticPower)
            let start = Precoder.maximumRatio(c, power: stream.uniform(0.01, 1))
            let run = try sca.run(start, ratio: problem.value(start), problem: problem)
            #expect(zip(run.objectiveTrace, run.objectiveTrace.dropFirst()).allSatisfy { $1 >= $0 - 1e-12 * abs($0) })
            #expect(run.slackMargins.allSatisfy { $0 >= -1e-9 })
            let outcome = try step.run(problem, from: start)
            let su = single.solve(gain: c.rowNormSquared(0), staticPower: staticPower)
            #expect(MUTest.relativeDifference(outcome.value, su.energyEfficiency) <= 1e-6)
            #expect(zip(outcome.ratios, outcome.ratios.dropFirst()).allSatisfy { $1 >= $0 * (1 - 1e-12) })
        }
    }

    @Test("Safeguards: an infeasible subproblem solution is rejected and W is kept")
    func rejectsInfeasible() throws {
        var stream = RandomStream(seed: 23, purpose: StreamPurpose("test.sca.bad"), realization: 0)
        let c = MultiUserKernelTests.randomMatrix(users: 3, antennas: 4, stream: &stream)
        let problem = PrecoderProblem(channel: c, maxPower: 1, amplifierEfficiency: 1, staticPower: 1)
        let w = MultiUserKernelTests.randomPrecoder(antennas: 4, users: 3, power: 0.5, stream: &stream)
        let run = try SuccessiveConvexApproximation(convex: InfeasibleSCASolver(), tolerance: 1e-5, maxIterations: 30)
            .run(w, ratio: 2, problem: problem)
        #expect(run.precoder == w)
        #expect(run.objectiveTrace.count == 1)
    }
}

/// Check 13, second half, and the acceptance test for the fast scheme: the WMMSE-penalty W-step
/// reaches the paper's SCA W-step (conic subproblem solver) to within 1 % in mean EE.
@Suite("ee SCA vs WMMSE substitute")
struct SubstituteAgreementTests {
    @Test("Mean EE of the W-step at x̃ (FPA): WMMSE substitute within 1 % of SCA over 50 realizations",
)
    func agreement() throws {
        let parameters = MUTest.parameters()
        var sca = 0.0, wmmse = 0.0
        for r in 0..<50 {
            let problem = try MUTest.problem(parameters, realization: r)
            var stream = MUTest.psoStream(realization: r)
            let paper = problem.subproblemSolver(.successiveConvexApproximation)
            sca += try problem.solve(.fixedPosition, solver: paper, algorithmStream: &stream).energyEfficiency
            wmmse += try problem.solve(.fixedPosition, solver: MUTest.wmmse(problem), algorithmStream: &stream).energyEfficiency
        }
        #expect(abs(wmmse - sca) <= 0.01 * sca, "mean EE: SCA \(sca / 50), WMMSE \(wmmse / 50)")
    }
}
