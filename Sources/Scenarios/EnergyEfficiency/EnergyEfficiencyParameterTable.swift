import AntennaModels
import ScenarioKit

/// The `ee` parameters as YAML sees them (specs/ee.md §2): names with units, domains, defaults and
/// provenance. `model(_:)` maps them onto `EnergyEfficiencyParameters`, whose fields document the
/// reasoning behind each default.
enum EnergyEfficiencyParameterTable {
    static let all: [ParameterSpec] = [
        // Array, grid and channel.
        ParameterSpec("wavelength_m", unit: "m", .real(.positive), default: .real(0.1), .assumed,
                      "Carrier wavelength λ (3 GHz; the text says 'λ = ? meter')"),
        ParameterSpec("array_length_wavelengths", unit: "λ", .real(.nonNegative), default: .real(6), .assumed,
                      "Length A/λ of the movable line (A = 0.6 m gives N_max = 12, matching 'approaches 12')"),
        ParameterSpec("min_spacing_wavelengths", unit: "λ", .real(.positive), default: .real(0.5), .assumed,
                      "Minimum inter-antenna spacing d_min/λ (quantised up to 48 motor steps)"),
        ParameterSpec("antennas", .integer(1...64), default: .integer(6), .assumed, "Number N of movable antennas"),
        ParameterSpec("users", .integer(1...16), default: .integer(4), .assumed,
                      "Number K of single-antenna users (single-user figures set 1)"),
        ParameterSpec("paths", .integer(1...64), default: .integer(10), .assumed, "Paths L per user (typical for MA papers)"),
        ParameterSpec("reference_path_gain_dB", unit: "dB", .real(.any), default: .real(-30), .assumed, "Path gain C0 at 1 m"),
        ParameterSpec("path_loss_exponent", .real(.positive), default: .real(2.8), .assumed, "Path-loss exponent α"),
        ParameterSpec("min_distance_m", unit: "m", .real(.positive), default: .real(20), .found,
                      "Lower end of the BS–user distance d ~ U[20, 100] m (seed text)"),
        ParameterSpec("max_distance_m", unit: "m", .real(.positive), default: .real(100), .found,
                      "Upper end of the BS–user distance d ~ U[20, 100] m (seed text)"),
        ParameterSpec("noise_power_dBm", unit: "dBm", .real(.any), default: .real(-80), .assumed, "Noise power σ²"),
        // Power and time.
        ParameterSpec("circuit_power_dBm", unit: "dBm", .real(.any), default: .real(30), .assumed, "BS static circuit power P_c"),
        ParameterSpec("max_transmit_power_dBm", unit: "dBm", .real(.any), default: .real(30), .assumed,
                      "BS maximum transmit power P_max"),
        ParameterSpec("amplifier_efficiency", .real(RealRange(0, 1, lowerOpen: true)), default: .real(1), .assumed,
                      "PA efficiency η (eq. (8) names only p and P_c)"),
        ParameterSpec("coherence_time_s", unit: "s", .real(.positive), default: .real(1), .assumed,
                      "Coherence-block duration T (the text says 'T = ? s')"),
        // Motor (Fig. 4 and the mechanical energy).
        ParameterSpec("steps_per_revolution", .integer(4...100_000), default: .integer(24), .found,
                      "Full steps per motor revolution (AM2224: 24, a 15° step; specs §0)"),
        ParameterSpec("flux_linkage_Wb", unit: "Wb", .real(.positive), default: .real(4e-3), .assumed,
                      "Peak magnet flux linkage per winding Ψ_M (9.6 mN·m holding torque)"),
        ParameterSpec("phase_voltage_V", unit: "V", .real(.positive), default: .real(5), .assumed,
                      "Phase supply voltage amplitude V (AM2224-class)"),
        ParameterSpec("phase_resistance_ohm", unit: "Ω", .real(.positive), default: .real(12.5), .assumed,
                      "Phase resistance R (AM-series typical)"),
        ParameterSpec("phase_inductance_H", unit: "H", .real(.positive), default: .real(7.5e-3), .assumed,
                      "Phase inductance L (electrical time constant L/R = 0.6 ms)"),
        ParameterSpec("screw_radius_m", unit: "m", .real(.positive), default: .real(4e-3), .assumed,
                      "Lead-screw outer radius r: linear speed v = ω·r"),
        ParameterSpec("max_angular_speed_rad_per_s", unit: "rad/s", .real(.positive), default: .real(200), .assumed,
                      "Maximum loaded angular speed ω_max < ω₀ (v_max = 0.8 m/s; Proposition 2: all schemes move at v_max)"),
        ParameterSpec("load_speed_mps", unit: "m/s", .real(.nonNegative), default: .real(0.8), .derived,
                      "Load speed v of the motor characteristic (default v_max = ω_max·r)"),
        // Algorithms.
        ParameterSpec("max_rounds", .integer(1...1000), default: .integer(20), .assumed,
                      "Rounds J_max of the sequential position update (stops earlier when nothing moves)"),
        ParameterSpec("dinkelbach_tolerance", .real(.positive), default: .real(1e-9), .assumed,
                      "Dinkelbach stops when F(λ) < ε·max(1, λ) (specs §4.1)"),
        ParameterSpec("dinkelbach_max_iterations", .integer(1...10_000), default: .integer(50), .assumed,
                      "Dinkelbach iteration cap (converges in ≤ 10)"),
        ParameterSpec("pso_swarm_size", .integer(1...10_000), default: .integer(20), .assumed, "PSO particles (specs §6.4)"),
        ParameterSpec("pso_iterations", .integer(1...100_000), default: .integer(30), .assumed, "PSO iterations (specs §6.4)"),
        ParameterSpec("pso_acceleration", .real(.nonNegative), default: .real(1.4), .assumed, "PSO c1 = c2 (specs §6.4)"),
        ParameterSpec("pso_initial_inertia", .real(.nonNegative), default: .real(0.9), .assumed, "PSO inertia at the first iteration"),
        ParameterSpec("pso_final_inertia", .real(.nonNegative), default: .real(0.4), .assumed, "PSO inertia at the last iteration"),
        ParameterSpec("pso_velocity_clamp", .real(.positive), default: .real(0.2), .assumed,
                      "PSO velocity limit as a fraction of the box width"),
        ParameterSpec("pso_spacing_penalty", unit: "bit/Hz/J", .real(.nonNegative), default: .real(10), .assumed,
                      "PSO fitness penalty per pair closer than d_min"),
        // Multi-user algorithms (specs §5, §6.3); the paper's values are lost, these are the spec's choices.
        ParameterSpec("ao_max_iterations", .integer(1...1000), default: .integer(10), .assumed,
                      "Multi-user AO (Algorithm 4) iteration cap (specs §5.4)"),
        ParameterSpec("ao_tolerance", .real(.nonNegative), default: .real(1e-4), .assumed,
                      "Multi-user AO stops when the objective improves by less than this, relative (specs §5.4)"),
        ParameterSpec("precoder_dinkelbach_tolerance", .real(.nonNegative), default: .real(1e-6), .assumed,
                      "Precoder-step Dinkelbach stops when λ rises by less than this, relative (specs §5.1)"),
        ParameterSpec("precoder_dinkelbach_max_iterations", .integer(1...10_000), default: .integer(20), .assumed,
                      "Precoder-step Dinkelbach iteration cap (specs §5.1)"),
        ParameterSpec("sca_tolerance", .real(.nonNegative), default: .real(1e-5), .assumed,
                      "SCA stops when the objective of (38) rises by less than this, relative (specs §5.2)"),
        ParameterSpec("sca_max_iterations", .integer(1...10_000), default: .integer(30), .assumed,
                      "SCA iteration cap per Dinkelbach subproblem (specs §5.2)"),
        ParameterSpec("wmmse_tolerance", .real(.nonNegative), default: .real(1e-7), .assumed,
                      "WMMSE-penalty substitute (*-wmmse schemes) stops when its objective changes by less than this, relative (specs §5.2 b)"),
        ParameterSpec("wmmse_max_iterations", .integer(1...100_000), default: .integer(500), .assumed,
                      "WMMSE iteration cap per run (the spec gives none; from the ZF start runs need a few, from the MRT start often hundreds at high SNR)"),
        ParameterSpec("sum_rate_wmmse_tolerance", .real(.nonNegative), default: .real(1e-6), .assumed,
                      "SM benchmark: WMMSE at full power stops when the sum rate changes by less than this, relative (specs §6.3)"),
    ]

