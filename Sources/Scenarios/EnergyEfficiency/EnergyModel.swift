import AntennaModels
import Foundation

/// The two-stage energy model and the energy efficiency of the `ee` paper (eqs. (7)–(9), (13), (15)).
///
/// Stage 1 (movement, duration τ): the BS is idle, only the motors draw power; antenna n runs for
/// τ_n = |x_n − x̃_n|/v at power P_MA(v), so E_mech = Σ_n P_MA(v)·τ_n = F(v)·Σ_n |x_n − x̃_n| with
/// F(v) = T_po(v/r)/r in J/m. Stage 2 (transmission, duration T − τ): the BS draws
/// P_BS = Σ_k‖w_k‖²/η + P_c (8). The energy efficiency (13), in bit/Hz/J, is
///
///     EE = (T − τ)·Σ_k R_k / (E_mech + (T − τ)·P_BS) = Σ_k R_k / (P_BS + E_mech/(T − τ)),
///
/// and EE = 0 when τ ≥ T (energy spent, no time left to transmit). The second form is the one
/// evaluated: it stays finite for T = ∞, where it becomes the conventional EE (15), Σ_k R_k / P_BS.
/// P̄ = P_c + E_mech/(T − τ) is the "effective static power" of the single-user inner layer (§4.1).
public struct EnergyModel: Sendable, Hashable {
    public let motor: StepperMotor
    /// The common moving speed v in m/s (Proposition 2: v_max is optimal).
    public let speed: Double
    /// Δ in m, to turn grid steps into metres.
    public let stepSize: Double
    /// P_c in W.
    public let circuitPower: Double
    /// η in (0, 1].
    public let amplifierEfficiency: Double
    /// T in s (may be +∞).
    public let coherenceTime: Double
    /// F(v) = T_po(v/r)/r: mechanical energy per metre moved at speed v, in J/m.
    public let energyPerMetre: Double

    public init(motor: StepperMotor, speed: Double, stepSize: Double, circuitPower: Double,
                amplifierEfficiency: Double, coherenceTime: Double) {
        precondition(speed > 0 && stepSize > 0 && circuitPower >= 0 && amplifierEfficiency > 0 && coherenceTime > 0)
        self.motor = motor
        self.speed = speed
        self.stepSize = stepSize
        self.circuitPower = circuitPower
        self.amplifierEfficiency = amplifierEfficiency
        self.coherenceTime = coherenceTime
        self.energyPerMetre = motor.energyPerMetre(linearSpeed: speed)
    }

    /// The same model at another speed (Proposition 2 compares speeds).
    public func at(speed v: Double) -> EnergyModel {
        EnergyModel(motor: motor, speed: v, stepSize: stepSize, circuitPower: circuitPower,
                    amplifierEfficiency: amplifierEfficiency, coherenceTime: coherenceTime)
    }

    /// The same model with another coherence time.
    public func with(coherenceTime t: Double) -> EnergyModel {
        EnergyModel(motor: motor, speed: speed, stepSize: stepSize, circuitPower: circuitPower,
                    amplifierEfficiency: amplifierEfficiency, coherenceTime: t)
    }

    /// E_mech = F(v)·(total displacement in m), in J.
    @inlinable
    public func mechanicalEnergy(totalDisplacement metres: Double) -> Double { energyPerMetre * metres }

    /// τ = (maximum displacement in m)/v, in s.
    @inlinable
    public func movementDelay(maximumDisplacement metres: Double) -> Double { metres / speed }

    /// P_BS = p/η + P_c (8), for total transmit power p = Σ‖w_k‖² in W.
    @inlinable
    public func basePower(transmitPower p: Double) -> Double { p / amplifierEfficiency + circuitPower }

    /// P̄ = P_c + E_mech/(T − τ) in W, for displacements in metres; +∞ when τ ≥ T.
    @inlinable
    public func effectiveStaticPower(totalDisplacement: Double, maximumDisplacement: Double) -> Double {
        if totalDisplacement == 0 { return circuitPower }
        let remaining = coherenceTime - movementDelay(maximumDisplacement: maximumDisplacement)
        guard remaining > 0 else { return .infinity }
        return circuitPower + mechanicalEnergy(totalDisplacement: totalDisplacement) / remaining
    }

    /// P̄ for a grid move given in whole steps.
    @inlinable
    public func effectiveStaticPower(_ steps: StepDisplacement) -> Double {
        effectiveStaticPower(totalDisplacement: Double(steps.total) * stepSize,
                             maximumDisplacement: Double(steps.maximum) * stepSize)
    }

    /// EE (13) in bit/Hz/J: Σ_k R_k / (p/η + P̄); 0 when τ ≥ T.
    public func energyEfficiency(sumRate: Double, transmitPower p: Double, totalDisplacement: Double,
                                 maximumDisplacement: Double) -> Double {
        let staticPower = effectiveStaticPower(totalDisplacement: totalDisplacement,
                                               maximumDisplacement: maximumDisplacement)
        guard staticPower.isFinite else { return 0 }
        return sumRate / (p / amplifierEfficiency + staticPower)
    }

    /// EE (13) for a grid move given in whole steps.
    public func energyEfficiency(sumRate: Double, transmitPower p: Double, displacement: StepDisplacement) -> Double {
        energyEfficiency(sumRate: sumRate, transmitPower: p, totalDisplacement: Double(displacement.total) * stepSize,
                         maximumDisplacement: Double(displacement.maximum) * stepSize)
    }

    /// EE (13) in its literal energy form (T − τ)·Σ R / (E_mech + (T − τ)·P_BS); finite T only. Kept to
    /// show that the evaluated form is the same quantity.
    public func literalEnergyEfficiency(sumRate: Double, transmitPower p: Double, totalDisplacement: Double,
                                        maximumDisplacement: Double) -> Double {
        let remaining = coherenceTime - movementDelay(maximumDisplacement: maximumDisplacement)
        guard remaining > 0 else { return 0 }
        let energy = mechanicalEnergy(totalDisplacement: totalDisplacement) + remaining * basePower(transmitPower: p)
        return remaining * sumRate / energy
    }

    /// The conventional EE (15), Σ_k R_k / P_BS: no mechanical energy, no delay.
    public func conventionalEnergyEfficiency(sumRate: Double, transmitPower p: Double) -> Double {
        sumRate / basePower(transmitPower: p)
    }
}

extension EnergyModel {
    /// log2(1 + snr) in bit/s/Hz, via log1p so that low-SNR rates keep full relative precision.
    @inlinable
    public static func rate(snr: Double) -> Double { Foundation.log1p(snr) / M_LN2 }
}
