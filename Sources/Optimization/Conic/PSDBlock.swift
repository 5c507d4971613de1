import ComplexModule
import LinearAlgebra

/// A real symmetric (T = Double) or complex Hermitian (T = Complex<Double>) PSD cone of order n with
/// Nesterov–Todd scaling W(Z) = Rᴴ·Z·R, Wᵀ(U) = R·U·Rᴴ, W⁻¹(U) = R⁻ᴴ·U·R⁻¹, W⁻ᵀ(U) = R⁻¹·U·R⁻ᴴ.
///
/// R is computed from Cholesky factors S = L_s·L_sᴴ, Z = L_z·L_zᴴ and the eigendecomposition
/// (L_zᴴ·L_s)ᴴ(L_zᴴ·L_s) = Q·Λ²·Qᴴ as R = L_s·Q·Λ^{-1/2}, R⁻¹ = Λ^{-1/2}·Uᴴ·L_zᴴ with U = L_zᴴ·L_s·Q·Λ⁻¹,
/// so that W(Z) = W⁻ᵀ(S) = Λ is diagonal. This is the one eigendecomposition per block per iteration
/// that NT scaling needs; step lengths use Cholesky tests (see `PSDStepLength`).
struct PSDBlockCore<T: PSDScalar> {
    let offset: Int
    let dimension: Int
    let n: Int
    var degree: Int { n }
    private(set) var columns: [PSDColumn<T>]
    private let totalRank: Int
    private let allLowRank: Bool
    /// Scaled columns Ĝ_j = W⁻ᵀ(F_j) = R⁻¹·F_j·R⁻ᴴ, vectorised: dimension × columns.count.
    private let ghat: UnsafeMutablePointer<Double>
    /// For all-low-rank blocks: factor weights and owning local column per factor, Gᴴ·G (R×R) and
    /// a work matrix n×R.
    private let factorWeights: [Double]
    private let factorColumn: [Int]
    private let gram: UnsafeMutablePointer<T>
    private let gwork: UnsafeMutablePointer<T>
    private let hLocal: UnsafeMutablePointer<Double>
    private let globalIndex: [Int]
    private let t2Real: UnsafeMutablePointer<Double>

    private let buffers: UnsafeMutablePointer<T>
    private let sMat, zMat, ls, lz, bMat, qMat, r, rInv, v, t1, t2, m: UnsafeMutablePointer<T>
    private let factors: UnsafeMutablePointer<T>
    private let gvec: UnsafeMutablePointer<T>
    var lam: [Double]
    private var lamPair: [Double]
    private let eigenValues: UnsafeMutablePointer<Double>
    private let eigenWorkspace: T.EigenWorkspace
    private var stepper: PSDStepLength<T>

