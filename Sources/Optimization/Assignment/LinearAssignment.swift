/// Exact minimum-sum (linear) assignment: minimise Σ_i c(i, π(i)) over injective π: rows → columns.
///
/// Algorithm: successive shortest augmenting paths with row/column potentials (the Hungarian method
/// in its O(n²m) Jonker–Volgenant/Kuhn–Munkres form). Entries equal to `+∞` are forbidden pairs.
///
/// Numerical semantics: only additions and comparisons of the costs and potentials are performed,
/// so the result is optimal up to rounding of order n·ε·max|c| (exactly optimal for integer costs
/// below 2⁵³/n). Ties are broken deterministically (lowest column index first when scanning).
public enum LinearAssignment {
    /// The min-sum assignment, or nil when every assignment uses a forbidden (+∞) pair.
    public static func solve(_ costs: AssignmentCosts) -> Assignment? {
        guard let result = ShortestAugmentingPath.solve(
            rows: costs.rows, columns: costs.columns, costs: costs.values) else { return nil }
        return costs.assignment(columnOfRow: result.columnOfRow)
    }
}

/// The shortest-augmenting-path core shared by the min-sum and lexicographic solvers. Works on a
/// row-major `rows × columns` array (rows ≤ columns) with `+∞` for forbidden pairs and returns the
/// assignment and the dual potentials (u, v) with c(i, j) − u_i − v_j ≥ 0 on every allowed pair and
/// = 0 on assigned pairs; `v_j ≤ 0`, and `v_j < 0` only for assigned columns.
enum ShortestAugmentingPath {
    struct Result {
        var columnOfRow: [Int]
        var rowPotential: [Double]
        var columnPotential: [Double]
    }

    static func solve(rows n: Int, columns m: Int, costs: [Double]) -> Result? {
        precondition(n <= m && costs.count == n * m)
        // 1-based internally; index 0 is the virtual source column/row of the augmenting search.
        var u = [Double](repeating: 0, count: n + 1)
        var v = [Double](repeating: 0, count: m + 1)
        var rowOfColumn = [Int](repeating: 0, count: m + 1)
        var way = [Int](repeating: 0, count: m + 1)
        var minimum = [Double](repeating: .infinity, count: m + 1)
        var used = [Bool](repeating: false, count: m + 1)
        for i in 1...n {
            rowOfColumn[0] = i
            var j0 = 0
            for j in 0...m { minimum[j] = .infinity; used[j] = false }
            repeat {
                used[j0] = true
                let i0 = rowOfColumn[j0]
                let rowBase = (i0 - 1) * m
                var delta = Double.infinity
                var j1 = -1
                for j in 1...m where !used[j] {
                    let c = costs[rowBase + j - 1]
                    if c < .infinity {
                        let reduced = c - u[i0] - v[j]
                        if reduced < minimum[j] {
                            minimum[j] = reduced
                            way[j] = j0
                        }
                    }
                    if minimum[j] < delta {
                        delta = minimum[j]
                        j1 = j
                    }
                }
                if j1 < 0 { return nil }  // no augmenting path through allowed pairs
                for j in 0...m {
                    if used[j] {
                        u[rowOfColumn[j]] += delta
                        v[j] -= delta
                    } else {
                        minimum[j] -= delta
                    }
                }
                j0 = j1
            } while rowOfColumn[j0] != 0
            repeat {  // augment along the stored path
                let j1 = way[j0]
                rowOfColumn[j0] = rowOfColumn[j1]
                j0 = j1
            } while j0 != 0
        }
        var columnOfRow = [Int](repeating: -1, count: n)
        for j in 1...m where rowOfColumn[j] != 0 { columnOfRow[rowOfColumn[j] - 1] = j - 1 }
        return Result(columnOfRow: columnOfRow, rowPotential: Array(u[1...]), columnPotential: Array(v[1...]))
    }
}
