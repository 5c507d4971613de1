/// Hyper-parameters of the particle swarm. Defaults are those of specs/ee.md §6.4 (S = 20, I = 30,
/// inertia 0.9 → 0.4, c1 = c2 = 1.4, velocity clamp ±0.2·(upper − lower)).
public struct ParticleSwarmOptions: Sendable {
    /// What happens to a coordinate that leaves the box after a move.
    public enum BoundaryHandling: Sendable {
        /// Put it on the violated bound and zero that velocity component ("absorbing wall").
        case clamp
        /// Mirror it back into the box (x ← 2·bound − x) and reverse that velocity component; if the
        /// mirrored point still lies outside (a move longer than the box), clamp it as above.
        case reflect
    }

    public var swarmSize = 20
    /// Number of velocity/position updates after the initial evaluation: the objective is evaluated
    /// swarmSize·(iterations + 1) times.
    public var iterations = 30
    /// Inertia weight of update `it` (0-based): w = start − (start − end)·it/(iterations − 1).
    public var inertiaStart = 0.9
    public var inertiaEnd = 0.4
    /// Personal-best (cognitive) acceleration factor c1.
    public var cognitive = 1.4
    /// Global-best (social) acceleration factor c2.
    public var social = 1.4
    /// |v_d| ≤ fraction·(upper_d − lower_d) after every update.
    public var velocityClampFraction = 0.2
    public var boundaryHandling = BoundaryHandling.clamp

    public init() {}
}

/// A box-constrained minimisation problem for `ParticleSwarm`, with an optional penalty for other
/// constraints: fitness(x) = objective(x) + penaltyWeight·penalty(x), penalty ≥ 0 (0 when feasible).
public struct ParticleSwarmProblem {
    public var lower: [Double]
    public var upper: [Double]
    public var objective: ([Double]) -> Double
    public var penalty: (([Double]) -> Double)?
    public var penaltyWeight: Double

    public init(lower: [Double], upper: [Double], objective: @escaping ([Double]) -> Double,
                penalty: (([Double]) -> Double)? = nil, penaltyWeight: Double = 1) {
        precondition(!lower.isEmpty && lower.count == upper.count, "bounds must be non-empty and of equal length")
        precondition(zip(lower, upper).allSatisfy { $0.isFinite && $1.isFinite && $0 <= $1 },
                     "PSO needs a finite box with lower ≤ upper")
        precondition(penaltyWeight >= 0 && penaltyWeight.isFinite, "penaltyWeight must be finite and ≥ 0")
        self.lower = lower
        self.upper = upper
        self.objective = objective
        self.penalty = penalty
        self.penaltyWeight = penaltyWeight
    }

    public var dimension: Int { lower.count }
}

public struct ParticleSwarmResult: Sendable {
    /// The global best position.
    public var position: [Double]
    /// Objective at `position` (without penalty), in the caller's sense (maximised value for `maximize`).
    public var objective: Double
    /// Penalty at `position` (0 without a penalty function).
    public var penalty: Double
    /// The value the swarm optimised: objective ± penaltyWeight·penalty (+ when minimising, − when maximising).
    public var fitness: Double
    public var evaluations: Int
    /// Global best fitness after the initial evaluation and after each iteration (iterations + 1
    /// entries, monotone: non-increasing when minimising, non-decreasing when maximising).
    public var history: [Double]
}
