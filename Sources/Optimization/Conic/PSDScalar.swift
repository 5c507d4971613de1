import ComplexModule
import LinearAlgebra
import RealModule

/// The scalar field of a PSD block: `Double` for real symmetric matrices, `Complex<Double>` for
/// complex Hermitian ones. The PSD block is written once, generically, and dispatches its dense
/// kernels (BLAS/LAPACK or the hand-written small kernels) through this protocol.
protocol PSDScalar {
    associatedtype EigenWorkspace: AnyObject
    static var zero: Self { get }
    static var one: Self { get }
    /// `.transpose` for real, `.adjoint` for complex.
    static var adjointOp: Transpose { get }
    /// Length of the vectorisation of an order-n matrix.
    static func vectorLength(_ n: Int) -> Int

    init(realValue: Double)
    var realValue: Double { get }
    var conj: Self { get }
    /// |x|²
    var magnitudeSquared: Double { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func scaled(_ a: Self, _ f: Double) -> Self
    /// Re(conj(a)·b)
    static func realDot(_ a: Self, _ b: Self) -> Double

    /// Full matrix (both triangles) from a vectorisation.
    static func unpack(n: Int, _ v: UnsafePointer<Double>, _ m: UnsafeMutablePointer<Self>)
    /// Vectorisation of the Hermitian part (M + Mᴴ)/2.
    static func pack(n: Int, _ m: UnsafePointer<Self>, _ v: UnsafeMutablePointer<Double>)
    /// Vectorisation index of the diagonal entry i.
    static func diagonalIndex(_ i: Int, n: Int) -> Int
    /// Entry (i, j), i > j, of the matrix whose vectorisation is `v`.
    static func packedLower(_ v: UnsafePointer<Double>, _ i: Int, _ j: Int, n: Int) -> Self

    static func gemm(_ ta: Transpose, _ tb: Transpose, n: Int, alpha: Self, _ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>,
                     beta: Self, _ c: UnsafeMutablePointer<Self>)
    /// C ← A·B for rectangular operands (m×k times k×p), all leading dimensions tight.
    static func gemmRect(_ ta: Transpose, m: Int, p: Int, k: Int, _ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>, _ c: UnsafeMutablePointer<Self>)
    /// C ← op_a(A)·op_b(B) with op_a(A) m×k, op_b(B) k×p and explicit leading dimensions.
    static func gemmGeneral(_ ta: Transpose, _ tb: Transpose, m: Int, p: Int, k: Int, _ a: UnsafePointer<Self>, ld: Int,
                            _ b: UnsafePointer<Self>, ldb: Int, _ c: UnsafeMutablePointer<Self>, ldc: Int)
    /// B ← op(L)⁻¹·B (side left, B m×p) or B·op(L)⁻¹ (side right), L lower triangular with leading
    /// dimension equal to its order; B tight.
    static func trsmLower(_ side: Side, _ t: Transpose, m: Int, p: Int, _ l: UnsafePointer<Self>, _ b: UnsafeMutablePointer<Self>)
    /// Lower triangle of C (n×n) ← α·A·Aᴴ + β·C, A n×k (tight).
    static func rankUpdate(n: Int, k: Int, alpha: Double, _ a: UnsafePointer<Self>, beta: Double, _ c: UnsafeMutablePointer<Self>)
    /// B ← op(L)·B with L lower triangular (n×n), B n×n.
    static func trmmLeftLower(_ t: Transpose, n: Int, _ l: UnsafePointer<Self>, _ b: UnsafeMutablePointer<Self>)
    /// In-place lower Cholesky; false when not positive definite.
    static func cholesky(n: Int, _ a: UnsafeMutablePointer<Self>) -> Bool
    static func makeEigenWorkspace(_ n: Int) -> EigenWorkspace
    /// Eigenvalues ascending into w and eigenvectors into a; false on failure.
    static func eigen(_ ws: EigenWorkspace, n: Int, _ a: UnsafeMutablePointer<Self>, _ w: UnsafeMutablePointer<Double>, vectors: Bool) -> Bool
}

extension Double: PSDScalar {
    typealias EigenWorkspace = SymmetricEigenWorkspace
    static var one: Double { 1 }
    static var adjointOp: Transpose { .transpose }
    static func vectorLength(_ n: Int) -> Int { n * (n + 1) / 2 }
    init(realValue: Double) { self = realValue }
    var realValue: Double { self }
    var conj: Double { self }
    var magnitudeSquared: Double { self * self }
    static func scaled(_ a: Double, _ f: Double) -> Double { a * f }
    static func realDot(_ a: Double, _ b: Double) -> Double { a * b }

    static func unpack(n: Int, _ v: UnsafePointer<Double>, _ m: UnsafeMutablePointer<Double>) {
        let r = 1 / SymmetricVectorization.sqrt2
        var k = 0
        for j in 0..<n {
            m[j + j * n] = v[k]
            k += 1
            for i in (j + 1)..<max(j + 1, n) {
                let x = v[k] * r
                m[i + j * n] = x
                m[j + i * n] = x
                k += 1
            }
        }
    }

