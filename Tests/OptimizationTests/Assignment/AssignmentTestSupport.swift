@testable import Optimization
import Randomness

/// Random cost matrices of the kinds the tests need: continuous, heavily tied, Euclidean (trajectory
/// paper), and with forbidden (+∞) pairs.
enum CostFamily: CaseIterable {
    case uniform, smallIntegers, euclidean, forbidden
}

func randomCosts(_ stream: inout RandomStream, rows: Int, columns: Int, family: CostFamily) -> AssignmentCosts {
    switch family {
    case .uniform:
        return AssignmentCosts(rows: rows, columns: columns) { _, _ in stream.uniform(0, 10) }
    case .smallIntegers:
        return AssignmentCosts(rows: rows, columns: columns) { _, _ in Double(stream.integer(below: 4)) }
    case .euclidean:
        let starts = (0..<rows).map { _ in (stream.uniform(), stream.uniform()) }
        let ends = (0..<columns).map { _ in (stream.uniform(), stream.uniform()) }
        return AssignmentCosts(rows: rows, columns: columns) { i, j in
            let dx = starts[i].0 - ends[j].0, dy = starts[i].1 - ends[j].1
            return (dx * dx + dy * dy).squareRoot()
        }
    case .forbidden:
        return AssignmentCosts(rows: rows, columns: columns) { _, _ in
            stream.uniform() < 0.3 ? .infinity : Double(stream.integer(below: 6))
        }
    }
}

/// Exhaustive reference over every injective map rows → columns.
struct BruteForceAssignment {
    var minimumSum = Double.infinity
    var minimumBottleneck = Double.infinity
    /// Minimum sum among the bottleneck-optimal assignments.
    var minimumSumAtBottleneck = Double.infinity
    /// Lexicographically smallest decreasingly sorted cost vector.
    var lexicographic: [Double]? = nil
    var feasible: Bool { minimumSum < .infinity }

    init(_ costs: AssignmentCosts) {
        var all: [(sum: Double, sorted: [Double])] = []
        var used = [Bool](repeating: false, count: costs.columns)
        var chosen: [Double] = []
        func recurse(_ row: Int) {
            if row == costs.rows {
                all.append((chosen.reduce(0, +), chosen.sorted(by: >)))
                return
            }
            for j in 0..<costs.columns where !used[j] && costs[row, j] < .infinity {
                used[j] = true
                chosen.append(costs[row, j])
                recurse(row + 1)
                chosen.removeLast()
                used[j] = false
            }
        }
        recurse(0)
        for candidate in all {
            minimumSum = min(minimumSum, candidate.sum)
            minimumBottleneck = min(minimumBottleneck, candidate.sorted[0])
            if let best = lexicographic {
                if candidate.sorted.lexicographicallyPrecedes(best) { lexicographic = candidate.sorted }
            } else {
                lexicographic = candidate.sorted
            }
        }
        for candidate in all where candidate.sorted[0] == minimumBottleneck {
            minimumSumAtBottleneck = min(minimumSumAtBottleneck, candidate.sum)
        }
    }
}

func isValidAssignment(_ a: Assignment, _ costs: AssignmentCosts) -> Bool {
    a.columnOfRow.count == costs.rows && Set(a.columnOfRow).count == costs.rows
        && a.columnOfRow.allSatisfy { (0..<costs.columns).contains($0) }
        && a.columnOfRow.enumerated().allSatisfy { costs[$0.offset, $0.element] < .infinity }
}

func sumsAgree(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-9 * (1 + abs(a) + abs(b))
}
