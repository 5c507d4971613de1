/// Tolerances and limits of `BranchAndBound.minimize`.
public struct BranchAndBoundOptions: Sendable {
    /// Stop when GUB − GLB ≤ max(absoluteGap, relativeGap·|GUB|). The returned incumbent is then
    /// within that gap of the optimum. specs/powermin.md uses relativeGap 1e-3 for figures, 1e-6 for
    /// the exhaustive-search equality tests.
    public var absoluteGap: Double = 0
    public var relativeGap: Double = 1e-6
    /// A node is pruned when its lower bound ≥ GUB − pruningTolerance·|GUB|: it cannot improve on the
    /// incumbent by more than rounding of the bounding solver (powermin.md: "minus 1e-12 relative").
    public var pruningTolerance: Double = 1e-12
    /// Maximum branchings (the papers' "iterations").
    public var iterationLimit: Int = .max
    /// Maximum bound evaluations (the root included); checked before each branching.
    public var nodeLimit: Int = .max

    public init() {}
}

/// What the bounding step learned about one node.
public struct NodeBound<Solution> {
    /// A lower bound on the objective over the node's feasible set (e.g. a relaxation's optimum);
    /// `+∞` when the node is infeasible.
    public var lowerBound: Double
    /// A feasible point found at this node (e.g. by rounding the relaxation) and its objective value.
    public var incumbent: Solution?
    public var incumbentValue: Double
    /// True when the node needs no branching: its incumbent is optimal within it (e.g. the
    /// relaxation's solution is already integral, or every decision is fixed).
    public var isResolved: Bool

    public init(lowerBound: Double, incumbent: Solution? = nil, incumbentValue: Double = .infinity,
                isResolved: Bool = false) {
        precondition(!lowerBound.isNaN && !incumbentValue.isNaN, "bounds must not be NaN")
        precondition(incumbent != nil || incumbentValue == .infinity, "an incumbent value needs an incumbent")
        self.lowerBound = lowerBound
        self.incumbent = incumbent
        self.incumbentValue = incumbentValue
        self.isResolved = isResolved
    }

    /// An infeasible node.
    public static var infeasible: NodeBound { NodeBound(lowerBound: .infinity, isResolved: true) }
}

public enum BranchAndBoundStatus: Sendable, Equatable {
    /// The gap tolerance was met, or the tree was exhausted with an incumbent.
    case optimal
    /// The tree was exhausted without any feasible point.
    case infeasible
    case iterationLimit
    case nodeLimit
}

/// Global bounds after a branching (iteration 0: after the root).
public struct BoundRecord: Sendable, Equatable {
    public var iteration: Int
    /// GLB: the least lower bound over the open nodes (GUB when none is open).
    public var lowerBound: Double
    /// GUB: the incumbent's value (+∞ before one is found).
    public var upperBound: Double
}

public struct BranchAndBoundStatistics: Sendable {
    /// Branchings performed (each removes one open node and bounds its children).
    public var iterations = 0
    /// Bound evaluations, the root included.
    public var nodesEvaluated = 0
    /// Nodes discarded because their lower bound reached the incumbent (infeasible nodes included).
    public var nodesPruned = 0
    /// Nodes closed because their bound declared them resolved.
    public var nodesResolved = 0
    /// Largest number of open nodes at any time.
    public var maximumOpenNodes = 0
    /// (iteration, GLB, GUB) after the root and after every branching: GLB non-decreasing, GUB
    /// non-increasing.
    public var history: [BoundRecord] = []
}

public struct BranchAndBoundResult<Solution> {
    public var status: BranchAndBoundStatus
    /// The best feasible point found, and its value (GUB; +∞ when none).
    public var incumbent: Solution?
    public var upperBound: Double
    /// GLB at termination: the optimum lies in [lowerBound, upperBound].
    public var lowerBound: Double
    public var statistics: BranchAndBoundStatistics

    /// (GUB − GLB)/|GUB| (0 when both are equal, +∞ without an incumbent).
    public var relativeGap: Double {
        if upperBound == lowerBound { return 0 }
        guard upperBound.isFinite else { return .infinity }
        return (upperBound - lowerBound) / abs(upperBound)
    }
}

extension NodeBound: Sendable where Solution: Sendable {}
extension BranchAndBoundResult: Sendable where Solution: Sendable {}
