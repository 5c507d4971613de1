import Foundation

/// A two-phase permanent-magnet/hybrid stepper motor at constant-voltage drive, driving a lead screw.
///
/// Pull-out torque (EE paper eq. (10), re-derived by phasor analysis in Acarnley's framework, see
/// specs/ee.md §3.2): per phase, the voltage phasor V drives Z = R + j·N_r·ω·L against a back-EMF of
/// magnitude N_r·ω·Ψ_M; maximising the converted power over the load angle gives
///
///     T_po(ω) = N_r Ψ_M V / |Z| − N_r² ω Ψ_M² R / |Z|²,     |Z| = √(R² + (N_r ω L)²),
///
/// and the mechanical power is P_MA(ω) = T_po(ω)·ω (eq. (9)). Above the no-load speed ω₀ the formula
/// turns negative: the motor cannot hold synchronism there, so torque and power are reported as 0.
public struct StepperMotor: Sendable, Hashable {
    /// Full steps per revolution (24 for the AM2224: a 15° step).
    public var stepsPerRevolution: Int
    /// Peak magnet flux linkage per winding Ψ_M, in Wb.
    public var fluxLinkage: Double
    /// Amplitude of the phase supply voltage V, in V.
    public var phaseVoltage: Double
    /// Phase resistance R, in Ω.
    public var phaseResistance: Double
    /// Phase inductance L, in H.
    public var phaseInductance: Double
    /// Outer radius r of the lead screw, in m: linear speed v = ω·r.
    public var screwRadius: Double

    public init(stepsPerRevolution: Int, fluxLinkage: Double, phaseVoltage: Double, phaseResistance: Double,
                phaseInductance: Double, screwRadius: Double) {
        self.stepsPerRevolution = stepsPerRevolution
        self.fluxLinkage = fluxLinkage
        self.phaseVoltage = phaseVoltage
        self.phaseResistance = phaseResistance
        self.phaseInductance = phaseInductance
        self.screwRadius = screwRadius
    }

    /// Faulhaber AM2224 with the defaults of specs/ee.md §2 (24 steps/rev FOUND, the rest ASSUMED).
    public static let am2224 = StepperMotor(stepsPerRevolution: 24, fluxLinkage: 4e-3, phaseVoltage: 5,
                                            phaseResistance: 12.5, phaseInductance: 7.5e-3, screwRadius: 4e-3)

    /// N_r: a two-phase motor takes 4·N_r full steps per revolution.
    public var rotorTeeth: Double { Double(stepsPerRevolution) / 4 }

    /// θ_s = 2π / steps, in rad.
    public var stepAngle: Double { 2 * Double.pi / Double(stepsPerRevolution) }

    /// Δ = θ_s·r: the linear distance of one full step, in m (the candidate-grid spacing).
    public var stepSize: Double { stepAngle * screwRadius }

    /// The formula only describes a motor that can reach zero torque, i.e. Ψ_M·R > V·L
    /// (otherwise T_po never vanishes, contradicting Fig. 4(b)); nil when it holds, else the reason.
    public var modelViolation: String? {
        guard stepsPerRevolution > 0, stepsPerRevolution % 4 == 0 else {
            return "steps per revolution must be a positive multiple of 4 for a two-phase motor"
        }
        if fluxLinkage * phaseResistance <= phaseVoltage * phaseInductance {
            return "the model needs flux_linkage·phase_resistance > phase_voltage·phase_inductance "
                + "(\(fluxLinkage * phaseResistance) ≤ \(phaseVoltage * phaseInductance)): "
                + "the pull-out torque would never reach zero"
        }
        return nil
    }

    /// T_po(ω) in N·m for angular speed ω ≥ 0 in rad/s; 0 at and above the no-load speed.
    public func pullOutTorque(angularSpeed omega: Double) -> Double {
        let nr = rotorTeeth
        let r = phaseResistance
        let reactance = nr * omega * phaseInductance
        let impedanceSquared = r * r + reactance * reactance
        let torque = nr * fluxLinkage * phaseVoltage / impedanceSquared.squareRoot()
            - nr * nr * omega * fluxLinkage * fluxLinkage * r / impedanceSquared
        return max(0, torque)
    }

    /// dT_po/dω in N·m·s (Proposition 2 uses its sign); 0 above the no-load speed.
    public func pullOutTorqueSlope(angularSpeed omega: Double) -> Double {
        guard omega < noLoadSpeed else { return 0 }
        let nr = rotorTeeth
        let r = phaseResistance
        let l = phaseInductance
        let z2 = r * r + nr * nr * omega * omega * l * l
        let dz2 = 2 * nr * nr * omega * l * l
        let first = -0.5 * nr * fluxLinkage * phaseVoltage * dz2 / (z2 * z2.squareRoot())
        let second = nr * nr * fluxLinkage * fluxLinkage * r * (z2 - omega * dz2) / (z2 * z2)
        return first - second
    }

    /// P_MA(ω) = T_po(ω)·ω in W.
    public func mechanicalPower(angularSpeed omega: Double) -> Double {
        pullOutTorque(angularSpeed: omega) * omega
    }

    /// ω₀ with T_po(ω₀) = 0: V·R / (N_r·√(Ψ_M²R² − V²L²)).
    public var noLoadSpeed: Double {
        let v = phaseVoltage, r = phaseResistance, l = phaseInductance, psi = fluxLinkage
        return v * r / (rotorTeeth * (psi * psi * r * r - v * v * l * l).squareRoot())
    }

    /// Maximum power transfer: the peak of P_MA is V²/(4R), attained at ω_pk = V·R / (N_r·√(4Ψ_M²R² − V²L²)).
    public var peakPower: Double { phaseVoltage * phaseVoltage / (4 * phaseResistance) }

    public var peakPowerSpeed: Double {
        let v = phaseVoltage, r = phaseResistance, l = phaseInductance, psi = fluxLinkage
        return v * r / (rotorTeeth * (4 * psi * psi * r * r - v * v * l * l).squareRoot())
    }

    /// Linear (load) speed v = ω·r ↔ angular speed.
    public func angularSpeed(linearSpeed v: Double) -> Double { v / screwRadius }
    public func linearSpeed(angularSpeed omega: Double) -> Double { omega * screwRadius }

    /// Energy to move one metre at linear speed v, F(v) = T_po(v/r)/r in J/m (EE eq. (18)).
    public func energyPerMetre(linearSpeed v: Double) -> Double {
        pullOutTorque(angularSpeed: angularSpeed(linearSpeed: v)) / screwRadius
    }
}
