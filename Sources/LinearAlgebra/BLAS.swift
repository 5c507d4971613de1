import CLAPACK
import ComplexModule
import RealModule

/// Typed wrappers over CBLAS (OpenBLAS). Pointer-level functions take column-major buffers with an
/// explicit leading dimension; matrix-level overloads check shapes.
public enum BLAS {
    // MARK: real, pointer level

    /// C ← α·op(A)·op(B) + β·C, with op(A) m×k and op(B) k×n.
    @inlinable
    public static func gemm(
        _ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        BLASThreading.ensurePinned()
        cblas_dgemm(CblasColMajor, transA.cblas, transB.cblas, Int32(m), Int32(n), Int32(k), alpha,
                    a, Int32(max(1, lda)), b, Int32(max(1, ldb)), beta, c, Int32(max(1, ldc)))
    }

    /// y ← α·op(A)·x + β·y with A m×n.
    @inlinable
    public static func gemv(
        _ trans: Transpose, m: Int, n: Int, alpha: Double, a: UnsafePointer<Double>, lda: Int,
        x: UnsafePointer<Double>, beta: Double, y: UnsafeMutablePointer<Double>
    ) {
        guard m > 0, n > 0 else { return }
        BLASThreading.ensurePinned()
        cblas_dgemv(CblasColMajor, trans.cblas, Int32(m), Int32(n), alpha, a, Int32(max(1, lda)), x, 1, beta, y, 1)
    }

    /// C ← α·A·Aᵀ + β·C (trans = .none, A n×k) or α·Aᵀ·A + β·C (trans = .transpose, A k×n);
    /// only `triangle` of C is referenced.
    @inlinable
    public static func syrk(
        _ triangle: Triangle, _ trans: Transpose, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        guard n > 0 else { return }
        BLASThreading.ensurePinned()
        cblas_dsyrk(CblasColMajor, triangle.cblas, trans == .none ? CblasNoTrans : CblasTrans, Int32(n), Int32(k),
                    alpha, a, Int32(max(1, lda)), beta, c, Int32(max(1, ldc)))
    }

    /// B ← α·op(A)⁻¹·B (side left) or α·B·op(A)⁻¹ (side right), A triangular (non-unit).
    @inlinable
    public static func trsm(
        _ side: Side, _ triangle: Triangle, _ trans: Transpose, m: Int, n: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, b: UnsafeMutablePointer<Double>, ldb: Int
    ) {
        guard m > 0, n > 0 else { return }
        BLASThreading.ensurePinned()
        cblas_dtrsm(CblasColMajor, side.cblas, triangle.cblas, trans.cblas, CblasNonUnit, Int32(m), Int32(n),
                    alpha, a, Int32(max(1, lda)), b, Int32(max(1, ldb)))
    }

    /// B ← α·op(A)·B (side left) or α·B·op(A) (side right), A triangular (non-unit).
    @inlinable
    public static func trmm(
        _ side: Side, _ triangle: Triangle, _ trans: Transpose, m: Int, n: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, b: UnsafeMutablePointer<Double>, ldb: Int
    ) {
        guard m > 0, n > 0 else { return }
        BLASThreading.ensurePinned()
        cblas_dtrmm(CblasColMajor, side.cblas, triangle.cblas, trans.cblas, CblasNonUnit, Int32(m), Int32(n),
                    alpha, a, Int32(max(1, lda)), b, Int32(max(1, ldb)))
    }

    // MARK: complex, pointer level

    /// C ← α·op(A)·op(B) + β·C (complex).
    @inlinable
    public static func gemm(
        _ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int, alpha: Complex<Double>,
        a: UnsafePointer<Complex<Double>>, lda: Int, b: UnsafePointer<Complex<Double>>, ldb: Int,
        beta: Complex<Double>, c: UnsafeMutablePointer<Complex<Double>>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        BLASThreading.ensurePinned()
        withUnsafePointer(to: alpha) { pa in
            withUnsafePointer(to: beta) { pb in
                cblas_zgemm(CblasColMajor, transA.cblas, transB.cblas, Int32(m), Int32(n), Int32(k), pa,
                            a, Int32(max(1, lda)), b, Int32(max(1, ldb)), pb, c, Int32(max(1, ldc)))
            }
        }
    }

    /// y ← α·op(A)·x + β·y (complex).
    @inlinable
    public static func gemv(
        _ trans: Transpose, m: Int, n: Int, alpha: Complex<Double>, a: UnsafePointer<Complex<Double>>, lda: Int,
        x: UnsafePointer<Complex<Double>>, beta: Complex<Double>, y: UnsafeMutablePointer<Complex<Double>>
    ) {
        guard m > 0, n > 0 else { return }
        BLASThreading.ensurePinned()
        withUnsafePointer(to: alpha) { pa in
            withUnsafePointer(to: beta) { pb in
                cblas_zgemv(CblasColMajor, trans.cblas, Int32(m), Int32(n), pa, a, Int32(max(1, lda)), x, 1, pb, y, 1)
            }
        }
    }

    /// C ← α·A·Aᴴ + β·C (trans = .none) or α·Aᴴ·A + β·C (trans = .adjoint), α, β real.
    @inlinable
    public static func herk(
        _ triangle: Triangle, _ trans: Transpose, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Complex<Double>>, lda: Int, beta: Double, c: UnsafeMutablePointer<Complex<Double>>, ldc: Int
    ) {
        guard n > 0 else { return }
        BLASThreading.ensurePinned()
        cblas_zherk(CblasColMajor, triangle.cblas, trans == .none ? CblasNoTrans : CblasConjTrans, Int32(n), Int32(k),
                    alpha, a, Int32(max(1, lda)), beta, c, Int32(max(1, ldc)))
    }