    init(offset: Int, order n: Int, g: RawSparse) {
        self.offset = offset
        self.n = n
        let dim = T.vectorLength(n)
        dimension = dim
        let local = LocalColumns(rows: offset..<(offset + dimension), of: g)
        var cols: [PSDColumn<T>] = []
        var full = [T](repeating: .zero, count: n * n)
        var rankSum = 0
        for (k, gc) in local.columns.enumerated() {
            local.values.withUnsafeBufferPointer { vals in
                full.withUnsafeMutableBufferPointer { f in T.unpack(n: n, vals.baseAddress! + k * dim, f.baseAddress!) }
            }
            var col = PSDColumn(global: gc, data: PSDColumnData<T>.classify(n: n, full: full))
            if case .lowRank(let w, _) = col.data {
                col.factorOffset = rankSum
                rankSum += w.count
            }
            cols.append(col)
        }
        columns = cols
        totalRank = rankSum
        allLowRank = cols.allSatisfy { $0.data.isLowRank }
        globalIndex = cols.map(\.global)
        let allLR = cols.allSatisfy { $0.data.isLowRank }
        let ghatCount = allLR ? 1 : max(1, dim * cols.count)
        ghat = .allocate(capacity: ghatCount)
        ghat.initialize(repeating: 0, count: ghatCount)
        var fw: [Double] = [], fc: [Int] = []
        for (j, c) in cols.enumerated() {
            if case .lowRank(let w, _) = c.data { fw += w; fc += [Int](repeating: j, count: w.count) }
        }
        factorWeights = fw
        factorColumn = fc
        gram = .allocate(capacity: max(1, rankSum * rankSum))
        gram.initialize(repeating: .zero, count: max(1, rankSum * rankSum))
        gwork = .allocate(capacity: max(1, n * rankSum))
        gwork.initialize(repeating: .zero, count: max(1, n * rankSum))
        t2Real = .allocate(capacity: max(1, cols.count))
        t2Real.initialize(repeating: 0, count: max(1, cols.count))
        hLocal = .allocate(capacity: max(1, cols.count * cols.count))
        hLocal.initialize(repeating: 0, count: max(1, cols.count * cols.count))

        let nn = n * n
        buffers = .allocate(capacity: max(1, 12 * nn))
        buffers.initialize(repeating: .zero, count: max(1, 12 * nn))
        sMat = buffers; zMat = buffers + nn; ls = buffers + 2 * nn; lz = buffers + 3 * nn
        bMat = buffers + 4 * nn; qMat = buffers + 5 * nn; r = buffers + 6 * nn; rInv = buffers + 7 * nn
        v = buffers + 8 * nn; t1 = buffers + 9 * nn; t2 = buffers + 10 * nn; m = buffers + 11 * nn
        factors = .allocate(capacity: max(1, n * rankSum))
        factors.initialize(repeating: .zero, count: max(1, n * rankSum))
        gvec = .allocate(capacity: max(1, n * rankSum))
        gvec.initialize(repeating: .zero, count: max(1, n * rankSum))
        for c in cols {
            if case .lowRank(_, let vecs) = c.data {
                for (i, x) in vecs.enumerated() { factors[c.factorOffset * n + i] = x }
            }
        }
        lam = [Double](repeating: 1, count: n)
        lamPair = [Double](repeating: 1, count: dimension)
        eigenValues = .allocate(capacity: max(1, n))
        eigenValues.initialize(repeating: 0, count: max(1, n))
        eigenWorkspace = T.makeEigenWorkspace(n)
        stepper = PSDStepLength<T>(order: n)
        for i in 0..<n { r[i + i * n] = .one; rInv[i + i * n] = .one; v[i + i * n] = .one }
    }

    func release() {
        stepper.release()
        buffers.deallocate()
        factors.deallocate()
        gvec.deallocate()
        eigenValues.deallocate()
        ghat.deallocate()
        gram.deallocate()
        gwork.deallocate()
        hLocal.deallocate()
        t2Real.deallocate()
    }

    func setIdentity(_ x: UnsafeMutablePointer<Double>) {
        for k in 0..<dimension { x[offset + k] = 0 }
        for i in 0..<n { x[offset + T.diagonalIndex(i, n: n)] = 1 }
    }

    func boundaryShift(_ x: UnsafePointer<Double>) -> Double {
        guard n > 0 else { return -.infinity }
        T.unpack(n: n, x + offset, t1)
        guard T.eigen(eigenWorkspace, n: n, t1, eigenValues, vectors: false) else { return .infinity }
        return -eigenValues[0]
    }

    mutating func updateScaling(s: UnsafePointer<Double>, z: UnsafePointer<Double>) -> Bool {
        guard n > 0 else { return true }
        let nn = n * n
        T.unpack(n: n, s + offset, ls)
        T.unpack(n: n, z + offset, lz)
        guard T.cholesky(n: n, ls), T.cholesky(n: n, lz) else { return false }
        for j in 1..<max(1, n) { for i in 0..<j { ls[i + j * n] = .zero; lz[i + j * n] = .zero } }
        // B = L_zᴴ·L_s
        bMat.update(from: ls, count: nn)
        T.trmmLeftLower(T.adjointOp, n: n, lz, bMat)
        // Q Λ² Qᴴ = Bᴴ B
        T.gemm(T.adjointOp, .none, n: n, alpha: .one, bMat, bMat, beta: .zero, qMat)
        guard T.eigen(eigenWorkspace, n: n, qMat, eigenValues, vectors: true) else { return false }
        for i in 0..<n {
            let e = eigenValues[i]
            guard e > 0, e.isFinite else { return false }
            lam[i] = e.squareRoot()
        }
        // R = L_s Q Λ^{-1/2}
        r.update(from: qMat, count: nn)
        T.trmmLeftLower(.none, n: n, ls, r)
        for j in 0..<n {
            let f = 1 / lam[j].squareRoot()
            for i in 0..<n { r[i + j * n] = T.scaled(r[i + j * n], f) }
        }
        // U = B Q Λ⁻¹ (into t1); R⁻¹ = Λ^{-1/2} (L_z U)ᴴ
        T.gemm(.none, .none, n: n, alpha: .one, bMat, qMat, beta: .zero, t1)
        for j in 0..<n {
            let f = 1 / lam[j]
            for i in 0..<n { t1[i + j * n] = T.scaled(t1[i + j * n], f) }
        }
        T.trmmLeftLower(.none, n: n, lz, t1)
        for j in 0..<n {
            for i in 0..<n { rInv[i + j * n] = T.scaled(t1[j + i * n].conj, 1 / lam[i].squareRoot()) }
        }
        // λ∘ and λ\ act entrywise on the vectorisation: factor (λ_i + λ_j)/2.
        var k = 0
        let step = T.vectorLength(2) == 4 ? 2 : 1
        for j in 0..<n {
            lamPair[k] = lam[j]
            k += 1
            for i in (j + 1)..<max(j + 1, n) {
                let f = 0.5 * (lam[i] + lam[j])
                for _ in 0..<step { lamPair[k] = f; k += 1 }
            }
        }
        return true
    }

