import CGLPK

/// Solves `MILPModel`s with GLPK, one self-contained call per problem.
///
/// Each call validates the model in Swift, then — on the calling thread, synchronously — creates a
/// `glp_prob`, loads it, solves it (`glp_simplex` with the LP presolver for pure LPs, `glp_intopt`
/// with the MIP presolver otherwise), reads the answer and deletes the problem. GLPK's terminal
/// output is switched off for the duration of the call (and the caller's previous setting restored).
///
/// Thread safety: Debian's GLPK keeps its environment in thread-local storage and aborts when a
/// problem is freed on a thread other than the one that created it. Because nothing GLPK owns
/// outlives or leaves a call, `solve` may be called from several threads concurrently (tested with
/// `DispatchQueue.concurrentPerform`). Do not call it while the same thread is inside another GLPK
/// call (e.g. from a GLPK callback).
///
/// Numerical semantics: GLPK works in double precision with its default tolerances (primal
/// feasibility `tol_bnd` 1e-7, integrality `tol_int` 1e-5, both adjustable in `MILPOptions`). Integer
/// and binary variables are returned rounded to the nearest integer, and `objective` is recomputed
/// from the returned `x` so that it is exactly the model's objective at the returned point.
public enum MILPSolver {
    public static func solve(_ model: MILPModel, options: MILPOptions = MILPOptions())
        throws(MILPModelError) -> MILPSolution
    {
        try model.validate()
        let isMIP = model.hasIntegerVariables
        let infeasible = MILPSolution(status: .infeasible, objective: .nan, x: [], usedBranchAndCut: isMIP)

        // Integer bounds tightened to integers; an empty integer range means "infeasible", no GLPK call.
        var columnBounds: [(lower: Double, upper: Double)] = []
        columnBounds.reserveCapacity(model.variableCount)
        for v in model.variables {
            if v.kind == .continuous {
                columnBounds.append((v.lower, v.upper))
            } else {
                let lower = v.lower.isFinite ? (v.lower - 1e-9 * max(1, abs(v.lower))).rounded(.up) : v.lower
                let upper = v.upper.isFinite ? (v.upper + 1e-9 * max(1, abs(v.upper))).rounded(.down) : v.upper
                if lower > upper { return infeasible }
                columnBounds.append((lower, upper))
            }
        }

        let previousTerminal = glp_term_out(GLP_OFF)
        defer { glp_term_out(previousTerminal) }
        guard let problem = glp_create_prob() else {
            return MILPSolution(status: .failed("glp_create_prob failed"), objective: .nan, x: [],
                                usedBranchAndCut: isMIP)
        }
        defer { glp_delete_prob(problem) }
        load(model, columnBounds: columnBounds, into: problem)

        let (status, hasPoint) = isMIP
            ? solveMIP(problem, model: model, options: options)
            : solveLP(problem, options: options)
        guard hasPoint else {
            return MILPSolution(status: status, objective: .nan, x: [], usedBranchAndCut: isMIP)
        }
        var x = [Double](repeating: 0, count: model.variableCount)
        for j in 0..<model.variableCount {
            let value = isMIP ? glp_mip_col_val(problem, Int32(j + 1)) : glp_get_col_prim(problem, Int32(j + 1))
            x[j] = model.variables[j].kind == .continuous ? value : value.rounded()
        }
        return MILPSolution(status: status, objective: model.objectiveValue(at: x), x: x, usedBranchAndCut: isMIP)
    }

