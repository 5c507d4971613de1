/// Generic best-first branch and bound for minimisation over a user node type.
///
/// The caller supplies
/// - `bound(&node, incumbentValue)`: a lower bound for the node's subproblem (typically a convex
///   relaxation), optionally a feasible point, and whether the node is resolved. It may store data in
///   the node for branching (e.g. the relaxed solution), and may skip an expensive upper-bounding
///   heuristic when its lower bound already reaches `incumbentValue`;
/// - `branch(node)`: the children partitioning the node's feasible set. Returning no children
///   declares the node resolved (its incumbent, if any, is optimal within it).
///
/// Loop (specs/powermin.md §4.3): take the open node with the least lower bound (ties: the most
/// recently created, which dives towards incumbents); stop when GUB − GLB ≤ max(absoluteGap,
/// relativeGap·|GUB|); otherwise branch, bound every child, update the incumbent, keep children
/// that are unresolved and not prunable, and record (iteration, GLB, GUB). A child's bound is raised
/// to its parent's (a subset cannot have a lower optimum), so GLB never decreases even when the
/// bounding solver is inexact. Pruning of open nodes is lazy: nodes whose bound reached GUB are
/// discarded when they surface. Single-threaded, deterministic.
public enum BranchAndBound {
    public static func minimize<Node, Solution, Failure: Error>(
        root: Node, options: BranchAndBoundOptions = BranchAndBoundOptions(),
        bound: (_ node: inout Node, _ incumbentValue: Double) throws(Failure) -> NodeBound<Solution>,
        branch: (_ node: Node) throws(Failure) -> [Node]
    ) throws(Failure) -> BranchAndBoundResult<Solution> {
        var statistics = BranchAndBoundStatistics()
        var incumbent: Solution? = nil
        var upperBound = Double.infinity
        var open = OpenNodes<Node>()

        func isPrunable(_ lowerBound: Double) -> Bool {
            if lowerBound == .infinity { return true }
            guard upperBound < .infinity else { return false }
            return lowerBound >= upperBound - options.pruningTolerance * abs(upperBound)
        }
        /// Bounds a node, updates the incumbent, and keeps the node open if it may still matter.
        func evaluate(_ node: Node, parentBound: Double) throws(Failure) {
            var node = node
            let result = try bound(&node, upperBound)
            statistics.nodesEvaluated += 1
            if let point = result.incumbent, result.incumbentValue < upperBound {
                incumbent = point
                upperBound = result.incumbentValue
            }
            let lowerBound = max(result.lowerBound, parentBound)
            if isPrunable(lowerBound) {
                statistics.nodesPruned += 1
            } else if result.isResolved {
                statistics.nodesResolved += 1
            } else {
                open.push(node, bound: lowerBound)
                statistics.maximumOpenNodes = max(statistics.maximumOpenNodes, open.count)
            }
        }
        /// GLB after discarding open nodes that became prunable.
        func globalLowerBound() -> Double {
            while let top = open.peekBound, isPrunable(top) {
                _ = open.pop()
                statistics.nodesPruned += 1
            }
            return open.peekBound ?? upperBound
        }

        try evaluate(root, parentBound: -.infinity)
        var lowerBound = globalLowerBound()
        statistics.history.append(BoundRecord(iteration: 0, lowerBound: lowerBound, upperBound: upperBound))
        let status: BranchAndBoundStatus
        while true {
            if open.count == 0 {
                status = incumbent == nil ? .infeasible : .optimal
                break
            }
            if upperBound < .infinity
                && upperBound - lowerBound <= max(options.absoluteGap, options.relativeGap * abs(upperBound)) {
                status = .optimal
                break
            }
            if statistics.iterations >= options.iterationLimit {
                status = .iterationLimit
                break
            }
            if statistics.nodesEvaluated >= options.nodeLimit {
                status = .nodeLimit
                break
            }
            let (node, nodeBound) = open.pop()!
            statistics.iterations += 1
            let children = try branch(node)
            if children.isEmpty { statistics.nodesResolved += 1 }
            for child in children { try evaluate(child, parentBound: nodeBound) }
            lowerBound = max(lowerBound, globalLowerBound())
            statistics.history.append(
                BoundRecord(iteration: statistics.iterations, lowerBound: lowerBound, upperBound: upperBound))
        }
        return BranchAndBoundResult(
            status: status, incumbent: incumbent, upperBound: upperBound,
            lowerBound: status == .infeasible ? .infinity : lowerBound, statistics: statistics)
    }
}

/// Binary min-heap of open nodes keyed by (lower bound, newest first).
struct OpenNodes<Node> {
    private var entries: [(bound: Double, sequence: Int, node: Node)] = []
    private var nextSequence = 0

    var count: Int { entries.count }
    var peekBound: Double? { entries.first?.bound }

    private func precedes(_ a: Int, _ b: Int) -> Bool {
        entries[a].bound < entries[b].bound
            || (entries[a].bound == entries[b].bound && entries[a].sequence > entries[b].sequence)
    }

    mutating func push(_ node: Node, bound: Double) {
        entries.append((bound, nextSequence, node))
        nextSequence += 1
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(child, parent) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (node: Node, bound: Double)? {
        guard !entries.isEmpty else { return nil }
        entries.swapAt(0, entries.count - 1)
        let top = entries.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var best = parent
            if left < entries.count && precedes(left, best) { best = left }
            if right < entries.count && precedes(right, best) { best = right }
            if best == parent { break }
            entries.swapAt(parent, best)
            parent = best
        }
        return (top.node, top.bound)
    }
}
