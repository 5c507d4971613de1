import CLAPACK
import ComplexModule
import RealModule

/// Small helpers shared by the BLAS/LAPACK wrappers. Internal: callers see typed Swift APIs only.
@usableFromInline let colMajor = Int32(LAPACK_COL_MAJOR)

@inline(__always) @usableFromInline
func lapackChar(_ c: Unicode.Scalar) -> CChar { CChar(c.value) }

/// Triangle selector for symmetric / Hermitian / triangular kernels.
public enum Triangle: Sendable {
    case lower, upper

    @usableFromInline var lapack: CChar { self == .lower ? lapackChar("L") : lapackChar("U") }
    @usableFromInline var cblas: CBLAS_UPLO { self == .lower ? CblasLower : CblasUpper }
}

/// Operation applied to a matrix operand: none, transpose, or conjugate transpose.
public enum Transpose: Sendable {
    case none, transpose, adjoint

    @usableFromInline var cblas: CBLAS_TRANSPOSE {
        switch self {
        case .none: return CblasNoTrans
        case .transpose: return CblasTrans
        case .adjoint: return CblasConjTrans
        }
    }
    @usableFromInline var lapack: CChar {
        switch self {
        case .none: return lapackChar("N")
        case .transpose: return lapackChar("T")
        case .adjoint: return lapackChar("C")
        }
    }
}

/// Which side a triangular or symmetric operand multiplies from.
public enum Side: Sendable {
    case left, right
    @usableFromInline var cblas: CBLAS_SIDE { self == .left ? CblasLeft : CblasRight }
}

/// Reinterprets a `Complex<Double>` buffer as LAPACK's `_lapack_complex_double` (both are two packed
/// Doubles, real part first).
@inline(__always) @usableFromInline
func asLapack(_ p: UnsafeMutablePointer<Complex<Double>>) -> UnsafeMutablePointer<_lapack_complex_double> {
    UnsafeMutableRawPointer(p).assumingMemoryBound(to: _lapack_complex_double.self)
}

/// Maps a LAPACK `info` from a factorisation to a typed error.
@usableFromInline
func checkInfo(_ info: Int32, positive: (Int) -> LinearAlgebraError) throws(LinearAlgebraError) {
    if info < 0 { throw .invalidArgument(argument: Int(-info)) }
    if info > 0 { throw positive(Int(info)) }
}
