import Foundation
import Numerics

/// The convex SCA subproblem (38) of specs/ee.md §5.2 at one linearisation point, in the normalised
/// channel (noise power 1):
///
///     max_{W, γ, β}  Σ_k log2(1 + γ_k) − λ‖W‖²/η
///     s.t.  Σ_{j≠k} |c̃_k w_j|² + 1 ≤ β_k                          (36)
///           Re{c̃_k w_k} ≥ ρ_k γ_k + ς_k β_k,                       (37)  ρ_k = ½√(β̄_k/γ̄_k), ς_k = ½√(γ̄_k/β̄_k)
///           ‖W‖² ≤ P_max,  γ_k ≥ 0,
///
/// (the constant −λP̄ of (34) is dropped). A user whose linearisation point has γ̄_k = 0 (w_k = 0: the
/// geometric mean √(γβ) is not differentiable there) is *inactive*: its γ_k is fixed to 0 and its
/// constraint (37) is dropped, which keeps the current point feasible (an inner approximation).
public struct SCASubproblem: Sendable {
    public let channel: ChannelMatrix
    public let ratio: Double
    public let amplifierEfficiency: Double
    public let maxPower: Double
    /// ρ_k (0 for an inactive user).
    public let rho: [Double]
    /// ς_k (0 for an inactive user).
    public let varsigma: [Double]
    public let active: [Bool]
    /// The linearisation point (W̄, γ̄, β̄): feasible, and (37) holds with equality for active users.
    public let start: SCAPoint

    /// The objective of (38) at a point.
    public func objective(_ point: SCAPoint) -> Double {
        var rate = 0.0
        for g in point.gamma { rate += EnergyModel.rate(snr: max(0, g)) }
        return rate - ratio * point.precoder.power / amplifierEfficiency
    }

    /// The largest violation of the constraints of (38) at a point, relative to the scale of each
    /// constraint (0 when feasible).
    public func violation(_ point: SCAPoint) -> Double {
        let link = LinkBudget(channel, point.precoder)
        var worst = max(0, point.precoder.power / maxPower - 1)
        for k in 0..<channel.users {
            let interference = link.interferencePlusNoise[k]
            worst = max(worst, (interference - point.beta[k]) / max(1, point.beta[k]))
            if active[k] {
                let real = link.gains[k * channel.users + k].real
                let bound = rho[k] * point.gamma[k] + varsigma[k] * point.beta[k]
                worst = max(worst, (bound - real) / max(1, abs(bound)))
            } else {
                worst = max(worst, abs(point.gamma[k]))
            }
            worst = max(worst, -point.gamma[k])
        }
        return worst
    }
}

/// A point (W, γ, β) of the SCA subproblem.
public struct SCAPoint: Sendable {
    public var precoder: Precoder
    public var gamma: [Double]
    public var beta: [Double]

    public init(precoder: Precoder, gamma: [Double], beta: [Double]) {
        self.precoder = precoder
        self.gamma = gamma
        self.beta = beta
    }
}

/// Solves the convex problem (38): `ConicSCASubproblemSolver` (our conic interior-point solver, exact
/// log through exponential cones) in the product; tests also use exact closed-form doubles. The returned
/// point must be feasible to ~1e-7 (see `SCASubproblem.violation`).
public protocol SCAConvexSolver {
    func solve(_ problem: SCASubproblem) throws(PrecoderStepError) -> SCAPoint
}

/// The paper's W-step subproblem method (Algorithm 3, inner loop; specs/ee.md §5.2):
///
/// 1. from the current W: rotate each column so that c̃_k w_k is real and ≥ 0 (a common phase of w_k
///    changes no |c̃_m w_k|); β̄_k = Σ_{j≠k}|c̃_k w_j|² + 1 and γ̄_k = (Re c̃_k w_k)²/β̄_k = SINR_k. Then
///    (W, γ̄, β̄) is feasible for (38) and (37) is tight, so the SCA is monotone;
/// 2. solve (38) → (W, γ, β);
/// 3. repeat until the objective of (38) rises by less than `tolerance` relative (1e-5) or after
///    `maxIterations` (30).
///
/// Safeguards: a subproblem solution that is infeasible beyond `feasibilityTolerance` or lowers the
/// objective is rejected (the loop stops at the previous W); the returned W never has a lower value of
/// (31) than the start. `objectiveTrace` records the value of (38) at each linearisation point and
/// solution (check 13).
public struct SuccessiveConvexApproximation<Convex: SCAConvexSolver>: PrecoderSubproblemSolver {
    public var convex: Convex
    public var tolerance: Double
    public var maxIterations: Int
    public var feasibilityTolerance: Double