    func writeLambda(_ out: UnsafeMutablePointer<Double>) {
        for k in 0..<dimension { out[offset + k] = 0 }
        for i in 0..<n { out[offset + T.diagonalIndex(i, n: n)] = lam[i] }
    }

    func applyScaling(_ op: ScalingOp, _ x: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        guard n > 0 else { return }
        T.unpack(n: n, x + offset, t1)
        let adj = T.adjointOp
        switch op {
        case .w:      // Rᴴ X R
            T.gemm(.none, .none, n: n, alpha: .one, t1, r, beta: .zero, t2)
            T.gemm(adj, .none, n: n, alpha: .one, r, t2, beta: .zero, t1)
        case .wT:     // R X Rᴴ
            T.gemm(.none, adj, n: n, alpha: .one, t1, r, beta: .zero, t2)
            T.gemm(.none, .none, n: n, alpha: .one, r, t2, beta: .zero, t1)
        case .wInv:   // R⁻ᴴ X R⁻¹
            T.gemm(.none, .none, n: n, alpha: .one, t1, rInv, beta: .zero, t2)
            T.gemm(adj, .none, n: n, alpha: .one, rInv, t2, beta: .zero, t1)
        case .wInvT:  // R⁻¹ X R⁻ᴴ
            T.gemm(.none, adj, n: n, alpha: .one, t1, rInv, beta: .zero, t2)
            T.gemm(.none, .none, n: n, alpha: .one, rInv, t2, beta: .zero, t1)
        }
        T.pack(n: n, t1, out + offset)
    }

    func lambdaProduct(_ x: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        for k in 0..<dimension { out[offset + k] = lamPair[k] * x[offset + k] }
    }

    func lambdaDivide(_ x: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        for k in 0..<dimension { out[offset + k] = x[offset + k] / lamPair[k] }
    }

    func jordanProduct(_ u: UnsafePointer<Double>, _ x: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        guard n > 0 else { return }
        T.unpack(n: n, u + offset, t1)
        T.unpack(n: n, x + offset, t2)
        T.gemm(.none, .none, n: n, alpha: .one, t1, t2, beta: .zero, m)
        T.pack(n: n, m, out + offset)  // Hermitian part of U·X = (UX + XU)/2
    }

    mutating func maxStep(_ d: UnsafePointer<Double>, cap: Double, accurate: Bool) -> Double {
        guard n > 0 else { return cap }
        T.unpack(n: n, d + offset, m)
        for j in 0..<n {
            for i in 0..<n { m[i + j * n] = T.scaled(m[i + j * n], 1 / (lam[i] * lam[j]).squareRoot()) }
        }
        return stepper.maxStep(m, cap: cap, accurate: accurate)
    }

