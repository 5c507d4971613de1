/// Errors raised by the dense linear-algebra layer.
///
/// Column and row indices are zero-based.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Cholesky factorisation failed: the leading minor of order `column + 1` is not positive definite.
    case notPositiveDefinite(column: Int)
    /// LU factorisation found an exactly zero pivot at `column`: the matrix is singular.
    case singular(column: Int)
    /// Operand shapes do not agree.
    case dimensionMismatch(String)
    /// An eigenvalue or SVD iteration did not converge (LAPACK `info > 0`).
    case noConvergence(info: Int)
    /// LAPACK rejected argument number `argument` (LAPACK `info < 0`); a bug in the caller.
    case invalidArgument(argument: Int)
    /// A least-squares matrix does not have full rank (`gels` found a zero diagonal of R at `index`).
    case rankDeficient(index: Int)

    public var description: String {
        switch self {
        case .notPositiveDefinite(let c): return "matrix is not positive definite (leading minor of order \(c + 1))"
        case .singular(let c): return "matrix is singular (zero pivot in column \(c))"
        case .dimensionMismatch(let s): return "dimension mismatch: \(s)"
        case .noConvergence(let i): return "iteration did not converge (LAPACK info \(i))"
        case .invalidArgument(let a): return "invalid argument \(a) passed to LAPACK"
        case .rankDeficient(let i): return "matrix is rank deficient (index \(i))"
        }
    }
}
