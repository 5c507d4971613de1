/// Exact bottleneck (min–max) assignment: minimise max_i c(i, π(i)) over injective π: rows → columns,
/// with a choice among the (usually many) bottleneck-optimal assignments.
///
/// Algorithm: the optimal value τ* is one of the costs. Sort the distinct finite costs, start at the
/// lower bound max(max_i min_j c, and for square matrices max_j min_i c), and binary-search the
/// smallest threshold θ whose graph {(i, j): c(i, j) ≤ θ} matches every row (Hopcroft–Karp).
/// O(nm log(nm) + √(n+m)·nm·log(nm)). τ* is an input value, so comparisons against it are exact.
///
/// Tie-breaks (trajectory spec §3.2):
/// - `.none`: the matching Hopcroft–Karp finds at θ = τ* (deterministic, otherwise arbitrary);
/// - `.minSum` (default): among bottleneck-optimal assignments, minimum Σ c — a min-sum assignment
///   with every pair above τ* forbidden ("lexicographic bottleneck then min-sum");
/// - `.lexicographic`: the assignment whose costs sorted in decreasing order are lexicographically
///   smallest (minimise the largest, then the second largest, …). See `LexicographicBottleneck`.
public enum BottleneckAssignment {
    public enum TieBreak: Sendable, Equatable {
        case none
        case minSum
        case lexicographic
    }

    /// The bottleneck-optimal assignment, or nil when every assignment uses a forbidden (+∞) pair.
    public static func solve(_ costs: AssignmentCosts, tieBreak: TieBreak = .minSum) -> Assignment? {
        guard let (threshold, matching) = optimalThreshold(costs) else { return nil }
        switch tieBreak {
        case .none:
            return costs.assignment(columnOfRow: matching)
        case .minSum:
            let restricted = costs.values.map { $0 <= threshold ? $0 : Double.infinity }
            guard let result = ShortestAugmentingPath.solve(
                rows: costs.rows, columns: costs.columns, costs: restricted) else {
                preconditionFailure("a threshold graph with a row-perfect matching must be assignable")
            }
            return costs.assignment(columnOfRow: result.columnOfRow)
        case .lexicographic:
            return costs.assignment(columnOfRow: LexicographicBottleneck.solve(costs, threshold: threshold))
        }
    }

    /// τ* = min over assignments of the largest assigned cost, or nil when no assignment exists.
    public static func optimalValue(_ costs: AssignmentCosts) -> Double? {
        optimalThreshold(costs)?.threshold
    }

    /// The smallest threshold whose graph matches every row, with one such matching.
    static func optimalThreshold(_ costs: AssignmentCosts) -> (threshold: Double, columnOfRow: [Int])? {
        let n = costs.rows, m = costs.columns
        var lowerBound = -Double.infinity
        for i in 0..<n {
            var rowMinimum = Double.infinity
            for j in 0..<m { rowMinimum = min(rowMinimum, costs[i, j]) }
            lowerBound = max(lowerBound, rowMinimum)
        }
        if n == m {
            for j in 0..<m {
                var columnMinimum = Double.infinity
                for i in 0..<n { columnMinimum = min(columnMinimum, costs[i, j]) }
                lowerBound = max(lowerBound, columnMinimum)
            }
        }
        guard lowerBound < .infinity else { return nil }
        var candidates = costs.values.filter { $0 >= lowerBound && $0 < .infinity }
        candidates.sort()
        var distinct: [Double] = []
        distinct.reserveCapacity(candidates.count)
        for c in candidates where distinct.last != c { distinct.append(c) }

        func matching(at threshold: Double) -> BipartiteMatching {
            let adjacency = (0..<n).map { i in (0..<m).filter { costs[i, $0] <= threshold } }
            return BipartiteMatching(columns: m, adjacency: adjacency)
        }
        let top = matching(at: distinct[distinct.count - 1])
        guard top.matchesEveryRow else { return nil }
        var low = 0, high = distinct.count - 1, best = top
        while low < high {  // invariant: distinct[high] is feasible and `best` matches at it
            let middle = (low + high) / 2
            let candidate = matching(at: distinct[middle])
            if candidate.matchesEveryRow {
                high = middle
                best = candidate
            } else {
                low = middle + 1
            }
        }
        return (distinct[high], best.columnOfRow)
    }
}
