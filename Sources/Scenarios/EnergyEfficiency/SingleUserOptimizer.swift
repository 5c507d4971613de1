import AntennaModels
import Foundation
import Randomness
import ScenarioKit

extension SingleUserOptimizer {
    /// The result of one single-user scheme on one realization, after renumbering (Proposition 1) and
    /// evaluated with the true EE (13).
    public struct Solution: Sendable, Hashable {
        /// Final grid indices, ascending (antenna n, which starts at the n-th initial position, ends here).
        public var positions: [Int]
        /// The same positions in m.
        public var positionsInMetres: [Double]
        /// p = ‖w‖² in W (w = √p·cᴴ/‖c‖, MRT).
        public var transmitPower: Double
        /// γ = ‖c(x)‖²/σ² in 1/W.
        public var channelGain: Double
        /// log2(1 + γp) in bit/s/Hz.
        public var rate: Double
        /// EE (13) in bit/Hz/J.
        public var energyEfficiency: Double
        /// EE (15) = rate/P_BS in bit/Hz/J.
        public var conventionalEnergyEfficiency: Double
        /// Displacement against the initial positions, in steps.
        public var displacement: StepDisplacement
        /// Σ_n |x_n − x̃_n| in m.
        public var totalDisplacement: Double
        /// τ in s.
        public var movementDelay: Double
        /// E_mech in J.
        public var mechanicalEnergy: Double
        /// Outer iterations (see `EnergyEfficiencyMetric.iterations`).
        public var iterations: Int
        /// Dinkelbach iterations at the final positions (0 where the power is not optimised, i.e. SM).
        public var innerIterations: Int
        /// The scheme's own search objective at the start and after each round/iteration (non-decreasing);
        /// empty for FPA.
        public var trace: [Double]

        /// The value of one metric.
        public func value(of metric: EnergyEfficiencyMetric) -> Double {
            switch metric {
            case .energyEfficiency: return energyEfficiency
            case .conventionalEnergyEfficiency: return conventionalEnergyEfficiency
            case .sumRate: return rate
            case .totalDisplacement: return totalDisplacement
            case .movementDelay: return movementDelay
            case .mechanicalEnergy: return mechanicalEnergy
            case .transmitPower: return transmitPower
            case .iterations: return Double(iterations)
            }
        }

        /// Metric values in the order given.
        public func values(of metrics: [EnergyEfficiencyMetric]) -> [Double] { metrics.map { value(of: $0) } }
    }
}

/// The single-user (K = 1) optimizer for one problem instance: parameters, geometry and one channel
/// realization, with everything the schemes share precomputed once (the grid gain table γ(g) = |h(g·Δ)|²/σ²).
public struct SingleUserOptimizer: Sendable {
    public let parameters: EnergyEfficiencyParameters
    public let geometry: MovableArrayGeometry
    /// The energy model at v_max (Proposition 2).
    public let energy: EnergyModel
    public let powerControl: SingleUserPowerControl
    public let channel: FieldResponseChannel
    /// |h(g·Δ)|²/σ² for every grid index g (user 0 of `channel`).
    public let gains: [Double]

    /// Prepares the instance. Throws when the parameters are inconsistent (e.g. N > N_max) or K ≠ 1.
    /// The channel must have been drawn for these parameters (its user 0 is the user).
    public init(parameters: EnergyEfficiencyParameters, channel: FieldResponseChannel) throws(ScenarioError) {
        if let problem = parameters.violation { throw ScenarioError(problem) }
        guard parameters.users == 1 else {
            throw ScenarioError("the single-user schemes need users = 1 (got \(parameters.users))")
        }
        guard channel.userCount >= 1, channel.wavelength == parameters.wavelength else {
            throw ScenarioError("the channel was not drawn for these parameters")
        }
        let geometry: MovableArrayGeometry
        do { geometry = try parameters.geometry() } catch { throw ScenarioError(error.description) }
        self.parameters = parameters
        self.geometry = geometry
        self.energy = parameters.energyModel
        self.powerControl = SingleUserPowerControl(
            maxPower: parameters.maxTransmitPower, amplifierEfficiency: parameters.amplifierEfficiency,
            tolerance: parameters.dinkelbachTolerance, maxIterations: parameters.dinkelbachMaxIterations)
        self.channel = channel
        self.gains = channel.responseTable(on: geometry.grid).powerGains(user: 0, dividedBy: parameters.noisePower)
    }

    /// Runs a deterministic scheme (every scheme but PSO).
    public func solve(_ scheme: EnergyEfficiencyScheme) -> Solution {
        precondition(!scheme.isRandomized, "\(scheme.rawValue) needs an algorithm stream")
        var unused = RandomStream(seed: 0, purpose: StreamPurpose("unused"), realization: 0)
        return solve(scheme, algorithmStream: &unused)
    }

