/// How one column of G (one matrix F_j of the LMI Σ x_j F_j + S = B) is stored inside a PSD block,
/// chosen once per problem by cost: the Schur complement term tr(F_i·V·F_j·V) is then computed in
/// O(nnz·n²) for sparse, O(r·n²) for rank-r, and O(n³) for dense columns.
enum PSDColumnData<T: PSDScalar> {
    /// Lower-triangle entries (p ≥ q) of F.
    case sparse(p: [Int], q: [Int], values: [T])
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
    /// Chooses the representation of a Hermitian n×n matrix given in full (both triangles).
    static func classify(n: Int, full f: [T]) -> PSDColumnData<T> {
        var p: [Int] = [], q: [Int] = [], v: [T] = []
        for j in 0..<n {
            for i in j..<n where f[i + j * n].magnitudeSquared > 0 {
                p.append(i); q.append(j); v.append(f[i + j * n])
            }
        }
        // Sparse T-formation costs ≈ 2·nnz·n², dense ≈ 4n³, rank r ≈ 2r·n².
        if p.count <= 2 * n { return .sparse(p: p, q: q, values: v) }
        if let lr = lowRank(n: n, full: f, maxRank: max(1, n / 4)) { return lr }
        return .dense(f)
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

    /// tr(F·T) for Hermitian T of which only the lower triangle is read.
    func traceProduct(n: Int, lowerT t: UnsafePointer<T>) -> Double {
        switch self {
        case .sparse(let p, let q, let values):
            var s = 0.0
            for k in 0..<values.count {
                let tv = t[p[k] + q[k] * n]
                s += p[k] == q[k] ? values[k].realValue * tv.realValue : 2 * T.realDot(values[k], tv)
            }
            return s
        case .dense(let f):
            var s = 0.0
            for j in 0..<n {
                s += f[j + j * n].realValue * t[j + j * n].realValue
                for i in (j + 1)..<max(j + 1, n) { s += 2 * T.realDot(f[i + j * n], t[i + j * n]) }
            }
            return s
        case .lowRank(let weights, let vectors):
            var s = 0.0
            for a in 0..<weights.count {
                let u = a * n
                var acc = 0.0
                for j in 0..<n {
                    let uj = vectors[u + j]
                    acc += uj.magnitudeSquared * t[j + j * n].realValue
                    for i in (j + 1)..<max(j + 1, n) {
                        // Re(conj(u_i)·T_ij·u_j)
                        acc += 2 * T.realDot(vectors[u + i], t[i + j * n] * uj)
                    }
                }
                s += weights[a] * acc
            }
            return s
        }
    }
}
