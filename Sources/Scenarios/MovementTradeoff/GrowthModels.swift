import Foundation
import Optimization

extension MovementTradeoff {
    /// The two growth models of the fitting method (specs/tradeoff.md §7.2) and their fits (§7.3).
    public enum GrowthModel: Sendable, Hashable {
        /// R̂_Q(τ) = c − a(τ − τ_q)², a ≥ 0, τ_q ≥ τ_sat  (20); a = 0 is the constant model.
        case quadratic(c: Double, a: Double, vertex: Double)
        /// R̂_S(τ) = c + (R_max − c)/(1 + e^{−k(τ − τ_0)})  (21).
        case sigmoid(maximum: Double, offset: Double, steepness: Double, inflection: Double)

        public func value(at tau: Double) -> Double {
            switch self {
            case .quadratic(let c, let a, let vertex):
                return c - a * (tau - vertex) * (tau - vertex)
            case .sigmoid(let maximum, let offset, let k, let inflection):
                return offset + (maximum - offset) * Self.logistic(k * (tau - inflection))
            }
        }

        /// 1/(1 + e^{−z}) with z clipped to ±500 (specs §7.3).
        static func logistic(_ z: Double) -> Double { 1 / (1 + Foundation.exp(-min(max(z, -500), 500))) }

        /// 0 for the quadratic, 1 for the sigmoid (the `fit_model` metric).
        public var code: Double {
            if case .sigmoid = self { return 1 }
            return 0
        }

        /// Quadratic: (c, a, τ_q, nan); sigmoid: (R_max, c, k, τ_0).
        public var parameters: [Double] {
            switch self {
            case .quadratic(let c, let a, let vertex): return [c, a, vertex, .nan]
            case .sigmoid(let maximum, let offset, let k, let inflection): return [maximum, offset, k, inflection]
            }
        }

        /// Valid sigmoid: finite, k > 0, R_max > c.
        var isValid: Bool {
            switch self {
            case .quadratic(let c, let a, let vertex): return c.isFinite && a.isFinite && vertex.isFinite && a >= 0
            case .sigmoid(let maximum, let offset, let k, let inflection):
                return [maximum, offset, k, inflection].allSatisfy(\.isFinite) && k > 0 && maximum > offset
            }
        }

        public func sumOfSquares(_ taus: [Double], _ rates: [Double]) -> Double {
            zip(taus, rates).reduce(0) { s, p in let e = value(at: p.0) - p.1; return s + e * e }
        }
    }

    /// A fitted model with its sum of squared errors on the samples.
    public struct GrowthFit: Sendable {
        public var model: GrowthModel
        public var sumOfSquares: Double

        /// The concave quadratic (20) by linear least squares, τ_q ≥ τ_sat enforced (specs §7.3).
        public static func quadratic(_ taus: [Double], _ rates: [Double], saturation: Double) -> GrowthFit {
            let mean = rates.reduce(0, +) / Double(rates.count)
            func done(_ m: GrowthModel) -> GrowthFit { GrowthFit(model: m, sumOfSquares: m.sumOfSquares(taus, rates)) }
            let constant = GrowthModel.quadratic(c: mean, a: 0, vertex: saturation)
            guard let top = rates.max(), let bottom = rates.min(), top - bottom >= 1e-9, saturation > 0 else {
                return done(constant)
            }
            // y ≈ p₂τ² + p₁τ + p₀, in s = τ/τ_sat for conditioning.
            if let p = leastSquares(rows: taus.map { let s = $0 / saturation; return [s * s, s, 1] }, rates),
               p[0] < 0 {
                let vertexScaled = -p[1] / (2 * p[0])
                if vertexScaled >= 1 {
                    let a = -p[0] / (saturation * saturation)
                    let c = p[2] - p[1] * p[1] / (4 * p[0])
                    return done(.quadratic(c: c, a: a, vertex: vertexScaled * saturation))
                }
            }
            // τ_q = τ_sat: basis [1, −(τ − τ_sat)²].
            if let p = leastSquares(rows: taus.map { [1, -($0 - saturation) * ($0 - saturation)] }, rates), p[1] >= 0 {
                return done(.quadratic(c: p[0], a: p[1], vertex: saturation))
            }
            return done(constant)
        }

