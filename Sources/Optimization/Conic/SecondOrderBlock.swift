import LinearAlgebra

/// One second-order cone {(u₀, u₁) : u₀ ≥ ‖u₁‖₂} with Nesterov–Todd scaling
/// W = η·[[a, qᵀ], [q, I + qqᵀ/(1 + a)]], where w̄ = (a, q), a² − ‖q‖² = 1, is the Jordan-algebra
/// geometric mean direction of the normalised s and z (W² maps z to s).
final class SecondOrderBlock: ConeBlock {
    let offset: Int
    let dimension: Int
    var degree: Int { 1 }
    let local: LocalColumns
    private var eta = 1.0
    private var a = 1.0
    private var q: [Double]
    private var lambda: [Double]
    private var scratch: [Double]
    private var scaledG: [Double]
    private let sparse: LocalSparseColumns
    /// k×k Gram of the scaled columns (lower triangle).
    private var gram: [Double]

    init(offset: Int, dimension: Int, g: RawSparse) {
        self.offset = offset
        self.dimension = dimension
        local = LocalColumns(rows: offset..<(offset + dimension), of: g)
        q = [Double](repeating: 0, count: max(1, dimension - 1))  // never empty: `apply` takes its base address
        lambda = [Double](repeating: 0, count: dimension)
        lambda[0] = 1
        scratch = [Double](repeating: 0, count: dimension)
        scaledG = local.values
        sparse = LocalSparseColumns(local, dimension: dimension)
        gram = [Double](repeating: 0, count: max(1, local.columns.count * local.columns.count))
    }

    func setIdentity(_ v: UnsafeMutablePointer<Double>) {
        v[offset] = 1
        for i in 1..<max(1, dimension) { v[offset + i] = 0 }
    }

    func boundaryShift(_ v: UnsafePointer<Double>) -> Double {
        rvNorm2(v + offset + 1, dimension - 1) - v[offset]
    }

    /// u₀² − ‖u₁‖², computed as (u₀ − ‖u₁‖)(u₀ + ‖u₁‖) to limit cancellation.
    private func jnorm2(_ u: UnsafePointer<Double>) -> Double {
        let r = rvNorm2(u + 1, dimension - 1)
        return (u[0] - r) * (u[0] + r)
    }

    func updateScaling(s sBase: UnsafePointer<Double>, z zBase: UnsafePointer<Double>) -> Bool {
        let s = sBase + offset, z = zBase + offset
        let ss = jnorm2(s), zz = jnorm2(z)
        guard s[0] > 0, z[0] > 0, ss > 0, zz > 0, ss.isFinite, zz.isFinite else { return false }
        let sn = ss.squareRoot(), zn = zz.squareRoot()
        var sz = s[0] * z[0]
        for i in 1..<dimension { sz += s[i] * z[i] }
        sz /= sn * zn
        let gamma = ((1 + sz) / 2).squareRoot()
        // w̄ = (s̄ + J z̄) / (2γ)
        a = (s[0] / sn + z[0] / zn) / (2 * gamma)
        for i in 1..<dimension { q[i - 1] = (s[i] / sn - z[i] / zn) / (2 * gamma) }
        // a² − ‖q‖² = 1 analytically; recompute a from q for consistency.
        var qq = 0.0
        for v in q { qq += v * v }
        a = (1 + qq).squareRoot()
        eta = (sn / zn).squareRoot()
        lambda.withUnsafeMutableBufferPointer { l in apply(.w, z, l.baseAddress!) }
        return lambda[0] > 0 && lambda[0].isFinite
    }