    static func motor(_ p: ParameterSet) -> StepperMotor {
        StepperMotor(stepsPerRevolution: p.integer("steps_per_revolution"), fluxLinkage: p.real("flux_linkage_Wb"),
                     phaseVoltage: p.real("phase_voltage_V"), phaseResistance: p.real("phase_resistance_ohm"),
                     phaseInductance: p.real("phase_inductance_H"), screwRadius: p.real("screw_radius_m"))
    }

    static func model(_ p: ParameterSet) -> EnergyEfficiencyParameters {
        var m = EnergyEfficiencyParameters()
        m.wavelength = p.real("wavelength_m")
        m.arrayLengthInWavelengths = p.real("array_length_wavelengths")
        m.minimumSpacingInWavelengths = p.real("min_spacing_wavelengths")
        m.antennas = p.integer("antennas")
        m.users = p.integer("users")
        m.paths = p.integer("paths")
        m.referencePathGainDB = p.real("reference_path_gain_dB")
        m.pathLossExponent = p.real("path_loss_exponent")
        m.minimumDistance = p.real("min_distance_m")
        m.maximumDistance = p.real("max_distance_m")
        m.noisePowerDBm = p.real("noise_power_dBm")
        m.circuitPowerDBm = p.real("circuit_power_dBm")
        m.maxTransmitPowerDBm = p.real("max_transmit_power_dBm")
        m.amplifierEfficiency = p.real("amplifier_efficiency")
        m.coherenceTime = p.real("coherence_time_s")
        m.motor = motor(p)
        m.maxAngularSpeed = p.real("max_angular_speed_rad_per_s")
        m.maxRounds = p.integer("max_rounds")
        m.dinkelbachTolerance = p.real("dinkelbach_tolerance")
        m.dinkelbachMaxIterations = p.integer("dinkelbach_max_iterations")
        m.swarmSize = p.integer("pso_swarm_size")
        m.swarmIterations = p.integer("pso_iterations")
        m.swarmAcceleration = p.real("pso_acceleration")
        m.swarmInitialInertia = p.real("pso_initial_inertia")
        m.swarmFinalInertia = p.real("pso_final_inertia")
        m.swarmVelocityClamp = p.real("pso_velocity_clamp")
        m.swarmSpacingPenalty = p.real("pso_spacing_penalty")
        return m
    }

    static func multiUserOptions(_ p: ParameterSet) -> MultiUserOptions {
        var o = MultiUserOptions()
        o.alternatingMaxIterations = p.integer("ao_max_iterations")
        o.alternatingTolerance = p.real("ao_tolerance")
        o.precoderDinkelbachTolerance = p.real("precoder_dinkelbach_tolerance")
        o.precoderDinkelbachMaxIterations = p.integer("precoder_dinkelbach_max_iterations")
        o.scaTolerance = p.real("sca_tolerance")
        o.scaMaxIterations = p.integer("sca_max_iterations")
        o.wmmseTolerance = p.real("wmmse_tolerance")
        o.wmmseMaxIterations = p.integer("wmmse_max_iterations")
        o.sumRateTolerance = p.real("sum_rate_wmmse_tolerance")
        return o
    }
}
