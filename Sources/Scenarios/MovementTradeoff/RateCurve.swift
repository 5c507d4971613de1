import AntennaModels
import Foundation

extension MovementTradeoff {
    /// R(r̃) = log2(1 + γ̄/f̄(r̃)) under ZF with equal-SINR power (specs/tradeoff.md §2.4).
    public struct RateModel: Sendable, Hashable {
        /// γ̄ = Pβ/σ² (linear).
        public let referenceSNR: Double

        public init(referenceSNR: Double) { self.referenceSNR = referenceSNR }

        public func rate(trace: Double) -> Double {
            trace.isFinite && trace > 0 ? Foundation.log2(1 + referenceSNR / trace) : 0
        }

        /// dR/df̄ = −γ/((1 + γ)·f̄·ln 2) with γ = γ̄/f̄: ∇R = this · ∇f̄ (specs §5.1).
        public func rateSensitivity(trace: Double) -> Double {
            let gamma = referenceSNR / trace
            return -gamma / ((1 + gamma) * trace * Foundation.log(2))
        }
    }

    /// One point of the optimised-rate curve R(τ): the best deployment found with reach radius v·τ.
    public struct CurvePoint: Sendable {
        public var duration: Double
        public var positions: [PlanarPoint]
        /// f̄(positions).
        public var trace: Double
        public var rate: Double
        /// True for the golden-section points of the OTGM refinement.
        public var refined = false

        /// (T − τ)·R in bit/Hz.
        public func throughput(interval: Double) -> Double { (interval - duration) * rate }
    }

    /// The R(τ) curve engine (specs §5.6): runs Algorithm 1 at each τ, with continuation (warm start from
    /// the previous τ + straight-line start towards r̃*, the better kept, running envelope) or cold starts.
    public struct CurveEngine: Sendable {
        public let rateModel: RateModel
        /// v in λ/s.
        public let speed: Double
        /// r̃*, the unconstrained optimum (straight-line starts); nil disables them.
        public let target: [PlanarPoint]?
        public var optimizer: PenaltyOptimizer

        public init(optimizer: PenaltyOptimizer, rateModel: RateModel, speed: Double, target: [PlanarPoint]?) {
            self.optimizer = optimizer
            self.rateModel = rateModel
            self.speed = speed
            self.target = target
        }

        var problem: DeploymentProblem { optimizer.problem }

        /// R(0) = R(r̃^0): no optimisation.
        public func start(objective: inout TraceObjective) -> CurvePoint {
            let trace = objective.value(problem.initial)
            return CurvePoint(duration: 0, positions: problem.initial, trace: trace, rate: rateModel.rate(trace: trace))
        }

        /// r_n^0 + min(1, vτ/‖r_n* − r_n^0‖)(r_n* − r_n^0): feasible for (13b) and (13d), not necessarily (13c).
        public func straightLineStart(duration: Double) -> [PlanarPoint]? {
            guard let target else { return nil }
            let reach = speed * duration
            return zip(problem.initial, target).map { r0, rStar in
                let offset = rStar - r0
                let length = offset.norm
                return length > 0 ? r0 + min(1, reach / length) * offset : r0
            }
        }

        /// The curve point at τ, continuing from `previous` (a point at a smaller τ, hence feasible here).
        public mutating func point(at duration: Double, after previous: CurvePoint?, objective: inout TraceObjective) -> CurvePoint {
            let radius = speed * duration
            if radius == 0 { var p = start(objective: &objective); p.duration = duration; return p }
            var best: PenaltyOptimizer.Result
            switch optimizer.settings.curveInitialization {
            case .cold:
                best = optimizer.solve(radius: radius, objective: &objective)
            case .continuation:
                best = optimizer.solve(radius: radius, start: previous?.positions, objective: &objective)
                if let line = straightLineStart(duration: duration) {
                    let other = optimizer.solve(radius: radius, start: line, objective: &objective)
                    if other.trace < best.trace { best = other }
                }
                if let previous, previous.trace <= best.trace {
                    return CurvePoint(duration: duration, positions: previous.positions, trace: previous.trace, rate: previous.rate)
                }
            }
            return CurvePoint(duration: duration, positions: best.positions, trace: best.trace,
                              rate: rateModel.rate(trace: best.trace))
        }

        /// The curve on ascending durations (the first may be 0).
        public mutating func curve(at durations: [Double], objective: inout TraceObjective) -> [CurvePoint] {
            var points: [CurvePoint] = []
            points.reserveCapacity(durations.count)
            for tau in durations {
                points.append(point(at: tau, after: points.last, objective: &objective))
            }
            return points
        }
    }
}
