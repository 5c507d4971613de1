import AntennaModels
import Foundation
import Numerics
import Randomness
import ScenarioKit

/// The multi-user (K ≥ 1) optimizer for one problem instance: parameters, geometry and one channel
/// realization, with the normalised grid channel table h̃_k(g·Δ) = h_k(g·Δ)/σ precomputed once
/// (specs/ee.md §5, §6).
public struct MultiUserOptimizer: Sendable {
    public let parameters: EnergyEfficiencyParameters
    public let options: MultiUserOptions
    public let geometry: MovableArrayGeometry
    /// The energy model at v_max (Proposition 2 holds for every K).
    public let energy: EnergyModel
    public let channel: FieldResponseChannel
    public let table: MultiUserChannelTable
    public let allocation: ZeroForcingPowerAllocation

    /// Prepares the instance. Throws when the parameters are inconsistent (N > N_max, N < K).
    public init(parameters: EnergyEfficiencyParameters, options: MultiUserOptions = MultiUserOptions(),
                channel: FieldResponseChannel) throws(ScenarioError) {
        if let problem = parameters.violation ?? options.violation { throw ScenarioError(problem) }
        guard parameters.antennas >= parameters.users else {
            throw ScenarioError("the multi-user schemes need at least as many antennas as users "
                                + "(N = \(parameters.antennas) < K = \(parameters.users); ZF needs N ≥ K, specs §6.5)")
        }
        guard channel.userCount == parameters.users, channel.wavelength == parameters.wavelength else {
            throw ScenarioError("the channel was not drawn for these parameters")
        }
        let geometry: MovableArrayGeometry
        do { geometry = try parameters.geometry() } catch { throw ScenarioError(error.description) }
        self.parameters = parameters
        self.options = options
        self.geometry = geometry
        self.energy = parameters.energyModel
        self.channel = channel
        self.table = MultiUserChannelTable(channel: channel, grid: geometry.grid, noisePower: parameters.noisePower)
        self.allocation = ZeroForcingPowerAllocation(
            maxPower: parameters.maxTransmitPower, amplifierEfficiency: parameters.amplifierEfficiency,
            tolerance: parameters.dinkelbachTolerance, maxIterations: parameters.dinkelbachMaxIterations)
    }

    public var users: Int { parameters.users }

    // MARK: Building blocks

    /// The W-step problem at `positions` (grid indices, antenna n at entry n) for `objective`.
    public func precoderProblem(positions: [Int], objective: MultiUserObjective) -> PrecoderProblem {
        let move = StepDisplacement(from: geometry.initialPositions, to: positions)
        return PrecoderProblem(channel: table.matrix(positions: positions), maxPower: parameters.maxTransmitPower,
                               amplifierEfficiency: parameters.amplifierEfficiency,
                               staticPower: objective.staticPower(displacement: move, energy: energy))
    }

    /// The scheme objective of (x, W).
    public func objectiveValue(positions: [Int], precoder: Precoder, objective: MultiUserObjective) -> Double {
        let link = LinkBudget(table.matrix(positions: positions), precoder)
        return objective.value(sumRate: link.sumRate, transmitPower: precoder.power,
                               displacement: StepDisplacement(from: geometry.initialPositions, to: positions),
                               energy: energy)
    }

    /// ZF with the optimal power allocation for `objective` at `positions` (§6.5), or nil if singular.
    public func zeroForcingPrecoder(positions: [Int], objective: MultiUserObjective) -> Precoder? {
        let problem = precoderProblem(positions: positions, objective: objective)
        guard let gains = ZeroForcing.gains(gram: problem.gram, users: users) else { return nil }
        let powers = allocation.allocate(gains: gains, staticPower: problem.staticPower).powers
        return ZeroForcing.precoder(problem.channel, powers: powers)
    }