    /// Segment-level scaling: out = op(v), both pointing at the block's first entry.
    private func apply(_ op: ScalingOp, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        let n = dimension
        let inverse = (op == .wInv || op == .wInvT)
        let sign = inverse ? -1.0 : 1.0
        let f = inverse ? 1 / eta : eta
        let a = self.a
        q.withUnsafeBufferPointer { qb in
            let q = qb.baseAddress! - 1   // q[i] pairs with v[i], i ≥ 1
            var qv = 0.0
            for i in 1..<n { qv += q[i] * v[i] }
            let v0 = v[0]
            let c = qv / (1 + a)
            out[0] = f * (a * v0 + sign * qv)
            let t = sign * v0 + c
            for i in 1..<n { out[i] = f * (v[i] + q[i] * t) }
        }
    }

    func writeLambda(_ out: UnsafeMutablePointer<Double>) {
        for i in 0..<dimension { out[offset + i] = lambda[i] }
    }

    func applyScaling(_ op: ScalingOp, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        // W is symmetric: W = Wᵀ, W⁻¹ = W⁻ᵀ. Copy first so that v and out may alias.
        scratch.withUnsafeMutableBufferPointer { t in
            for i in 0..<dimension { t[i] = v[offset + i] }
            apply(op, t.baseAddress!, out + offset)
        }
    }

    func lambdaProduct(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        lambda.withUnsafeBufferPointer { l in jordan(l.baseAddress!, v + offset, out + offset) }
    }

    private func jordan(_ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        var uv = 0.0
        for i in 0..<dimension { uv += u[i] * v[i] }
        let u0 = u[0], v0 = v[0]
        for i in 1..<dimension { out[i] = u0 * v[i] + v0 * u[i] }
        out[0] = uv
    }

    func lambdaDivide(_ vBase: UnsafePointer<Double>, _ outBase: UnsafeMutablePointer<Double>) {
        let v = vBase + offset, out = outBase + offset
        let l0 = lambda[0]
        var l1v1 = 0.0, l1l1 = 0.0
        for i in 1..<dimension { l1v1 += lambda[i] * v[i]; l1l1 += lambda[i] * lambda[i] }
        let det = (l0 - l1l1.squareRoot()) * (l0 + l1l1.squareRoot())
        let v0 = v[0]
        let x0 = (l0 * v0 - l1v1) / det
        for i in 1..<dimension { out[i] = (v[i] - x0 * lambda[i]) / l0 }
        out[0] = x0
    }

    func jordanProduct(_ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        scratch.withUnsafeMutableBufferPointer { t in
            jordan(u + offset, v + offset, t.baseAddress!)
            for i in 0..<dimension { out[offset + i] = t[i] }
        }
    }

    func maxStep(_ dBase: UnsafePointer<Double>, cap: Double, accurate: Bool) -> Double {
        let d = dBase + offset
        let l0 = lambda[0]
        var d1d1 = 0.0, l1d1 = 0.0, l1l1 = 0.0
        for i in 1..<dimension {
            d1d1 += d[i] * d[i]
            l1d1 += lambda[i] * d[i]
            l1l1 += lambda[i] * lambda[i]
        }
        // f(α) = qa α² + qb α + qc ≥ 0 and λ₀ + α d₀ ≥ 0.
        let qa = d[0] * d[0] - d1d1
        let qb = 2 * (l0 * d[0] - l1d1)
        let qc = (l0 - l1l1.squareRoot()) * (l0 + l1l1.squareRoot())
        var alpha = cap
        if d[0] < 0 { alpha = min(alpha, -l0 / d[0]) }
        var root = Double.infinity
        if qa == 0 {
            if qb < 0 { root = -qc / qb }
        } else {
            let disc = qb * qb - 4 * qa * qc
            if disc >= 0 {
                let sq = disc.squareRoot()
                let t = -0.5 * (qb + (qb >= 0 ? sq : -sq))
                let r1 = t / qa
                let r2 = t != 0 ? qc / t : Double.infinity
                for r in [r1, r2] where r > 0 { root = min(root, r) }
            }
        }
        alpha = min(alpha, root)
        return max(alpha, 0)
    }

