import AntennaModels
import Foundation

extension MovementTradeoff {
    /// The general method OTGM (specs/tradeoff.md §6): R(τ) on a τ grid by the curve engine, the best
    /// grid point refined by golden-section search; FMD+OAD reads the same curve at τ_F (§8).
    public struct GeneralMethod: Sendable {
        public struct Result: Sendable {
            /// Every evaluated point, grid and refinement, ascending in τ.
            public var curve: [CurvePoint]
            /// The maximiser of (T − τ)·R(τ) among them.
            public var best: CurvePoint
            /// The grid point at τ_F.
            public var fixedDuration: CurvePoint
        }

        public let interval: Double
        public let fixedDuration: Double
        public let gridPoints: Int
        public let refinementIterations: Int

        public init(interval: Double, fixedDuration: Double, gridPoints: Int, refinementIterations: Int) {
            self.interval = interval
            self.fixedDuration = fixedDuration
            self.gridPoints = gridPoints
            self.refinementIterations = refinementIterations
        }

        /// `gridPoints` uniform points on [0, min(T, τ_sat)] ∪ on [0, T] ∪ {τ_F}, ascending, duplicates
        /// (within 1e-12 s) merged.
        public func grid(saturation: Double) -> [Double] {
            let first = Self.uniform(0, min(interval, saturation), gridPoints)
            let second = Self.uniform(0, interval, gridPoints)
            var taus: [Double] = []
            for tau in (first + second + [fixedDuration]).sorted() where taus.last.map({ tau - $0 > 1e-12 }) ?? true {
                taus.append(tau)
            }
            return taus
        }

        static func uniform(_ a: Double, _ b: Double, _ count: Int) -> [Double] {
            count <= 1 ? [a] : (0..<count).map { i in i == count - 1 ? b : a + (b - a) * Double(i) / Double(count - 1) }
        }

        public func solve(engine: inout CurveEngine, saturation: Double, objective: inout TraceObjective) -> Result {
            let taus = grid(saturation: saturation)
            var curve = engine.curve(at: taus, objective: &objective)
            let fixed = curve.min { abs($0.duration - fixedDuration) < abs($1.duration - fixedDuration) }!
            let i = Self.argmax(curve.map { $0.throughput(interval: interval) })
            var best = curve[i]
            let lower = max(i - 1, 0), upper = min(i + 1, curve.count - 1)
            if refinementIterations > 0 && upper > lower {
                let warm = curve[lower]
                var refined: [CurvePoint] = []
                func evaluate(_ tau: Double) -> Double {
                    var p = engine.point(at: tau, after: warm, objective: &objective)
                    p.refined = true
                    refined.append(p)
                    return p.throughput(interval: interval)
                }
                Self.goldenSection(curve[lower].duration, curve[upper].duration, iterations: refinementIterations, evaluate)
                for p in refined where p.throughput(interval: interval) > best.throughput(interval: interval) { best = p }
                curve = (curve + refined).sorted { $0.duration < $1.duration }
            }
            return Result(curve: curve, best: best, fixedDuration: fixed)
        }

        /// First index of the maximum.
        static func argmax(_ values: [Double]) -> Int {
            var best = 0
            for i in values.indices where values[i] > values[best] { best = i }
            return best
        }

        /// Golden-section search for a maximum on [a, b]: `iterations` interval reductions by 1/φ (one new
        /// evaluation each after the first two).
        static func goldenSection(_ a: Double, _ b: Double, iterations: Int, _ f: (Double) -> Double) {
            let ratio = (Foundation.sqrt(5.0) - 1) / 2
            var a = a, b = b
            var c = b - ratio * (b - a), d = a + ratio * (b - a)
            var fc = f(c), fd = f(d)
            for _ in 1..<max(iterations, 1) {
                if fc >= fd {
                    b = d; d = c; fd = fc
                    c = b - ratio * (b - a); fc = f(c)
                } else {
                    a = c; c = d; fc = fd
                    d = a + ratio * (b - a); fd = f(d)
                }
            }
        }
    }
}
