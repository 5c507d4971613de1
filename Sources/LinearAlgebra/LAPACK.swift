import CLAPACK
import ComplexModule
import RealModule

/// Typed pointer-level wrappers over LAPACKE's `_work` entry points (column-major, no NaN scan, no
/// internal allocation). Matrix-level types (`CholeskyFactorization`, `LUFactorization`, …) build on these.
public enum LAPACK {
    /// In-place Cholesky factorisation of the `triangle` of the n×n matrix `a`.
    public static func potrf(_ triangle: Triangle, n: Int, a: UnsafeMutablePointer<Double>, lda: Int) throws(LinearAlgebraError) {
        guard n > 0 else { return }
        BLASThreading.ensurePinned()
        let info = LAPACKE_dpotrf_work(colMajor, triangle.lapack, Int32(n), a, Int32(max(1, lda)))
        try checkInfo(info) { .notPositiveDefinite(column: $0 - 1) }
    }

    /// Solves A·X = B from a Cholesky factor produced by `potrf`.
    public static func potrs(
        _ triangle: Triangle, n: Int, nrhs: Int, factor: UnsafePointer<Double>, lda: Int,
        b: UnsafeMutablePointer<Double>, ldb: Int
    ) {
        guard n > 0, nrhs > 0 else { return }
        BLASThreading.ensurePinned()
        _ = LAPACKE_dpotrs_work(colMajor, triangle.lapack, Int32(n), Int32(nrhs), factor, Int32(max(1, lda)), b, Int32(max(1, ldb)))
    }

    /// Complex Hermitian Cholesky factorisation.
    public static func potrf(_ triangle: Triangle, n: Int, a: UnsafeMutablePointer<Complex<Double>>, lda: Int) throws(LinearAlgebraError) {
        guard n > 0 else { return }
        BLASThreading.ensurePinned()
        let info = LAPACKE_zpotrf_work(colMajor, triangle.lapack, Int32(n), asLapack(a), Int32(max(1, lda)))
        try checkInfo(info) { .notPositiveDefinite(column: $0 - 1) }
    }

    /// Complex solve from a Cholesky factor.
    public static func potrs(
        _ triangle: Triangle, n: Int, nrhs: Int, factor: UnsafePointer<Complex<Double>>, lda: Int,
        b: UnsafeMutablePointer<Complex<Double>>, ldb: Int
    ) {
        guard n > 0, nrhs > 0 else { return }
        BLASThreading.ensurePinned()
        _ = LAPACKE_zpotrs_work(colMajor, triangle.lapack, Int32(n), Int32(nrhs), asLapack(UnsafeMutablePointer(mutating: factor)),
                                Int32(max(1, lda)), asLapack(b), Int32(max(1, ldb)))
    }

    /// LU factorisation with partial pivoting; `pivots` receives n one-based pivot indices.
    public static func getrf(n: Int, a: UnsafeMutablePointer<Double>, lda: Int, pivots: UnsafeMutablePointer<Int32>) throws(LinearAlgebraError) {
        guard n > 0 else { return }
        BLASThreading.ensurePinned()
        let info = LAPACKE_dgetrf_work(colMajor, Int32(n), Int32(n), a, Int32(max(1, lda)), pivots)
        try checkInfo(info) { .singular(column: $0 - 1) }
    }

    public static func getrs(
        _ trans: Transpose, n: Int, nrhs: Int, factor: UnsafePointer<Double>, lda: Int, pivots: UnsafePointer<Int32>,
        b: UnsafeMutablePointer<Double>, ldb: Int
    ) {
        guard n > 0, nrhs > 0 else { return }
        BLASThreading.ensurePinned()
        _ = LAPACKE_dgetrs_work(colMajor, trans.lapack, Int32(n), Int32(nrhs), factor, Int32(max(1, lda)), pivots, b, Int32(max(1, ldb)))
    }

    public static func getrf(n: Int, a: UnsafeMutablePointer<Complex<Double>>, lda: Int, pivots: UnsafeMutablePointer<Int32>) throws(LinearAlgebraError) {
        guard n > 0 else { return }
        BLASThreading.ensurePinned()
        let info = LAPACKE_zgetrf_work(colMajor, Int32(n), Int32(n), asLapack(a), Int32(max(1, lda)), pivots)
        try checkInfo(info) { .singular(column: $0 - 1) }
    }

