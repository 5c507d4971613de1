/// Maximum-cardinality matching in a bipartite graph rows × columns (Hopcroft–Karp, O(E·√V)).
///
/// Used by the bottleneck assignment to test whether the threshold graph {(i, j): c(i, j) ≤ θ}
/// matches every row. Deterministic: adjacency lists are scanned in the order given.
public struct BipartiteMatching: Sendable {
    /// `columnOfRow[i]` is the matched column of row i, or −1.
    public private(set) var columnOfRow: [Int]
    /// `rowOfColumn[j]` is the matched row of column j, or −1.
    public private(set) var rowOfColumn: [Int]
    public private(set) var size: Int = 0

    /// - Parameter adjacency: `adjacency[i]` lists the columns row i may be matched to.
    public init(columns: Int, adjacency: [[Int]]) {
        columnOfRow = [Int](repeating: -1, count: adjacency.count)
        rowOfColumn = [Int](repeating: -1, count: columns)
        var search = Search(adjacency: adjacency)
        while search.buildLayers(columnOfRow: columnOfRow, rowOfColumn: rowOfColumn) {
            for row in adjacency.indices where columnOfRow[row] < 0 {
                if search.augment(from: row, columnOfRow: &columnOfRow, rowOfColumn: &rowOfColumn) {
                    size += 1
                }
            }
        }
    }

    /// True when every row is matched.
    public var matchesEveryRow: Bool { size == columnOfRow.count }

    private struct Search {
        let adjacency: [[Int]]
        var layer: [Int]
        var queue: [Int] = []
        var nextEdge: [Int]

        init(adjacency: [[Int]]) {
            self.adjacency = adjacency
            layer = [Int](repeating: 0, count: adjacency.count)
            nextEdge = [Int](repeating: 0, count: adjacency.count)
        }

        /// BFS from the free rows over alternating paths; true when a free column is reachable.
        mutating func buildLayers(columnOfRow: [Int], rowOfColumn: [Int]) -> Bool {
            queue.removeAll(keepingCapacity: true)
            for row in adjacency.indices {
                if columnOfRow[row] < 0 {
                    layer[row] = 0
                    queue.append(row)
                } else {
                    layer[row] = Int.max
                }
                nextEdge[row] = 0
            }
            var found = false
            var head = 0
            while head < queue.count {
                let row = queue[head]
                head += 1
                for column in adjacency[row] {
                    let partner = rowOfColumn[column]
                    if partner < 0 {
                        found = true
                    } else if layer[partner] == Int.max {
                        layer[partner] = layer[row] + 1
                        queue.append(partner)
                    }
                }
            }
            return found
        }

        /// DFS along the layers for a vertex-disjoint augmenting path starting at a free row.
        mutating func augment(from row: Int, columnOfRow: inout [Int], rowOfColumn: inout [Int]) -> Bool {
            while nextEdge[row] < adjacency[row].count {
                let column = adjacency[row][nextEdge[row]]
                nextEdge[row] += 1
                let partner = rowOfColumn[column]
                if partner < 0 || (layer[partner] == layer[row] + 1
                                   && augment(from: partner, columnOfRow: &columnOfRow, rowOfColumn: &rowOfColumn)) {
                    columnOfRow[row] = column
                    rowOfColumn[column] = row
                    return true
                }
            }
            layer[row] = Int.max  // dead end: never visit again in this phase
            return false
        }
    }
}
