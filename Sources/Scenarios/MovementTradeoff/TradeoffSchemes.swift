extension MovementTradeoff {
    /// The solution methods and benchmarks, by their YAML scheme names.
    public enum Scheme: String, CaseIterable, Sendable {
        /// OTGM: 1-D search over τ, Algorithm 1 at every grid point, golden refinement (specs §6).
        case general = "otgm"
        /// OTFM: fitting method (specs §7); the true throughput at the fitted τ̂ is reported.
        case fitting = "otfm"
        /// Upper bound: v = ∞, T·R(r̃*) (specs §8).
        case upperBound = "upper-bound"
        /// FMD+OAD: τ fixed at τ_F, deployment by the general method (specs §8).
        case fixedDuration = "fmd-oad"
        /// Static deployment: T·R(r̃^0).
        case stationary = "static"
        /// Proposition 1 / Remark 2 quantities at r̃^0 (Fig. 7).
        case threshold = "stationarity-threshold"
        /// Two-antenna special case, closed form at τ = movement_duration_s (Fig. 2).
        case twoAntenna = "two-antenna"
        /// Two-antenna special case, the fitted growth model at τ = movement_duration_s (Fig. 2b).
        case twoAntennaFit = "two-antenna-fit"
        /// Two-antenna special case, τ* by the 1-D search (Fig. 3).
        case twoAntennaSearch = "two-antenna-search"

        /// Proposition 1 quantities at r̃^0: every main-scenario scheme reports them (they cost one gradient).
        static let thresholdMetrics: [Metric] = [.initialRate, .gradientNormSum, .speedThreshold, .timeThreshold]

        public var isTwoAntenna: Bool { [.twoAntenna, .twoAntennaFit, .twoAntennaSearch].contains(self) }

        public var summary: String {
            switch self {
            case .general: return "OTGM: τ grid + golden refinement, penalty AO (PGD + closed-form u-update) per τ (specs §6)"
            case .fitting: return "OTFM: M samples of R(τ), quadratic/sigmoid fit, τ̂ from the fit, true throughput at τ̂ (specs §7)"
            case .upperBound: return "Upper bound: instant movement (v = ∞), T·R(r̃*) (specs §8)"
            case .fixedDuration: return "FMD+OAD: fixed τ_F = fixed_duration_s, deployment by the general method (specs §8)"
            case .stationary: return "Static deployment: T·R(r̃^0) (specs §8)"
            case .threshold: return "Proposition 1 / Remark 2 at r̃^0: R0, Σ‖∇R‖, v_th, T_th (specs §9, Fig. 7)"
            case .twoAntenna: return "N = K = 2 closed form (specs §10) at τ = movement_duration_s"
            case .twoAntennaFit: return "N = K = 2: fitted growth model R̂(τ) at τ = movement_duration_s (nan beyond τ_sat; Fig. 2b)"
            case .twoAntennaSearch: return "N = K = 2: τ* and (T − τ*)R(τ*) by the 1-D search of (26a)/(27a) (Fig. 3)"
            }
        }

        public var metrics: [Metric] {
            switch self {
            case .general:
                return [.throughput, .duration, .rate, .saturationDuration, .solverCalls, .gradientEvaluations, .solveTime]
                    + Self.thresholdMetrics
            case .fitting:
                return [.throughput, .duration, .rate, .fittedThroughput, .saturationDuration, .fitModel, .solverCalls,
                        .gradientEvaluations, .solveTime] + Self.thresholdMetrics
            case .upperBound, .fixedDuration, .stationary:
                return [.throughput, .duration, .rate, .solverCalls, .gradientEvaluations, .solveTime] + Self.thresholdMetrics
            case .threshold:
                return Self.thresholdMetrics
            case .twoAntenna, .twoAntennaSearch:
                return [.throughput, .duration, .rate, .saturationDuration, .initialRate, .gradientNormSum, .speedThreshold,
                        .timeThreshold]
            case .twoAntennaFit:
                return [.throughput, .duration, .rate, .saturationDuration, .fitModel]
            }
        }
    }

    /// Per-realization quantities, in the order of `MovementTradeoffScenario.metrics`.
    public enum Metric: String, CaseIterable, Sendable {
        case throughput = "throughput_bits_per_hz"
        case duration = "movement_duration_s"
        case rate = "rate_bps_hz"
        case fittedThroughput = "fitted_throughput_bits_per_hz"
        case saturationDuration = "saturation_duration_s"
        case initialRate = "initial_rate_bps_hz"
        case gradientNormSum = "gradient_norm_sum"
        case speedThreshold = "speed_threshold_wavelengths_per_s"
        case timeThreshold = "time_threshold_s"
        case fitModel = "fit_model"
        case solverCalls = "solver_calls"
        case gradientEvaluations = "gradient_evaluations"
        case solveTime = "solve_time_s"

        public var unit: String {
            switch self {
            case .throughput, .fittedThroughput: return "bit/Hz"
            case .rate, .initialRate: return "bit/s/Hz"
            case .duration, .saturationDuration, .timeThreshold, .solveTime: return "s"
            case .gradientNormSum: return "bit/s/Hz per λ"
            case .speedThreshold: return "λ/s"
            case .fitModel, .solverCalls, .gradientEvaluations: return ""
            }
        }

        public var summary: String {
            switch self {
            case .throughput: return "Effective throughput (T − τ)·R at the scheme's τ (two-antenna-fit: with the fitted R̂)"
            case .duration: return "The scheme's movement duration τ (OTGM τ_G, OTFM τ̂, FMD τ_F; curve schemes: movement_duration_s)"
            case .rate: return "Rate R at the scheme's τ (two-antenna-fit: R̂(τ), nan beyond τ_sat)"
            case .fittedThroughput: return "OTFM: the fitted objective (T − τ̂)·R̂(τ̂) (not achievable; for comparison)"
            case .saturationDuration: return "τ_sat = min(T, max_n ‖r_n* − r_n^0‖ / v) (19)"
            case .initialRate: return "R0 = R(r̃^0)"
            case .gradientNormSum: return "S = Σ_n ‖∇_{r_n} R(r̃^0)‖ (Proposition 1)"
            case .speedThreshold: return "v_th = R0/(T·S) (28)"
            case .timeThreshold: return "T_th = R0/(v·S) (36)"
            case .fitModel: return "Fitted growth model: 0 quadratic (20), 1 sigmoid (21)"
            case .solverCalls: return "Algorithm-1 runs, including the unconstrained r̃* (deterministic cost)"
            case .gradientEvaluations: return "Gradient evaluations of tr((HᴴH)⁻¹) (deterministic cost)"
            case .solveTime: return "Wall-clock solve time of the scheme (r̃* included); varies run to run, keep it out of golden files"
            }
        }
    }

    /// One-realization tables.
    public enum Table: String, CaseIterable, Sendable {
        case positions
        case rateCurve = "rate-curve"
        case fitSamples = "fit"
        case fitModel = "fit-model"

        public var columns: [String] {
            switch self {
            case .positions: return ["antenna", "initial_x_wavelengths", "initial_y_wavelengths", "x_wavelengths", "y_wavelengths"]
            case .rateCurve: return ["tau_s", "refined", "rate_bps_hz", "throughput_bits_per_hz"]
            case .fitSamples: return ["tau_s", "rate_bps_hz", "fitted_rate_bps_hz"]
            case .fitModel:
                return ["model", "p1", "p2", "p3", "p4", "sse", "saturation_duration_s", "fitted_duration_s",
                        "throughput_bits_per_hz", "fitted_throughput_bits_per_hz"]
            }
        }

        public var schemes: [Scheme] {
            switch self {
            case .positions: return [.general, .fitting, .upperBound, .fixedDuration, .stationary]
            case .rateCurve: return [.general, .fixedDuration]
            case .fitSamples, .fitModel: return [.fitting, .twoAntennaFit]
            }
        }

        public var summary: String {
            switch self {
            case .positions: return "Initial and final positions (λ) of the scheme's deployment"
            case .rateCurve: return "Every evaluated point of the OTGM curve: τ, golden-refinement flag, R(τ), (T − τ)R(τ) (Fig. 4a)"
            case .fitSamples: return "The M samples of R(τ) and the fitted R̂ at them (Fig. 2b markers)"
            case .fitModel: return "Fitted model (0 quadratic: c, a, τ_q; 1 sigmoid: R_max, c, k, τ_0), SSE, τ_sat, τ̂, true and fitted throughput at τ̂"
            }
        }
    }
}
