import LinearAlgebra

/// The Newton system of one interior-point iteration,
///
///     [ 0   Aᵀ   Gᵀ   ] [dx]   [bx]
///     [ A   0    0    ] [dy] = [by]
///     [ G   0   −WᵀW  ] [dz]   [bz]
///
/// solved by eliminating dz = W⁻¹W⁻ᵀ(G·dx − bz): with the Schur complement H = Gᵀ·W⁻¹W⁻ᵀ·G (assembled
/// block by block, exploiting sparse and low-rank LMI data), K = H + AᵀA + δI is factored by Cholesky
/// (the AᵀA term makes K definite whenever [A; G] has full column rank; δ is a static regularisation
/// of rounding size, raised only if the factorisation fails), and equality multipliers come from the
/// Cholesky factor of A·K⁻¹·Aᵀ. Every solve is followed by iterative refinement on the unreduced
/// system above, which removes the effect of δ and of rounding in the reduction.

final class KKTSystem {
    let n: Int
    let p: Int
    let m: Int
    let aEq: [Double]          // p × n column-major
    let g: RawSparse
    let blocks: [ConeBlock]
    var regularization = 0.0
    var refinementSteps = 3
    /// Relative residual below which a solve is accepted without refinement.
    var refinementThreshold = 1e-15

    private let k: RawVector       // n × n Cholesky factor of H + AᵀA + δI
    private let yMat: RawVector    // n × p: L⁻¹Aᵀ
    private let sMat: RawVector    // p × p Cholesky factor of Yᵀ Y
    private let kBackup, sBackup: RawVector
    private let tz1, tz2, tx, ty, rx, ry, rz, cx, cy, cz: RawVector
    private let smallN: Bool
    /// Up to this order one right-hand side is solved by the hand-written substitutions: OpenBLAS's
    /// potrs packs the whole triangle on every call (dtrsm copy routines were ~8 % of an EE SCA run
    /// at n = 61), while a substitution reads each entry once.
    static let triangularSolveCrossover = 512

    init(n: Int, p: Int, m: Int, aEq: [Double], g: RawSparse, blocks: [ConeBlock]) {
        self.n = n
        self.p = p
        self.m = m
        self.aEq = aEq
        self.g = g
        self.blocks = blocks
        k = RawVector(count: n * n)
        yMat = RawVector(count: n * p)
        sMat = RawVector(count: p * p)
        kBackup = RawVector(count: n * n)
        sBackup = RawVector(count: p * p)
        tz1 = RawVector(count: m); tz2 = RawVector(count: m)
        tx = RawVector(count: n); ty = RawVector(count: p)
        rx = RawVector(count: n); ry = RawVector(count: p); rz = RawVector(count: m)
        cx = RawVector(count: n); cy = RawVector(count: p); cz = RawVector(count: m)
        smallN = n <= SmallKernels.crossoverOrder
    }

    deinit {
        for v in [k, yMat, sMat, kBackup, sBackup, tz1, tz2, tx, ty, rx, ry, rz, cx, cy, cz] { v.free() }
    }

    /// Assembles and factors the reduced matrix for the current scaling. The plain Cholesky
    /// factorisation is tried first; if it breaks down (K is only semidefinite, or indefinite by
    /// rounding), a modified Cholesky replaces pivots below 1e-14·max diag by a huge value, which
    /// drops the corresponding (numerically dependent) directions; iterative refinement then restores
    /// accuracy in all other directions.
    func factor(staticRegularization: Double) -> Bool {
        k.zero()
        for b in blocks { b.addSchur(k.p, ld: n) }
        if p > 0 {
            aEq.withUnsafeBufferPointer { a in
                BLAS.syrk(.lower, .transpose, n: n, k: p, alpha: 1, a: a.baseAddress!, lda: p, beta: 1, c: k.p, ldc: n)
            }
        }
        var maxDiag = 0.0
        for i in 0..<n { maxDiag = max(maxDiag, k[i + i * n]) }
        guard maxDiag.isFinite else { return false }
        let delta = staticRegularization * max(1, maxDiag)
        for i in 0..<n { k[i + i * n] += delta }
        regularization = delta
        kBackup.copy(from: k)
        if choleskyInPlace(k.p, n) {
            modifiedPivots = 0
        } else {
            k.copy(from: kBackup)
            modifiedPivots = modifiedCholesky(n: n, a: k.p, threshold: 1e-14 * max(maxDiag, 1e-300))
            if modifiedPivots < 0 { return false }
        }
        return p == 0 || factorEqualities()
    }

