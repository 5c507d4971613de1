import AntennaModels
import Foundation
import Randomness

/// Benchmark 1 (ref. [41], Xiao et al.), single user: particle-swarm search over continuous antenna
/// positions, then quantisation to the grid (specs/ee.md §6.4). A small self-contained PSO; it can move
/// onto Optimization's generic ParticleSwarm once that exists, as long as the draw order below is kept.
///
/// * Box per coordinate: [max(0, x̃_n − v_max·T), min(A, x̃_n + v_max·T)].
/// * Particle 0 is x̃; the others are uniform in the box (drawn particle by particle, coordinate by
///   coordinate); velocities start at 0.
/// * Each iteration it = 0..I−1, particle by particle: inertia ω = ω_0 + (ω_I − ω_0)·it/(I−1) (0.9 → 0.4), then per
///   coordinate r1, r2 ~ U[0,1) (in that order), v ← ω·v + c1·r1·(pbest − x) + c2·r2·(gbest − x),
///   clamped to ±0.2·(box width), x ← x + v clipped to the box; then the particle's fitness is
///   evaluated and its personal best and the global best are updated (strict improvement).
/// * Fitness: EE*(x) at the continuous positions (channel evaluated exactly, renumbered, §4.1 inner
///   solution) minus ϖ per adjacent sorted pair closer than the grid spacing s·Δ (the quantised d_min).
/// * Quantisation of the global best: g_n = round(x_n/Δ) clamped to the grid, sorted, repaired forward
///   (g_n ≥ g_{n−1} + s), and if g_N > G−1, g_N = G−1 and repaired backward; if the movement limit is
///   then violated, fall back to x̃.
struct SingleUserParticleSwarm {
    let problem: SingleUserOptimizer

    struct Outcome {
        var positions: [Int]
        var iterations: Int
        /// Global-best fitness after initialisation and after each iteration.
        var trace: [Double]
    }

    func run(stream: inout RandomStream) -> Outcome {
        let p = problem.parameters
        let geometry = problem.geometry
        let grid = geometry.grid
        let n = geometry.antennaCount
        let start = geometry.initialPositions.map(grid.position)
        let reach = p.maxSpeed * p.coherenceTime
        let lower = start.map { max(0, $0 - reach) }
        let upper = start.map { min(p.arrayLength, $0 + reach) }
        let clamp = zip(lower, upper).map { p.swarmVelocityClamp * ($1 - $0) }

        var particles = [start]
        for _ in 1..<max(1, p.swarmSize) {
            particles.append((0..<n).map { stream.uniform(lower[$0], upper[$0]) })
        }
        var velocities = Array(repeating: Array(repeating: 0.0, count: n), count: particles.count)
        var personalBest = particles
        var personalFitness = particles.map(fitness)
        var globalIndex = 0
        for i in personalFitness.indices where personalFitness[i] > personalFitness[globalIndex] { globalIndex = i }
        var globalBest = personalBest[globalIndex]
        var globalFitness = personalFitness[globalIndex]
        var trace = [globalFitness]

        let iterations = p.swarmIterations
        for it in 0..<iterations {
            let progress = iterations > 1 ? Double(it) / Double(iterations - 1) : 0
            let inertia = p.swarmInitialInertia + (p.swarmFinalInertia - p.swarmInitialInertia) * progress
            for i in particles.indices {
                for d in 0..<n {
                    let r1 = stream.uniform(), r2 = stream.uniform()
                    var v = inertia * velocities[i][d]
                        + p.swarmAcceleration * r1 * (personalBest[i][d] - particles[i][d])
                        + p.swarmAcceleration * r2 * (globalBest[d] - particles[i][d])
                    v = min(clamp[d], max(-clamp[d], v))
                    velocities[i][d] = v
                    particles[i][d] = min(upper[d], max(lower[d], particles[i][d] + v))
                }
                let f = fitness(particles[i])
                if f > personalFitness[i] {
                    personalFitness[i] = f
                    personalBest[i] = particles[i]
                    if f > globalFitness {
                        globalFitness = f
                        globalBest = particles[i]
                    }
                }
            }
            trace.append(globalFitness)
        }
        return Outcome(positions: quantize(globalBest), iterations: iterations, trace: trace)
    }

    /// EE*(x) − ϖ·(close adjacent pairs) at continuous positions x (m).
    func fitness(_ x: [Double]) -> Double {
        let geometry = problem.geometry
        let grid = geometry.grid
        let sorted = x.sorted()
        let minimumGap = Double(geometry.spacingSteps) * grid.stepSize
        var close = 0
        for (a, b) in zip(sorted, sorted.dropFirst()) where b - a < minimumGap * (1 - 1e-12) { close += 1 }
        var gain = 0.0, total = 0.0, maximum = 0.0
        let sigma2 = problem.parameters.noisePower
        for (m, position) in sorted.enumerated() {
            let h = problem.channel.response(user: 0, at: position)
            gain += (h.real * h.real + h.imaginary * h.imaginary) / sigma2
            let d = abs(position - grid.position(geometry.initialPositions[m]))
            total += d
            maximum = max(maximum, d)
        }
        let staticPower = problem.energy.effectiveStaticPower(totalDisplacement: total, maximumDisplacement: maximum)
        let ee = staticPower.isFinite
            ? problem.powerControl.solve(gain: gain, staticPower: staticPower).energyEfficiency : 0
        return ee - problem.parameters.swarmSpacingPenalty * Double(close)
    }

    /// Grid positions for continuous x (ascending, spacing-repaired), or x̃ if the repair breaks the reach.
    func quantize(_ x: [Double]) -> [Int] {
        let geometry = problem.geometry
        let grid = geometry.grid
        let s = geometry.spacingSteps
        var g = x.map { grid.nearestIndex(to: $0) }.sorted()
        for i in 1..<g.count { g[i] = max(g[i], g[i - 1] + s) }
        if g[g.count - 1] > grid.lastIndex {
            g[g.count - 1] = grid.lastIndex
            for i in stride(from: g.count - 2, through: 0, by: -1) { g[i] = min(g[i], g[i + 1] - s) }
        }
        return geometry.isFeasible(g) ? g : geometry.initialPositions
    }
}
