import ComplexModule
import RealModule

/// LU factorisation with partial pivoting, P·A = L·U (LAPACK `dgetrf`), for square systems.
public struct LUFactorization: Sendable {
    public private(set) var factors: RealMatrix
    /// One-based LAPACK pivot indices.
    public private(set) var pivots: [Int32]

    public init(_ a: RealMatrix) throws(LinearAlgebraError) {
        guard a.isSquare else { throw .dimensionMismatch("LU needs a square matrix, got \(a.rows)×\(a.columns)") }
        var f = a
        var piv = [Int32](repeating: 0, count: a.rows)
        let n = a.rows
        try f.elements.withUnsafeMutableBufferPointer { (p: inout UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) in
            try piv.withUnsafeMutableBufferPointer { (pp: inout UnsafeMutableBufferPointer<Int32>) throws(LinearAlgebraError) in
                try LAPACK.getrf(n: n, a: p.baseAddress!, lda: n, pivots: pp.baseAddress!)
            }
        }
        factors = f
        pivots = piv
    }

    public var order: Int { factors.rows }

    /// Solves op(A)·X = B.
    public func solve(_ b: RealMatrix, transpose: Bool = false) -> RealMatrix {
        precondition(b.rows == order)
        var x = b
        x.elements.withUnsafeMutableBufferPointer { px in
            factors.elements.withUnsafeBufferPointer { pf in
                pivots.withUnsafeBufferPointer { pp in
                    LAPACK.getrs(transpose ? .transpose : .none, n: order, nrhs: b.columns, factor: pf.baseAddress!, lda: order,
                                 pivots: pp.baseAddress!, b: px.baseAddress!, ldb: order)
                }
            }
        }
        return x
    }

    public func solve(_ b: [Double]) -> [Double] {
        solve(RealMatrix(rows: b.count, columns: 1, elements: b)).elements
    }

    /// A⁻¹, computed by solving A·X = I.
    public var inverse: RealMatrix { solve(RealMatrix.identity(order)) }

    public var determinant: Double {
        var d = 1.0
        for i in 0..<order {
            d *= factors[i, i]
            if pivots[i] != Int32(i + 1) { d = -d }
        }
        return d
    }
}

/// Complex LU factorisation with partial pivoting (LAPACK `zgetrf`).
public struct ComplexLUFactorization: Sendable {
    public private(set) var factors: ComplexMatrix
    public private(set) var pivots: [Int32]

    public init(_ a: ComplexMatrix) throws(LinearAlgebraError) {
        guard a.isSquare else { throw .dimensionMismatch("LU needs a square matrix, got \(a.rows)×\(a.columns)") }
        var f = a
        var piv = [Int32](repeating: 0, count: a.rows)
        let n = a.rows
        try f.elements.withUnsafeMutableBufferPointer { (p: inout UnsafeMutableBufferPointer<Complex<Double>>) throws(LinearAlgebraError) in
            try piv.withUnsafeMutableBufferPointer { (pp: inout UnsafeMutableBufferPointer<Int32>) throws(LinearAlgebraError) in
                try LAPACK.getrf(n: n, a: p.baseAddress!, lda: n, pivots: pp.baseAddress!)
            }
        }
        factors = f
        pivots = piv
    }

    public var order: Int { factors.rows }

    public func solve(_ b: ComplexMatrix, adjoint: Bool = false) -> ComplexMatrix {
        precondition(b.rows == order)
        var x = b
        x.elements.withUnsafeMutableBufferPointer { px in
            factors.elements.withUnsafeBufferPointer { pf in
                pivots.withUnsafeBufferPointer { pp in
                    LAPACK.getrs(adjoint ? .adjoint : .none, n: order, nrhs: b.columns, factor: pf.baseAddress!, lda: order,
                                 pivots: pp.baseAddress!, b: px.baseAddress!, ldb: order)
                }
            }
        }
        return x
    }

    public func solve(_ b: [Complex<Double>]) -> [Complex<Double>] {
        solve(ComplexMatrix(rows: b.count, columns: 1, elements: b)).elements
    }

    public var inverse: ComplexMatrix { solve(ComplexMatrix.identity(order)) }
}

extension RealMatrix {
    /// Solves A·X = B by LU with partial pivoting.
    public func solve(_ b: RealMatrix) throws(LinearAlgebraError) -> RealMatrix { try LUFactorization(self).solve(b) }
    public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] { try LUFactorization(self).solve(b) }
    /// A⁻¹ (throws `.singular` for an exactly singular matrix).
    public func inverse() throws(LinearAlgebraError) -> RealMatrix { try LUFactorization(self).inverse }
}

extension ComplexMatrix {
    public func solve(_ b: ComplexMatrix) throws(LinearAlgebraError) -> ComplexMatrix { try ComplexLUFactorization(self).solve(b) }
    public func solve(_ b: [Complex<Double>]) throws(LinearAlgebraError) -> [Complex<Double>] { try ComplexLUFactorization(self).solve(b) }
    public func inverse() throws(LinearAlgebraError) -> ComplexMatrix { try ComplexLUFactorization(self).inverse }
}
