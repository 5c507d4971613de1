import Foundation

extension SingleUserPowerControl {
    /// The principal branch W₀ of the Lambert W function: the w ≥ −1 with w·eʷ = x, for x ≥ −1/e
    /// (nested here to keep the shared Scenarios namespace free; move it to a common module if another
    /// scenario needs it).
    public enum LambertW {
        /// W₀(x) for x ≥ −1/e, to a relative accuracy of a few ulps (Halley's iteration from a branch-point
        /// series near −1/e, log1p for moderate x and the asymptotic ln x − ln ln x for large x).
        public static func principal(_ x: Double) -> Double {
            precondition(!x.isNaN, "W₀ of NaN")
            let e = M_E
            let branchPoint = -1 / e
            if x <= branchPoint {
                precondition(x > branchPoint - 1e-15, "W₀ is real only for x ≥ −1/e")
                return -1
            }
            if x == 0 { return 0 }
            if x == .infinity { return .infinity }
            var w: Double
            if x < -0.25 {
                let p = (2 * (e * x + 1)).squareRoot()
                w = -1 + p - p * p / 3 + 11 / 72 * p * p * p
            } else if x < 3 {
                w = Foundation.log1p(x)
                if x > 0 { w *= 0.75 }
            } else {
                let l1 = Foundation.log(x), l2 = Foundation.log(l1)
                w = l1 - l2 + l2 / l1
            }
            for _ in 0..<100 {
                let ew = Foundation.exp(w)
                let f = w * ew - x
                let wp1 = w + 1
                guard wp1 != 0 else { break }
                let step = f / (ew * wp1 - (w + 2) * f / (2 * wp1))
                let next = w - step
                if !next.isFinite { break }
                if abs(next - w) <= 4 * Double.ulpOfOne * max(abs(next), Double.leastNormalMagnitude) {
                    return next
                }
                w = next
            }
            return w
        }
    }
}