    public static func getrs(
        _ trans: Transpose, n: Int, nrhs: Int, factor: UnsafePointer<Complex<Double>>, lda: Int, pivots: UnsafePointer<Int32>,
        b: UnsafeMutablePointer<Complex<Double>>, ldb: Int
    ) {
        guard n > 0, nrhs > 0 else { return }
        BLASThreading.ensurePinned()
        _ = LAPACKE_zgetrs_work(colMajor, trans.lapack, Int32(n), Int32(nrhs), asLapack(UnsafeMutablePointer(mutating: factor)),
                                Int32(max(1, lda)), pivots, asLapack(b), Int32(max(1, ldb)))
    }
}

/// Reusable workspace for real symmetric eigendecompositions (`dsyevd`) of order ≤ `capacity`.
/// Not thread-safe: give each worker its own.
public final class SymmetricEigenWorkspace {
    public let capacity: Int
    @usableFromInline var work: [Double]
    @usableFromInline var iwork: [Int32]

    public init(capacity n: Int) {
        capacity = n
        // LAPACK's documented minimum for jobz = 'V': lwork = 1 + 6n + 2n², liwork = 3 + 5n.
        work = [Double](repeating: 0, count: max(1, 1 + 6 * n + 2 * n * n))
        iwork = [Int32](repeating: 0, count: max(1, 3 + 5 * n))
    }

    /// Eigenvalues (ascending) into `w` and, if `vectors`, orthonormal eigenvectors into `a` (columns).
    /// Only the `triangle` of `a` is read on entry.
    public func decompose(
        n: Int, a: UnsafeMutablePointer<Double>, lda: Int, w: UnsafeMutablePointer<Double>,
        vectors: Bool = true, triangle: Triangle = .lower
    ) throws(LinearAlgebraError) {
        precondition(n <= capacity, "eigen workspace too small")
        guard n > 0 else { return }
        BLASThreading.ensurePinned()
        let info = work.withUnsafeMutableBufferPointer { pw in
            iwork.withUnsafeMutableBufferPointer { pi in
                LAPACKE_dsyevd_work(colMajor, vectors ? lapackChar("V") : lapackChar("N"), triangle.lapack, Int32(n), a,
                                    Int32(max(1, lda)), w, pw.baseAddress!, Int32(pw.count), pi.baseAddress!, Int32(pi.count))
            }
        }
        try checkInfo(info) { .noConvergence(info: $0) }
    }
}

/// Reusable workspace for complex Hermitian eigendecompositions (`zheevd`) of order ≤ `capacity`.
public final class HermitianEigenWorkspace {
    public let capacity: Int
    @usableFromInline var work: [Complex<Double>]
    @usableFromInline var rwork: [Double]
    @usableFromInline var iwork: [Int32]

    public init(capacity n: Int) {
        capacity = n
        // Documented minima for jobz = 'V': lwork = 2n + n², lrwork = 1 + 5n + 2n², liwork = 3 + 5n.
        work = [Complex<Double>](repeating: .zero, count: max(1, 2 * n + n * n))
        rwork = [Double](repeating: 0, count: max(1, 1 + 5 * n + 2 * n * n))
        iwork = [Int32](repeating: 0, count: max(1, 3 + 5 * n))
    }

    /// Eigenvalues (ascending) into `w`, eigenvectors (if requested) into the columns of `a`.
    public func decompose(
        n: Int, a: UnsafeMutablePointer<Complex<Double>>, lda: Int, w: UnsafeMutablePointer<Double>,
        vectors: Bool = true, triangle: Triangle = .lower
    ) throws(LinearAlgebraError) {
        precondition(n <= capacity, "eigen workspace too small")
        guard n > 0 else { return }
        BLASThreading.ensurePinned()
        let info = work.withUnsafeMutableBufferPointer { pw in
            rwork.withUnsafeMutableBufferPointer { pr in
                iwork.withUnsafeMutableBufferPointer { pi in
                    LAPACKE_zheevd_work(colMajor, vectors ? lapackChar("V") : lapackChar("N"), triangle.lapack, Int32(n),
                                        asLapack(a), Int32(max(1, lda)), w, asLapack(pw.baseAddress!), Int32(pw.count),
                                        pr.baseAddress!, Int32(pr.count), pi.baseAddress!, Int32(pi.count))
                }
            }
        }
        try checkInfo(info) { .noConvergence(info: $0) }
    }
}
