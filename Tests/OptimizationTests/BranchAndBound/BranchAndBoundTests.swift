import Testing
@testable import Optimization
import Randomness

/// 0/1 knapsack, items pre-sorted by value/weight: maximise Σ v x s.t. Σ w x ≤ C, as minimisation
/// of −Σ v x. Node = decisions on the first `level` items.
private struct Knapsack {
    var values: [Double]
    var weights: [Double]
    var capacity: Double

    init(_ stream: inout RandomStream, items: Int) {
        var pairs = (0..<items).map { _ in (Double(1 + stream.integer(below: 30)), Double(1 + stream.integer(below: 20))) }
        pairs.sort { $0.0 / $0.1 > $1.0 / $1.1 }
        values = pairs.map(\.0)
        weights = pairs.map(\.1)
        capacity = (weights.reduce(0, +) * stream.uniform(0.2, 0.8)).rounded(.down)
    }

    struct Node {
        var taken: [Bool]
        var weight = 0.0
        var value = 0.0
    }

    /// Dantzig's fractional bound, with the greedy completion as incumbent.
    func bound(_ node: inout Node, _ incumbentValue: Double) -> NodeBound<[Bool]> {
        guard node.weight <= capacity else { return .infeasible }
        var relaxed = node.value, room = capacity - node.weight
        var greedy = node.taken, greedyValue = node.value, greedyRoom = room
        var fractional = false
        for i in node.taken.count..<values.count {
            if weights[i] <= greedyRoom {
                greedy.append(true)
                greedyValue += values[i]
                greedyRoom -= weights[i]
            } else {
                greedy.append(false)
            }
            if fractional { continue }
            if weights[i] <= room {
                relaxed += values[i]
                room -= weights[i]
            } else {
                relaxed += values[i] * room / weights[i]
                fractional = true
            }
        }
        return NodeBound(lowerBound: -relaxed, incumbent: greedy, incumbentValue: -greedyValue,
                         isResolved: node.taken.count == values.count)
    }

    func branch(_ node: Node) -> [Node] {
        let i = node.taken.count
        guard i < values.count else { return [] }
        var skip = node
        skip.taken.append(false)
        var take = node
        take.taken.append(true)
        take.weight += weights[i]
        take.value += values[i]
        return [skip, take]
    }

    func bruteForce() -> Double {
        var best = 0.0
        for mask in 0..<(1 << values.count) {
            var w = 0.0, v = 0.0
            for i in values.indices where mask & (1 << i) != 0 { w += weights[i]; v += values[i] }
            if w <= capacity { best = max(best, v) }
        }
        return best
    }

    func isFeasible(_ x: [Bool]) -> Bool {
        x.count == values.count && x.indices.filter { x[$0] }.map { weights[$0] }.reduce(0, +) <= capacity
    }

    func value(_ x: [Bool]) -> Double { x.indices.filter { x[$0] }.map { values[$0] }.reduce(0, +) }
}

private func checkHistory(_ history: [BoundRecord], optimum: Double) -> Bool {
    zip(history, history.dropFirst()).allSatisfy { $1.lowerBound >= $0.lowerBound && $1.upperBound <= $0.upperBound }
        && history.allSatisfy { $0.lowerBound <= optimum + 1e-9 && optimum <= $0.upperBound }
}

@Suite("Branch and bound")
struct BranchAndBoundTests {
    @Test func knapsackMatchesBruteForceOnManyInstances() {
        var stream = RandomStream(seed: 99, purpose: StreamPurpose("bnb-knapsack"), realization: 0)
        var totalIterations = 0, totalPruned = 0
        for trial in 0..<300 {
            let problem = Knapsack(&stream, items: 1 + trial % 14)
            var options = BranchAndBoundOptions()
            options.relativeGap = 0
            let result = BranchAndBound.minimize(
                root: Knapsack.Node(taken: []), options: options, bound: problem.bound, branch: problem.branch)
            let optimum = problem.bruteForce()
            #expect(result.status == .optimal, "trial \(trial)")
            #expect(-result.upperBound == optimum, "trial \(trial)")
            #expect(result.lowerBound == result.upperBound, "trial \(trial)")
            let x = result.incumbent ?? []
            #expect(problem.isFeasible(x) && problem.value(x) == optimum, "trial \(trial)")
            #expect(checkHistory(result.statistics.history, optimum: -optimum), "trial \(trial)")
            #expect(result.statistics.history.count == result.statistics.iterations + 1)
            // Leaves are resolved by their bound and never opened, so every branching bounds 2 children.
            #expect(result.statistics.nodesEvaluated == 1 + 2 * result.statistics.iterations)
            #expect(result.statistics.maximumOpenNodes <= result.statistics.nodesEvaluated)
            totalIterations += result.statistics.iterations
            totalPruned += result.statistics.nodesPruned
        }
        // Bounding must actually prune: far fewer branchings than enumeration (2^14 leaves).
        #expect(totalPruned > 0 && totalIterations < 300 * 200)
    }

