/// Options of one MILP/LP solve. GLPK's own defaults are kept unless stated.
public struct MILPOptions: Sendable {
    /// Wall-clock limit in seconds (GLPK `tm_lim`, rounded to milliseconds); nil = none.
    public var timeLimit: Double?
    /// Relative MIP gap at which branch-and-cut may stop (GLPK `mip_gap`). Default 0: prove optimality.
    /// A positive value lets GLPK stop with an incumbent whose objective is within that relative gap
    /// of the best bound; the status is then `.optimal` (optimal within the requested gap).
    public var relativeMIPGap: Double = 0
    /// Integrality tolerance (GLPK `tol_int`, default 1e-5): a value within this distance of an
    /// integer counts as integral. Returned integer variables are rounded to the nearest integer.
    public var integralityTolerance: Double = 1e-5
    /// Primal feasibility tolerance of the simplex (GLPK `tol_bnd`, default 1e-7, relative to bound size).
    public var feasibilityTolerance: Double = 1e-7

    public init(timeLimit: Double? = nil, relativeMIPGap: Double = 0) {
        self.timeLimit = timeLimit
        self.relativeMIPGap = relativeMIPGap
    }
}

public enum MILPStatus: Sendable, Equatable {
    /// Proven optimal (within `relativeMIPGap` for MIPs; LP optimum within GLPK's simplex tolerances).
    case optimal
    /// No point satisfies the constraints (and integrality).
    case infeasible
    /// Feasible, and the objective is unbounded in the optimisation direction.
    case unbounded
    /// Stopped by the time limit; `x` holds the best feasible point found, if any.
    case timeLimit
    /// Anything else GLPK reported (numerical trouble, …), with GLPK's return code in words.
    case failed(String)
}

public struct MILPSolution: Sendable {
    public var status: MILPStatus
    /// Objective value in the model's sense, including `objectiveConstant`; NaN when there is no point.
    public var objective: Double
    /// Variable values (integer variables rounded to integers); empty when there is no point.
    public var x: [Double]
    /// True when the model had integer variables and GLPK's branch-and-cut (`glp_intopt`) was used;
    /// false for a pure LP solved by the simplex method (`glp_simplex`).
    public var usedBranchAndCut: Bool

    /// True when `x` holds a feasible point (optimal, or an incumbent at a time limit).
    public var hasSolution: Bool { !x.isEmpty }
}
