import ComplexModule
import RealModule

/// A dense complex matrix (`Complex<Double>` from swift-numerics) stored column-major:
/// element (i, j) lives at `elements[i + j * rows]`.
public struct ComplexMatrix: Sendable, Equatable, CustomStringConvertible {
    public let rows: Int
    public let columns: Int
    /// Column-major storage, `rows * columns` values.
    public var elements: [Complex<Double>]

    public init(rows: Int, columns: Int, repeating value: Complex<Double> = .zero) {
        precondition(rows >= 0 && columns >= 0, "negative matrix dimension")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    public init(rows: Int, columns: Int, elements: [Complex<Double>]) {
        precondition(elements.count == rows * columns, "element count \(elements.count) ≠ \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// Builds a matrix from its rows.
    public init(_ rowArrays: [[Complex<Double>]]) {
        let r = rowArrays.count
        let c = rowArrays.first?.count ?? 0
        self.init(rows: r, columns: c)
        for i in 0..<r {
            precondition(rowArrays[i].count == c, "ragged rows")
            for j in 0..<c { elements[i + j * r] = rowArrays[i][j] }
        }
    }

    /// Promotes a real matrix.
    public init(_ real: RealMatrix) {
        self.init(rows: real.rows, columns: real.columns, elements: real.elements.map { Complex($0, 0) })
    }

    /// Builds `real + i·imaginary`.
    public init(real: RealMatrix, imaginary: RealMatrix) {
        precondition(real.rows == imaginary.rows && real.columns == imaginary.columns)
        self.init(rows: real.rows, columns: real.columns,
                  elements: zip(real.elements, imaginary.elements).map { Complex($0, $1) })
    }

    public static func identity(_ n: Int) -> ComplexMatrix {
        var m = ComplexMatrix(rows: n, columns: n)
        for i in 0..<n { m.elements[i + i * n] = .one }
        return m
    }

    /// The rank-one Hermitian matrix `v vᴴ`.
    public static func outer(_ v: [Complex<Double>]) -> ComplexMatrix {
        let n = v.count
        var m = ComplexMatrix(rows: n, columns: n)
        for j in 0..<n { for i in 0..<n { m.elements[i + j * n] = v[i] * v[j].conjugate } }
        return m
    }

    @inlinable
    public subscript(i: Int, j: Int) -> Complex<Double> {
        get { elements[i + j * rows] }
        set { elements[i + j * rows] = newValue }
    }

    public var isSquare: Bool { rows == columns }

    /// Conjugate transpose.
    public var adjoint: ComplexMatrix {
        var t = ComplexMatrix(rows: columns, columns: rows)
        for j in 0..<columns { for i in 0..<rows { t.elements[j + i * columns] = elements[i + j * rows].conjugate } }
        return t
    }

    public var transposed: ComplexMatrix {
        var t = ComplexMatrix(rows: columns, columns: rows)
        for j in 0..<columns { for i in 0..<rows { t.elements[j + i * columns] = elements[i + j * rows] } }
        return t
    }

    public var realPart: RealMatrix { RealMatrix(rows: rows, columns: columns, elements: elements.map(\.real)) }
    public var imaginaryPart: RealMatrix { RealMatrix(rows: rows, columns: columns, elements: elements.map(\.imaginary)) }

    /// The real 2n×2n embedding [[Re, −Im], [Im, Re]]; Hermitian ↦ symmetric, PSD ↦ PSD, and
    /// eigenvalues are duplicated.
    public var realEmbedding: RealMatrix {
        var e = RealMatrix(rows: 2 * rows, columns: 2 * columns)
        for j in 0..<columns {
            for i in 0..<rows {
                let v = self[i, j]
                e[i, j] = v.real
                e[i + rows, j + columns] = v.real
                e[i + rows, j] = v.imaginary
                e[i, j + columns] = -v.imaginary
            }
        }
        return e
    }

    public var frobeniusNorm: Double { elements.reduce(0) { $0 + $1.lengthSquared }.squareRoot() }
    public var maxAbs: Double { elements.reduce(0) { max($0, $1.length) } }

    /// Makes the matrix exactly Hermitian from one triangle (the diagonal's imaginary parts are zeroed).
    public mutating func hermitianize(from triangle: Triangle = .lower) {
        precondition(isSquare)
        let n = rows
        for j in 0..<n {
            elements[j + j * n] = Complex(elements[j + j * n].real, 0)
            for i in (j + 1)..<max(j + 1, n) {
                if triangle == .lower { elements[j + i * n] = elements[i + j * n].conjugate } else { elements[i + j * n] = elements[j + i * n].conjugate }
            }
        }
    }

    public var description: String {
        (0..<rows).map { i in (0..<columns).map { j in "\(self[i, j])" }.joined(separator: " ") }.joined(separator: "\n")
    }
}

extension ComplexMatrix {
    public static func + (a: ComplexMatrix, b: ComplexMatrix) -> ComplexMatrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "shape mismatch in +")
        var r = a
        for k in r.elements.indices { r.elements[k] += b.elements[k] }
        return r
    }

    public static func - (a: ComplexMatrix, b: ComplexMatrix) -> ComplexMatrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "shape mismatch in -")
        var r = a
        for k in r.elements.indices { r.elements[k] -= b.elements[k] }
        return r
    }

    public static func * (s: Complex<Double>, a: ComplexMatrix) -> ComplexMatrix {
        ComplexMatrix(rows: a.rows, columns: a.columns, elements: a.elements.map { s * $0 })
    }

    /// Matrix product via `zgemm`.
    public static func * (a: ComplexMatrix, b: ComplexMatrix) -> ComplexMatrix {
        var c = ComplexMatrix(rows: a.rows, columns: b.columns)
        BLAS.gemm(a, b, into: &c)
        return c
    }

    /// Matrix–vector product via `zgemv`.
    public static func * (a: ComplexMatrix, x: [Complex<Double>]) -> [Complex<Double>] {
        var y = [Complex<Double>](repeating: .zero, count: a.rows)
        BLAS.gemv(a, x, into: &y)
        return y
    }
}
