import ComplexModule
import RealModule

/// Eigendecomposition A = V·diag(λ)·Vᵀ of a real symmetric matrix (LAPACK `dsyevd`; lower triangle read).
public struct SymmetricEigendecomposition: Sendable {
    /// Eigenvalues in ascending order.
    public let eigenvalues: [Double]
    /// Orthonormal eigenvectors as columns (empty when computed without vectors).
    public let eigenvectors: RealMatrix

    public init(_ a: RealMatrix, vectors: Bool = true, workspace: SymmetricEigenWorkspace? = nil) throws(LinearAlgebraError) {
        guard a.isSquare else { throw .dimensionMismatch("eigendecomposition needs a square matrix") }
        let n = a.rows
        let ws = workspace ?? SymmetricEigenWorkspace(capacity: n)
        var m = a
        var w = [Double](repeating: 0, count: n)
        try m.elements.withUnsafeMutableBufferPointer { (pm: inout UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) in
            try w.withUnsafeMutableBufferPointer { (pw: inout UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) in
                if n > 0 { try ws.decompose(n: n, a: pm.baseAddress!, lda: n, w: pw.baseAddress!, vectors: vectors) }
            }
        }
        eigenvalues = w
        eigenvectors = vectors ? m : RealMatrix(rows: 0, columns: 0)
    }
}

/// Eigendecomposition A = V·diag(λ)·Vᴴ of a complex Hermitian matrix (LAPACK `zheevd`; lower triangle read).
public struct HermitianEigendecomposition: Sendable {
    public let eigenvalues: [Double]
    public let eigenvectors: ComplexMatrix

    public init(_ a: ComplexMatrix, vectors: Bool = true, workspace: HermitianEigenWorkspace? = nil) throws(LinearAlgebraError) {
        guard a.isSquare else { throw .dimensionMismatch("eigendecomposition needs a square matrix") }
        let n = a.rows
        let ws = workspace ?? HermitianEigenWorkspace(capacity: n)
        var m = a
        var w = [Double](repeating: 0, count: n)
        try m.elements.withUnsafeMutableBufferPointer { (pm: inout UnsafeMutableBufferPointer<Complex<Double>>) throws(LinearAlgebraError) in
            try w.withUnsafeMutableBufferPointer { (pw: inout UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) in
                if n > 0 { try ws.decompose(n: n, a: pm.baseAddress!, lda: n, w: pw.baseAddress!, vectors: vectors) }
            }
        }
        eigenvalues = w
        eigenvectors = vectors ? m : ComplexMatrix(rows: 0, columns: 0)
    }
}

extension RealMatrix {
    /// Eigenvalues (ascending) of a symmetric matrix; only the lower triangle is read.
    public func symmetricEigenvalues() throws(LinearAlgebraError) -> [Double] {
        try SymmetricEigendecomposition(self, vectors: false).eigenvalues
    }
}

extension ComplexMatrix {
    /// Eigenvalues (ascending) of a Hermitian matrix; only the lower triangle is read.
    public func hermitianEigenvalues() throws(LinearAlgebraError) -> [Double] {
        try HermitianEigendecomposition(self, vectors: false).eigenvalues
    }
}
