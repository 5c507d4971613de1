/// Assignment problems as MILPs solved by GLPK — the trajectory paper's formulation (P2.1), kept as
/// the reference oracle for the fast algorithms (`LinearAssignment`, `BottleneckAssignment`).
///
/// Variables a_{i,j} ∈ {0, 1} for every allowed (finite-cost) pair; Σ_j a_{i,j} = 1 for every row;
/// Σ_i a_{i,j} ≤ 1 for every column (= 1 when the matrix is square).
public enum AssignmentMILP {
    public enum Failure: Error, Sendable, Equatable {
        /// GLPK stopped without a proven optimum (time limit, numerical failure).
        case solver(MILPStatus)
    }

    /// Minimum-sum assignment via GLPK; nil when no assignment avoids the forbidden pairs.
    public static func minSum(_ costs: AssignmentCosts, options: MILPOptions = MILPOptions())
        throws(Failure) -> Assignment?
    {
        var model = MILPModel()
        let pairs = addAssignmentStructure(costs, to: &model, objectiveFromCosts: true)
        return try solve(model, pairs: pairs, costs: costs, options: options)
    }

    /// Bottleneck assignment via the epigraph MILP (P2.1):
    ///
    ///     minimise τ  s.t.  Σ_j c(i, j) a_{i,j} ≤ τ for every row i, assignment constraints.
    ///
    /// With `tieBreak: .minSum`, a second MILP minimises Σ c·a with every pair costlier than the first
    /// solve's bottleneck forbidden. The bottleneck is recomputed from the returned assignment (an
    /// input value), so the second solve's restriction is exact. `.lexicographic` is not offered here.
    public static func bottleneck(
        _ costs: AssignmentCosts, tieBreak: BottleneckAssignment.TieBreak = .minSum,
        options: MILPOptions = MILPOptions()
    ) throws(Failure) -> Assignment? {
        precondition(tieBreak != .lexicographic, "AssignmentMILP offers the .none and .minSum tie-breaks")
        var model = MILPModel()
        let pairs = addAssignmentStructure(costs, to: &model, objectiveFromCosts: false)
        let finite = costs.values.filter { $0 < .infinity }
        guard let low = finite.min(), let high = finite.max() else { return nil }
        let tau = model.addVariable(lower: low, upper: high, objective: 1)
        for i in 0..<costs.rows {
            var terms = pairs.enumerated().filter { $0.element.row == i }
                .map { (index: $0.offset, coefficient: costs[i, $0.element.column]) }
            terms.append((tau, -1))
            model.addLessEqual(terms, 0)
        }
        guard let first = try solve(model, pairs: pairs, costs: costs, options: options) else { return nil }
        guard tieBreak == .minSum else { return first }

        var restricted = MILPModel()
        let restrictedPairs = addAssignmentStructure(
            costs, to: &restricted, objectiveFromCosts: true, threshold: first.bottleneckCost)
        guard let second = try solve(restricted, pairs: restrictedPairs, costs: costs, options: options) else {
            throw .solver(.failed("restricted min-sum MILP infeasible although the bottleneck solve was not"))
        }
        return second
    }

    /// Adds the a_{i,j} binaries (pairs with cost ≤ threshold) and the row/column constraints.
    private static func addAssignmentStructure(
        _ costs: AssignmentCosts, to model: inout MILPModel, objectiveFromCosts: Bool,
        threshold: Double = .infinity
    ) -> [(row: Int, column: Int)] {
        var pairs: [(row: Int, column: Int)] = []
        for i in 0..<costs.rows {
            for j in 0..<costs.columns where costs[i, j] < .infinity && costs[i, j] <= threshold {
                model.addVariable(kind: .binary, objective: objectiveFromCosts ? costs[i, j] : 0)
                pairs.append((i, j))
            }
        }
        for i in 0..<costs.rows {
            model.addEqual(pairs.indices.filter { pairs[$0].row == i }.map { ($0, 1) }, 1)
        }
        for j in 0..<costs.columns {
            let terms = pairs.indices.filter { pairs[$0].column == j }.map { (index: $0, coefficient: 1.0) }
            if costs.rows == costs.columns {
                model.addEqual(terms, 1)
            } else {
                model.addLessEqual(terms, 1)
            }
        }
        return pairs
    }

    private static func solve(
        _ model: MILPModel, pairs: [(row: Int, column: Int)], costs: AssignmentCosts, options: MILPOptions
    ) throws(Failure) -> Assignment? {
        guard !pairs.isEmpty else { return nil }
        let solution: MILPSolution
        do {
            solution = try MILPSolver.solve(model, options: options)
        } catch {
            preconditionFailure("assignment MILP built invalid: \(error)")
        }
        switch solution.status {
        case .optimal:
            var columnOfRow = [Int](repeating: -1, count: costs.rows)
            for (k, pair) in pairs.enumerated() where solution.x[k] == 1 { columnOfRow[pair.row] = pair.column }
            return costs.assignment(columnOfRow: columnOfRow)
        case .infeasible:
            return nil
        default:
            throw .solver(solution.status)
        }
    }
}
