/// The solution methods and benchmarks of the `ee` paper, by their YAML scheme names.
public enum EnergyEfficiencyScheme: String, CaseIterable, Sendable {
    /// Proposed (single user): Dinkelbach inner layer + multi-round sequential update (Algorithm 2).
    case sequentialUpdate = "sequential-update"
    /// Benchmark 1 (ref. [41]): PSO over continuous positions, then quantised to the grid (specs §6.4).
    case particleSwarm = "pso"
    /// Benchmark 2: optimise ignoring the mechanical power (conventional EE (15)), report the true EE.
    case conventionalEE = "conventional-ee"
    /// Benchmark 3: sum-rate maximisation (single user: max channel gain, full power), true EE reported.
    case sumRate = "sum-rate"
    /// Benchmark 4: antennas stay at x̃; Dinkelbach power.
    case fixedPosition = "fixed-position"

    /// Whether the scheme draws from an algorithm stream (and so needs one).
    public var isRandomized: Bool { self == .particleSwarm }
}

/// Per-realization quantities a scheme reports (the engine averages each into one curve file).
public enum EnergyEfficiencyMetric: String, CaseIterable, Sendable {
    /// The true EE (13), after renumbering, in bit/Hz/J.
    case energyEfficiency = "energy_efficiency_bits_per_joule"
    /// The conventional EE (15) Σ R / P_BS at the same positions and power, in bit/Hz/J.
    case conventionalEnergyEfficiency = "conventional_energy_efficiency_bits_per_joule"
    /// Σ_k R_k in bit/s/Hz.
    case sumRate = "sum_rate_bits_per_second_per_hz"
    /// Σ_n |x_n − x̃_n| after renumbering, in m.
    case totalDisplacement = "total_displacement_m"
    /// τ = max_n |x_n − x̃_n| / v_max, in s.
    case movementDelay = "movement_delay_s"
    /// E_mech = F_max·Σ_n |x_n − x̃_n|, in J.
    case mechanicalEnergy = "mechanical_energy_j"
    /// Σ_k ‖w_k‖², in W.
    case transmitPower = "transmit_power_w"
    /// Outer iterations: sequential-update rounds (ConvEE/SM: of their gain search), PSO iterations,
    /// 0 for FPA.
    case iterations = "iterations"

    public var unit: String {
        switch self {
        case .energyEfficiency, .conventionalEnergyEfficiency: return "bit/Hz/J"
        case .sumRate: return "bit/s/Hz"
        case .totalDisplacement: return "m"
        case .movementDelay: return "s"
        case .mechanicalEnergy: return "J"
        case .transmitPower: return "W"
        case .iterations: return ""
        }
    }
}
