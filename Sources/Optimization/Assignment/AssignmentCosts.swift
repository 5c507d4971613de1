/// A rectangular cost matrix for assignment problems: `rows ≤ columns`, every row is assigned to a
/// distinct column. Entries are finite, or `+∞` to forbid a pair. Stored row-major.
///
/// In the trajectory paper, rows are antennas (initial positions t_n), columns are destinations r_m,
/// and the cost d_{n,m} = ‖t_n − r_m‖ is the movement distance.
public struct AssignmentCosts: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Row-major: entry (i, j) is `values[i * columns + j]`.
    public let values: [Double]

    /// - Precondition: `1 ≤ rows ≤ columns`, `values.count == rows * columns`, no NaN and no `−∞`.
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(rows >= 1 && rows <= columns, "assignment needs 1 ≤ rows (\(rows)) ≤ columns (\(columns))")
        precondition(values.count == rows * columns, "expected \(rows * columns) costs, got \(values.count)")
        precondition(values.allSatisfy { !$0.isNaN && $0 != -.infinity }, "costs must be finite or +∞")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// From nested rows, all of the same length.
    public init(_ matrix: [[Double]]) {
        let columns = matrix.first?.count ?? 0
        precondition(matrix.allSatisfy { $0.count == columns }, "rows must have equal lengths")
        self.init(rows: matrix.count, columns: columns, values: matrix.flatMap { $0 })
    }

    /// Costs c(i, j) computed by a function, e.g. distances between two point sets.
    public init(rows: Int, columns: Int, cost: (_ row: Int, _ column: Int) -> Double) {
        var values: [Double] = []
        values.reserveCapacity(rows * columns)
        for i in 0..<rows { for j in 0..<columns { values.append(cost(i, j)) } }
        self.init(rows: rows, columns: columns, values: values)
    }

    @inlinable
    public subscript(row: Int, column: Int) -> Double { values[row * columns + column] }

    /// The assignment `columnOfRow` with its total and bottleneck costs.
    public func assignment(columnOfRow: [Int]) -> Assignment {
        precondition(columnOfRow.count == rows && Set(columnOfRow).count == rows
                     && columnOfRow.allSatisfy { (0..<columns).contains($0) }, "not an injective assignment")
        var total = 0.0, bottleneck = -Double.infinity
        for (i, j) in columnOfRow.enumerated() {
            total += self[i, j]
            bottleneck = max(bottleneck, self[i, j])
        }
        return Assignment(columnOfRow: columnOfRow, totalCost: total, bottleneckCost: bottleneck)
    }
}

/// An injective map rows → columns (a permutation when the matrix is square).
public struct Assignment: Sendable, Equatable {
    /// `columnOfRow[i]` is the column assigned to row i (the paper's π(n), 0-based).
    public let columnOfRow: [Int]
    /// Σ_i c(i, π(i)), summed in row order.
    public let totalCost: Double
    /// max_i c(i, π(i)) — the paper's τ* when the assignment is bottleneck-optimal.
    public let bottleneckCost: Double

    /// The assigned costs sorted in decreasing order: the vector a lexicographic bottleneck
    /// assignment minimises lexicographically.
    public func sortedCosts(_ costs: AssignmentCosts) -> [Double] {
        columnOfRow.enumerated().map { costs[$0.offset, $0.element] }.sorted(by: >)
    }
}
