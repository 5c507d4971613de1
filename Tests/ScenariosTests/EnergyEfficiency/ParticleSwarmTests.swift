import AntennaModels
import Randomness
@testable import Scenarios
import Testing

/// specs/ee.md §6.4: the PSO benchmark (continuous search, then quantisation).
@Suite("ee PSO benchmark")
struct ParticleSwarmTests {
    let parameters = EnergyEfficiencyParameters.singleUser

    @Test("Quantisation rounds, sorts and repairs spacing forward then backward")
    func quantize() throws {
        let problem = try EETest.problem(parameters, realization: 0)
        let swarm = SingleUserParticleSwarm(problem: problem)
        let step = problem.geometry.grid.stepSize
        let initial = problem.geometry.initialPositions  // [166, 214, …, 406], s = 48
        // Exactly on the grid: unchanged.
        #expect(swarm.quantize(initial.map { Double($0) * step }) == initial)
        // Unsorted and too close: sorted, then pushed apart by s.
        let x = [300.4, 170.2, 205.0, 301.0, 360.0, 420.0].map { $0 * step }
        #expect(swarm.quantize(x) == [170, 218, 300, 348, 396, 444])
        // Crowded at the right end: g_N is clamped to G − 1 and the backward pass makes room.
        let right = [560.0, 561, 562, 563, 564, 572.9].map { $0 * step }
        let repaired = swarm.quantize(right)
        // The backward pass gives [332, …, 572]; the reach at T = 1 s covers the grid, so it stands.
        #expect(repaired == [332, 380, 428, 476, 524, 572])
    }

    @Test("Reach violation after repair falls back to x̃")
    func fallback() throws {
        var p = parameters
        p.coherenceTime = 0.01  // reach 8 mm = 7 steps
        let problem = try EETest.problem(p, realization: 0)
        let swarm = SingleUserParticleSwarm(problem: problem)
        let step = problem.geometry.grid.stepSize
        let x = [166.0, 170, 262, 310, 358, 406].map { $0 * step }  // forward repair: 170 → 214, rest unchanged
        #expect(swarm.quantize(x) == [166, 214, 262, 310, 358, 406])
        let far = [100.0, 214, 262, 310, 358, 406].map { $0 * step }  // 66 steps away: beyond the reach
        #expect(swarm.quantize(far) == problem.geometry.initialPositions)
    }

    @Test("Fitness: the swarm starts from x̃, the best fitness never falls, penalties apply")
    func fitness() throws {
        let problem = try EETest.problem(parameters, realization: 1)
        let swarm = SingleUserParticleSwarm(problem: problem)
        let grid = problem.geometry.grid
        let initial = problem.geometry.initialPositions.map(grid.position)
        // At x̃ the continuous fitness is EE_FPA (same channel, evaluated directly instead of via the table).
        let fpa = problem.solve(.fixedPosition).energyEfficiency
        #expect(EETest.relativeDifference(swarm.fitness(initial), fpa) <= 1e-12)
        // Two antennas 10 steps apart: one close pair, ϖ = 10 off the unpenalised value.
        var close = initial
        close[1] = close[0] + 10 * grid.stepSize
        var unpenalised = parameters
        unpenalised.swarmSpacingPenalty = 0
        let free = SingleUserParticleSwarm(problem: try EETest.problem(unpenalised, realization: 1))
        #expect(abs(swarm.fitness(close) - (free.fitness(close) - 10)) < 1e-12)
        var stream = EETest.psoStream(realization: 1)
        let outcome = swarm.run(stream: &stream)
        #expect(outcome.trace.count == parameters.swarmIterations + 1)
        #expect(outcome.trace[0] >= fpa * (1 - 1e-12))
        #expect(zip(outcome.trace, outcome.trace.dropFirst()).allSatisfy { $1 >= $0 })
    }
}

/// Robust orderings of specs §9 that a modest number of realizations already shows (the full claims
/// are checked on the paper-scale results).
@Suite("ee single-user orderings (smoke)")
struct OrderingTests {
    func means(_ parameters: EnergyEfficiencyParameters, realizations: Int)
        throws -> [EnergyEfficiencyScheme: (ee: Double, displacement: Double)] {
        var sums: [EnergyEfficiencyScheme: (ee: Double, displacement: Double)] = [:]
        for r in 0..<realizations {
            let problem = try EETest.problem(parameters, realization: r)
            for (scheme, s) in EETest.solveAll(problem, realization: r) {
                let old = sums[scheme] ?? (0, 0)
                sums[scheme] = (old.ee + s.energyEfficiency / Double(realizations),
                                old.displacement + s.totalDisplacement / Double(realizations))
            }
        }
        return sums
    }

    @Test("Fig. 5/6 orderings at A = 6λ, N = 6 (100 realizations)")
    func defaults() throws {
        let m = try means(.singleUser, realizations: 100)
        // Fig. 6 robust check: D_PSO ≤ D_Prop < D_ConvEE = D_SM (prototype 0.29λ, 0.62λ, 5.5λ).
        #expect(m[.particleSwarm]!.displacement <= m[.sequentialUpdate]!.displacement)
        #expect(m[.sequentialUpdate]!.displacement < m[.conventionalEE]!.displacement)
        #expect(m[.conventionalEE]!.displacement == m[.sumRate]!.displacement)
        // Fig. 5: Proposed beats every benchmark; SM is much worse than all others.
        for scheme in [EnergyEfficiencyScheme.particleSwarm, .conventionalEE, .sumRate, .fixedPosition] {
            #expect(m[.sequentialUpdate]!.ee > m[scheme]!.ee, "\(scheme)")
            if scheme != .sumRate { #expect(m[scheme]!.ee > m[.sumRate]!.ee + 1, "\(scheme)") }
        }
    }

    @Test("Fig. 5: ConvEE falls with A while Proposed rises (40 realizations)")
    func arrayLength() throws {
        var short = EnergyEfficiencyParameters.singleUser, long = EnergyEfficiencyParameters.singleUser
        short.arrayLengthInWavelengths = 3
        long.arrayLengthInWavelengths = 8
        let a = try means(short, realizations: 40), b = try means(long, realizations: 40)
        #expect(b[.conventionalEE]!.ee < a[.conventionalEE]!.ee - 0.5)
        #expect(b[.sequentialUpdate]!.ee > a[.sequentialUpdate]!.ee)
    }
}