        /// The sigmoid (21) by Levenberg–Marquardt with the analytic Jacobian, started from τ_0 ∈ {0, τ_sat/4,
        /// τ_sat/2} (specs §7.3); the lowest SSE wins. Nil when no start gives a finite fit.
        public static func sigmoid(_ taus: [Double], _ rates: [Double], saturation: Double) -> GrowthFit? {
            guard let first = rates.first, let last = rates.last, saturation > 0 else { return nil }
            let problem = LeastSquaresProblem.curveFit(
                x: taus, y: rates, parameterCount: 4,
                model: { tau, p in GrowthModel.sigmoid(maximum: p[0], offset: p[1], steepness: p[2], inflection: p[3]).value(at: tau) },
                gradient: { tau, p, g in
                    let s = GrowthModel.logistic(p[2] * (tau - p[3]))
                    let span = p[0] - p[1]
                    g[0] = s
                    g[1] = 1 - s
                    g[2] = span * s * (1 - s) * (tau - p[3])
                    g[3] = -span * s * (1 - s) * p[2]
                })
            var best: GrowthFit?
            for inflection in [0, saturation / 4, saturation / 2] {
                let start = [last + 0.05 * (last - first) + 1e-6, first - 1e-6, 8 / saturation, inflection]
                let result = LevenbergMarquardt.minimize(problem, start: start)
                let p = result.parameters
                let model = GrowthModel.sigmoid(maximum: p[0], offset: p[1], steepness: p[2], inflection: p[3])
                guard result.sumOfSquares.isFinite, p.allSatisfy(\.isFinite) else { continue }
                if best.map({ result.sumOfSquares < $0.sumOfSquares }) ?? true {
                    best = GrowthFit(model: model, sumOfSquares: result.sumOfSquares)
                }
            }
            return best
        }

        /// Both fits and the model choice of `selection` (specs §7.3 ASSUMED rule for `.sse`: the sigmoid iff
        /// valid and strictly lower SSE).
        public static func select(_ taus: [Double], _ rates: [Double], saturation: Double,
                                  selection: FitSelection) -> GrowthFit {
            let quadratic = quadratic(taus, rates, saturation: saturation)
            if selection == .quadratic { return quadratic }
            let sigmoid = sigmoid(taus, rates, saturation: saturation)
            switch selection {
            case .sigmoid:
                if let sigmoid, sigmoid.model.isValid { return sigmoid }
                return quadratic
            default:
                if let sigmoid, sigmoid.model.isValid, sigmoid.sumOfSquares < quadratic.sumOfSquares { return sigmoid }
                return quadratic
            }
        }

        /// τ̂ = argmax_{τ ∈ [0, τ_sat]} (T − τ)·R̂(τ) on `points` uniform points (first maximiser).
        public func bestDuration(interval: Double, saturation: Double, points: Int) -> Double {
            var bestTau = 0.0, bestValue = -Double.infinity
            for i in 0..<max(points, 1) {
                let tau = points <= 1 ? 0 : (i == points - 1 ? saturation : saturation * Double(i) / Double(points - 1))
                let value = (interval - tau) * model.value(at: tau)
                if value > bestValue { bestValue = value; bestTau = tau }
            }
            return bestTau
        }

        /// Least squares by normal equations with partial-pivoting elimination (tiny, well-scaled systems).
        static func leastSquares(rows: [[Double]], _ y: [Double]) -> [Double]? {
            let n = rows[0].count
            guard rows.count >= n else { return nil }
            var a = [[Double]](repeating: [Double](repeating: 0, count: n + 1), count: n)
            for (row, value) in zip(rows, y) {
                for i in 0..<n {
                    for j in 0..<n { a[i][j] += row[i] * row[j] }
                    a[i][n] += row[i] * value
                }
            }
            for col in 0..<n {
                guard let pivot = (col..<n).max(by: { abs(a[$0][col]) < abs(a[$1][col]) }), abs(a[pivot][col]) > 1e-300 else {
                    return nil
                }
                a.swapAt(col, pivot)
                for r in (col + 1)..<n {
                    let factor = a[r][col] / a[col][col]
                    for c in col...n { a[r][c] -= factor * a[col][c] }
                }
            }
            var x = [Double](repeating: 0, count: n)
            for i in stride(from: n - 1, through: 0, by: -1) {
                var s = a[i][n]
                for j in (i + 1)..<n { s -= a[i][j] * x[j] }
                x[i] = s / a[i][i]
            }
            return x.allSatisfy(\.isFinite) ? x : nil
        }
    }
}
