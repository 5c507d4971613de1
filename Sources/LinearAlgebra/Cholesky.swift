import ComplexModule
import RealModule

/// Cholesky factorisation A = L·Lᵀ of a real symmetric positive definite matrix (LAPACK `dpotrf`).
/// Only the lower triangle of the input is read.
public struct CholeskyFactorization: Sendable {
    /// Lower-triangular factor L (the strict upper triangle is zero).
    public private(set) var factor: RealMatrix

    public init(_ a: RealMatrix) throws(LinearAlgebraError) {
        guard a.isSquare else { throw .dimensionMismatch("Cholesky needs a square matrix, got \(a.rows)×\(a.columns)") }
        var f = a
        let n = a.rows
        try f.elements.withUnsafeMutableBufferPointer { (p: inout UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) in
            try LAPACK.potrf(.lower, n: n, a: p.baseAddress!, lda: n)
        }
        for j in 0..<n { for i in 0..<j { f.elements[i + j * n] = 0 } }
        factor = f
    }

    public var order: Int { factor.rows }

    /// Solves A·x = b.
    public func solve(_ b: [Double]) -> [Double] {
        precondition(b.count == order, "right-hand side length mismatch")
        var x = b
        x.withUnsafeMutableBufferPointer { px in
            factor.elements.withUnsafeBufferPointer { pf in
                LAPACK.potrs(.lower, n: order, nrhs: 1, factor: pf.baseAddress!, lda: order, b: px.baseAddress!, ldb: order)
            }
        }
        return x
    }

    /// Solves A·X = B for several right-hand sides.
    public func solve(_ b: RealMatrix) -> RealMatrix {
        precondition(b.rows == order, "right-hand side rows mismatch")
        var x = b
        x.elements.withUnsafeMutableBufferPointer { px in
            factor.elements.withUnsafeBufferPointer { pf in
                LAPACK.potrs(.lower, n: order, nrhs: b.columns, factor: pf.baseAddress!, lda: order, b: px.baseAddress!, ldb: order)
            }
        }
        return x
    }

    /// Solves L·y = b (forward substitution) or Lᵀ·y = b (`transpose`).
    public func solveTriangular(_ b: RealMatrix, transpose: Bool = false) -> RealMatrix {
        precondition(b.rows == order)
        var x = b
        x.elements.withUnsafeMutableBufferPointer { px in
            factor.elements.withUnsafeBufferPointer { pf in
                BLAS.trsm(.left, .lower, transpose ? .transpose : .none, m: order, n: b.columns, alpha: 1,
                          a: pf.baseAddress!, lda: order, b: px.baseAddress!, ldb: order)
            }
        }
        return x
    }

    /// log det A = 2 Σ log L_ii.
    public var logDeterminant: Double { 2 * factor.diagonalElements.reduce(0) { $0 + _log($1) } }
}

/// Cholesky factorisation A = L·Lᴴ of a complex Hermitian positive definite matrix (LAPACK `zpotrf`).
public struct ComplexCholeskyFactorization: Sendable {
    public private(set) var factor: ComplexMatrix

    public init(_ a: ComplexMatrix) throws(LinearAlgebraError) {
        guard a.isSquare else { throw .dimensionMismatch("Cholesky needs a square matrix, got \(a.rows)×\(a.columns)") }
        var f = a
        let n = a.rows
        try f.elements.withUnsafeMutableBufferPointer { (p: inout UnsafeMutableBufferPointer<Complex<Double>>) throws(LinearAlgebraError) in
            try LAPACK.potrf(.lower, n: n, a: p.baseAddress!, lda: n)
        }
        for j in 0..<n { for i in 0..<j { f.elements[i + j * n] = .zero } }
        factor = f
    }

    public var order: Int { factor.rows }

    public func solve(_ b: [Complex<Double>]) -> [Complex<Double>] {
        precondition(b.count == order, "right-hand side length mismatch")
        var x = b
        x.withUnsafeMutableBufferPointer { px in
            factor.elements.withUnsafeBufferPointer { pf in
                LAPACK.potrs(.lower, n: order, nrhs: 1, factor: pf.baseAddress!, lda: order, b: px.baseAddress!, ldb: order)
            }
        }
        return x
    }

    public func solve(_ b: ComplexMatrix) -> ComplexMatrix {
        precondition(b.rows == order)
        var x = b
        x.elements.withUnsafeMutableBufferPointer { px in
            factor.elements.withUnsafeBufferPointer { pf in
                LAPACK.potrs(.lower, n: order, nrhs: b.columns, factor: pf.baseAddress!, lda: order, b: px.baseAddress!, ldb: order)
            }
        }
        return x
    }

    /// log det A = 2 Σ log L_ii (real for Hermitian A).
    public var logDeterminant: Double { 2 * (0..<order).reduce(0) { $0 + _log(factor[$1, $1].real) } }
}

@usableFromInline func _log(_ x: Double) -> Double { Double.log(x) }
