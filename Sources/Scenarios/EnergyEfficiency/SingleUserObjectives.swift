import AntennaModels

/// EE*(x) of the single-user outer layer (P3-2): the energy efficiency with the optimal MRT beamformer
/// and Dinkelbach power (§4.1) at the positions x, each antenna's movement measured to its own x̃_n.
///
/// Incremental: `focus` caches the others' channel gain Σ_{m≠n}|h(x_m)|²/σ², total displacement and
/// maximum displacement (integer steps, exact), so a candidate q costs one table read, two integer
/// updates, P̄ and the inner Dinkelbach (a handful of logarithms).
public struct SingleUserEnergyEfficiencyObjective: CandidateObjective {
    /// |h(g·Δ)|²/σ² for every grid index g.
    public let gains: [Double]
    public let initialPositions: [Int]
    public let energy: EnergyModel
    public let power: SingleUserPowerControl

    private var othersGain = 0.0
    private var othersTotal = 0
    private var othersMaximum = 0
    private var focusStart = 0

    public init(gains: [Double], initialPositions: [Int], energy: EnergyModel, power: SingleUserPowerControl) {
        self.gains = gains
        self.initialPositions = initialPositions
        self.energy = energy
        self.power = power
    }

    public mutating func focus(antenna n: Int, positions: [Int]) {
        othersGain = 0
        othersTotal = 0
        othersMaximum = 0
        for (m, g) in positions.enumerated() where m != n {
            othersGain += gains[g]
            let d = abs(g - initialPositions[m])
            othersTotal += d
            othersMaximum = max(othersMaximum, d)
        }
        focusStart = initialPositions[n]
    }

    public func value(candidate q: Int) -> Double {
        let d = abs(q - focusStart)
        let staticPower = energy.effectiveStaticPower(
            StepDisplacement(total: othersTotal + d, maximum: max(othersMaximum, d)))
        guard staticPower.isFinite else { return 0 }
        return power.solve(gain: othersGain + gains[q], staticPower: staticPower).energyEfficiency
    }
}

/// ‖c(x)‖²/σ²: the objective of ConvEE and SM in the single-user case. The conventional EE (15) and
/// the rate at full power are both increasing in it, and it ignores movement, so both benchmarks run
/// this one search and therefore pick identical positions (ties break identically).
public struct SingleUserChannelGainObjective: CandidateObjective {
    public let gains: [Double]
    private var othersGain = 0.0

    public init(gains: [Double]) { self.gains = gains }

    public mutating func focus(antenna n: Int, positions: [Int]) {
        othersGain = 0
        for (m, g) in positions.enumerated() where m != n { othersGain += gains[g] }
    }

    public func value(candidate q: Int) -> Double { othersGain + gains[q] }
}
