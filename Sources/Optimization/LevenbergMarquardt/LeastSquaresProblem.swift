/// A nonlinear least-squares problem: minimise F(β) = ½ Σ_i r_i(β)², optionally with box bounds
/// lower ≤ β ≤ upper. (Reported sums of squares are SSE = Σ r_i² = 2F.)
public struct LeastSquaresProblem {
    public let parameterCount: Int
    public let residualCount: Int
    /// Writes r(β) into the buffer (of length `residualCount`).
    public var residuals: (_ parameters: [Double], _ residuals: inout [Double]) -> Void
    /// Writes the Jacobian J_ij = ∂r_i/∂β_j row-major (`residualCount × parameterCount`);
    /// nil means finite differences (`LevenbergMarquardtOptions.finiteDifferences`).
    public var jacobian: ((_ parameters: [Double], _ jacobian: inout [Double]) -> Void)?
    /// Box bounds (`-.infinity`/`.infinity` entries for none); nil means unbounded.
    public var lowerBounds: [Double]?
    public var upperBounds: [Double]?

    public init(
        parameterCount: Int, residualCount: Int,
        residuals: @escaping (_ parameters: [Double], _ residuals: inout [Double]) -> Void,
        jacobian: ((_ parameters: [Double], _ jacobian: inout [Double]) -> Void)? = nil,
        lowerBounds: [Double]? = nil, upperBounds: [Double]? = nil
    ) {
        precondition(parameterCount >= 1 && residualCount >= 1, "need at least one parameter and residual")
        precondition(lowerBounds.map { $0.count == parameterCount } ?? true, "lowerBounds has the wrong length")
        precondition(upperBounds.map { $0.count == parameterCount } ?? true, "upperBounds has the wrong length")
        if let lowerBounds, let upperBounds {
            precondition(zip(lowerBounds, upperBounds).allSatisfy { $0 <= $1 }, "lower bound above upper bound")
        }
        self.parameterCount = parameterCount
        self.residualCount = residualCount
        self.residuals = residuals
        self.jacobian = jacobian
        self.lowerBounds = lowerBounds
        self.upperBounds = upperBounds
    }

    /// Curve fit y_i ≈ f(x_i; β): residuals r_i = f(x_i; β) − y_i. `gradient`, when given, writes
    /// ∂f/∂β at one x into its buffer (length `parameterCount`); otherwise finite differences are used.
    public static func curveFit(
        x: [Double], y: [Double], parameterCount: Int,
        model: @escaping (_ x: Double, _ parameters: [Double]) -> Double,
        gradient: ((_ x: Double, _ parameters: [Double], _ gradient: inout [Double]) -> Void)? = nil,
        lowerBounds: [Double]? = nil, upperBounds: [Double]? = nil
    ) -> LeastSquaresProblem {
        precondition(x.count == y.count && !x.isEmpty, "x and y must be non-empty and of equal length")
        let jacobian: (([Double], inout [Double]) -> Void)? = gradient.map { gradient in
            { parameters, jacobian in
                var row = [Double](repeating: 0, count: parameterCount)
                for i in x.indices {
                    gradient(x[i], parameters, &row)
                    for j in 0..<parameterCount { jacobian[i * parameterCount + j] = row[j] }
                }
            }
        }
        return LeastSquaresProblem(
            parameterCount: parameterCount, residualCount: x.count,
            residuals: { parameters, r in
                for i in x.indices { r[i] = model(x[i], parameters) - y[i] }
            },
            jacobian: jacobian, lowerBounds: lowerBounds, upperBounds: upperBounds)
    }

    /// Projects β onto the box.
    func project(_ parameters: inout [Double]) {
        if let lowerBounds { for j in 0..<parameterCount { parameters[j] = max(parameters[j], lowerBounds[j]) } }
        if let upperBounds { for j in 0..<parameterCount { parameters[j] = min(parameters[j], upperBounds[j]) } }
    }
}

public struct LevenbergMarquardtOptions: Sendable {
    public enum DampingScale: Sendable {
        /// Levenberg: (JᵀJ + μI) h = −Jᵀr.
        case identity
        /// Marquardt: (JᵀJ + μD) h = −Jᵀr with D = diag(JᵀJ), each entry the running maximum over
        /// the iterations (as in MINPACK) so that it never shrinks; invariant to parameter scaling.
        case marquardt
    }

    public enum FiniteDifferences: Sendable {
        /// (r(β + h e_j) − r(β)) / h with h = √ε·|β_j| (√ε when β_j = 0); error O(h) ≈ 1e-8 relative.
        case forward
        /// (r(β + h e_j) − r(β − h e_j)) / 2h with h = ε^⅓·|β_j| (ε^⅓ when β_j = 0); error O(h²) ≈ 1e-11
        /// relative. Steps are relative so that parameters of very different magnitudes are all resolved.
        case central
    }

    /// Upper limit on trial steps (accepted or rejected).
    public var maxIterations = 200
    /// Stop when every (projected) gradient component is small relative to the data:
    /// max_j |(Jᵀr)_j| / (‖J_j‖·‖r‖) ≤ this (MINPACK's scale-free `gtol`: the cosine between r and
    /// each column of J). 1e-10 is well above rounding of the products, far below fit quality.
    public var gradientTolerance = 1e-10
    /// Stop when the step is tiny: ‖h‖₂ ≤ tol·(‖β‖₂ + tol).
    public var stepTolerance = 1e-10
    /// Stop after an accepted step when both the actual and the predicted relative decreases of the
    /// sum of squares are ≤ this (MINPACK's `ftol`). 1e-14 is ~100 ulps: the SSE cannot improve further.
    public var reductionTolerance = 1e-14
    /// Initial damping: μ₀ = factor with Marquardt scaling, factor·max_j (JᵀJ)_jj with identity scaling
    /// (Nielsen's τ; 1e-3 suits a good start, ≥ 1 a poor one).
    public var initialDampingFactor = 1e-3
    public var dampingScale = DampingScale.marquardt
    public var finiteDifferences = FiniteDifferences.central

    public init() {}
}

public enum LevenbergMarquardtStatus: Sendable, Equatable {
    /// Scaled (projected) gradient below `gradientTolerance`: a stationary point.
    case gradientTolerance
    /// Step below `stepTolerance`.
    case stepTolerance
    /// Relative decrease of the SSE below `reductionTolerance`.
    case reductionTolerance
    /// The residuals are exactly zero: a perfect fit.
    case zeroResidual
    /// `maxIterations` trial steps were taken without meeting a tolerance.
    case iterationLimit
    /// The damping grew past 1e32·max D without finding a decrease: no progress is possible in
    /// floating point (typically at a minimum whose tolerances were set too tight).
    case dampingLimit
    /// The residuals are not finite at the starting point.
    case nonFiniteStart

    /// True for the statuses that certify convergence by one of the stated tolerances.
    public var converged: Bool {
        switch self {
        case .gradientTolerance, .stepTolerance, .reductionTolerance, .zeroResidual: return true
        case .iterationLimit, .dampingLimit, .nonFiniteStart: return false
        }
    }
}

public struct LevenbergMarquardtResult: Sendable {
    public var parameters: [Double]
    public var residuals: [Double]
    /// SSE = Σ r_i² at `parameters`.
    public var sumOfSquares: Double
    public var status: LevenbergMarquardtStatus
    /// Trial steps computed (accepted or rejected).
    public var iterations: Int
    public var acceptedSteps: Int
    public var residualEvaluations: Int
    public var jacobianEvaluations: Int
    /// The scaled projected gradient measure at `parameters` (see `gradientTolerance`).
    public var scaledGradient: Double
}
