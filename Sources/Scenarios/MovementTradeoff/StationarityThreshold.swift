import AntennaModels

extension MovementTradeoff {
    /// Proposition 1 (28) and Remark 2 (36) (specs/tradeoff.md §9): with S = Σ_n ‖∇_{r_n}R(r̃^0)‖,
    /// E'(0+) = −R0 + T·v·S, so staying still is optimal when v ≤ v_th = R0/(T·S) or T ≤ T_th = R0/(v·S).
    /// Sufficient; when constraints are active at r̃^0 the admissible directions shrink and it may not be
    /// necessary (specs §9).
    public struct StationarityThreshold: Sendable, Hashable {
        /// R0 = R(r̃^0), bit/s/Hz.
        public let initialRate: Double
        /// S, (bit/s/Hz) per λ.
        public let gradientNormSum: Double
        /// v_th, λ/s (+∞ when S = 0).
        public let speedThreshold: Double
        /// T_th at the given speed, s (+∞ when v·S = 0).
        public let timeThreshold: Double

        public init(initialRate: Double, gradientNormSum: Double, interval: Double, speed: Double) {
            self.initialRate = initialRate
            self.gradientNormSum = gradientNormSum
            speedThreshold = gradientNormSum > 0 ? initialRate / (interval * gradientNormSum) : .infinity
            timeThreshold = speed * gradientNormSum > 0 ? initialRate / (speed * gradientNormSum) : .infinity
        }

        /// From the rate gradient ∇R = (dR/df̄)·∇f̄ at r̃^0.
        public init(initial: [PlanarPoint], objective: inout TraceObjective, rateModel: RateModel, interval: Double,
                    speed: Double) {
            var gradient = [PlanarPoint](repeating: .zero, count: initial.count)
            let trace = objective.value(initial, gradient: &gradient)
            let sensitivity = trace.isFinite ? abs(rateModel.rateSensitivity(trace: trace)) : 0
            self.init(initialRate: rateModel.rate(trace: trace),
                      gradientNormSum: gradient.reduce(0) { $0 + sensitivity * $1.norm }, interval: interval, speed: speed)
        }
    }
}