    /// The W-step starts of specs/ee.md §5.2 / §6.3: W_prev (if any), MRT, ZF (if regular). For the sum
    /// rate, MRT and ZF are at full power (ZF with water-filling).
    public func precoderStarts(positions: [Int], objective: MultiUserObjective, previous: Precoder?) -> [Precoder] {
        let channel = table.matrix(positions: positions)
        var starts: [Precoder] = []
        if let previous { starts.append(previous) }
        starts.append(.maximumRatio(channel, power: parameters.maxTransmitPower))
        // (An identical start would only repeat the same run: S2 starts from this very ZF precoder.)
        if let zf = zeroForcingPrecoder(positions: positions, objective: objective), zf != previous { starts.append(zf) }
        return starts
    }

    /// The W-step at `positions`: Dinkelbach + `solver` for the ratio objectives, WMMSE at full power for
    /// the sum rate; best over the starts. Returns W and the objective value.
    public func precoderStep(positions: [Int], objective: MultiUserObjective, previous: Precoder?,
                             solver: any PrecoderSubproblemSolver) throws(PrecoderStepError) -> (precoder: Precoder, value: Double) {
        let problem = precoderProblem(positions: positions, objective: objective)
        let starts = precoderStarts(positions: positions, objective: objective, previous: previous)
        switch objective {
        case .sumRate:
            let best = SumRatePrecoderStep(tolerance: options.sumRateTolerance, maxIterations: options.wmmseMaxIterations)
                .best(problem, starts: starts)
            return (best.precoder, best.value)
        case .energyEfficiency, .conventionalEnergyEfficiency:
            let best = try EnergyEfficientPrecoderStep(
                solver: solver, tolerance: options.precoderDinkelbachTolerance,
                maxIterations: options.precoderDinkelbachMaxIterations).best(problem, starts: starts)
            return (best.precoder, best.value)
        }
    }

    /// The x-step (P4-2): the sequential update with W fixed, from `positions`.
    public func positionStep(positions: [Int], precoder: Precoder, objective: MultiUserObjective)
        -> SequentialPositionUpdate.Result {
        var search = FixedPrecoderPositionObjective(table: table, precoder: precoder,
                                                    initialPositions: geometry.initialPositions,
                                                    objective: objective, energy: energy)
        return SequentialPositionUpdate(geometry: geometry, maxRounds: parameters.maxRounds)
            .run(from: positions, objective: &search)
    }

    /// The ZF two-layer search (§6.5): sequential update from x̃ where every candidate recomputes ZF and
    /// the power allocation for `objective`; renumbered, with its ZF precoder (nil if singular at the end).
    public func zeroForcingSearch(objective: MultiUserObjective)
        -> (positions: [Int], precoder: Precoder?, rounds: Int, trace: [Double]) {
        var search = ZeroForcingPositionObjective(table: table, initialPositions: geometry.initialPositions,
                                                  objective: objective, energy: energy, allocation: allocation)
        let result = SequentialPositionUpdate(geometry: geometry, maxRounds: parameters.maxRounds)
            .run(from: geometry.initialPositions, objective: &search)
        let sorted = Renumbering.sorted(result.positions).positions
        return (sorted, zeroForcingPrecoder(positions: sorted, objective: objective), result.rounds, result.trace)
    }

    /// One AO run (Algorithm 4): W ← W-step(x, W); repeat { x-step with W fixed; renumber (rows of W
    /// follow); W-step } until the objective improves by < `alternatingTolerance` relative, at most
    /// `alternatingMaxIterations` times. The objective is non-decreasing (trace).
    public struct Alternation: Sendable {
        public var positions: [Int]
        public var precoder: Precoder
        public var value: Double
        public var iterations: Int
        /// The objective after the first W-step and after each AO iteration.
        public var trace: [Double]
    }

