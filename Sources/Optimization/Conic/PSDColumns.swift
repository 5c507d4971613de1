/// How one column of G (one matrix F_j of the LMI Σ x_j F_j + S = B) is stored inside a PSD block,
/// chosen once per problem by cost: the Schur complement term tr(F_i·V·F_j·V) is then computed in
/// O(nnz·n²) for sparse, O(r·n²) for rank-r, and O(n³) for dense columns.
enum PSDColumnData<T: PSDScalar> {
    /// F is zero outside the rows/columns `support` (k of them); `block` is the dense k×k
    /// restriction F[support, support], column-major.
    case sparse(support: [Int], block: [T])
    /// F = Σ_a w_a·u_a·u_aᴴ with w_a = ±1; `vectors` is n × rank, column-major.
    case lowRank(weights: [Double], vectors: [T])
    /// Full n×n F, column-major.
    case dense([T])

    var isLowRank: Bool { if case .lowRank = self { return true } else { return false } }
}

struct PSDColumn<T: PSDScalar> {
    let global: Int
    let data: PSDColumnData<T>
    /// Offset of this column's vectors in the block's stacked low-rank factor matrix.
    var factorOffset = 0
}

extension PSDColumnData {
    /// Chooses the representation of a Hermitian n×n matrix given in full (both triangles), by the
    /// cost of forming R⁻¹·F·R⁻ᴴ: ≈ n²k for support size k, ≈ n²r for rank r, ≈ 2n³ dense.
    static func classify(n: Int, full f: [T]) -> PSDColumnData<T> {
        var inSupport = [Bool](repeating: false, count: n)
        for j in 0..<n { for i in 0..<n where f[i + j * n].magnitudeSquared > 0 { inSupport[i] = true; inSupport[j] = true } }
        let support = (0..<n).filter { inSupport[$0] }
        let k = support.count
        if k * 4 <= n || k <= 2 {
            return .sparse(support: support, block: subBlock(n: n, f, support))
        }
        if let lr = lowRank(n: n, full: f, maxRank: max(1, min(k / 2, n / 4))) { return lr }
        if k < n { return .sparse(support: support, block: subBlock(n: n, f, support)) }
        return .dense(f)
    }

    private static func subBlock(n: Int, _ f: [T], _ support: [Int]) -> [T] {
        let k = support.count
        var b = [T](repeating: .zero, count: k * k)
        for (jj, j) in support.enumerated() { for (ii, i) in support.enumerated() { b[ii + jj * k] = f[i + j * n] } }
        return b
    }

    /// Pivoted symmetric elimination F = Σ ±u·uᴴ; nil when the rank exceeds `maxRank` or an
    /// off-diagonal pivot would be needed.
    static func lowRank(n: Int, full f: [T], maxRank: Int) -> PSDColumnData<T>? {
        var a = f
        var scale = 0.0
        for x in f { scale = max(scale, x.magnitudeSquared) }
        scale = scale.squareRoot()
        guard scale > 0 else { return nil }
        let tol = 1e-13 * scale
        var weights: [Double] = []
        var vectors: [T] = []
        for _ in 0...maxRank {
            var piv = -1
            var best = 0.0
            for i in 0..<n where abs(a[i + i * n].realValue) > best { best = abs(a[i + i * n].realValue); piv = i }
            if best <= tol {
                var rest = 0.0
                for x in a { rest = max(rest, x.magnitudeSquared) }
                return rest.squareRoot() <= tol && !weights.isEmpty ? .lowRank(weights: weights, vectors: vectors) : nil
            }
            if weights.count == maxRank { return nil }
            let d = a[piv + piv * n].realValue
            let w: Double = d > 0 ? 1 : -1
            let inv = 1 / abs(d).squareRoot()
            var u = [T](repeating: .zero, count: n)
            for i in 0..<n { u[i] = T.scaled(a[i + piv * n], inv) }
            for j in 0..<n {
                let uj = u[j].conj
                for i in 0..<n { a[i + j * n] = a[i + j * n] - T.scaled(u[i] * uj, w) }
            }
            weights.append(w)
            vectors.append(contentsOf: u)
        }
        return nil
    }
}