    func addSchur(_ h: UnsafeMutablePointer<Double>, ld: Int) {
        let k = columns.count
        guard k > 0, n > 0 else { return }
        let dim = dimension
        if totalRank > 0 { T.gemmRect(.none, m: n, p: totalRank, k: n, rInv, factors, gvec) }
        if allLowRank {
            // Ĝ_j = Σ_a w_a g_a g_aᴴ is never formed: ⟨Ĝ_i, Ĝ_j⟩ = Σ w_a w_b |g_aᴴ g_b|² from Gᴴ·G.
            let r = totalRank
            T.gemmGeneral(T.adjointOp, .none, m: r, p: r, k: n, gvec, ld: n, gvec, ldb: n, gram, ldc: r)
            for i in 0..<k { for j in 0...i { hLocal[i + j * k] = 0 } }
            for b in 0..<r {
                let cb = factorColumn[b]
                for a in b..<r {
                    let ca = factorColumn[a]
                    let v = factorWeights[a] * factorWeights[b] * gram[a + b * r].magnitudeSquared
                    let (hi, lo) = ca >= cb ? (ca, cb) : (cb, ca)
                    hLocal[hi + lo * k] += (a != b && ca == cb) ? 2 * v : v
                }
            }
            for j in 0..<k { for i in j..<k { h[globalIndex[i] + globalIndex[j] * ld] += hLocal[i + j * k] } }
            return
        }
        for j in 0..<k {
            formScaledColumn(columns[j])  // into t1 (full Hermitian)
            T.pack(n: n, t1, ghat + j * dim)
        }
        BLAS.syrk(.lower, .transpose, n: k, k: dim, alpha: 1, a: ghat, lda: dim, beta: 0, c: hLocal, ldc: k)
        for j in 0..<k { for i in j..<k { h[globalIndex[i] + globalIndex[j] * ld] += hLocal[i + j * k] } }
    }

    func scaledMultiply(_ x: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        let k = columns.count
        guard k > 0 else {
            for i in 0..<dimension { out[offset + i] = 0 }
            return
        }
        if allLowRank {
            // Σ_j x_j Ĝ_j = G·diag(w_a x_{col(a)})·Gᴴ
            let r = totalRank
            for a in 0..<r {
                let f = factorWeights[a] * x[globalIndex[factorColumn[a]]]
                let src = gvec + a * n, dst = gwork + a * n
                for i in 0..<n { dst[i] = T.scaled(src[i], f) }
            }
            T.gemmGeneral(.none, T.adjointOp, m: n, p: n, k: r, gwork, ld: n, gvec, ldb: n, t1, ldc: n)
            T.pack(n: n, t1, out + offset)
            return
        }
        for (j, gi) in globalIndex.enumerated() { t2Real[j] = x[gi] }
        BLAS.gemv(.none, m: dimension, n: k, alpha: 1, a: ghat, lda: dimension, x: t2Real, beta: 0, y: out + offset)
    }

    func scaledTransposeMultiplyAdd(_ u: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        let k = columns.count
        guard k > 0 else { return }
        if allLowRank {
            // ⟨Ĝ_j, U⟩ = Σ_a w_a g_aᴴ U g_a
            let r = totalRank
            T.unpack(n: n, u + offset, t1)
            T.gemmGeneral(.none, .none, m: n, p: r, k: n, t1, ld: n, gvec, ldb: n, gwork, ldc: n)
            for a in 0..<r {
                let g = gvec + a * n, y = gwork + a * n
                var acc = 0.0
                for i in 0..<n { acc += T.realDot(g[i], y[i]) }
                out[globalIndex[factorColumn[a]]] += factorWeights[a] * acc
            }
            return
        }
        BLAS.gemv(.transpose, m: dimension, n: k, alpha: 1, a: ghat, lda: dimension, x: u + offset, beta: 0, y: t2Real)
        for (j, gi) in globalIndex.enumerated() { out[gi] += t2Real[j] }
    }