    public func alternate(positions start: [Int], precoder: Precoder?, objective: MultiUserObjective,
                          solver: any PrecoderSubproblemSolver) throws(PrecoderStepError) -> Alternation {
        var x = start
        var (w, value) = try precoderStep(positions: x, objective: objective, previous: precoder, solver: solver)
        var trace = [value], iterations = 0
        while iterations < options.alternatingMaxIterations {
            iterations += 1
            let moved = positionStep(positions: x, precoder: w, objective: objective)
            let (sorted, permutation) = Renumbering.sorted(moved.positions)
            x = sorted
            w = w.permutingRows(permutation)
            let step = try precoderStep(positions: x, objective: objective, previous: w, solver: solver)
            w = step.precoder
            let improvement = step.value - value
            value = step.value
            trace.append(value)
            if improvement < options.alternatingTolerance * abs(value) { break }
        }
        return Alternation(positions: x, precoder: w, value: value, iterations: iterations, trace: trace)
    }

    /// The AO from the two starts of specs/ee.md §5.4 — S1 = (x̃, W-step at x̃), S2 = the ZF two-layer
    /// solution for the same objective — keeping the larger objective (ties keep S1).
    public func alternateFromTwoStarts(objective: MultiUserObjective, solver: any PrecoderSubproblemSolver)
        throws(PrecoderStepError) -> (best: Alternation, start: Int, first: Alternation, second: Alternation) {
        let first = try alternate(positions: geometry.initialPositions, precoder: nil, objective: objective, solver: solver)
        let zf = zeroForcingSearch(objective: objective)
        let second = try alternate(positions: zf.positions, precoder: zf.precoder, objective: objective, solver: solver)
        return second.value > first.value ? (second, 2, first, second) : (first, 1, first, second)
    }

    // MARK: Schemes

    /// Runs `scheme`; the EE W-step uses `solver` (required by the schemes with `usesPrecoderStep`, ignored
    /// by `sum-rate` and `zero-forcing`); PSO draws from `algorithmStream`.
    public func solve(_ scheme: MultiUserScheme, solver: (any PrecoderSubproblemSolver)?,
                      algorithmStream: inout RandomStream) throws(PrecoderStepError) -> Solution {
        precondition(solver != nil || !scheme.usesPrecoderStep, "\(scheme.rawValue) needs a precoder subproblem solver")
        let solver = solver ?? UnusedPrecoderSubproblemSolver()
        switch scheme {
        case .fixedPosition:
            let step = try precoderStep(positions: geometry.initialPositions, objective: .energyEfficiency,
                                        previous: nil, solver: solver)
            return evaluate(positions: geometry.initialPositions, precoder: step.precoder, iterations: 0, trace: [step.value])
        case .zeroForcing:
            let zf = zeroForcingSearch(objective: .energyEfficiency)
            let w = zf.precoder ?? Precoder(antennas: geometry.antennaCount, users: users)
            return evaluate(positions: zf.positions, precoder: w, iterations: zf.rounds, trace: zf.trace)
        case .proposed, .conventionalEE, .sumRate:
            let ao = try alternateFromTwoStarts(objective: scheme.objective, solver: solver)
            var solution = evaluate(positions: ao.best.positions, precoder: ao.best.precoder,
                                    iterations: ao.best.iterations, trace: ao.best.trace)
            solution.start = ao.start
            return solution
        case .particleSwarm:
            let swarm = MultiUserParticleSwarm(problem: self).run(stream: &algorithmStream)
            let step = try precoderStep(positions: swarm.positions, objective: .energyEfficiency, previous: nil,
                                        solver: solver)
            return evaluate(positions: swarm.positions, precoder: step.precoder, iterations: swarm.iterations,
                            trace: swarm.trace)
        }
    }