    /// Complex triangular solve with multiple right-hand sides.
    @inlinable
    public static func trsm(
        _ side: Side, _ triangle: Triangle, _ trans: Transpose, m: Int, n: Int, alpha: Complex<Double>,
        a: UnsafePointer<Complex<Double>>, lda: Int, b: UnsafeMutablePointer<Complex<Double>>, ldb: Int
    ) {
        guard m > 0, n > 0 else { return }
        BLASThreading.ensurePinned()
        withUnsafePointer(to: alpha) { pa in
            cblas_ztrsm(CblasColMajor, side.cblas, triangle.cblas, trans.cblas, CblasNonUnit, Int32(m), Int32(n),
                        pa, a, Int32(max(1, lda)), b, Int32(max(1, ldb)))
        }
    }

    /// Complex triangular multiply with multiple right-hand sides.
    @inlinable
    public static func trmm(
        _ side: Side, _ triangle: Triangle, _ trans: Transpose, m: Int, n: Int, alpha: Complex<Double>,
        a: UnsafePointer<Complex<Double>>, lda: Int, b: UnsafeMutablePointer<Complex<Double>>, ldb: Int
    ) {
        guard m > 0, n > 0 else { return }
        BLASThreading.ensurePinned()
        withUnsafePointer(to: alpha) { pa in
            cblas_ztrmm(CblasColMajor, side.cblas, triangle.cblas, trans.cblas, CblasNonUnit, Int32(m), Int32(n),
                        pa, a, Int32(max(1, lda)), b, Int32(max(1, ldb)))
        }
    }

    // MARK: matrix level

    /// c ← α·op(a)·op(b) + β·c; shapes are checked.
    public static func gemm(
        _ a: RealMatrix, _ b: RealMatrix, into c: inout RealMatrix, transA: Transpose = .none,
        transB: Transpose = .none, alpha: Double = 1, beta: Double = 0
    ) {
        let (m, k) = transA == .none ? (a.rows, a.columns) : (a.columns, a.rows)
        let (kb, n) = transB == .none ? (b.rows, b.columns) : (b.columns, b.rows)
        precondition(k == kb && c.rows == m && c.columns == n, "gemm shape mismatch")
        if k == 0 {
            for i in c.elements.indices { c.elements[i] *= beta }
            return
        }
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                c.elements.withUnsafeMutableBufferPointer { pc in
                    gemm(transA, transB, m: m, n: n, k: k, alpha: alpha, a: pa.baseAddress!, lda: a.rows,
                         b: pb.baseAddress!, ldb: b.rows, beta: beta, c: pc.baseAddress!, ldc: c.rows)
                }
            }
        }
    }

    public static func gemv(
        _ a: RealMatrix, _ x: [Double], into y: inout [Double], trans: Transpose = .none,
        alpha: Double = 1, beta: Double = 0
    ) {
        let (m, n) = trans == .none ? (a.rows, a.columns) : (a.columns, a.rows)
        precondition(x.count == n && y.count == m, "gemv shape mismatch")
        if n == 0 {
            for i in y.indices { y[i] *= beta }
            return
        }
        a.elements.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    gemv(trans, m: a.rows, n: a.columns, alpha: alpha, a: pa.baseAddress!, lda: a.rows,
                         x: px.baseAddress!, beta: beta, y: py.baseAddress!)
                }
            }
        }
    }

    public static func gemm(
        _ a: ComplexMatrix, _ b: ComplexMatrix, into c: inout ComplexMatrix, transA: Transpose = .none,
        transB: Transpose = .none, alpha: Complex<Double> = .one, beta: Complex<Double> = .zero
    ) {
        let (m, k) = transA == .none ? (a.rows, a.columns) : (a.columns, a.rows)
        let (kb, n) = transB == .none ? (b.rows, b.columns) : (b.columns, b.rows)
        precondition(k == kb && c.rows == m && c.columns == n, "gemm shape mismatch")
        if k == 0 {
            for i in c.elements.indices { c.elements[i] *= beta }
            return
        }
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                c.elements.withUnsafeMutableBufferPointer { pc in
                    gemm(transA, transB, m: m, n: n, k: k, alpha: alpha, a: pa.baseAddress!, lda: a.rows,
                         b: pb.baseAddress!, ldb: b.rows, beta: beta, c: pc.baseAddress!, ldc: c.rows)
                }
            }
        }
    }

    public static func gemv(
        _ a: ComplexMatrix, _ x: [Complex<Double>], into y: inout [Complex<Double>], trans: Transpose = .none,
        alpha: Complex<Double> = .one, beta: Complex<Double> = .zero
    ) {
        let (m, n) = trans == .none ? (a.rows, a.columns) : (a.columns, a.rows)
        precondition(x.count == n && y.count == m, "gemv shape mismatch")
        if n == 0 {
            for i in y.indices { y[i] *= beta }
            return
        }
        a.elements.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    gemv(trans, m: a.rows, n: a.columns, alpha: alpha, a: pa.baseAddress!, lda: a.rows,
                         x: px.baseAddress!, beta: beta, y: py.baseAddress!)
                }
            }
        }
    }
}