    public init(convex: Convex, tolerance: Double, maxIterations: Int, feasibilityTolerance: Double = 1e-7) {
        self.convex = convex
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.feasibilityTolerance = feasibilityTolerance
    }

    public struct Outcome: Sendable {
        public var precoder: Precoder
        public var iterations: Int
        /// The value of (38) at the first linearisation point, then, per accepted solution, at the solution
        /// and at the next linearisation point (non-decreasing).
        public var objectiveTrace: [Double]
        /// Per accepted solution: min_k (SINR_k(W) − γ_k) (≥ 0 up to the solver's tolerance: γ_k ≤ SINR_k).
        public var slackMargins: [Double]
    }

    /// The linearisation point of step 1 and the subproblem built on it.
    public static func subproblem(at w: Precoder, ratio lambda: Double, problem: PrecoderProblem) -> SCASubproblem {
        let c = problem.channel
        let k = c.users
        var rotated = w
        let link = LinkBudget(c, w)
        for user in 0..<k {
            let g = link.gains[user * k + user]
            let r = g.length
            guard r > 0 else { continue }
            let phase = g.conjugate / r
            for n in 0..<c.antennas { rotated[n, user] = rotated[n, user] * phase }
        }
        let rotatedLink = LinkBudget(c, rotated)
        var gamma = [Double](repeating: 0, count: k), beta = [Double](repeating: 1, count: k)
        var rho = [Double](repeating: 0, count: k), varsigma = [Double](repeating: 0, count: k)
        var active = [Bool](repeating: false, count: k)
        for user in 0..<k {
            beta[user] = rotatedLink.interferencePlusNoise[user]
            let real = max(0, rotatedLink.gains[user * k + user].real)
            gamma[user] = real * real / beta[user]
            if gamma[user] > 0 {
                active[user] = true
                rho[user] = 0.5 * (beta[user] / gamma[user]).squareRoot()
                varsigma[user] = 0.5 * (gamma[user] / beta[user]).squareRoot()
            }
        }
        return SCASubproblem(channel: c, ratio: lambda, amplifierEfficiency: problem.amplifierEfficiency,
                             maxPower: problem.maxPower, rho: rho, varsigma: varsigma, active: active,
                             start: SCAPoint(precoder: rotated, gamma: gamma, beta: beta))
    }

    public func run(_ start: Precoder, ratio lambda: Double, problem: PrecoderProblem) throws(PrecoderStepError) -> Outcome {
        var w = start
        var sub = Self.subproblem(at: w, ratio: lambda, problem: problem)
        var value = sub.objective(sub.start)
        var trace = [value], margins: [Double] = []
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            let solution: SCAPoint
            do { solution = try convex.solve(sub) } catch {
                if iterations == 1 { throw error }
                break
            }
            let next = sub.objective(solution)
            // Reject an infeasible or worse solution (a solver inaccuracy): keep the previous W.
            guard sub.violation(solution) <= feasibilityTolerance,
                  next >= value - feasibilityTolerance * max(1, abs(value)),
                  problem.parametricValue(solution.precoder, ratio: lambda) >= problem.parametricValue(w, ratio: lambda)
            else { break }
            // γ_k ≤ SINR_k(W) by (36)–(37) and the AM–GM bound; recorded for check 13.
            let link = LinkBudget(problem.channel, solution.precoder)
            var margin = Double.infinity
            for k in 0..<problem.users { margin = min(margin, link.sinr(k) - solution.gamma[k]) }
            margins.append(margin)
            trace.append(next)
            w = solution.precoder
            let improvement = next - value
            // The next linearisation point (γ̄ = SINR ≥ γ) has an objective ≥ `next`.
            sub = Self.subproblem(at: w, ratio: lambda, problem: problem)
            value = sub.objective(sub.start)
            trace.append(value)
            if improvement < tolerance * max(abs(next), 1e-12) { break }
        }
        return Outcome(precoder: w, iterations: iterations, objectiveTrace: trace, slackMargins: margins)
    }

    public func improve(_ start: Precoder, ratio lambda: Double, problem: PrecoderProblem) throws(PrecoderStepError) -> Precoder {
        try run(start, ratio: lambda, problem: problem).precoder
    }
}
