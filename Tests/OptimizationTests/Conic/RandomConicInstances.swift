import ComplexModule
import LinearAlgebra
import Optimization
import RealModule

/// Random conic programs with a known optimum, built from the KKT conditions: choose A, x*, and a
/// strictly complementary pair s* ∈ K, y* ∈ K* (s*ᵀy* = 0), then set b = A x* + s*, c = −Aᵀy*.
/// x* is optimal with value cᵀx* = −bᵀy*.
struct KnownOptimum {
    let problem: ConicProblem
    let xStar: [Double]
    let sStar: [Double]
    let yStar: [Double]
    var optimalValue: Double { zip(problem.c, xStar).reduce(0) { $0 + $1.0 * $1.1 } }

    static func make(cones: [Cone], variables n: Int, seed: UInt64, density: Double = 1) throws -> KnownOptimum {
        var rng = TestRNG(seed)
        var s: [Double] = [], y: [Double] = []
        for cone in cones {
            let (cs, cy) = complementaryPair(cone, &rng)
            s += cs
            y += cy
        }
        let m = s.count
        var t: [(row: Int, column: Int, value: Double)] = []
        for j in 0..<n { for i in 0..<m where density >= 1 || rng.unit() < density { t.append((i, j, rng.normal())) } }
        let a = SparseMatrix(rows: m, columns: n, triplets: t)
        let x = (0..<n).map { _ in rng.normal() }
        var b = a.multiply(x)
        for i in 0..<m { b[i] += s[i] }
        let c = a.transposeMultiply(y).map { -$0 }
        return KnownOptimum(problem: try ConicProblem(c: c, A: a, b: b, cones: cones), xStar: x, sStar: s, yStar: y)
    }

    /// A strictly complementary boundary pair for one cone.
    static func complementaryPair(_ cone: Cone, _ rng: inout TestRNG) -> ([Double], [Double]) {
        switch cone {
        case .zero(let d):
            return ([Double](repeating: 0, count: d), (0..<d).map { _ in rng.normal() })
        case .nonnegative(let d):
            var s = [Double](repeating: 0, count: d), y = s
            for i in 0..<d { if rng.unit() < 0.5 { s[i] = 0.5 + rng.unit() } else { y[i] = 0.5 + rng.unit() } }
            return (s, y)
        case .secondOrder(let d):
            if d == 1 { return rng.unit() < 0.5 ? ([1 + rng.unit()], [0]) : ([0], [1 + rng.unit()]) }
            var u = (0..<(d - 1)).map { _ in rng.normal() }
            let nu = u.reduce(0) { $0 + $1 * $1 }.squareRoot()
            u = u.map { $0 / nu }
            let ts = 0.5 + rng.unit(), ty = 0.5 + rng.unit()
            return ([ts] + u.map { ts * $0 }, [ty] + u.map { -ty * $0 })
        case .psd(let n):
            let q = randomOrthogonal(n, &rng)
            let r = n / 2
            var ds = [Double](repeating: 0, count: n), dy = ds
            for i in 0..<n { if i < r { ds[i] = 0.5 + rng.unit() } else { dy[i] = 0.5 + rng.unit() } }
            let sm = q * RealMatrix.diagonal(ds) * q.transposed
            let ym = q * RealMatrix.diagonal(dy) * q.transposed
            return (SymmetricVectorization.pack(sm), SymmetricVectorization.pack(ym))
        case .exponential:
            // s = a·(r, 1, eʳ) on the boundary of K_exp, y = b·(−eʳ, −eʳ(1 − r), 1) on the boundary of
            // K_exp*, orthogonal to s.
            let r = rng.uniform(), a = 0.5 + rng.unit(), bq = 0.5 + rng.unit()
            let er = Double.exp(r)
            return ([a * r, a, a * er], [-bq * er, -bq * er * (1 - r), bq])
        case .hermitianPSD(let n):
            let q = randomUnitary(n, &rng)
            let r = (n + 1) / 2
            var ds = [Double](repeating: 0, count: n), dy = ds
            for i in 0..<n { if i < r { ds[i] = 0.5 + rng.unit() } else { dy[i] = 0.5 + rng.unit() } }
            let sm = q * ComplexMatrix(RealMatrix.diagonal(ds)) * q.adjoint
            let ym = q * ComplexMatrix(RealMatrix.diagonal(dy)) * q.adjoint
            return (SymmetricVectorization.pack(sm), SymmetricVectorization.pack(ym))
        }
    }

    static func randomOrthogonal(_ n: Int, _ rng: inout TestRNG) -> RealMatrix {
        let g = RealMatrix(rows: n, columns: n, elements: (0..<(n * n)).map { _ in rng.normal() })
        let e = try! SymmetricEigendecomposition(g * g.transposed)
        return e.eigenvectors
    }

    static func randomUnitary(_ n: Int, _ rng: inout TestRNG) -> ComplexMatrix {
        let g = ComplexMatrix(rows: n, columns: n, elements: (0..<(n * n)).map { _ in rng.complexNormal() })
        return try! HermitianEigendecomposition(g * g.adjoint).eigenvectors
    }
}

/// Maps a problem with Hermitian PSD cones to the same problem with real 2n×2n embeddings.
func realEmbedding(of problem: ConicProblem) throws -> ConicProblem {
    var rowMap: [[(row: Int, factor: Double)]] = []   // per original row: contributions to new rows
    var cones: [Cone] = []
    var newRows = 0
    var oldRow = 0
    for cone in problem.cones {
        switch cone {
        case .hermitianPSD(let n):
            // Unit basis matrix of each Hermitian coordinate, embedded and packed.
            for k in 0..<cone.dimension {
                var v = [Double](repeating: 0, count: cone.dimension)
                v[k] = 1
                let e = SymmetricVectorization.pack(SymmetricVectorization.unpackHermitian(v, order: n).realEmbedding)
                // The embedding doubles the trace inner product; divide by √2 to keep ⟨·,·⟩ scaled consistently.
                rowMap.append(e.enumerated().filter { $0.element != 0 }.map { (newRows + $0.offset, $0.element) })
            }
            cones.append(.psd(2 * n))
            newRows += (2 * n) * (2 * n + 1) / 2
        default:
            for k in 0..<cone.dimension { rowMap.append([(newRows + k, 1)]) }
            cones.append(cone)
            newRows += cone.dimension
        }
        oldRow += cone.dimension
    }
    var t: [(row: Int, column: Int, value: Double)] = []
    let a = problem.A
    for j in 0..<a.columns {
        for k in a.columnStarts[j]..<a.columnStarts[j + 1] {
            for (r, f) in rowMap[a.rowIndices[k]] { t.append((r, j, f * a.values[k])) }
        }
    }
    var b = [Double](repeating: 0, count: newRows)
    for (i, v) in problem.b.enumerated() { for (r, f) in rowMap[i] { b[r] += f * v } }
    return try ConicProblem(c: problem.c, A: SparseMatrix(rows: newRows, columns: a.columns, triplets: t), b: b, cones: cones)
}
