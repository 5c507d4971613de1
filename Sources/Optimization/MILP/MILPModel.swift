/// A mixed-integer linear programme in Swift terms, validated before any GLPK call.
///
///     minimise (or maximise)  c₀ + Σ_j c_j x_j
///     subject to              l_i ≤ Σ_j a_ij x_j ≤ u_i      (constraints i)
///                             lo_j ≤ x_j ≤ hi_j             (variable bounds)
///                             x_j ∈ ℤ for integer/binary variables
///
/// Infinite bounds (`-.infinity`, `.infinity`) mean "no bound". Every coefficient and the objective
/// constant must be finite; see `MILPModel.validate()` for the full list of checks.
public struct MILPModel: Sendable {
    public enum Sense: Sendable { case minimize, maximize }

    public enum VariableKind: Sendable {
        case continuous
        /// Integer-valued. Fractional bounds are tightened to ⌈lo⌉ … ⌊hi⌋ before solving.
        case integer
        /// Integer-valued with bounds inside [0, 1]; the bounds may fix it (0…0 or 1…1).
        case binary
    }

    public struct Variable: Sendable {
        public var lower: Double
        public var upper: Double
        public var kind: VariableKind
        public var objective: Double
        public var name: String?
    }

    public struct Constraint: Sendable {
        /// Variable indices (0-based) and their coefficients; indices must be distinct.
        public var indices: [Int]
        public var coefficients: [Double]
        public var lower: Double
        public var upper: Double
        public var name: String?
    }

    public var sense: Sense
    public var objectiveConstant: Double = 0
    public private(set) var variables: [Variable] = []
    public private(set) var constraints: [Constraint] = []

    public init(sense: Sense = .minimize) {
        self.sense = sense
    }

    public var variableCount: Int { variables.count }
    public var constraintCount: Int { constraints.count }
    public var hasIntegerVariables: Bool { variables.contains { $0.kind != .continuous } }

    /// Adds a variable and returns its 0-based index. Default bounds: [0, +∞) for continuous and
    /// integer variables (the usual LP convention), [0, 1] for binary ones.
    @discardableResult
    public mutating func addVariable(
        lower: Double? = nil, upper: Double? = nil, kind: VariableKind = .continuous,
        objective: Double = 0, name: String? = nil
    ) -> Int {
        let defaultUpper: Double = kind == .binary ? 1 : .infinity
        variables.append(Variable(
            lower: lower ?? 0, upper: upper ?? defaultUpper, kind: kind,
            objective: objective, name: name))
        return variables.count - 1
    }

    /// Adds `lower ≤ Σ coefficient·x[index] ≤ upper` and returns its 0-based index.
    @discardableResult
    public mutating func addConstraint(
        _ terms: [(index: Int, coefficient: Double)], lower: Double = -.infinity,
        upper: Double = .infinity, name: String? = nil
    ) -> Int {
        constraints.append(Constraint(
            indices: terms.map(\.index), coefficients: terms.map(\.coefficient),
            lower: lower, upper: upper, name: name))
        return constraints.count - 1
    }

    /// `Σ coefficient·x[index] ≤ bound`.
    @discardableResult
    public mutating func addLessEqual(_ terms: [(index: Int, coefficient: Double)], _ bound: Double) -> Int {
        addConstraint(terms, lower: -.infinity, upper: bound)
    }

    /// `Σ coefficient·x[index] ≥ bound`.
    @discardableResult
    public mutating func addGreaterEqual(_ terms: [(index: Int, coefficient: Double)], _ bound: Double) -> Int {
        addConstraint(terms, lower: bound, upper: .infinity)
    }

    /// `Σ coefficient·x[index] = value`.
    @discardableResult
    public mutating func addEqual(_ terms: [(index: Int, coefficient: Double)], _ value: Double) -> Int {
        addConstraint(terms, lower: value, upper: value)
    }

    /// Replaces a variable's bounds (e.g. to fix a binary while branching).
    public mutating func setBounds(ofVariable index: Int, lower: Double, upper: Double) {
        precondition(variables.indices.contains(index), "variable index \(index) out of range")
        variables[index].lower = lower
        variables[index].upper = upper
    }

    /// Replaces a variable's objective coefficient.
    public mutating func setObjective(ofVariable index: Int, _ coefficient: Double) {
        precondition(variables.indices.contains(index), "variable index \(index) out of range")
        variables[index].objective = coefficient
    }

    /// Objective value of a point (no feasibility check).
    public func objectiveValue(at x: [Double]) -> Double {
        precondition(x.count == variables.count)
        var value = objectiveConstant
        for (j, variable) in variables.enumerated() { value += variable.objective * x[j] }
        return value
    }

    /// Largest violation of any bound, constraint or integrality requirement at `x` (0 when feasible).
    public func maximumViolation(at x: [Double]) -> Double {
        precondition(x.count == variables.count)
        var worst = 0.0
        for (j, v) in variables.enumerated() {
            worst = max(worst, v.lower - x[j], x[j] - v.upper)
            if v.kind != .continuous { worst = max(worst, abs(x[j] - x[j].rounded())) }
        }
        for c in constraints {
            var activity = 0.0
            for (k, j) in c.indices.enumerated() { activity += c.coefficients[k] * x[j] }
            worst = max(worst, c.lower - activity, activity - c.upper)
        }
        return worst
    }
}
