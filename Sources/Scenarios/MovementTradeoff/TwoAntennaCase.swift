import Foundation

extension MovementTradeoff {
    /// The special case N = K = 2 on a segment [0, L] (specs/tradeoff.md §10, paper §IV), in closed form:
    /// tr((HᴴH)⁻¹) = 1/(β sin²(πΔd)), so R(d) = log2(1 + γ̄ sin²(πΔd)) with d = x₂ − x₁ and
    /// Δ = cos ϑ₂ − cos ϑ₁ (positions in λ). Antennas start at x^0 = L/2 ∓ d0/2 and each moves at most v·τ
    /// inside [0, L]; the spacing reachable at τ is the interval [lo(τ), hi(τ)] and R(τ) is the maximum of
    /// R over it (for the defaults this is R(min(d0 + 2vτ, λ/2)), as in (26)/(27)). D is not enforced (§10.1).
    public struct TwoAntennaCase: Sendable, Hashable {
        /// γ̄ = Pβ/σ² (linear).
        public let referenceSNR: Double
        /// L in λ.
        public let segmentLength: Double
        /// x₁^0, x₂^0 in λ.
        public let initial: (Double, Double)
        /// Δ = cos ϑ₂ − cos ϑ₁.
        public let directionGap: Double
        public let speed: Double
        public let interval: Double

        public init(referenceSNR: Double, segmentLength: Double, initialSpacing: Double, angles: (Double, Double),
                    speed: Double, interval: Double) {
            precondition(initialSpacing >= 0 && initialSpacing <= segmentLength)
            self.referenceSNR = referenceSNR
            self.segmentLength = segmentLength
            initial = (segmentLength / 2 - initialSpacing / 2, segmentLength / 2 + initialSpacing / 2)
            directionGap = Foundation.cos(angles.1) - Foundation.cos(angles.0)
            self.speed = speed
            self.interval = interval
        }

        public static func == (a: Self, b: Self) -> Bool {
            a.referenceSNR == b.referenceSNR && a.segmentLength == b.segmentLength && a.initial == b.initial
                && a.directionGap == b.directionGap && a.speed == b.speed && a.interval == b.interval
        }

        public func hash(into h: inout Hasher) {
            for x in [referenceSNR, segmentLength, initial.0, initial.1, directionGap, speed, interval] { h.combine(x) }
        }

        public var initialSpacing: Double { initial.1 - initial.0 }

        /// SINR γ̄ sin²(πΔd) (25).
        public func sinr(spacing d: Double) -> Double {
            let s = Foundation.sin(Double.pi * directionGap * d)
            return referenceSNR * s * s
        }

        public func rate(spacing d: Double) -> Double { Foundation.log2(1 + sinr(spacing: d)) }

        /// The reachable spacings [lo, hi] after moving for τ.
        public func spacingRange(duration tau: Double) -> ClosedRange<Double> {
            let reach = speed * tau
            let lo = max(initial.1 - reach, 0) - min(initial.0 + reach, segmentLength)
            let hi = min(initial.1 + reach, segmentLength) - max(initial.0 - reach, 0)
            return lo...hi
        }

        /// The best spacing in [lo, hi]: the maximiser d = (m + ½)/|Δ| of sin² nearest to d0 if one is reachable
        /// (on either side of d0), else the better end of the range. Allocation-free: Fig. 3 calls it ~1.4e7 times.
        public func bestSpacing(duration tau: Double) -> Double {
            let range = spacingRange(duration: tau)
            let g = abs(directionGap)
            if g > 0 {
                let d0 = initialSpacing, shifted = initialSpacing * g - 0.5
                let up = (shifted.rounded(.up) + 0.5) / g, down = (shifted.rounded(.down) + 0.5) / g
                let upReachable = up <= range.upperBound, downReachable = down >= range.lowerBound
                if upReachable && (!downReachable || up - d0 <= d0 - down) { return up }
                if downReachable { return down }
            }
            return sinr(spacing: range.upperBound) >= sinr(spacing: range.lowerBound) ? range.upperBound : range.lowerBound
        }

        /// R(τ) (26b)/(27b).
        public func rate(duration tau: Double) -> Double { rate(spacing: bestSpacing(duration: tau)) }

        /// (T − τ)·R(τ) (26a)/(27a).
        public func throughput(duration tau: Double) -> Double { (interval - tau) * rate(duration: tau) }

        /// R0 = R(d0) (41).
        public var initialRate: Double { rate(spacing: initialSpacing) }

        /// τ_sat: the first τ at which the best spacing over all τ, d_target, becomes reachable (bisection on the
        /// piecewise-linear reachable range, exact to rounding), capped at T as in (19). For the defaults
        /// (d* − d0)/(2v). T when v = 0.
        public var saturationDuration: Double {
            guard speed > 0 else { return interval }
            let far = 2 * segmentLength / speed + 1
            let target = bestSpacing(duration: far)
            if spacingRange(duration: 0).contains(target) { return 0 }
            var lo = 0.0, hi = far
            for _ in 0..<200 {
                let mid = (lo + hi) / 2
                if spacingRange(duration: mid).contains(target) { hi = mid } else { lo = mid }
                if hi - lo <= 4 * hi.ulp { break }
            }
            return min(hi, interval)
        }

        /// S = Σ_n |∂R/∂x_n| at x^0 (39)–(40): ∂R/∂x₂ = −∂R/∂x₁ = dR/dd = γ̄πΔ sin(2πΔd0)/((1 + γ0) ln 2).
        public var gradientNormSum: Double {
            let d0 = initialSpacing
            let derivative = referenceSNR * Double.pi * directionGap * Foundation.sin(2 * Double.pi * directionGap * d0)
                / ((1 + sinr(spacing: d0)) * Foundation.log(2))
            return 2 * abs(derivative)
        }

        public var threshold: StationarityThreshold {
            StationarityThreshold(initialRate: initialRate, gradientNormSum: gradientNormSum, interval: interval, speed: speed)
        }

        /// τ* = argmax_{τ ∈ [0, T]} (T − τ)·R(τ): a uniform grid of step ≤ `step`, then golden-section
        /// refinement between the neighbours of the best grid point, kept only if strictly better by more
        /// than rounding (1e-14 relative). Ties on the grid go to the smallest τ, so τ* = 0 exactly when
        /// staying still is optimal (Fig. 3).
        public func optimalDuration(step: Double) -> (duration: Double, throughput: Double) {
            let count = Int((interval / step).rounded(.up)) + 1
            var bestIndex = 0, bestValue = throughput(duration: 0)
            for i in 1..<count {
                let value = throughput(duration: interval * Double(i) / Double(count - 1))
                if value > bestValue { bestValue = value; bestIndex = i }
            }
            let tau = { (i: Int) in self.interval * Double(i) / Double(count - 1) }
            var bestTau = tau(bestIndex)
            let lower = tau(max(bestIndex - 1, 0)), upper = tau(min(bestIndex + 1, count - 1))
            var refinedTau = bestTau, refinedValue = bestValue
            GeneralMethod.goldenSection(lower, upper, iterations: 80) { t in
                let value = throughput(duration: t)
                if value > refinedValue { refinedValue = value; refinedTau = t }
                return value
            }
            if refinedValue > bestValue + 1e-14 * abs(bestValue) { bestTau = refinedTau; bestValue = refinedValue }
            return (bestTau, bestValue)
        }
    }
}