    /// Number of pivots replaced by the last `factor` (0 when the plain factorisation succeeded).
    private(set) var modifiedPivots = 0

    private func choleskyInPlace(_ a: UnsafeMutablePointer<Double>, _ order: Int) -> Bool {
        if order == 0 { return true }
        if order <= SmallKernels.crossoverOrder { return SmallKernels.isPositiveDefinite(n: order, a: a, lda: order) }
        do throws(LinearAlgebraError) { try LAPACK.potrf(.lower, n: order, a: a, lda: order); return true } catch { return false }
    }

    /// Right-looking Cholesky of the lower triangle with tiny or negative pivots replaced by 1e128
    /// (so the solve returns ≈ 0 in that direction). Returns the number of replaced pivots, or −1
    /// for non-finite data.
    private func modifiedCholesky(n: Int, a: UnsafeMutablePointer<Double>, threshold: Double) -> Int {
        var replaced = 0
        for c in 0..<n {
            var d = a[c + c * n]
            guard d.isFinite else { return -1 }
            if d <= threshold {
                d = 1e128
                replaced += 1
            }
            let l = d.squareRoot()
            a[c + c * n] = l
            let inv = 1 / l
            let col = a + c * n
            for i in (c + 1)..<max(c + 1, n) { col[i] *= inv }
            for j in (c + 1)..<max(c + 1, n) {
                let ljc = col[j]
                if ljc == 0 { continue }
                let colJ = a + j * n
                for i in j..<n { colJ[i] -= col[i] * ljc }
            }
        }
        return replaced
    }

    private func factorEqualities() -> Bool {
        // Y = L⁻¹ Aᵀ, S = Yᵀ Y
        for j in 0..<p { for i in 0..<n { yMat[i + j * n] = aEq[j + i * p] } }
        BLAS.trsm(.left, .lower, .none, m: n, n: p, alpha: 1, a: k.p, lda: n, b: yMat.p, ldb: n)
        BLAS.syrk(.lower, .transpose, n: p, k: n, alpha: 1, a: yMat.p, lda: n, beta: 0, c: sMat.p, ldc: p)
        var maxDiag = 0.0
        for i in 0..<p { maxDiag = max(maxDiag, sMat[i + i * p]) }
        sBackup.copy(from: sMat)
        if choleskyInPlace(sMat.p, p) { return true }
        sMat.copy(from: sBackup)
        return modifiedCholesky(n: p, a: sMat.p, threshold: 1e-14 * max(maxDiag, 1e-300)) >= 0
    }

    /// x ← K⁻¹ x
    private func solveK(_ x: UnsafeMutablePointer<Double>) {
        if n <= Self.triangularSolveCrossover { SmallKernels.choleskySolve(n: n, factor: k.p, lda: n, b: x) } else { LAPACK.potrs(.lower, n: n, nrhs: 1, factor: k.p, lda: n, b: x, ldb: n) }
    }

    private func solveS(_ x: UnsafeMutablePointer<Double>) {
        if p <= Self.triangularSolveCrossover { SmallKernels.choleskySolve(n: p, factor: sMat.p, lda: p, b: x) } else { LAPACK.potrs(.lower, n: p, nrhs: 1, factor: sMat.p, lda: p, b: x, ldb: p) }
    }

