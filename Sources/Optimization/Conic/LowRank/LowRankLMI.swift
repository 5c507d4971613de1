/// A conic problem with one PSD (or Hermitian PSD) cone whose constraint matrices all have low rank,
/// plus nonnegative rows:
///
///     minimize cᵀx  s.t.  S = B − Σ_j x_j·F_j ⪰ 0,   s_l = b_l − A_l·x ≥ 0,
///
/// with every F_j = Σ_{r ∈ j} w_r·u_r·u_rᴴ (w_r = ±1, a handful of vectors per column). SDR
/// beamforming (F_k = h_k·h_kᴴ), max-cut and graph-partitioning relaxations have this form. For it,
/// `LowRankSDPSolver` forms the Schur complement from the factors in O(n²R + nR²) (R = Σ ranks)
/// instead of unpacking n² numbers per column, and needs no eigendecomposition per iteration.
struct LowRankLMI<T: PSDScalar> {
    let order: Int
    let variables: Int
    /// Caller row of the first entry of the PSD cone.
    let psdOffset: Int
    /// Caller rows of the nonnegative cones, in order.
    let lpRows: [Int]
    /// u_r stacked as columns (n × R, column-major), their signs w_r and the variable j owning each.
    let factors: [T]
    let weights: [Double]
    let owner: [Int]
    /// B, full (both triangles).
    let b: [T]
    /// The nonzeros of A_l by row (CSR; A_lᵀDA_l then costs O(Σ_t nnz(row t)²), not O(K²L)), b_l, c.
    let lpRowStarts: [Int]
    let lpRowColumns: [Int]
    let lpRowValues: [Double]
    let bLP: [Double]
    let c: [Double]

    var rank: Int { weights.count }

    /// The problem in this form, or nil when its cones or columns do not qualify: exactly one PSD cone
    /// of the scalar type T, all other cones nonnegative, and every column's restriction to the PSD
    /// cone a signed sum of at most `maxRank(n)` rank-one terms found by diagonal pivoting (zero
    /// columns are allowed). The factors reproduce each F_j to 10⁻¹³ of its largest entry
    /// (`PSDColumnData.lowRank`), far below the solver's 10⁻⁸ tolerances.
    static func detect(_ problem: ConicProblem) -> LowRankLMI? {
        var psd: (offset: Int, order: Int)?
        var lpRows: [Int] = []
        var offset = 0
        for cone in problem.cones {
            switch cone {
            case .nonnegative(let d):
                lpRows += Array(offset..<(offset + d))
            case .psd(let k) where T.self == Double.self && psd == nil:
                psd = (offset, k)
            case .hermitianPSD(let k) where T.self != Double.self && psd == nil:
                psd = (offset, k)
            default:
                return nil
            }
            offset += cone.dimension
        }
        guard let (psdOffset, n) = psd, n > 0 else { return nil }
        let k = problem.variableCount, dim = T.vectorLength(n)
        let a = problem.A
        let limit = maxRank(n)
        var factors: [T] = [], weights: [Double] = [], owner: [Int] = []
        var packed = [Double](repeating: 0, count: dim)
        var full = [T](repeating: .zero, count: n * n)
        var lpIndex = [Int](repeating: -1, count: problem.rowCount)
        for (i, r) in lpRows.enumerated() { lpIndex[r] = i }
        var rowEntries = [[(column: Int, value: Double)]](repeating: [], count: lpRows.count)
        for j in 0..<k {
            for q in 0..<dim { packed[q] = 0 }
            var any = false
            for e in a.columnStarts[j]..<a.columnStarts[j + 1] {
                let r = a.rowIndices[e]
                if r >= psdOffset && r < psdOffset + dim {
                    packed[r - psdOffset] = a.values[e]
                    any = any || a.values[e] != 0
                } else if lpIndex[r] >= 0 && a.values[e] != 0 {
                    rowEntries[lpIndex[r]].append((j, a.values[e]))
                }
            }
            guard any else { continue }
            if let (w, u) = packed.withUnsafeBufferPointer({ rankOne(n: n, $0.baseAddress!) }) {
                factors += u
                weights.append(w)
                owner.append(j)
                continue
            }
            packed.withUnsafeBufferPointer { v in
                full.withUnsafeMutableBufferPointer { m in T.unpack(n: n, v.baseAddress!, m.baseAddress!) }
            }
            guard case .lowRank(let w, let u)? = PSDColumnData<T>.lowRank(n: n, full: full, maxRank: limit) else {
                return nil
            }
            factors += u
            weights += w
            owner += [Int](repeating: j, count: w.count)
        }
        guard !weights.isEmpty else { return nil }
        for q in 0..<dim { packed[q] = problem.b[psdOffset + q] }
        packed.withUnsafeBufferPointer { v in
            full.withUnsafeMutableBufferPointer { m in T.unpack(n: n, v.baseAddress!, m.baseAddress!) }
        }
        var rowStarts = [0]
        for entries in rowEntries { rowStarts.append(rowStarts.last! + entries.count) }
        return LowRankLMI(order: n, variables: k, psdOffset: psdOffset, lpRows: lpRows, factors: factors,
                          weights: weights, owner: owner, b: full, lpRowStarts: rowStarts,
                          lpRowColumns: rowEntries.flatMap { $0.map(\.column) }, lpRowValues: rowEntries.flatMap { $0.map(\.value) },
                          bLP: lpRows.map { problem.b[$0] }, c: problem.c)
    }

    /// F = w·u·uᴴ read straight from the vectorisation `v` (two passes, no unpacking), or nil when F is
    /// not rank one to 10⁻¹³ of its largest entry (the tolerance of `PSDColumnData.lowRank`, which
    /// handles the other cases). The pivot is the largest diagonal entry, as there.
    static func rankOne(n: Int, _ v: UnsafePointer<Double>) -> (Double, [T])? {
        var scale = 0.0
        for q in 0..<T.vectorLength(n) { scale = max(scale, abs(v[q])) }
        var pivot = 0, best = -1.0
        for i in 0..<n where abs(v[T.diagonalIndex(i, n: n)]) > best { best = abs(v[T.diagonalIndex(i, n: n)]); pivot = i }
        guard best > 1e-13 * scale else { return nil }
        let d = v[T.diagonalIndex(pivot, n: n)], w: Double = d > 0 ? 1 : -1, inv = 1 / best.squareRoot()
        // u_i = F_{i,pivot}/√|d|, so that w·u·uᴴ reproduces column `pivot` exactly.
        var u = [T](repeating: .zero, count: n)
        for i in 0..<n {
            let f: T = i == pivot ? T(realValue: d) : i > pivot ? T.packedLower(v, i, pivot, n: n) : T.packedLower(v, pivot, i, n: n).conj
            u[i] = T.scaled(f, w * inv)
        }
        let tol = 1e-13 * scale
        for j in 0..<n {
            let uj = u[j].conj
            if abs(v[T.diagonalIndex(j, n: n)] - w * u[j].magnitudeSquared) > tol { return nil }
            for i in (j + 1)..<max(j + 1, n) {
                let e = T.packedLower(v, i, j, n: n) - T.scaled(u[i] * uj, w)
                if e.magnitudeSquared > tol * tol { return nil }
            }
        }
        return (w, u)
    }

    /// Largest rank per column that still pays: the factored Schur complement costs ≈ n²R, the dense
    /// one ≈ n³ per column, so beyond ≈ n/4 vectors per column the general path is as fast.
    static func maxRank(_ n: Int) -> Int { max(2, n / 4) }
}
