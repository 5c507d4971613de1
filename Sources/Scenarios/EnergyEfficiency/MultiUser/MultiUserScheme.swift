/// The multi-user schemes of the `ee` paper (specs/ee.md §5, §6) and the method of their W-step.
///
/// The paper's scheme names (`sequential-update`, `pso`, `conventional-ee`, `fixed-position`) run the
/// paper's W-step: Dinkelbach + SCA with the convex subproblem (38). The same schemes with the suffix
/// `-wmmse` run the fast substitute of specs/ee.md §5.2 b (WMMSE with a power penalty) instead — an
/// explicit, documented deviation that is never used in place of the paper's method silently.
/// `sum-rate` (WMMSE at full power, ref. [44]) and `zero-forcing` (closed form) have no such W-step.
public enum MultiUserScheme: String, CaseIterable, Sendable {
    /// Proposed: AO of the W-step and the x-step from two starts (Algorithm 4, specs §5.4).
    case proposed = "sequential-update"
    /// PSO over continuous positions with a ZF surrogate fitness, quantised, then the W-step (§6.4).
    case particleSwarm = "pso"
    /// The same AO on the conventional EE (15); the true EE is reported (§6.2).
    case conventionalEE = "conventional-ee"
    /// AO of WMMSE at full power and the x-step on the sum rate (§6.3).
    case sumRate = "sum-rate"
    /// x = x̃ and the W-step (§6.1).
    case fixedPosition = "fixed-position"
    /// Zero forcing with Dinkelbach power allocation, positions by the two-layer sequential update (§6.5).
    case zeroForcing = "zero-forcing"

    /// What the scheme's own search maximises.
    public var objective: MultiUserObjective {
        switch self {
        case .proposed, .particleSwarm, .fixedPosition, .zeroForcing: return .energyEfficiency
        case .conventionalEE: return .conventionalEnergyEfficiency
        case .sumRate: return .sumRate
        }
    }

    /// Whether the scheme runs the EE W-step (Dinkelbach + subproblem method).
    public var usesPrecoderStep: Bool {
        switch self {
        case .proposed, .particleSwarm, .conventionalEE, .fixedPosition: return true
        case .sumRate, .zeroForcing: return false
        }
    }

    public var isRandomized: Bool { self == .particleSwarm }

    /// Suffix of the scheme names that use the WMMSE substitute W-step.
    public static let fastSuffix = "-wmmse"

    /// The scheme and W-step method a YAML scheme name stands for, or nil. Paper names map to SCA.
    public static func parse(_ name: String) -> (scheme: MultiUserScheme, method: PrecoderStepMethod)? {
        if let scheme = MultiUserScheme(rawValue: name) { return (scheme, .successiveConvexApproximation) }
        if name.hasSuffix(fastSuffix), let scheme = MultiUserScheme(rawValue: String(name.dropLast(fastSuffix.count))),
           scheme.usesPrecoderStep {
            return (scheme, .weightedMMSE)
        }
        return nil
    }

    /// The YAML name of the scheme with a W-step method (the paper's name for SCA).
    public func name(method: PrecoderStepMethod) -> String {
        usesPrecoderStep && method == .weightedMMSE ? rawValue + Self.fastSuffix : rawValue
    }
}

/// Iteration limits and tolerances of the multi-user algorithms (specs/ee.md §5.1–§5.4, §6.3).
/// Every default is ASSUMED as stated in the spec (the paper's values are lost).
public struct MultiUserOptions: Sendable, Hashable {
    /// AO (Algorithm 4): at most 10 iterations, stop when EE improves by < 1e-4 relative (§5.4).
    public var alternatingMaxIterations = 10
    public var alternatingTolerance = 1e-4
    /// W-step Dinkelbach: stop when λ_{i+1} − λ_i < 1e-6·λ_i, at most 20 iterations (§5.1).
    public var precoderDinkelbachTolerance = 1e-6
    public var precoderDinkelbachMaxIterations = 20
    /// SCA (Algorithm 3 inner loop): stop when the objective of (38) rises by < 1e-5 relative, at most 30 (§5.2).
    public var scaTolerance = 1e-5
    public var scaMaxIterations = 30
    /// WMMSE-penalty substitute: stop when the penalised objective changes by < 1e-7 (§5.2 b); iteration cap
    /// (ASSUMED 500: the spec gives none. From the ZF start a run needs ~5 iterations; from the MRT start,
    /// at the default SNR, ~180 on average and the cap is reached in some runs — that start rarely wins).
    public var wmmseTolerance = 1e-7
    public var wmmseMaxIterations = 500
    /// SM's WMMSE at full power: stop when the sum rate changes by < 1e-6 relative (§6.3); same cap.
    public var sumRateTolerance = 1e-6

    public init() {}

    /// A reason the options cannot be used, or nil.
    public var violation: String? {
        if alternatingMaxIterations < 1 || precoderDinkelbachMaxIterations < 1 || scaMaxIterations < 1
            || wmmseMaxIterations < 1 {
            return "multi-user iteration limits must be positive"
        }
        if !(alternatingTolerance >= 0 && precoderDinkelbachTolerance >= 0 && scaTolerance >= 0
             && wmmseTolerance >= 0 && sumRateTolerance >= 0) {
            return "multi-user tolerances must be non-negative"
        }
        return nil
    }
}
