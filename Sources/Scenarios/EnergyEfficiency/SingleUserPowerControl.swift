import Foundation

/// The single-user inner layer (P3-1), eqs. (21)–(27): the optimal beamformer for fixed positions.
///
/// With w = √p·w̄ and ‖w̄‖ = 1, MRT w̄ = cᴴ/‖c‖ is optimal for every p (22), leaving the scalar fractional
/// programme max_{0 ≤ p ≤ P_max} log2(1 + γp)/(p/η + P̄), with γ = ‖c‖²/σ² and P̄ = P_c + E_mech/(T − τ).
/// Dinkelbach's algorithm (Algorithm 1) solves it: at λ_i the subtractive problem
/// F(p; λ_i) = log2(1 + γp) − λ_i(p/η + P̄) (23) is concave with the closed-form maximiser
/// p_i = min{P_max, [η/(λ_i ln 2) − 1/γ]⁺} (25)–(26), and λ_{i+1} = log2(1 + γp_i)/(p_i/η + P̄) (24).
public struct SingleUserPowerControl: Sendable, Hashable {
    /// P_max in W.
    public var maxPower: Double
    /// η.
    public var amplifierEfficiency: Double
    /// ε_D: stop when F(p_i; λ_i) < ε_D·max(1, λ_i).
    public var tolerance: Double
    public var maxIterations: Int

    public init(maxPower: Double, amplifierEfficiency: Double = 1, tolerance: Double = 1e-9, maxIterations: Int = 50) {
        precondition(maxPower >= 0 && amplifierEfficiency > 0 && tolerance > 0 && maxIterations >= 1)
        self.maxPower = maxPower
        self.amplifierEfficiency = amplifierEfficiency
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    public struct Solution: Sendable, Hashable {
        /// p* in W.
        public var power: Double
        /// EE(p*) = log2(1 + γp*)/(p*/η + P̄), in bit/Hz/J (the final λ).
        public var energyEfficiency: Double
        /// log2(1 + γp*) in bit/s/Hz.
        public var rate: Double
        /// Subproblems (23) solved.
        public var iterations: Int
    }

    /// The EE of power p: log2(1 + γp)/(p/η + P̄).
    public func energyEfficiency(power p: Double, gain: Double, staticPower: Double) -> Double {
        EnergyModel.rate(snr: gain * p) / (p / amplifierEfficiency + staticPower)
    }

    /// Dinkelbach from λ_0 = 0 (so p_0 = P_max).
    /// Degenerate inputs: γ ≤ 0 gives p = 0, EE = 0; P̄ = ∞ (τ ≥ T) gives p = 0, EE = 0.
    /// - Parameters: gain γ = ‖c‖²/σ² (1/W); staticPower P̄ (W).
    public func solve(gain: Double, staticPower: Double) -> Solution {
        var noTrace: [Double]? = nil
        return solve(gain: gain, staticPower: staticPower, trace: &noTrace)
    }

    /// Dinkelbach as above; a non-nil `trace` receives λ_0 = 0, λ_1, …, λ_final.
    public func solve(gain: Double, staticPower: Double, trace: inout [Double]?) -> Solution {
        guard gain > 0, staticPower.isFinite, maxPower > 0 else {
            trace?.append(0)
            return Solution(power: 0, energyEfficiency: 0, rate: 0, iterations: 0)
        }
        let eta = amplifierEfficiency
        var lambda = 0.0
        trace?.append(lambda)
        var iterations = 0
        var power = maxPower
        var polishing = false
        while true {
            // (25)–(26): the maximiser of F(·; λ); λ = 0 makes it P_max.
            if lambda > 0 {
                let unconstrained = eta / (lambda * M_LN2) - 1 / gain
                power = min(maxPower, max(0, unconstrained))
            } else {
                power = maxPower
            }
            iterations += 1
            let rate = EnergyModel.rate(snr: gain * power)
            let denominator = power / eta + staticPower
            let f = rate - lambda * denominator  // F(p_i; λ_i) ≥ 0
            let next = rate / denominator      // λ_{i+1} (24)
            trace?.append(next)
            if polishing || iterations >= maxIterations {
                return Solution(power: power, energyEfficiency: next, rate: rate, iterations: iterations)
            }
            // Stopping rule of specs §4.1. When it fires, λ_{i+1} is within ~ε_D of the optimum but p_i was
            // computed from the older λ_i; one more closed-form step (one logarithm) turns the ~ε_D accuracy
            // into ~ε_D² (the iteration is Newton's method on λ ↦ max_p F(p; λ)), so p* agrees with the
            // Lambert-W form to 1e-9 even when P̄ is small.
            if f < tolerance * max(1, lambda) { polishing = true }
            lambda = next
        }
    }

    /// The same optimum in closed form (specs §4.1): with u = 1 + γp the stationarity condition is
    /// ln u = 1 + c0/u, c0 = γηP̄ − 1, solved by u = c0/W₀(c0/e); p* = min(P_max, (u − 1)/γ).
    /// Used as a cross-check of Dinkelbach.
    public func closedFormPower(gain: Double, staticPower: Double) -> Double {
        min(maxPower, Self.unconstrainedPower(gain: gain, staticPower: staticPower, amplifierEfficiency: amplifierEfficiency))
    }

    /// p_EE = (c0/W₀(c0/e) − 1)/γ, the EE-optimal power without the P_max cap (∞ if γ ≤ 0 is not allowed).
    public static func unconstrainedPower(gain: Double, staticPower: Double, amplifierEfficiency eta: Double = 1) -> Double {
        precondition(gain > 0 && staticPower >= 0)
        let c0 = gain * eta * staticPower - 1
        // c0/W₀(c0/e) → e as c0 → 0 (W₀(y) ≈ y − y²).
        let u = c0 == 0 ? M_E : c0 / LambertW.principal(c0 / M_E)
        return max(0, (u - 1) / gain)
    }
}
