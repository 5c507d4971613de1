import AntennaModels

extension MovementTradeoff {
    /// One instance of (P2.1): minimise f̄(r̃) over ‖r_n − r_n^0‖ ≤ ρ_d (13b), r_n ∈ C (13d) and
    /// ‖r_n − r_m‖ ≥ D (13c).
    public struct DeploymentProblem: Sendable, Hashable {
        public let initial: [PlanarPoint]
        public let region: SquareRegion
        public let spacing: Double

        public init(initial: [PlanarPoint], region: SquareRegion, spacing: Double) {
            self.initial = initial
            self.region = region
            self.spacing = spacing
        }

        /// S_n = disk(r_n^0, ρ_d) ∩ C for every antenna.
        public func sets(radius: Double) -> [ReachableSet] {
            initial.map { ReachableSet(centre: $0, radius: radius, region: region) }
        }

        /// Exact feasibility with tolerance (specs §13 check 10).
        public func isFeasible(_ r: [PlanarPoint], radius: Double, tolerance: Double = 1e-9) -> Bool {
            guard r.count == initial.count else { return false }
            for (n, p) in r.enumerated() {
                guard region.contains(p, tolerance: tolerance) else { return false }
                if radius.isFinite && p.distance(to: initial[n]) > radius + tolerance { return false }
                for m in 0..<n where p.distance(to: r[m]) < spacing - tolerance { return false }
            }
            return true
        }

        /// max_n ‖r_n − r_n^0‖.
        public func largestDisplacement(_ r: [PlanarPoint]) -> Double {
            zip(r, initial).reduce(0) { max($0, $1.0.distance(to: $1.1)) }
        }
    }

    /// Algorithm 1 (specs/tradeoff.md §5.2–5.5): the penalty reformulation (P2.2) solved by alternating a
    /// projected-gradient r-step (16) with the closed-form u-step (18), the penalty ρ growing every outer
    /// iteration. Returns the best auxiliary iterate u, which is exactly feasible (DEVIATION-3).
    public struct PenaltyOptimizer: Sendable {
        public let problem: DeploymentProblem
        public let settings: AlgorithmSettings
        /// Number of Algorithm-1 runs so far (deterministic cost counter).
        public private(set) var calls = 0

        public init(problem: DeploymentProblem, settings: AlgorithmSettings) {
            self.problem = problem
            self.settings = settings
        }

        public struct Result: Sendable {
            public var positions: [PlanarPoint]
            /// f̄(positions).
            public var trace: Double
            public var outerIterations: Int
        }

        /// Solves (P2.1) for reach radius ρ_d = v·τ (+∞: no speed constraint) from `start` (default r̃^0).
        public mutating func solve(radius: Double, start: [PlanarPoint]? = nil, objective: inout TraceObjective) -> Result {
            calls += 1
            let initial = problem.initial
            if radius == 0 { return Result(positions: initial, trace: objective.value(initial), outerIterations: 0) }
            let sets = problem.sets(radius: radius)
            var r = (start ?? initial).enumerated().map { sets[$0.offset].project($0.element) }
            var u: [PlanarPoint]
            if problem.isFeasible(r, radius: radius) {
                u = r
            } else {
                u = initial
                AuxiliaryUpdate.update(&u, target: r, sets: sets, spacing: problem.spacing, mode: settings.auxiliaryUpdate)
            }
            // r̃^0 is always feasible: the fallback when the distance-only u is not.
            var best = feasibleCandidate(u, sets: sets, radius: radius) ?? initial
            var bestTrace = objective.value(best)
            var penalty = settings.initialPenalty
            var outer = 0
            for t in 1...settings.maximumOuterIterations {
                outer = t
                descend(&r, towards: u, penalty: penalty, sets: sets, objective: &objective)
                AuxiliaryUpdate.update(&u, target: r, sets: sets, spacing: problem.spacing, mode: settings.auxiliaryUpdate)
                if let candidate = feasibleCandidate(u, sets: sets, radius: radius) {
                    let f = objective.value(candidate)
                    if f < bestTrace { best = candidate; bestTrace = f }
                }
                let coupling = zip(r, u).reduce(0.0) { max($0, $1.0.distance(to: $1.1)) }
                if coupling < settings.couplingTolerance && t >= settings.minimumOuterIterations { break }
                penalty *= settings.penaltyGrowth
            }
            return Result(positions: best, trace: bestTrace, outerIterations: outer)
        }

        /// u itself in `.full` mode (it is exactly feasible by construction). In `.distanceOnly` mode u satisfies
        /// only the spacing, so it counts when it also lies in every S_n (1e-9), or else its projection Π_S(u)
        /// when that keeps the spacing; otherwise this iterate offers no feasible candidate.
        func feasibleCandidate(_ u: [PlanarPoint], sets: [ReachableSet], radius: Double) -> [PlanarPoint]? {
            if settings.auxiliaryUpdate == .full || problem.isFeasible(u, radius: radius) { return u }
            let projected = u.enumerated().map { sets[$0.offset].project($0.element) }
            return problem.isFeasible(projected, radius: radius) ? projected : nil
        }

        /// PGD (16) on F_ρ(r) = f̄(r) + ρ Σ‖r_n − u_n‖² over ∏ S_n, Jacobi updates, Armijo or constant step.
        func descend(_ r: inout [PlanarPoint], towards u: [PlanarPoint], penalty: Double, sets: [ReachableSet],
                     objective: inout TraceObjective) {
            let count = r.count
            var gradient = [PlanarPoint](repeating: .zero, count: count)
            var trialGradient = gradient
            var trial = r
            func penalized(_ x: [PlanarPoint], _ g: inout [PlanarPoint]) -> Double {
                var f = objective.value(x, gradient: &g)
                for n in 0..<count {
                    let d = x[n] - u[n]
                    f += penalty * d.squaredNorm
                    g[n] = g[n] + (2 * penalty) * d
                }
                return f
            }
            var value = penalized(r, &gradient)
            guard value.isFinite else { return }
            var step = settings.initialStep
            for _ in 0..<settings.maximumInnerIterations {
                var accepted = false
                var largestMove = 0.0
                switch settings.stepRule {
                case .constant(let eta):
                    for n in 0..<count { trial[n] = sets[n].project(r[n] - eta * gradient[n]) }
                    let trialValue = penalized(trial, &trialGradient)
                    guard trialValue.isFinite else { return }
                    value = trialValue
                    accepted = true
                case .armijo:
                    step = min(2 * step, settings.maximumStep)
                    while step >= settings.minimumStep {
                        var linear = 0.0, quadratic = 0.0
                        for n in 0..<count {
                            trial[n] = sets[n].project(r[n] - step * gradient[n])
                            let d = trial[n] - r[n]
                            linear += gradient[n].dot(d)
                            quadratic += d.squaredNorm
                        }
                        if quadratic == 0 { return }  // projected gradient is zero: stationary
                        let trialValue = penalized(trial, &trialGradient)
                        if trialValue <= value + linear + quadratic / (2 * step) {
                            value = trialValue
                            accepted = true
                            break
                        }
                        step /= 2
                    }
                }
                guard accepted else { return }
                for n in 0..<count { largestMove = max(largestMove, trial[n].distance(to: r[n])) }
                swap(&r, &trial)
                swap(&gradient, &trialGradient)
                if largestMove < settings.innerTolerance { return }
            }
        }
    }
}
