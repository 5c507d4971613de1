import AntennaModels
import Foundation
import Randomness

/// Every model and algorithm parameter of the `ee` paper (Wei, Mei, Huang, Chen, Ning, arXiv 2509.24433)
/// with the defaults of specs/ee.md §2. Provenance follows that table: FOUND (stated in a source),
/// DERIVED (computed by the rule given), ASSUMED (our choice, reason given). Plain values only; the
/// scenario's parameter table maps YAML names onto these fields.
public struct EnergyEfficiencyParameters: Sendable, Hashable {
    // MARK: Array and grid

    /// λ, carrier wavelength in m. ASSUMED 0.1 m (3 GHz): the text says "λ = ? meter"; a common MA choice.
    public var wavelength: Double = 0.1
    /// A/λ, length of the movable line in wavelengths. ASSUMED 6 (A = 0.6 m): with the grid below it gives
    /// N_max = 12 exactly, matching the text's "approaches 12" (specs §2.1).
    public var arrayLengthInWavelengths: Double = 6
    /// d_min/λ, minimum inter-antenna spacing (eq. (2)) in wavelengths. ASSUMED 0.5 (standard; the initial
    /// spacing is λ/2 per the text); quantised up to s = 48 steps = 50.27 mm (DERIVED, specs §2.1).
    public var minimumSpacingInWavelengths: Double = 0.5
    /// N, number of movable antennas at the BS. ASSUMED 6 (Figs. 5–7, 10–12); Fig. 8 uses 4.
    public var antennas: Int = 6
    /// K, number of single-antenna users. ASSUMED 4 for the multi-user figures; the single-user
    /// figures (4–9) set K = 1, which `EnergyEfficiencySingleUser` requires.
    public var users: Int = 4

    // MARK: Channel

    /// L, paths per user. ASSUMED 10 (typical for MA papers).
    public var paths: Int = 10
    /// C0, path gain at 1 m, in dB. ASSUMED −30 dB.
    public var referencePathGainDB: Double = -30
    /// α, path-loss exponent. ASSUMED 2.8.
    public var pathLossExponent: Double = 2.8
    /// Lower end of the BS–user distance d_k ~ U[20, 100] m. FOUND (seed text).
    public var minimumDistance: Double = 20
    /// Upper end of the BS–user distance d_k ~ U[20, 100] m. FOUND (seed text).
    public var maximumDistance: Double = 100
    /// σ², receiver noise power, in dBm. ASSUMED −80 dBm.
    public var noisePowerDBm: Double = -80

    // MARK: Power and time

    /// P_c, BS static circuit power, in dBm. ASSUMED 30 dBm (1 W).
    public var circuitPowerDBm: Double = 30
    /// P_max, BS maximum transmit power, in dBm. ASSUMED 30 dBm (1 W); Fig. 11 sweeps it.
    public var maxTransmitPowerDBm: Double = 30
    /// η, power-amplifier efficiency (P_BS = Σ‖w_k‖²/η + P_c). ASSUMED 1: the text's (8) names only the
    /// transmit power and P_c.
    public var amplifierEfficiency: Double = 1
    /// T, coherence-block duration, in s. ASSUMED 1 s (the text says "T = ? s"); Figs. 8 and 12 sweep it.
    public var coherenceTime: Double = 1

    // MARK: Motor

    /// The stepper motor and lead screw. FOUND: Faulhaber AM2224 (ref. [43]) with 24 full steps/rev
    /// (15° step); DERIVED: N_r = 6, Δ = θ_s·r = 1.0472 mm; ASSUMED: V = 5 V, R = 12.5 Ω,
    /// L_ph = 7.5 mH, Ψ_M = 4 mWb, r = 4 mm (specs §2, §3.2).
    public var motor: StepperMotor = .am2224
    /// ω_max, maximum loaded angular speed, in rad/s. ASSUMED 200 rad/s (≈ 0.635·ω₀; the text requires
    /// ω_max < ω₀). DERIVED from it: v_max = ω_max·r = 0.8 m/s, F_max = T_po(ω_max)/r = 0.4303 J/m.
    public var maxAngularSpeed: Double = 200

    // MARK: Algorithms

    /// J_max, rounds of the sequential position update (Algorithm 2). ASSUMED 20 (it stops earlier when
    /// a round moves no antenna; 2–4 rounds are typical).
    public var maxRounds: Int = 20
    /// ε_D: Dinkelbach stops when F(p_i; λ_i) < ε_D·max(1, λ_i). ASSUMED 1e-9 (specs §4.1).
    public var dinkelbachTolerance: Double = 1e-9
    /// Dinkelbach iteration cap. ASSUMED 50 (specs §4.1; it converges in ≤ 10).
    public var dinkelbachMaxIterations: Int = 50