    /// Runs `scheme`; PSO draws from `algorithmStream` (the others leave it untouched).
    public func solve(_ scheme: EnergyEfficiencyScheme, algorithmStream: inout RandomStream) -> Solution {
        switch scheme {
        case .fixedPosition:
            return evaluate(positions: geometry.initialPositions, iterations: 0, trace: [])
        case .sequentialUpdate:
            var objective = SingleUserEnergyEfficiencyObjective(
                gains: gains, initialPositions: geometry.initialPositions, energy: energy, power: powerControl)
            let search = SequentialPositionUpdate(geometry: geometry, maxRounds: parameters.maxRounds)
                .run(from: geometry.initialPositions, objective: &objective)
            return evaluate(positions: search.positions, iterations: search.rounds, trace: search.trace)
        case .conventionalEE, .sumRate:
            let search = maximumGainSearch()
            if scheme == .sumRate {
                return evaluate(positions: search.positions, fixedPower: powerControl.maxPower,
                                iterations: search.rounds, trace: search.trace)
            }
            // ConvEE: Dinkelbach with P̄ = P_c (E_mech = 0, τ ignored); the power is kept for the true EE.
            let gain = search.positions.reduce(0) { $0 + gains[$1] }
            let power = powerControl.solve(gain: gain, staticPower: energy.circuitPower).power
            return evaluate(positions: search.positions, fixedPower: power, iterations: search.rounds,
                            trace: search.trace)
        case .particleSwarm:
            let swarm = SingleUserParticleSwarm(problem: self).run(stream: &algorithmStream)
            return evaluate(positions: swarm.positions, iterations: swarm.iterations, trace: swarm.trace)
        }
    }

    /// The sequential update maximising ‖c(x)‖² (ConvEE and SM positions).
    public func maximumGainSearch() -> SequentialPositionUpdate.Result {
        var objective = SingleUserChannelGainObjective(gains: gains)
        return SequentialPositionUpdate(geometry: geometry, maxRounds: parameters.maxRounds)
            .run(from: geometry.initialPositions, objective: &objective)
    }

    /// EE*(x): the renumbered positions' true EE with the optimal (Dinkelbach) power, or with
    /// `fixedPower` if given. `positions` are grid indices, antenna n at entry n, any order.
    public func evaluate(positions: [Int], fixedPower: Double? = nil, iterations: Int = 0,
                         trace: [Double] = []) -> Solution {
        precondition(geometry.isFeasible(positions), "infeasible positions")
        let sorted = Renumbering.sorted(positions).positions
        let displacement = StepDisplacement(from: geometry.initialPositions, to: sorted)
        let gain = sorted.reduce(0) { $0 + gains[$1] }
        let staticPower = energy.effectiveStaticPower(displacement)
        let power: Double, inner: Int
        if let fixedPower {
            power = fixedPower
            inner = 0
        } else {
            let optimum = powerControl.solve(gain: gain, staticPower: staticPower)
            power = optimum.power
            inner = optimum.iterations
        }
        let rate = EnergyModel.rate(snr: gain * power)
        let total = Double(displacement.total) * geometry.grid.stepSize
        let maximum = Double(displacement.maximum) * geometry.grid.stepSize
        return SingleUserOptimizer.Solution(
            positions: sorted, positionsInMetres: sorted.map(geometry.grid.position),
            transmitPower: power, channelGain: gain, rate: rate,
            energyEfficiency: energy.energyEfficiency(sumRate: rate, transmitPower: power, displacement: displacement),
            conventionalEnergyEfficiency: energy.conventionalEnergyEfficiency(sumRate: rate, transmitPower: power),
            displacement: displacement, totalDisplacement: total,
            movementDelay: energy.movementDelay(maximumDisplacement: maximum),
            mechanicalEnergy: energy.mechanicalEnergy(totalDisplacement: total),
            iterations: iterations, innerIterations: inner, trace: trace)
    }
}

/// The entry point the `ee` scenario conformance calls for single-user series.
public enum EnergyEfficiencySingleUser {
    /// Draws the channel of one realization for `parameters` from the realization's common channel
    /// stream (draw order documented on `FieldResponseChannel.draw`).
    public static func drawChannel(parameters: EnergyEfficiencyParameters, stream: RandomStream) -> FieldResponseChannel {
        var stream = stream
        return parameters.drawChannel(from: &stream)
    }

    /// Runs `scheme` on one realization. `algorithmStream` is used by PSO only (pass the unit's
    /// per-series algorithm stream, e.g. `streams.algorithm(StreamPurpose("ee.pso"), series: index)`).
    public static func evaluate(scheme: EnergyEfficiencyScheme, parameters: EnergyEfficiencyParameters,
                                channel: FieldResponseChannel, algorithmStream: RandomStream? = nil)
        throws(ScenarioError) -> SingleUserOptimizer.Solution {
        let problem = try SingleUserOptimizer(parameters: parameters, channel: channel)
        if scheme.isRandomized {
            guard var stream = algorithmStream else { throw ScenarioError("\(scheme.rawValue) needs an algorithm stream") }
            return problem.solve(scheme, algorithmStream: &stream)
        }
        return problem.solve(scheme)
    }
}
