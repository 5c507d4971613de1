/// A dense real matrix stored column-major: element (i, j) lives at `elements[i + j * rows]`.
public struct RealMatrix: Sendable, Equatable, CustomStringConvertible {
    public let rows: Int
    public let columns: Int
    /// Column-major storage, `rows * columns` values.
    public var elements: [Double]

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "negative matrix dimension")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// Wraps column-major `elements` (count must be `rows * columns`).
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(elements.count == rows * columns, "element count \(elements.count) ≠ \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// Builds a matrix from its rows, e.g. `RealMatrix([[1, 2], [3, 4]])`.
    public init(_ rowArrays: [[Double]]) {
        let r = rowArrays.count
        let c = rowArrays.first?.count ?? 0
        self.init(rows: r, columns: c)
        for i in 0..<r {
            precondition(rowArrays[i].count == c, "ragged rows")
            for j in 0..<c { elements[i + j * r] = rowArrays[i][j] }
        }
    }

    public static func identity(_ n: Int) -> RealMatrix {
        var m = RealMatrix(rows: n, columns: n)
        for i in 0..<n { m.elements[i + i * n] = 1 }
        return m
    }

    /// A diagonal matrix with `d` on its diagonal.
    public static func diagonal(_ d: [Double]) -> RealMatrix {
        var m = RealMatrix(rows: d.count, columns: d.count)
        for i in d.indices { m.elements[i + i * d.count] = d[i] }
        return m
    }

    @inlinable
    public subscript(i: Int, j: Int) -> Double {
        get { elements[i + j * rows] }
        set { elements[i + j * rows] = newValue }
    }

    public var isSquare: Bool { rows == columns }

    public var transposed: RealMatrix {
        var t = RealMatrix(rows: columns, columns: rows)
        for j in 0..<columns { for i in 0..<rows { t.elements[j + i * columns] = elements[i + j * rows] } }
        return t
    }

    public func column(_ j: Int) -> [Double] { Array(elements[(j * rows)..<((j + 1) * rows)]) }
    public func row(_ i: Int) -> [Double] { (0..<columns).map { elements[i + $0 * rows] } }

    public var diagonalElements: [Double] { (0..<min(rows, columns)).map { elements[$0 + $0 * rows] } }

    /// Frobenius norm.
    public var frobeniusNorm: Double { elements.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// Largest absolute entry (0 for an empty matrix).
    public var maxAbs: Double { elements.reduce(0) { max($0, abs($1)) } }

    /// Copies the `triangle` onto the other half, making the matrix exactly symmetric.
    public mutating func symmetrize(from triangle: Triangle = .lower) {
        precondition(isSquare)
        let n = rows
        for j in 0..<n {
            for i in (j + 1)..<max(j + 1, n) {
                if triangle == .lower { elements[j + i * n] = elements[i + j * n] } else { elements[i + j * n] = elements[j + i * n] }
            }
        }
    }

    public var description: String {
        (0..<rows).map { i in (0..<columns).map { j in "\(self[i, j])" }.joined(separator: " ") }.joined(separator: "\n")
    }
}

extension RealMatrix {
    public static func + (a: RealMatrix, b: RealMatrix) -> RealMatrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "shape mismatch in +")
        var r = a
        for k in r.elements.indices { r.elements[k] += b.elements[k] }
        return r
    }

    public static func - (a: RealMatrix, b: RealMatrix) -> RealMatrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "shape mismatch in -")
        var r = a
        for k in r.elements.indices { r.elements[k] -= b.elements[k] }
        return r
    }

    public static func * (s: Double, a: RealMatrix) -> RealMatrix {
        RealMatrix(rows: a.rows, columns: a.columns, elements: a.elements.map { s * $0 })
    }

    /// Matrix product via `dgemm`.
    public static func * (a: RealMatrix, b: RealMatrix) -> RealMatrix {
        var c = RealMatrix(rows: a.rows, columns: b.columns)
        BLAS.gemm(a, b, into: &c)
        return c
    }

    /// Matrix–vector product via `dgemv`.
    public static func * (a: RealMatrix, x: [Double]) -> [Double] {
        var y = [Double](repeating: 0, count: a.rows)
        BLAS.gemv(a, x, into: &y)
        return y
    }
}
