extension MovementTradeoff {
    /// PGD step-size rule of (16) (specs/tradeoff.md §5.2).
    public enum StepRule: Sendable, Hashable {
        /// DEVIATION-1 (default): backtracking on the projected step (f̄ spans orders of magnitude).
        case armijo
        /// The paper's constant step η, every projected step accepted.
        case constant(Double)
    }

    /// How the R(τ) curve starts Algorithm 1 at each τ (specs §5.6).
    public enum CurveInitialization: String, Sendable, Hashable, CaseIterable {
        /// DEVIATION-4 (default): τ increasing, warm start from the previous τ plus a straight-line start
        /// towards r̃*, the better kept, then the running envelope.
        case continuation
        /// The literal reading: every τ starts at r̃^0, no envelope.
        case cold
    }

    /// Which growth model OTFM fits (specs §7.3).
    public enum FitSelection: String, Sendable, Hashable, CaseIterable {
        /// ASSUMED rule: the sigmoid iff it is valid and its SSE is strictly lower.
        case sse
        case quadratic
        case sigmoid
    }

    /// Constants of Algorithm 1 (penalty AO with PGD) and of the τ searches; defaults are the
    /// prototype-validated values of specs §11 (ASSUMED).
    public struct AlgorithmSettings: Sendable, Hashable {
        public var stepRule = StepRule.armijo
        /// η₀ of the Armijo rule; doubled (capped at `maximumStep`) before every inner iteration.
        public var initialStep = 0.05
        public var maximumStep = 1.0
        /// Backtracking gives up below this step (the iterate is then stationary to working precision).
        public var minimumStep = 1e-14
        /// ρ₀ and its growth factor c_ρ per outer iteration.
        public var initialPenalty = 1e-2
        public var penaltyGrowth = 3.0
        public var maximumOuterIterations = 30
        public var minimumOuterIterations = 3
        public var maximumInnerIterations = 200
        /// Inner stop: max_n ‖r_n⁺ − r_n‖ below this (λ).
        public var innerTolerance = 1e-7
        /// Outer stop: max_n ‖r_n − u_n‖ below this (λ).
        public var couplingTolerance = 1e-6
        public var auxiliaryUpdate = AuxiliaryUpdateMode.full
        public var curveInitialization = CurveInitialization.continuation
        /// Uniform points of each OTGM grid ([0, min(T, τ_sat)] and [0, T]).
        public var gridPoints = 41
        /// Golden-section iterations of the OTGM refinement around the best grid point.
        public var refinementIterations = 15

        public init() {}
    }
}