    /// Ĝx = W⁻¹(G_B·x): the sparse local product first (O(nnz)), then one O(n) scaling, instead of
    /// a dense n×k product with the scaled columns (SCA subproblems have k ≈ n ≈ 50 per block).
    func scaledMultiply(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        scratch.withUnsafeMutableBufferPointer { t in
            let tp = t.baseAddress!
            for i in 0..<dimension { tp[i] = 0 }
            sparse.multiplyAdd(v, tp)
            apply(.wInv, tp, out + offset)
        }
    }

    /// Ĝᵀu = G_Bᵀ(W⁻ᵀu) with W⁻ᵀ = W⁻¹ (W is symmetric).
    func scaledTransposeMultiplyAdd(_ u: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        scratch.withUnsafeMutableBufferPointer { t in
            let tp = t.baseAddress!
            apply(.wInv, u + offset, tp)
            sparse.transposeMultiplyAdd(tp, out)
        }
    }

    /// Adds Ĝᵀ·Ĝ = G_BᵀW⁻²G_B: the scaled columns W⁻¹g_j are formed exactly (so the Gram keeps the
    /// accuracy of the scaled quantities, which an expansion η⁻²(G_BᵀJG_B + rank-2) would lose to
    /// cancellation near the cone's boundary), then one BLAS syrk.
    func addSchur(_ h: UnsafeMutablePointer<Double>, ld: Int) {
        let k = local.columns.count
        guard k > 0 else { return }
        let n = dimension
        local.values.withUnsafeBufferPointer { g in
            scaledG.withUnsafeMutableBufferPointer { sg in
                for j in 0..<k { apply(.wInv, g.baseAddress! + j * n, sg.baseAddress! + j * n) }
                gram.withUnsafeMutableBufferPointer { c in
                    BLAS.syrk(.lower, .transpose, n: k, k: n, alpha: 1, a: sg.baseAddress!, lda: n, beta: 0,
                              c: c.baseAddress!, ldc: k)
                    local.columns.withUnsafeBufferPointer { cols in
                        for j in 0..<k {
                            for i in j..<k { h[cols[i] + cols[j] * ld] += c[i + j * k] }
                        }
                    }
                }
            }
        }
    }
}

/// The rows of G that belong to one block, compressed by column with block-local row indices.
struct LocalSparseColumns {
    let columns: [Int]
    let starts: [Int]
    let rows: [Int]
    let values: [Double]

    init(_ local: LocalColumns, dimension n: Int) {
        var starts = [0], rows: [Int] = [], values: [Double] = []
        for j in 0..<local.columns.count {
            for i in 0..<n where local.values[i + j * n] != 0 {
                rows.append(i)
                values.append(local.values[i + j * n])
            }
            starts.append(rows.count)
        }
        columns = local.columns
        self.starts = starts
        self.rows = rows
        self.values = values
    }

    /// out ← out + G_B·x (x global, out block-local).
    func multiplyAdd(_ x: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        columns.withUnsafeBufferPointer { cols in
            starts.withUnsafeBufferPointer { st in
                rows.withUnsafeBufferPointer { rw in
                    values.withUnsafeBufferPointer { va in
                        for j in 0..<cols.count {
                            let f = x[cols[j]]
                            if f == 0 { continue }
                            for a in st[j]..<st[j + 1] { out[rw[a]] += va[a] * f }
                        }
                    }
                }
            }
        }
    }

    /// out ← out + G_Bᵀ·u (u block-local, out global).
    func transposeMultiplyAdd(_ u: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        columns.withUnsafeBufferPointer { cols in
            starts.withUnsafeBufferPointer { st in
                rows.withUnsafeBufferPointer { rw in
                    values.withUnsafeBufferPointer { va in
                        for j in 0..<cols.count {
                            var acc = 0.0
                            for a in st[j]..<st[j + 1] { acc += va[a] * u[rw[a]] }
                            out[cols[j]] += acc
                        }
                    }
                }
            }
        }
    }
}