    static func pack(n: Int, _ m: UnsafePointer<Double>, _ v: UnsafeMutablePointer<Double>) {
        let h = SymmetricVectorization.sqrt2 * 0.5
        var k = 0
        for j in 0..<n {
            v[k] = m[j + j * n]
            k += 1
            for i in (j + 1)..<max(j + 1, n) {
                v[k] = h * (m[i + j * n] + m[j + i * n])
                k += 1
            }
        }
    }

    static func diagonalIndex(_ i: Int, n: Int) -> Int { i * n - i * (i - 1) / 2 }

    static func packedLower(_ v: UnsafePointer<Double>, _ i: Int, _ j: Int, n: Int) -> Double {
        v[SymmetricVectorization.realIndex(i, j, order: n)] / SymmetricVectorization.sqrt2
    }

    static func gemm(_ ta: Transpose, _ tb: Transpose, n: Int, alpha: Double, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                     beta: Double, _ c: UnsafeMutablePointer<Double>) {
        BLAS.gemm(ta, tb, m: n, n: n, k: n, alpha: alpha, a: a, lda: n, b: b, ldb: n, beta: beta, c: c, ldc: n)
    }

    static func gemmRect(_ ta: Transpose, m: Int, p: Int, k: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>) {
        BLAS.gemm(ta, .none, m: m, n: p, k: k, alpha: 1, a: a, lda: ta == .none ? m : k, b: b, ldb: k, beta: 0, c: c, ldc: m)
    }

    static func gemmGeneral(_ ta: Transpose, _ tb: Transpose, m: Int, p: Int, k: Int, _ a: UnsafePointer<Double>, ld: Int,
                            _ b: UnsafePointer<Double>, ldb: Int, _ c: UnsafeMutablePointer<Double>, ldc: Int) {
        BLAS.gemm(ta, tb, m: m, n: p, k: k, alpha: 1, a: a, lda: ld, b: b, ldb: ldb, beta: 0, c: c, ldc: ldc)
    }

    static func trsmLower(_ side: Side, _ t: Transpose, m: Int, p: Int, _ l: UnsafePointer<Double>, _ b: UnsafeMutablePointer<Double>) {
        BLAS.trsm(side, .lower, t, m: m, n: p, alpha: 1, a: l, lda: side == .left ? m : p, b: b, ldb: m)
    }

    static func rankUpdate(n: Int, k: Int, alpha: Double, _ a: UnsafePointer<Double>, beta: Double, _ c: UnsafeMutablePointer<Double>) {
        BLAS.syrk(.lower, .none, n: n, k: k, alpha: alpha, a: a, lda: n, beta: beta, c: c, ldc: n)
    }

    static func trmmLeftLower(_ t: Transpose, n: Int, _ l: UnsafePointer<Double>, _ b: UnsafeMutablePointer<Double>) {
        BLAS.trmm(.left, .lower, t, m: n, n: n, alpha: 1, a: l, lda: n, b: b, ldb: n)
    }

    static func cholesky(n: Int, _ a: UnsafeMutablePointer<Double>) -> Bool {
        if n <= SmallKernels.crossoverOrder { return SmallKernels.isPositiveDefinite(n: n, a: a, lda: n) }
        do throws(LinearAlgebraError) { try LAPACK.potrf(.lower, n: n, a: a, lda: n); return true } catch { return false }
    }

    static func makeEigenWorkspace(_ n: Int) -> SymmetricEigenWorkspace { SymmetricEigenWorkspace(capacity: n) }

    static func eigen(_ ws: SymmetricEigenWorkspace, n: Int, _ a: UnsafeMutablePointer<Double>, _ w: UnsafeMutablePointer<Double>, vectors: Bool) -> Bool {
        do throws(LinearAlgebraError) { try ws.decompose(n: n, a: a, lda: n, w: w, vectors: vectors); return true } catch { return false }
    }
}

extension Complex: PSDScalar where RealType == Double {
    typealias EigenWorkspace = HermitianEigenWorkspace
    static var adjointOp: Transpose { .adjoint }
    static func vectorLength(_ n: Int) -> Int { n * n }
    init(realValue: Double) { self.init(realValue, 0) }
    var realValue: Double { real }
    var conj: Complex<Double> { conjugate }
    var magnitudeSquared: Double { lengthSquared }
    static func scaled(_ a: Complex<Double>, _ f: Double) -> Complex<Double> { Complex(a.real * f, a.imaginary * f) }
    static func realDot(_ a: Complex<Double>, _ b: Complex<Double>) -> Double { a.real * b.real + a.imaginary * b.imaginary }

