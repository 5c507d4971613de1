/// One cone of the product K in `Ax + s = b, s ∈ K`. Rows of `A` are assigned to cones in order.
public enum Cone: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// `s = 0`: the rows are equality constraints `a_iᵀx = b_i`. Dual: free.
    case zero(Int)
    /// `s ≥ 0` componentwise.
    case nonnegative(Int)
    /// Second-order (Lorentz) cone of the given dimension d ≥ 1: `s₀ ≥ ‖(s₁, …, s_{d−1})‖₂`.
    case secondOrder(Int)
    /// Real symmetric PSD matrices of order n, stored as n(n+1)/2 rows in `SymmetricVectorization` order.
    case psd(Int)
    /// Complex Hermitian PSD matrices of order n, stored as n² real rows in `SymmetricVectorization` order.
    case hermitianPSD(Int)
    /// The exponential cone cl{(x, y, z) : y > 0, y·exp(x/y) ≤ z} (3 rows). Dual:
    /// cl{(u, v, w) : u < 0, −u·exp(v/u) ≤ e·w}. Use (t, 1, u) ∈ K_exp for t ≤ log u.
    case exponential

    /// Number of rows of `A` (entries of `s`) the cone occupies.
    public var dimension: Int {
        switch self {
        case .zero(let n), .nonnegative(let n), .secondOrder(let n): return n
        case .psd(let n): return n * (n + 1) / 2
        case .hermitianPSD(let n): return n * n
        case .exponential: return 3
        }
    }

    /// Barrier degree ν (contribution to the complementarity normalisation).
    public var degree: Int {
        switch self {
        case .zero: return 0
        case .nonnegative(let n): return n
        case .secondOrder: return 1
        case .psd(let n), .hermitianPSD(let n): return n
        case .exponential: return 3
        }
    }

    public var description: String {
        switch self {
        case .zero(let n): return "zero(\(n))"
        case .nonnegative(let n): return "nonnegative(\(n))"
        case .secondOrder(let n): return "secondOrder(\(n))"
        case .psd(let n): return "psd(\(n))"
        case .hermitianPSD(let n): return "hermitianPSD(\(n))"
        case .exponential: return "exponential"
        }
    }
}

/// A real sparse matrix in compressed sparse column (CSC) form.
public struct SparseMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// `columnStarts[j] ..< columnStarts[j + 1]` index the entries of column j; count = columns + 1.
    public let columnStarts: [Int]
    /// Row index of each entry, increasing within a column.
    public let rowIndices: [Int]
    public let values: [Double]

    /// Builds from (row, column, value) triplets; duplicates are summed, explicit zeros dropped.
    public init(rows: Int, columns: Int, triplets: [(row: Int, column: Int, value: Double)]) {
        precondition(rows >= 0 && columns >= 0)
        self.rows = rows
        self.columns = columns
        var counts = [Int](repeating: 0, count: columns + 1)
        for t in triplets {
            precondition(t.row >= 0 && t.row < rows && t.column >= 0 && t.column < columns,
                         "sparse entry (\(t.row), \(t.column)) outside \(rows)×\(columns)")
            counts[t.column + 1] += 1
        }
        for j in 0..<columns { counts[j + 1] += counts[j] }
        var next = counts
        var ri = [Int](repeating: 0, count: triplets.count)
        var vs = [Double](repeating: 0, count: triplets.count)
        for t in triplets {
            ri[next[t.column]] = t.row
            vs[next[t.column]] = t.value
            next[t.column] += 1
        }
        // Sort each column by row and merge duplicates.
        var starts = [0]
        var outRows: [Int] = []
        var outVals: [Double] = []
        outRows.reserveCapacity(triplets.count)
        outVals.reserveCapacity(triplets.count)
        for j in 0..<columns {
            let range = counts[j]..<counts[j + 1]
            let order = range.sorted { ri[$0] < ri[$1] }
            var k = 0
            while k < order.count {
                let r = ri[order[k]]
                var v = 0.0
                while k < order.count && ri[order[k]] == r { v += vs[order[k]]; k += 1 }
                if v != 0 { outRows.append(r); outVals.append(v) }
            }
            starts.append(outRows.count)
        }
        columnStarts = starts
        rowIndices = outRows
        values = outVals
    }

    /// Builds from a dense column-major array, dropping zeros.
    public init(rows: Int, columns: Int, dense: [Double]) {
        precondition(dense.count == rows * columns)
        var t: [(row: Int, column: Int, value: Double)] = []
        for j in 0..<columns { for i in 0..<rows where dense[i + j * rows] != 0 { t.append((i, j, dense[i + j * rows])) } }
        self.init(rows: rows, columns: columns, triplets: t)
    }

    public var nonzeroCount: Int { values.count }

    /// y = A·x.
    public func multiply(_ x: [Double]) -> [Double] {
        precondition(x.count == columns)
        var y = [Double](repeating: 0, count: rows)
        for j in 0..<columns where x[j] != 0 {
            for k in columnStarts[j]..<columnStarts[j + 1] { y[rowIndices[k]] += values[k] * x[j] }
        }
        return y
    }

    /// y = Aᵀ·x.
    public func transposeMultiply(_ x: [Double]) -> [Double] {
        precondition(x.count == rows)
        var y = [Double](repeating: 0, count: columns)
        for j in 0..<columns {
            var s = 0.0
            for k in columnStarts[j]..<columnStarts[j + 1] { s += values[k] * x[rowIndices[k]] }
            y[j] = s
        }
        return y
    }

    /// Dense column-major copy.
    public var dense: [Double] {
        var d = [Double](repeating: 0, count: rows * columns)
        for j in 0..<columns { for k in columnStarts[j]..<columnStarts[j + 1] { d[rowIndices[k] + j * rows] = values[k] } }
        return d
    }
}