    /// The solution at (x, W) after renumbering (Proposition 1: positions sorted, rows of W with them),
    /// evaluated with the true EE (13).
    public func evaluate(positions: [Int], precoder: Precoder, iterations: Int, trace: [Double]) -> Solution {
        precondition(geometry.isFeasible(positions), "infeasible positions")
        let (sorted, permutation) = Renumbering.sorted(positions)
        let w = precoder.permutingRows(permutation)
        let link = LinkBudget(table.matrix(positions: sorted), w)
        let rate = link.sumRate, power = w.power
        let displacement = StepDisplacement(from: geometry.initialPositions, to: sorted)
        let total = Double(displacement.total) * geometry.grid.stepSize
        let maximum = Double(displacement.maximum) * geometry.grid.stepSize
        return Solution(
            positions: sorted, positionsInMetres: sorted.map(geometry.grid.position), precoder: w,
            transmitPower: power, sumRate: rate, sinr: (0..<users).map(link.sinr),
            energyEfficiency: energy.energyEfficiency(sumRate: rate, transmitPower: power, displacement: displacement),
            conventionalEnergyEfficiency: energy.conventionalEnergyEfficiency(sumRate: rate, transmitPower: power),
            displacement: displacement, totalDisplacement: total,
            movementDelay: energy.movementDelay(maximumDisplacement: maximum),
            mechanicalEnergy: energy.mechanicalEnergy(totalDisplacement: total),
            iterations: iterations, trace: trace, start: 0)
    }

    /// The subproblem method object for a W-step method.
    public func subproblemSolver(_ method: PrecoderStepMethod) -> any PrecoderSubproblemSolver {
        switch method {
        case .weightedMMSE:
            return PenalizedWeightedMMSE(tolerance: options.wmmseTolerance, maxIterations: options.wmmseMaxIterations)
        case .successiveConvexApproximation:
            return SuccessiveConvexApproximation(convex: ConicSCASubproblemSolver(), tolerance: options.scaTolerance,
                                                 maxIterations: options.scaMaxIterations)
        }
    }
}

/// Stands in for the subproblem solver of schemes without an EE W-step (`sum-rate`, `zero-forcing`).
private struct UnusedPrecoderSubproblemSolver: PrecoderSubproblemSolver {
    func improve(_ start: Precoder, ratio lambda: Double, problem: PrecoderProblem) -> Precoder {
        preconditionFailure("this scheme has no EE precoder step")
    }
}

extension MultiUserOptimizer {
    /// The result of one multi-user scheme on one realization, after renumbering, evaluated with the true
    /// EE (13).
    public struct Solution: Sendable {
        /// Final grid indices, ascending (antenna n, which starts at the n-th initial position, ends here).
        public var positions: [Int]
        public var positionsInMetres: [Double]
        /// W with its rows in the order of `positions`.
        public var precoder: Precoder
        /// Σ_k ‖w_k‖² in W.
        public var transmitPower: Double
        /// Σ_k log2(1 + SINR_k).
        public var sumRate: Double
        public var sinr: [Double]
        /// EE (13) in bit/Hz/J.
        public var energyEfficiency: Double
        /// EE (15) in bit/Hz/J.
        public var conventionalEnergyEfficiency: Double
        public var displacement: StepDisplacement
        public var totalDisplacement: Double
        public var movementDelay: Double
        public var mechanicalEnergy: Double
        /// AO iterations (Proposed/ConvEE/SM), ZF search rounds, PSO iterations, 0 for FPA.
        public var iterations: Int
        /// The scheme's own objective over its outer iterations (non-decreasing).
        public var trace: [Double]
        /// Which AO start won (1 = x̃, 2 = ZF two-layer), 0 for schemes without the two starts.
        public var start: Int

        public func value(of metric: EnergyEfficiencyMetric) -> Double {
            switch metric {
            case .energyEfficiency: return energyEfficiency
            case .conventionalEnergyEfficiency: return conventionalEnergyEfficiency
            case .sumRate: return sumRate
            case .totalDisplacement: return totalDisplacement
            case .movementDelay: return movementDelay
            case .mechanicalEnergy: return mechanicalEnergy
            case .transmitPower: return transmitPower
            case .iterations: return Double(iterations)
            }
        }

        public func values(of metrics: [EnergyEfficiencyMetric]) -> [Double] { metrics.map { value(of: $0) } }
    }
}