    static func unpack(n: Int, _ v: UnsafePointer<Double>, _ m: UnsafeMutablePointer<Complex<Double>>) {
        let r = 1 / SymmetricVectorization.sqrt2
        var k = 0
        for j in 0..<n {
            m[j + j * n] = Complex(v[k], 0)
            k += 1
            for i in (j + 1)..<max(j + 1, n) {
                let x = Complex(v[k] * r, v[k + 1] * r)
                m[i + j * n] = x
                m[j + i * n] = x.conjugate
                k += 2
            }
        }
    }

    static func pack(n: Int, _ m: UnsafePointer<Complex<Double>>, _ v: UnsafeMutablePointer<Double>) {
        let h = SymmetricVectorization.sqrt2 * 0.5
        var k = 0
        for j in 0..<n {
            v[k] = m[j + j * n].real
            k += 1
            for i in (j + 1)..<max(j + 1, n) {
                let lo = m[i + j * n], up = m[j + i * n]
                v[k] = h * (lo.real + up.real)
                v[k + 1] = h * (lo.imaginary - up.imaginary)
                k += 2
            }
        }
    }

    static func diagonalIndex(_ i: Int, n: Int) -> Int { i * (2 * n - i) }

    static func packedLower(_ v: UnsafePointer<Double>, _ i: Int, _ j: Int, n: Int) -> Complex<Double> {
        let k = SymmetricVectorization.hermitianIndex(i, j, order: n), r = 1 / SymmetricVectorization.sqrt2
        return Complex(v[k] * r, v[k + 1] * r)
    }

    static func gemm(_ ta: Transpose, _ tb: Transpose, n: Int, alpha: Complex<Double>, _ a: UnsafePointer<Complex<Double>>,
                     _ b: UnsafePointer<Complex<Double>>, beta: Complex<Double>, _ c: UnsafeMutablePointer<Complex<Double>>) {
        BLAS.gemm(ta, tb, m: n, n: n, k: n, alpha: alpha, a: a, lda: n, b: b, ldb: n, beta: beta, c: c, ldc: n)
    }

    static func gemmRect(_ ta: Transpose, m: Int, p: Int, k: Int, _ a: UnsafePointer<Complex<Double>>, _ b: UnsafePointer<Complex<Double>>,
                         _ c: UnsafeMutablePointer<Complex<Double>>) {
        BLAS.gemm(ta, .none, m: m, n: p, k: k, alpha: .one, a: a, lda: ta == .none ? m : k, b: b, ldb: k, beta: .zero, c: c, ldc: m)
    }

    static func gemmGeneral(_ ta: Transpose, _ tb: Transpose, m: Int, p: Int, k: Int, _ a: UnsafePointer<Complex<Double>>, ld: Int,
                            _ b: UnsafePointer<Complex<Double>>, ldb: Int, _ c: UnsafeMutablePointer<Complex<Double>>, ldc: Int) {
        BLAS.gemm(ta, tb, m: m, n: p, k: k, alpha: .one, a: a, lda: ld, b: b, ldb: ldb, beta: .zero, c: c, ldc: ldc)
    }

    static func trsmLower(_ side: Side, _ t: Transpose, m: Int, p: Int, _ l: UnsafePointer<Complex<Double>>,
                          _ b: UnsafeMutablePointer<Complex<Double>>) {
        BLAS.trsm(side, .lower, t, m: m, n: p, alpha: .one, a: l, lda: side == .left ? m : p, b: b, ldb: m)
    }

    static func rankUpdate(n: Int, k: Int, alpha: Double, _ a: UnsafePointer<Complex<Double>>, beta: Double,
                           _ c: UnsafeMutablePointer<Complex<Double>>) {
        BLAS.herk(.lower, .none, n: n, k: k, alpha: alpha, a: a, lda: n, beta: beta, c: c, ldc: n)
    }

    static func trmmLeftLower(_ t: Transpose, n: Int, _ l: UnsafePointer<Complex<Double>>, _ b: UnsafeMutablePointer<Complex<Double>>) {
        BLAS.trmm(.left, .lower, t, m: n, n: n, alpha: .one, a: l, lda: n, b: b, ldb: n)
    }

    static func cholesky(n: Int, _ a: UnsafeMutablePointer<Complex<Double>>) -> Bool {
        if n <= SmallKernels.crossoverOrder { return SmallKernels.isPositiveDefinite(n: n, a: a, lda: n) }
        do throws(LinearAlgebraError) { try LAPACK.potrf(.lower, n: n, a: a, lda: n); return true } catch { return false }
    }

    static func makeEigenWorkspace(_ n: Int) -> HermitianEigenWorkspace { HermitianEigenWorkspace(capacity: n) }

    static func eigen(_ ws: HermitianEigenWorkspace, n: Int, _ a: UnsafeMutablePointer<Complex<Double>>, _ w: UnsafeMutablePointer<Double>,
                      vectors: Bool) -> Bool {
        do throws(LinearAlgebraError) { try ws.decompose(n: n, a: a, lda: n, w: w, vectors: vectors); return true } catch { return false }
    }
}
