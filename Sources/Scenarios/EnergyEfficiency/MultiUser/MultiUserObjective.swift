import AntennaModels
import Foundation
import Numerics

/// The objective a multi-user scheme optimises (specs/ee.md §5.4, §6.2, §6.3). Every scheme is
/// *reported* with the true EE (13); this is only what its own search maximises.
public enum MultiUserObjective: Sendable, Hashable, CaseIterable {
    /// The true EE (13): Σ_k R_k / (‖W‖²/η + P̄(x)), P̄ = P_c + E_mech/(T − τ) (Proposed, PSO, FPA, ZF).
    case energyEfficiency
    /// The conventional EE (15): Σ_k R_k / (‖W‖²/η + P_c): no mechanical energy, no delay (ConvEE).
    case conventionalEnergyEfficiency
    /// Σ_k R_k (SM).
    case sumRate

    /// The objective's value for a sum rate, transmit power and move.
    public func value(sumRate: Double, transmitPower: Double, displacement: StepDisplacement,
                      energy: EnergyModel) -> Double {
        switch self {
        case .energyEfficiency:
            return energy.energyEfficiency(sumRate: sumRate, transmitPower: transmitPower, displacement: displacement)
        case .conventionalEnergyEfficiency:
            return energy.conventionalEnergyEfficiency(sumRate: sumRate, transmitPower: transmitPower)
        case .sumRate:
            return sumRate
        }
    }

    /// The static power P̄ of the Dinkelbach denominator ‖W‖²/η + P̄ (∞ when τ ≥ T, i.e. EE = 0), or nil
    /// for the sum rate (no denominator).
    public func staticPower(displacement: StepDisplacement, energy: EnergyModel) -> Double? {
        switch self {
        case .energyEfficiency: return energy.effectiveStaticPower(displacement)
        case .conventionalEnergyEfficiency: return energy.circuitPower
        case .sumRate: return nil
        }
    }
}

/// The W-step problem at fixed positions (P4-1): the normalised channel, the power budget and the
/// objective with its static power P̄ (specs/ee.md §5.1). For a ratio objective the value of W is
/// Σ_k R_k(W) / (‖W‖²/η + P̄); for the sum rate it is Σ_k R_k(W).
public struct PrecoderProblem: Sendable {
    public let channel: ChannelMatrix
    /// C̃·C̃ᴴ (K×K), computed once.
    public let gram: [Complex<Double>]
    public let maxPower: Double
    public let amplifierEfficiency: Double
    /// P̄ in W (∞ when τ ≥ T); nil for the sum-rate objective.
    public let staticPower: Double?

    public init(channel: ChannelMatrix, maxPower: Double, amplifierEfficiency: Double, staticPower: Double?) {
        precondition(maxPower > 0 && amplifierEfficiency > 0)
        self.channel = channel
        self.gram = channel.gram
        self.maxPower = maxPower
        self.amplifierEfficiency = amplifierEfficiency
        self.staticPower = staticPower
    }

    public var users: Int { channel.users }
    public var antennas: Int { channel.antennas }

    /// The objective of W: the ratio Σ R/(‖W‖²/η + P̄) (0 when P̄ = ∞), or Σ R for the sum rate.
    public func value(_ w: Precoder) -> Double {
        let rate = LinkBudget(channel, w).sumRate
        guard let staticPower else { return rate }
        guard staticPower.isFinite else { return 0 }
        return rate / (w.power / amplifierEfficiency + staticPower)
    }

    /// The Dinkelbach subproblem objective (31) without its constant −λP̄: Σ_k R_k(W) − λ‖W‖²/η.
    public func parametricValue(_ w: Precoder, ratio lambda: Double) -> Double {
        LinkBudget(channel, w).sumRate - lambda * w.power / amplifierEfficiency
    }
}