    /// y ← y + α·Aᵀ·x (equality block, dense p×n).
    private func aEqTransposeAdd(_ alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
        guard p > 0 else { return }
        aEq.withUnsafeBufferPointer { a in BLAS.gemv(.transpose, m: p, n: n, alpha: alpha, a: a.baseAddress!, lda: p, x: x, beta: 1, y: y) }
    }

    private func aEqAdd(_ alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
        guard p > 0 else { return }
        aEq.withUnsafeBufferPointer { a in BLAS.gemv(.none, m: p, n: n, alpha: alpha, a: a.baseAddress!, lda: p, x: x, beta: 1, y: y) }
    }

    /// out ← out + Ĝᵀ·u (all blocks).
    private func scaledTransposeAdd(_ u: RawVector, _ out: RawVector) {
        for b in blocks { b.scaledTransposeMultiplyAdd(u.p, out.p) }
    }

    /// One reduced solve in scaled form: with t = W⁻ᵀ·bz,
    ///   (H + AᵀA)·dx + Aᵀ·dy = bx + Ĝᵀt + Aᵀby,  A·dx = by,  dz̃ = Ĝ·dx − t.
    private func solveReduced(bx: RawVector, by: RawVector, t: RawVector?, dx: RawVector, dy: RawVector, dzs: RawVector) {
        dx.copy(from: bx)
        if let t { scaledTransposeAdd(t, dx) }
        if p == 0 {
            solveK(dx.p)
        } else {
            aEqTransposeAdd(1, by.p, dx.p)
            tx.copy(from: dx)
            solveK(tx.p)
            for i in 0..<p { dy[i] = -by[i] }
            aEqAdd(1, tx.p, dy.p)
            solveS(dy.p)
            aEqTransposeAdd(-1, dy.p, dx.p)
            solveK(dx.p)
        }
        for b in blocks { b.scaledMultiply(dx.p, dzs.p) }
        if let t { for i in 0..<m { dzs[i] -= t[i] } }
    }

    /// Solves the system with iterative refinement of its first two block rows. The third-row
    /// right-hand side is given scaled, `tz` = W⁻ᵀ·bz, and the solution's third part is returned
    /// scaled, dz̃ = W·dz in `dzs` (callers unscale only what they need: dz = W⁻¹·dz̃).
    /// Returns the final relative residual.
    @discardableResult
    func solve(bx: RawVector, by: RawVector, tz: RawVector, dx: RawVector, dy: RawVector, dzs: RawVector) -> Double {
        solveReduced(bx: bx, by: by, t: tz, dx: dx, dy: dy, dzs: dzs)
        let bnorm = max(rvNorm2(bx), rvNorm2(by), rvNorm2(tz), 1e-300)
        var res = residual(bx: bx, by: by, dx: dx, dy: dy, dzs: dzs) / bnorm
        var step = 0
        while step < refinementSteps && res > refinementThreshold {
            solveReduced(bx: rx, by: ry, t: nil, dx: cx, dy: cy, dzs: cz)
            rvAxpy(1, cx, dx); rvAxpy(1, cy, dy); rvAxpy(1, cz, dzs)
            let newRes = residual(bx: bx, by: by, dx: dx, dy: dy, dzs: dzs) / bnorm
            step += 1
            if newRes > 0.5 * res { res = newRes; break }
            res = newRes
        }
        return res
    }

    /// rx ← bx − Aᵀdy − Ĝᵀdz̃, ry ← by − A·dx; returns max(‖rx‖, ‖ry‖).
    private func residual(bx: RawVector, by: RawVector, dx: RawVector, dy: RawVector, dzs: RawVector) -> Double {
        rx.copy(from: bx)
        aEqTransposeAdd(-1, dy.p, rx.p)
        for i in 0..<m { tz2[i] = -dzs[i] }
        scaledTransposeAdd(tz2, rx)
        ry.copy(from: by)
        aEqAdd(-1, dx.p, ry.p)
        return max(rvNorm2(rx), rvNorm2(ry))
    }
}