    /// PSO swarm size S. ASSUMED 20 (specs §6.4: calibrated so that PSO < Proposed and PSO moves less).
    public var swarmSize: Int = 20
    /// PSO iterations I. ASSUMED 30 (specs §6.4).
    public var swarmIterations: Int = 30
    /// PSO acceleration coefficients c1 = c2. ASSUMED 1.4 (specs §6.4).
    public var swarmAcceleration: Double = 1.4
    /// PSO inertia weight at the first iteration; it decreases linearly to `swarmFinalInertia` at the last.
    /// ASSUMED 0.9 (specs §6.4: ω_it = 0.9 − 0.5·it/(I−1)).
    public var swarmInitialInertia: Double = 0.9
    /// PSO inertia weight at the last iteration. ASSUMED 0.4 (specs §6.4).
    public var swarmFinalInertia: Double = 0.4
    /// PSO velocity clamp as a fraction of each coordinate's box width. ASSUMED 0.2 (specs §6.4).
    public var swarmVelocityClamp: Double = 0.2
    /// ϖ, PSO fitness penalty per adjacent sorted pair closer than d_min, in bit/Hz/J. ASSUMED 10 (specs §6.4).
    public var swarmSpacingPenalty: Double = 10

    public init() {}

    /// The defaults with K = 1 (the single-user figures).
    public static var singleUser: EnergyEfficiencyParameters {
        var p = EnergyEfficiencyParameters()
        p.users = 1
        return p
    }

    // MARK: Derived quantities (SI units)

    /// A = (A/λ)·λ, in m.
    public var arrayLength: Double { arrayLengthInWavelengths * wavelength }
    /// d_min in m.
    public var minimumSpacing: Double { minimumSpacingInWavelengths * wavelength }
    /// v_max = ω_max·r, in m/s (Proposition 2: every scheme moves at v_max).
    public var maxSpeed: Double { motor.linearSpeed(angularSpeed: maxAngularSpeed) }
    /// Δ = θ_s·r, in m.
    public var stepSize: Double { motor.stepSize }
    /// C0 as a linear power gain.
    public var referencePathGain: Double { Self.decibelsToLinear(referencePathGainDB) }
    /// σ² in W.
    public var noisePower: Double { Self.dBmToWatts(noisePowerDBm) }
    /// P_c in W.
    public var circuitPower: Double { Self.dBmToWatts(circuitPowerDBm) }
    /// P_max in W.
    public var maxTransmitPower: Double { Self.dBmToWatts(maxTransmitPowerDBm) }

    /// The discrete array geometry at speed v_max (specs §2.1); throws when N > N_max.
    public func geometry() throws(MovableArrayGeometry.ConfigurationError) -> MovableArrayGeometry {
        try MovableArrayGeometry(length: arrayLength, stepSize: stepSize, minimumSpacing: minimumSpacing,
                                 reach: maxSpeed * coherenceTime, antennas: antennas)
    }

    /// The energy model at the common speed v_max.
    public var energyModel: EnergyModel {
        EnergyModel(motor: motor, speed: maxSpeed, stepSize: stepSize, circuitPower: circuitPower,
                    amplifierEfficiency: amplifierEfficiency, coherenceTime: coherenceTime)
    }

    /// Draws one channel realization from `stream` in the order documented on `FieldResponseChannel`.
    public func drawChannel(from stream: inout RandomStream) -> FieldResponseChannel {
        FieldResponseChannel.draw(users: users, paths: paths, distanceRange: minimumDistance...maximumDistance,
                                  referenceGain: referencePathGain, exponent: pathLossExponent,
                                  wavelength: wavelength, from: &stream)
    }

    /// A reason the combination cannot be simulated, or nil. Checks ranges the type system does not.
    public var violation: String? {
        if let motorProblem = motor.modelViolation { return motorProblem }
        if !(wavelength > 0) { return "wavelength must be positive" }
        if !(arrayLengthInWavelengths >= 0) { return "array length must be non-negative" }
        if !(minimumSpacingInWavelengths > 0) { return "minimum spacing must be positive" }
        if antennas < 1 { return "at least one antenna is needed" }
        if users < 1 { return "at least one user is needed" }
        if paths < 1 { return "at least one path is needed" }
        if !(minimumDistance > 0 && maximumDistance >= minimumDistance) { return "need 0 < minimum ≤ maximum distance" }
        if !(amplifierEfficiency > 0 && amplifierEfficiency <= 1) { return "amplifier efficiency must lie in (0, 1]" }
        if !(coherenceTime > 0) { return "coherence time must be positive" }
        if !(maxAngularSpeed > 0 && maxAngularSpeed < motor.noLoadSpeed) {
            return "max angular speed must lie in (0, ω₀ = \(motor.noLoadSpeed)) rad/s"
        }
        if maxRounds < 1 || dinkelbachMaxIterations < 1 { return "iteration limits must be positive" }
        if !(dinkelbachTolerance > 0) { return "the Dinkelbach tolerance must be positive" }
        if swarmSize < 1 || swarmIterations < 1 { return "PSO needs at least one particle and one iteration" }
        do { _ = try geometry() } catch { return error.description }
        return nil
    }
}

extension EnergyEfficiencyParameters {
    /// 10^(dB/10).
    public static func decibelsToLinear(_ dB: Double) -> Double { Foundation.pow(10, dB / 10) }

    /// P_W = 10^((dBm − 30)/10).
    public static func dBmToWatts(_ dBm: Double) -> Double { Foundation.pow(10, (dBm - 30) / 10) }
}
