/// Lexicographic bottleneck assignment: among all assignments, minimise the vector of assigned costs
/// sorted in decreasing order, lexicographically (the largest first, then the second largest, …).
///
/// Method (exact, integer arithmetic only): pad the matrix to square with zero-cost dummy rows; keep a
/// set of allowed pairs, initially {c ≤ τ*}. For each distinct cost level ℓ from τ* downwards, solve a
/// min-sum assignment over the allowed pairs with weight 1 on pairs of cost exactly ℓ and 0 on the
/// others: its optimum is the least number of rows that must take cost ℓ. Then keep only the pairs
/// with zero reduced cost under that solve's optimal dual potentials. By complementary slackness the
/// perfect matchings that remain are exactly the optimal ones of that level, so each level's count is
/// frozen before the next level is minimised. Weights and potentials are small integers held exactly
/// in `Double`. Cost: one O(m³) solve per distinct level below τ* — fine for the paper's sizes (N ≤ ~16),
/// not meant for very large matrices.
enum LexicographicBottleneck {
    static func solve(_ costs: AssignmentCosts, threshold: Double) -> [Int] {
        let n = costs.rows, m = costs.columns
        // allowed[i * m + j] for the padded m × m problem (rows n..<m are dummies, allowed everywhere).
        var allowed = [Bool](repeating: true, count: m * m)
        for i in 0..<n { for j in 0..<m { allowed[i * m + j] = costs[i, j] <= threshold } }
        var levels = Array(Set(costs.values.filter { $0 <= threshold }))
        levels.sort(by: >)

        var weights = [Double](repeating: 0, count: m * m)
        var columnOfRow: [Int] = []
        for level in levels {
            var levelPresent = false
            for i in 0..<m {
                for j in 0..<m {
                    let index = i * m + j
                    guard allowed[index] else {
                        weights[index] = .infinity
                        continue
                    }
                    let isLevel = i < n && costs[i, j] == level
                    levelPresent = levelPresent || isLevel
                    weights[index] = isLevel ? 1 : 0
                }
            }
            if !levelPresent && !columnOfRow.isEmpty { continue }
            guard let result = ShortestAugmentingPath.solve(rows: m, columns: m, costs: weights) else {
                preconditionFailure("the allowed pairs always contain a perfect matching")
            }
            columnOfRow = Array(result.columnOfRow[0..<n])
            for i in 0..<m {
                for j in 0..<m where allowed[i * m + j] {
                    allowed[i * m + j] = weights[i * m + j] - result.rowPotential[i] - result.columnPotential[j] == 0
                }
            }
        }
        return columnOfRow
    }
}
