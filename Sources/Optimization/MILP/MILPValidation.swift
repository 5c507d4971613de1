/// Why a model was rejected before reaching GLPK (GLPK itself would call abort() on most of these).
public struct MILPModelError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case noVariables
        case tooLarge
        case nonFiniteObjective(variable: Int)
        case nonFiniteObjectiveConstant
        case invalidVariableBounds(variable: Int)
        case invalidBinaryBounds(variable: Int)
        case mismatchedTermArrays(constraint: Int)
        case variableIndexOutOfRange(constraint: Int, index: Int)
        case duplicateVariable(constraint: Int, index: Int)
        case nonFiniteCoefficient(constraint: Int, index: Int)
        case invalidConstraintBounds(constraint: Int)
    }

    public let kind: Kind
    public let message: String

    public var description: String { message }
}

extension MILPModel {
    /// Checks everything GLPK would abort on, and everything that would make its answer meaningless:
    /// - at least one variable; counts fit in `Int32`;
    /// - objective coefficients and constant finite;
    /// - variable bounds: not NaN, `lower ≤ upper`, `lower < +∞`, `upper > −∞`; binary bounds inside [0, 1];
    /// - constraints: matching index/coefficient arrays, indices in range and distinct, coefficients
    ///   finite, bounds as for variables (an all-infinite row is allowed: it is a free row).
    /// Integer bounds whose integer range is empty (e.g. 0.2…0.8) are not an error: the model is
    /// infeasible and `solve` reports it so.
    public func validate() throws(MILPModelError) {
        func fail(_ kind: MILPModelError.Kind, _ message: String) -> MILPModelError {
            MILPModelError(kind: kind, message: "invalid MILP model: " + message)
        }
        func boundsAreValid(_ lower: Double, _ upper: Double) -> Bool {
            !lower.isNaN && !upper.isNaN && lower <= upper && lower < .infinity && upper > -.infinity
        }
        if variables.isEmpty { throw fail(.noVariables, "the model has no variables") }
        if variables.count >= Int(Int32.max) || constraints.count >= Int(Int32.max) {
            throw fail(.tooLarge, "more than 2^31 − 1 variables or constraints")
        }
        if !objectiveConstant.isFinite {
            throw fail(.nonFiniteObjectiveConstant, "objective constant \(objectiveConstant) is not finite")
        }
        for (j, v) in variables.enumerated() {
            if !v.objective.isFinite {
                throw fail(.nonFiniteObjective(variable: j), "objective coefficient of variable \(j) is \(v.objective)")
            }
            if !boundsAreValid(v.lower, v.upper) {
                throw fail(.invalidVariableBounds(variable: j), "variable \(j) has bounds [\(v.lower), \(v.upper)]")
            }
            if v.kind == .binary && (v.lower < 0 || v.upper > 1) {
                throw fail(.invalidBinaryBounds(variable: j),
                           "binary variable \(j) has bounds [\(v.lower), \(v.upper)] outside [0, 1]")
            }
        }
        var seenInRow = [Int](repeating: -1, count: variables.count)
        for (i, c) in constraints.enumerated() {
            if c.indices.count != c.coefficients.count {
                throw fail(.mismatchedTermArrays(constraint: i),
                           "constraint \(i) has \(c.indices.count) indices but \(c.coefficients.count) coefficients")
            }
            for (k, j) in c.indices.enumerated() {
                if j < 0 || j >= variables.count {
                    throw fail(.variableIndexOutOfRange(constraint: i, index: j),
                               "constraint \(i) refers to variable \(j); the model has \(variables.count)")
                }
                if seenInRow[j] == i {
                    throw fail(.duplicateVariable(constraint: i, index: j),
                               "constraint \(i) lists variable \(j) twice")
                }
                seenInRow[j] = i
                if !c.coefficients[k].isFinite {
                    throw fail(.nonFiniteCoefficient(constraint: i, index: j),
                               "constraint \(i) has coefficient \(c.coefficients[k]) on variable \(j)")
                }
            }
            if !boundsAreValid(c.lower, c.upper) {
                throw fail(.invalidConstraintBounds(constraint: i),
                           "constraint \(i) has bounds [\(c.lower), \(c.upper)]")
            }
        }
    }
}