    private static func boundType(_ lower: Double, _ upper: Double) -> (type: Int32, lower: Double, upper: Double) {
        switch (lower == -.infinity, upper == .infinity) {
        case (true, true): return (GLP_FR, 0, 0)
        case (false, true): return (GLP_LO, lower, 0)
        case (true, false): return (GLP_UP, 0, upper)
        case (false, false): return lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }

    private static func load(_ model: MILPModel, columnBounds: [(lower: Double, upper: Double)],
                             into problem: OpaquePointer) {
        glp_set_obj_dir(problem, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(problem, 0, model.objectiveConstant)
        glp_add_cols(problem, Int32(model.variableCount))
        for (j, v) in model.variables.enumerated() {
            let column = Int32(j + 1)
            // Binary variables are loaded as GLP_IV with our (possibly fixing) bounds: GLP_BV would
            // reset the bounds to [0, 1].
            glp_set_col_kind(problem, column, v.kind == .continuous ? GLP_CV : GLP_IV)
            let b = boundType(columnBounds[j].lower, columnBounds[j].upper)
            glp_set_col_bnds(problem, column, b.type, b.lower, b.upper)
            glp_set_obj_coef(problem, column, v.objective)
        }
        guard model.constraintCount > 0 else { return }
        glp_add_rows(problem, Int32(model.constraintCount))
        var indices: [Int32] = [0]
        var values: [Double] = [0]
        for (i, c) in model.constraints.enumerated() {
            let row = Int32(i + 1)
            let b = boundType(c.lower, c.upper)
            glp_set_row_bnds(problem, row, b.type, b.lower, b.upper)
            indices.removeSubrange(1...)
            values.removeSubrange(1...)
            for (k, j) in c.indices.enumerated() {  // GLPK arrays are 1-based: element 0 is ignored
                indices.append(Int32(j + 1))
                values.append(c.coefficients[k])
            }
            glp_set_mat_row(problem, row, Int32(c.indices.count), indices, values)
        }
    }

    private static func timeLimitMilliseconds(_ options: MILPOptions) -> Int32 {
        guard let seconds = options.timeLimit else { return Int32.max }
        return Int32(clamping: Int((max(0, seconds) * 1000).rounded(.up)))
    }

    private static func solveLP(_ problem: OpaquePointer, options: MILPOptions) -> (MILPStatus, Bool) {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.presolve = GLP_ON
        parameters.tm_lim = timeLimitMilliseconds(options)
        parameters.tol_bnd = options.feasibilityTolerance
        var code = glp_simplex(problem, &parameters)
        if code == GLP_ENODFS {
            // With the presolver, "no dual feasible solution" leaves primal infeasibility and
            // unboundedness undistinguished: re-solve from the standard basis without it.
            glp_std_basis(problem)
            parameters.presolve = GLP_OFF
            code = glp_simplex(problem, &parameters)
        }
        switch code {
        case 0:
            switch glp_get_status(problem) {
            case GLP_OPT: return (.optimal, true)
            case GLP_NOFEAS: return (.infeasible, false)
            case GLP_UNBND: return (.unbounded, false)
            case let s: return (.failed("simplex finished with solution status \(s)"), false)
            }
        case GLP_ENOPFS: return (.infeasible, false)
        case GLP_ETMLIM: return (.timeLimit, glp_get_prim_stat(problem) == GLP_FEAS)
        default: return (.failed(describe(code, routine: "glp_simplex")), false)
        }
    }

    private static func solveMIP(_ problem: OpaquePointer, model: MILPModel,
                                 options: MILPOptions) -> (MILPStatus, Bool) {
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.presolve = GLP_ON
        parameters.tm_lim = timeLimitMilliseconds(options)
        parameters.mip_gap = options.relativeMIPGap
        parameters.tol_int = options.integralityTolerance
        let code = glp_intopt(problem, &parameters)
        switch code {
        case 0, GLP_EMIPGAP:
            switch glp_mip_status(problem) {
            case GLP_OPT: return (.optimal, true)
            case GLP_FEAS where code == GLP_EMIPGAP: return (.optimal, true)
            case GLP_NOFEAS: return (.infeasible, false)
            case let s: return (.failed("branch-and-cut finished with MIP status \(s)"), false)
            }
        case GLP_ENOPFS:
            return (.infeasible, false)
        case GLP_ENODFS:
            // The LP relaxation is unbounded. With rational data the MIP is then either infeasible or
            // unbounded; decide which by a feasibility solve with a zero objective.
            for j in 0..<model.variableCount { glp_set_obj_coef(problem, Int32(j + 1), 0) }
            let feasibility = glp_intopt(problem, &parameters)
            if feasibility == 0 && glp_mip_status(problem) == GLP_OPT { return (.unbounded, false) }
            if feasibility == GLP_ENOPFS || (feasibility == 0 && glp_mip_status(problem) == GLP_NOFEAS) {
                return (.infeasible, false)
            }
            return (.failed("LP relaxation unbounded; feasibility check: "
                            + describe(feasibility, routine: "glp_intopt")), false)
        case GLP_ETMLIM:
            return (.timeLimit, glp_mip_status(problem) == GLP_FEAS)
        default:
            return (.failed(describe(code, routine: "glp_intopt")), false)
        }
    }

    private static func describe(_ code: Int32, routine: String) -> String {
        let name: String
        switch code {
        case GLP_EBADB: name = "invalid initial basis"
        case GLP_ESING: name = "singular basis matrix"
        case GLP_ECOND: name = "ill-conditioned basis matrix"
        case GLP_EBOUND: name = "incorrect bounds"
        case GLP_EFAIL: name = "solver failure"
        case GLP_EITLIM: name = "iteration limit"
        case GLP_EROOT: name = "root LP optimum not provided"
        case GLP_ENODFS: name = "no dual feasible solution"
        default: name = "return code \(code)"
        }
        return "\(routine): \(name)"
    }
}