    /// t1 ← R⁻¹·F·R⁻ᴴ (full Hermitian).
    private func formScaledColumn(_ col: PSDColumn<T>) {
        let nn = n * n
        _ = nn
        switch col.data {
        case .dense(let full):
            full.withUnsafeBufferPointer { fp in
                T.gemm(.none, T.adjointOp, n: n, alpha: .one, fp.baseAddress!, rInv, beta: .zero, t2)
            }
            T.gemm(.none, .none, n: n, alpha: .one, rInv, t2, beta: .zero, t1)
        case .sparse(let support, let block):
            // R⁻¹ F R⁻ᴴ = C·F_SS·Cᴴ with C = R⁻¹[:, S] gathered into t2 (n × k), M = C·F_SS in m.
            let k = support.count
            for (jj, j) in support.enumerated() { (t2 + jj * n).update(from: rInv + j * n, count: n) }
            block.withUnsafeBufferPointer { fb in
                T.gemmGeneral(.none, .none, m: n, p: k, k: k, t2, ld: n, fb.baseAddress!, ldb: k, m, ldc: n)
            }
            T.gemmGeneral(.none, T.adjointOp, m: n, p: n, k: k, m, ld: n, t2, ldb: n, t1, ldc: n)
        case .lowRank(let weights, _):
            t1.update(repeating: .zero, count: nn)
            for a in 0..<weights.count {
                let g = gvec + (col.factorOffset + a) * n
                for b in 0..<n {
                    let cb = T.scaled(g[b].conj, weights[a])
                    for i in 0..<n { t1[i + b * n] = t1[i + b * n] + g[i] * cb }
                }
            }
        }
    }
}

/// Concrete (non-generic) cone blocks around the generic core, so that the core's methods are
/// specialised for `Double` and `Complex<Double>` (methods of a generic class reached through a
/// protocol existential would run unspecialised).
final class RealPSDBlock: ConeBlock {
    var core: PSDBlockCore<Double>
    init(offset: Int, order n: Int, g: RawSparse) { core = PSDBlockCore(offset: offset, order: n, g: g) }
    deinit { core.release() }
    var offset: Int { core.offset }
    var dimension: Int { core.dimension }
    var degree: Int { core.degree }
    func setIdentity(_ v: UnsafeMutablePointer<Double>) { core.setIdentity(v) }
    func boundaryShift(_ v: UnsafePointer<Double>) -> Double { core.boundaryShift(v) }
    func updateScaling(s: UnsafePointer<Double>, z: UnsafePointer<Double>) -> Bool { core.updateScaling(s: s, z: z) }
    func writeLambda(_ out: UnsafeMutablePointer<Double>) { core.writeLambda(out) }
    func applyScaling(_ op: ScalingOp, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) { core.applyScaling(op, v, out) }
    func lambdaProduct(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) { core.lambdaProduct(v, out) }
    func lambdaDivide(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) { core.lambdaDivide(v, out) }
    func jordanProduct(_ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) { core.jordanProduct(u, v, out) }
    func maxStep(_ d: UnsafePointer<Double>, cap: Double, accurate: Bool) -> Double { core.maxStep(d, cap: cap, accurate: accurate) }
    func addSchur(_ h: UnsafeMutablePointer<Double>, ld: Int) { core.addSchur(h, ld: ld) }
    func scaledMultiply(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) { core.scaledMultiply(v, out) }
    func scaledTransposeMultiplyAdd(_ u: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) { core.scaledTransposeMultiplyAdd(u, out) }
}

final class HermitianPSDBlock: ConeBlock {
    var core: PSDBlockCore<Complex<Double>>
    init(offset: Int, order n: Int, g: RawSparse) { core = PSDBlockCore(offset: offset, order: n, g: g) }
    deinit { core.release() }
    var offset: Int { core.offset }
    var dimension: Int { core.dimension }
    var degree: Int { core.degree }
    func setIdentity(_ v: UnsafeMutablePointer<Double>) { core.setIdentity(v) }
    func boundaryShift(_ v: UnsafePointer<Double>) -> Double { core.boundaryShift(v) }
    func updateScaling(s: UnsafePointer<Double>, z: UnsafePointer<Double>) -> Bool { core.updateScaling(s: s, z: z) }
    func writeLambda(_ out: UnsafeMutablePointer<Double>) { core.writeLambda(out) }
    func applyScaling(_ op: ScalingOp, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) { core.applyScaling(op, v, out) }
    func lambdaProduct(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) { core.lambdaProduct(v, out) }
    func lambdaDivide(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) { core.lambdaDivide(v, out) }
    func jordanProduct(_ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) { core.jordanProduct(u, v, out) }
    func maxStep(_ d: UnsafePointer<Double>, cap: Double, accurate: Bool) -> Double { core.maxStep(d, cap: cap, accurate: accurate) }
    func addSchur(_ h: UnsafeMutablePointer<Double>, ld: Int) { core.addSchur(h, ld: ld) }
    func scaledMultiply(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) { core.scaledMultiply(v, out) }
    func scaledTransposeMultiplyAdd(_ u: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) { core.scaledTransposeMultiplyAdd(u, out) }
}