/// Errors in the statement of a conic problem (found before any iteration).
public enum ConicProblemError: Error, Equatable, Sendable, CustomStringConvertible {
    case dimensionMismatch(String)
    case invalidCone(String)
    case nonFiniteData(String)

    public var description: String {
        switch self {
        case .dimensionMismatch(let s): return "dimension mismatch: \(s)"
        case .invalidCone(let s): return "invalid cone: \(s)"
        case .nonFiniteData(let s): return "non-finite data: \(s)"
        }
    }
}

/// minimize cᵀx subject to A·x + s = b, s ∈ K = K₁ × … × K_q (cones in row order).
///
/// Dual: maximize −bᵀy subject to Aᵀy + c = 0, y ∈ K* (the cones are self-dual except the zero cone,
/// whose dual is the free cone, and the exponential cone).
public struct ConicProblem: Sendable {
    public let c: [Double]
    public let A: SparseMatrix
    public let b: [Double]
    public let cones: [Cone]

    public init(c: [Double], A: SparseMatrix, b: [Double], cones: [Cone]) throws(ConicProblemError) {
        guard A.columns == c.count else { throw .dimensionMismatch("A has \(A.columns) columns but c has \(c.count) entries") }
        guard A.rows == b.count else { throw .dimensionMismatch("A has \(A.rows) rows but b has \(b.count) entries") }
        var total = 0
        for cone in cones {
            switch cone {
            case .zero(let n), .nonnegative(let n), .psd(let n), .hermitianPSD(let n):
                guard n >= 0 else { throw .invalidCone("\(cone) has negative size") }
            case .secondOrder(let n):
                guard n >= 1 else { throw .invalidCone("\(cone) needs dimension ≥ 1") }
            case .exponential:
                break
            }
            total += cone.dimension
        }
        guard total == b.count else { throw .dimensionMismatch("cones cover \(total) rows but A has \(b.count)") }
        guard c.allSatisfy(\.isFinite) else { throw .nonFiniteData("c") }
        guard b.allSatisfy(\.isFinite) else { throw .nonFiniteData("b") }
        guard A.values.allSatisfy(\.isFinite) else { throw .nonFiniteData("A") }
        self.c = c
        self.A = A
        self.b = b
        self.cones = cones
    }

    public var variableCount: Int { c.count }
    public var rowCount: Int { b.count }
    /// Sum of cone degrees ν.
    public var degree: Int { cones.reduce(0) { $0 + $1.degree } }
}
