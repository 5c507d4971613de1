import Randomness

/// Global-best particle swarm optimisation, deterministic given the `RandomStream` passed in.
///
/// Initialisation: the caller's `initialPositions` (projected onto the box) occupy the first
/// particles — e.g. the FPA configuration, so the result is never worse than it; the remaining
/// particles are uniform in the box, drawn particle by particle, coordinate by coordinate. Velocities
/// start at 0.
///
/// Update `it` (synchronous: every particle uses the global best of the previous iteration):
///
///     v ← w_it·v + c1·r1·(p_best − x) + c2·r2·(g_best − x),  r1, r2 ~ U[0, 1) per coordinate
///     v ← clamp(v, ±vmax),  x ← x + v,  boundary handling (clamp or reflect, see options)
///
/// Random draws per update: for each particle, for each coordinate, r1 then r2 — a fixed count, so
/// the stream position after the call depends only on (swarmSize, iterations, dimension).
/// Bests are replaced only on strict improvement; ties keep the earlier particle. A NaN fitness
/// counts as +∞ (never best). The objective is only evaluated inside the box.
public enum ParticleSwarm {
    public static func minimize(
        _ problem: ParticleSwarmProblem, initialPositions: [[Double]] = [],
        options: ParticleSwarmOptions = ParticleSwarmOptions(), stream: inout RandomStream
    ) -> ParticleSwarmResult {
        run(problem, sign: 1, initialPositions: initialPositions, options: options, stream: &stream)
    }

    /// Maximises objective − penaltyWeight·penalty (e.g. EE minus ϖ per spacing violation, ee.md §6.4).
    public static func maximize(
        _ problem: ParticleSwarmProblem, initialPositions: [[Double]] = [],
        options: ParticleSwarmOptions = ParticleSwarmOptions(), stream: inout RandomStream
    ) -> ParticleSwarmResult {
        run(problem, sign: -1, initialPositions: initialPositions, options: options, stream: &stream)
    }

    private static func run(
        _ problem: ParticleSwarmProblem, sign: Double, initialPositions: [[Double]],
        options: ParticleSwarmOptions, stream: inout RandomStream
    ) -> ParticleSwarmResult {
        precondition(options.swarmSize >= 1 && options.iterations >= 0, "need ≥ 1 particle and ≥ 0 iterations")
        precondition(initialPositions.count <= options.swarmSize, "more initial positions than particles")
        precondition(initialPositions.allSatisfy { $0.count == problem.dimension }, "initial position of wrong length")
        let dimension = problem.dimension, size = options.swarmSize
        let lower = problem.lower, upper = problem.upper
        let maximumSpeed = (0..<dimension).map { options.velocityClampFraction * (upper[$0] - lower[$0]) }

        var evaluations = 0
        /// Minimised internally: sign·objective + weight·penalty; NaN → +∞.
        func fitness(_ x: [Double]) -> Double {
            evaluations += 1
            let value = sign * problem.objective(x) + problem.penaltyWeight * (problem.penalty?(x) ?? 0)
            return value.isNaN ? .infinity : value
        }

        var positions = [[Double]]()
        positions.reserveCapacity(size)
        for seed in initialPositions {
            positions.append((0..<dimension).map { min(max(seed[$0], lower[$0]), upper[$0]) })
        }
        while positions.count < size {
            positions.append((0..<dimension).map { stream.uniform(lower[$0], upper[$0]) })
        }
        var velocities = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: size)
        var personalBest = positions
        var personalFitness = positions.map(fitness)
        var globalIndex = 0
        for p in 1..<size where personalFitness[p] < personalFitness[globalIndex] { globalIndex = p }
        var globalBest = personalBest[globalIndex]
        var globalFitness = personalFitness[globalIndex]
        var history = [globalFitness]
        history.reserveCapacity(options.iterations + 1)

        for it in 0..<options.iterations {
            let progress = options.iterations > 1 ? Double(it) / Double(options.iterations - 1) : 0
            let inertia = options.inertiaStart - (options.inertiaStart - options.inertiaEnd) * progress
            for p in 0..<size {
                for d in 0..<dimension {
                    let r1 = stream.uniform(), r2 = stream.uniform()
                    var v = inertia * velocities[p][d]
                        + options.cognitive * r1 * (personalBest[p][d] - positions[p][d])
                        + options.social * r2 * (globalBest[d] - positions[p][d])
                    v = min(max(v, -maximumSpeed[d]), maximumSpeed[d])
                    var x = positions[p][d] + v
                    if x < lower[d] || x > upper[d] {
                        if options.boundaryHandling == .reflect {
                            x = x < lower[d] ? 2 * lower[d] - x : 2 * upper[d] - x
                            v = -v
                        }
                        if x < lower[d] || x > upper[d] {
                            x = min(max(x, lower[d]), upper[d])
                            v = 0
                        }
                    }
                    positions[p][d] = x
                    velocities[p][d] = v
                }
            }
            for p in 0..<size {
                let value = fitness(positions[p])
                if value < personalFitness[p] {
                    personalFitness[p] = value
                    personalBest[p] = positions[p]
                }
            }
            for p in 0..<size where personalFitness[p] < globalFitness {
                globalFitness = personalFitness[p]
                globalBest = personalBest[p]
            }
            history.append(globalFitness)
        }

        let objective = problem.objective(globalBest)
        let penalty = problem.penalty?(globalBest) ?? 0
        return ParticleSwarmResult(
            position: globalBest, objective: objective, penalty: penalty,
            fitness: sign * globalFitness, evaluations: evaluations, history: history.map { sign * $0 })
    }
}
