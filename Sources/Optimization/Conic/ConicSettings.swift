/// Tolerances and limits of the interior-point solver.
///
/// Stopping rule (all on the de-homogenised iterate x/τ, s/τ, y/τ, in the units of the original,
/// unequilibrated problem):
/// - **optimal**: primal residual ‖Ax + s − b‖₂ / max(1, ‖b‖₂, ‖Ax‖₂, ‖s‖₂) ≤ `feasibilityTolerance`,
///   dual residual ‖Aᵀy + c‖₂ / max(1, ‖c‖₂, ‖Aᵀy‖₂) ≤ `feasibilityTolerance`, and either the absolute
///   gap sᵀy ≤ `absoluteGapTolerance` or the relative gap sᵀy / min(|cᵀx|, |bᵀy|) ≤ `relativeGapTolerance`.
/// - **primalInfeasible**: bᵀy < 0 and ‖Aᵀy‖₂ / max(1, ‖c‖₂) ≤ `infeasibilityTolerance` · (−bᵀy).
/// - **dualInfeasible**: cᵀx < 0 and ‖Ax + s‖₂ / max(1, ‖b‖₂) ≤ `infeasibilityTolerance` · (−cᵀx).
/// - **inaccurate**: the iteration limit was reached or progress stopped, but the optimality test holds
///   with the `reduced…` tolerances.
public struct ConicSettings: Sendable {
    public var feasibilityTolerance = 1e-8
    public var absoluteGapTolerance = 1e-8
    public var relativeGapTolerance = 1e-8
    public var infeasibilityTolerance = 1e-8
    /// Looser tolerances that qualify a stalled or truncated run as `inaccurate` (almost optimal).
    public var reducedFeasibilityTolerance = 1e-5
    public var reducedGapTolerance = 5e-5
    public var maxIterations = 100
    /// Stop (returning the best iterate) when the merit max(pres, dres, gap)/tolerance has not dropped by 10 %
    /// for this many iterations.
    public var stallIterations = 6
    /// Fraction of the distance to the cone boundary taken per step.
    public var stepFraction = 0.99
    /// Neighbourhood radius for exponential-cone blocks in the retry after a breakdown: a step is
    /// shortened until each block's proximity ‖z/μ + ∇F(s)‖_{∇²F(s)⁻¹} at the new point is at most
    /// this (`.infinity`: no such retry). See `SolverCore.run` and `ExponentialConeBlock.proximity`.
    public var exponentialNeighbourhood = 1.0
    /// Step fraction of the last retry after a breakdown on a problem with exponential cones (see
    /// `SolverCore.run`); not below `stepFraction` means no such retry.
    public var retryStepFraction = 0.95
    /// Iterative-refinement passes on each KKT solve.
    public var refinementSteps = 3
    /// A KKT solve whose relative residual is below this is accepted without (further) refinement.
    public var refinementTolerance = 1e-13
    /// Static regularisation added to the diagonal of the reduced KKT matrix, relative to its largest
    /// diagonal. Default 0: refinement converges only in directions whose curvature exceeds the
    /// regularisation, and near the optimum many do not; breakdowns are handled by a modified Cholesky.
    public var staticRegularization = 0.0
    /// Cone-preserving Ruiz equilibration of A (and scaling of b, c) before iterating. Tolerances
    /// always refer to the original, unscaled problem.
    public var equilibrate = true
    /// Cold-start point: `.leastSquares` (CVXOPT's: least-squares x and z shifted into the cone) or
    /// `.identity` (x = 0, y = 0, s = z = e).
    public var initialPoint = InitialPoint.leastSquares

    public enum InitialPoint: Sendable { case leastSquares, identity }

    /// Solve problems with one PSD cone whose constraint matrices all have low rank (plus nonnegative
    /// rows) by the factored HKM path (`LowRankSDPSolver`) instead of the general one. Cold starts
    /// only; a warm-started solve always takes the general path.
    public var exploitLowRank = true

    public init() {}
}

/// Per-iteration diagnostics passed to the optional callback. On the factored HKM path, which has no
/// homogeneous embedding, `tau` is 1 and `kappa` 0; a run handed on to the embedded path is followed
/// by that path's iterations, numbered from 0 again.
public struct ConicIterationInfo: Sendable {
    public let iteration: Int
    public let primalObjective: Double
    public let dualObjective: Double
    public let gap: Double
    public let primalResidual: Double
    public let dualResidual: Double
    public let tau: Double
    public let kappa: Double
    public let mu: Double
    public let stepLength: Double
    public let sigma: Double
}

/// Outcome class of a solve.
public enum ConicStatus: String, Sendable, CustomStringConvertible {
    /// Converged to the requested tolerances.
    case optimal
    /// Almost optimal: stopped (iteration limit or stall) at a point meeting the reduced tolerances.
    case inaccurate
    /// A certificate y ∈ K*, Aᵀy = 0, bᵀy = −1 was found (`ConicSolution.y`).
    case primalInfeasible
    /// A certificate x with Ax + s = 0, s ∈ K, cᵀx = −1 was found (`ConicSolution.x`, `.s`).
    case dualInfeasible
    case iterationLimit
    /// The iteration broke down (factorisation failure, non-finite values, no progress).
    case numericalFailure

    public var description: String { rawValue }

    /// `true` for `optimal` and `inaccurate`: x, s, y are usable as an (approximate) optimum.
    public var hasSolution: Bool { self == .optimal || self == .inaccurate }
}

/// Result of `ConicSolver.solve`.
///
/// For `optimal`/`inaccurate`, (x, s, y) approximately satisfy Ax + s = b, Aᵀy + c = 0, s ∈ K,
/// y ∈ K*, sᵀy ≈ 0. For `primalInfeasible`, y is the certificate (x, s are the last iterate scaled
/// by 1/τ); for `dualInfeasible`, (x, s) is the certificate.
public struct ConicSolution: Sendable {
    public let status: ConicStatus
    public let x: [Double]
    public let s: [Double]
    public let y: [Double]
    public let primalObjective: Double
    public let dualObjective: Double
    public let iterations: Int
    /// Relative primal residual ‖Ax + s − b‖ / max(1, ‖b‖) at the returned point (solver's measure).
    public let primalResidual: Double
    /// Relative dual residual ‖Aᵀy + c‖ / max(1, ‖c‖).
    public let dualResidual: Double
    /// sᵀy.
    public let gap: Double
    /// Which interior-point path produced the result.
    public internal(set) var path = ConicSolverPath.embedded
}

/// The interior-point path a solve took (`ConicSettings.exploitLowRank`).
public enum ConicSolverPath: String, Sendable {
    /// Homogeneous self-dual embedding with Nesterov–Todd scaling, any cones (`InteriorPointLoop`).
    case embedded
    /// Factored HKM path for one low-rank LMI plus nonnegative rows (`LowRankSDPSolver`).
    case lowRankHKM
}
