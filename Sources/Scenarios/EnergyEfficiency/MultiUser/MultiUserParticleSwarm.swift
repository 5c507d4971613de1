import AntennaModels
import Foundation
import Optimization
import Randomness

/// Benchmark 1 (ref. [41], Xiao et al.), multi-user: PSO over continuous antenna positions with the
/// project's `ParticleSwarm`, then quantisation to the grid (specs/ee.md §6.4). The W-step at the
/// quantised positions is the caller's (`MultiUserOptimizer.solve`).
///
/// * Box per coordinate: [max(0, x̃_n − v_max·T), min(A, x̃_n + v_max·T)]; particle 0 is x̃, the others
///   uniform in the box (`ParticleSwarm`'s draw order); clamp boundary handling.
/// * Hyper-parameters: the `pso_*` parameters (S = 20, I = 30, inertia 0.9 → 0.4, c1 = c2 = 1.4, velocity
///   clamp 0.2 of the box width).
/// * Fitness (ASSUMED cheap surrogate, specs §6.4): the true EE with ZF and the Dinkelbach power
///   allocation (§6.5) at the continuous positions (channel evaluated exactly, positions sorted against
///   x̃ as in Proposition 1), minus ϖ per adjacent sorted pair closer than the grid spacing s·Δ.
/// * Quantisation of the global best: nearest grid index, sorted, spacing repaired forward, and backward
///   from the last grid point if needed; x̃ if the reach is then violated (the same rule as the
///   single-user PSO).
struct MultiUserParticleSwarm {
    let problem: MultiUserOptimizer

    struct Outcome {
        var positions: [Int]
        var iterations: Int
        /// Global-best fitness after initialisation and after each iteration (non-decreasing).
        var trace: [Double]
    }

    func run(stream: inout RandomStream) -> Outcome {
        let p = problem.parameters
        let grid = problem.geometry.grid
        let start = problem.geometry.initialPositions.map(grid.position)
        let reach = p.maxSpeed * p.coherenceTime
        let lower = start.map { max(0, $0 - reach) }
        let upper = start.map { min(p.arrayLength, $0 + reach) }
        let minimumGap = Double(problem.geometry.spacingSteps) * grid.stepSize
        let swarm = ParticleSwarmProblem(
            lower: lower, upper: upper, objective: { fitness($0) },
            penalty: { x in
                let sorted = x.sorted()
                var close = 0
                for (a, b) in zip(sorted, sorted.dropFirst()) where b - a < minimumGap * (1 - 1e-12) { close += 1 }
                return Double(close)
            },
            penaltyWeight: p.swarmSpacingPenalty)
        var options = ParticleSwarmOptions()
        options.swarmSize = p.swarmSize
        options.iterations = p.swarmIterations
        options.inertiaStart = p.swarmInitialInertia
        options.inertiaEnd = p.swarmFinalInertia
        options.cognitive = p.swarmAcceleration
        options.social = p.swarmAcceleration
        options.velocityClampFraction = p.swarmVelocityClamp
        options.boundaryHandling = .clamp
        let result = ParticleSwarm.maximize(swarm, initialPositions: [start], options: options, stream: &stream)
        return Outcome(positions: quantize(result.position), iterations: options.iterations, trace: result.history)
    }

    /// The true EE with ZF + Dinkelbach power at continuous positions x (m, antenna n at entry n, sorted
    /// here as Proposition 1 would); 0 when the channels are linearly dependent or τ ≥ T.
    func fitness(_ x: [Double]) -> Double {
        let p = problem.parameters
        let grid = problem.geometry.grid
        let sorted = x.sorted()
        var total = 0.0, maximum = 0.0
        for (m, position) in sorted.enumerated() {
            let d = abs(position - grid.position(problem.geometry.initialPositions[m]))
            total += d
            maximum = max(maximum, d)
        }
        let staticPower = problem.energy.effectiveStaticPower(totalDisplacement: total, maximumDisplacement: maximum)
        guard staticPower.isFinite else { return 0 }
        let channel = ChannelMatrix(channel: problem.channel, positions: sorted, noisePower: p.noisePower)
        guard let gains = ZeroForcing.gains(gram: channel.gram, users: channel.users) else { return 0 }
        return problem.allocation.allocate(gains: gains, staticPower: staticPower).outcome.value
    }

    /// Grid positions for continuous x (ascending, spacing-repaired), or x̃ if the repair breaks the reach.
    func quantize(_ x: [Double]) -> [Int] {
        let geometry = problem.geometry
        let grid = geometry.grid
        let s = geometry.spacingSteps
        var g = x.map { grid.nearestIndex(to: $0) }.sorted()
        for i in 1..<max(1, g.count) { g[i] = max(g[i], g[i - 1] + s) }
        if g[g.count - 1] > grid.lastIndex {
            g[g.count - 1] = grid.lastIndex
            for i in stride(from: g.count - 2, through: 0, by: -1) { g[i] = min(g[i], g[i + 1] - s) }
        }
        return geometry.isFeasible(g) ? g : geometry.initialPositions
    }
}