    @Test func relativeGapAndLimits() {
        var stream = RandomStream(seed: 4, purpose: StreamPurpose("bnb-gap"), realization: 0)
        for _ in 0..<50 {
            let problem = Knapsack(&stream, items: 14)
            let optimum = problem.bruteForce()
            var exactOptions = BranchAndBoundOptions()
            exactOptions.relativeGap = 0
            let exact = BranchAndBound.minimize(
                root: Knapsack.Node(taken: []), options: exactOptions, bound: problem.bound, branch: problem.branch)
            var loose = BranchAndBoundOptions()
            loose.relativeGap = 0.05
            let approximate = BranchAndBound.minimize(
                root: Knapsack.Node(taken: []), options: loose, bound: problem.bound, branch: problem.branch)
            #expect(approximate.status == .optimal)
            #expect(-approximate.upperBound >= optimum / 1.05 - 1e-9)
            #expect(approximate.upperBound - approximate.lowerBound <= 0.05 * abs(approximate.upperBound))
            #expect(approximate.statistics.iterations <= exact.statistics.iterations)

            var limited = BranchAndBoundOptions()
            limited.relativeGap = 0
            limited.nodeLimit = 3
            let cut = BranchAndBound.minimize(
                root: Knapsack.Node(taken: []), options: limited, bound: problem.bound, branch: problem.branch)
            if exact.statistics.nodesEvaluated > 3 {
                #expect(cut.status == .nodeLimit)
                #expect(cut.lowerBound <= -optimum && -optimum <= cut.upperBound)
            }
            limited.nodeLimit = .max
            limited.iterationLimit = 1
            let once = BranchAndBound.minimize(
                root: Knapsack.Node(taken: []), options: limited, bound: problem.bound, branch: problem.branch)
            if exact.statistics.iterations > 1 {
                #expect(once.status == .iterationLimit && once.statistics.iterations == 1)
            }
        }
    }

    /// Exact-sum selection: minimise Σ c_i x_i s.t. Σ w_i x_i = T (often infeasible). The bound has
    /// no incumbent heuristic: points appear only at leaves.
    @Test func exactSumSelectionIncludingInfeasibleInstances() {
        var stream = RandomStream(seed: 12, purpose: StreamPurpose("bnb-exact-sum"), realization: 0)
        var infeasibleSeen = 0, feasibleSeen = 0
        for _ in 0..<200 {
            let n = 1 + stream.integer(below: 12)
            let costs = (0..<n).map { _ in Double(1 + stream.integer(below: 9)) }
            let weights = (0..<n).map { _ in Double(2 * (1 + stream.integer(below: 6))) }  // even weights
            let target = Double(stream.integer(below: Int(weights.reduce(0, +)) + 2))     // odd targets infeasible
            typealias Node = (decided: [Bool], weight: Double, cost: Double)
            let suffix = (0...n).map { k in weights[k...].reduce(0, +) }
            let result = BranchAndBound.minimize(
                root: ([], 0, 0) as Node,
                bound: { (node: inout Node, _: Double) -> NodeBound<[Bool]> in
                    let k = node.decided.count
                    let missing = target - node.weight
                    guard missing >= 0 && missing <= suffix[k] else { return .infeasible }
                    if k == n {
                        return NodeBound(lowerBound: node.cost, incumbent: node.decided,
                                         incumbentValue: node.cost, isResolved: true)
                    }
                    return NodeBound(lowerBound: node.cost)
                },
                branch: { node in
                    let k = node.decided.count
                    return [(node.decided + [false], node.weight, node.cost),
                            (node.decided + [true], node.weight + weights[k], node.cost + costs[k])]
                })
            var best = Double.infinity
            for mask in 0..<(1 << n) {
                var w = 0.0, c = 0.0
                for i in 0..<n where mask & (1 << i) != 0 { w += weights[i]; c += costs[i] }
                if w == target { best = min(best, c) }
            }
            if best == .infinity {
                infeasibleSeen += 1
                #expect(result.status == .infeasible && result.incumbent == nil)
                #expect(result.upperBound == .infinity && result.lowerBound == .infinity)
            } else {
                feasibleSeen += 1
                #expect(result.status == .optimal && result.upperBound == best)
                #expect(checkHistory(result.statistics.history, optimum: best))
            }
        }
        #expect(infeasibleSeen > 20 && feasibleSeen > 20)
    }

    @Test func openNodesPopByBoundThenNewestFirst() {
        var heap = OpenNodes<String>()
        for (name, bound) in [("a", 3.0), ("b", 1.0), ("c", 2.0), ("d", 1.0), ("e", 5.0), ("f", 2.0)] {
            heap.push(name, bound: bound)
        }
        var order: [String] = []
        while let (node, _) = heap.pop() { order.append(node) }
        #expect(order == ["d", "b", "f", "c", "a", "e"])
    }
}
