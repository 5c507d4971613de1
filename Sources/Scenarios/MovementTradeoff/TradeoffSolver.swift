import AntennaModels
import Foundation

extension MovementTradeoff {
    /// Deterministic and wall-clock cost of a scheme.
    public struct Cost: Sendable, Hashable {
        public var solverCalls = 0
        public var gradientEvaluations = 0
        public var seconds = 0.0

        public static func + (a: Cost, b: Cost) -> Cost {
            Cost(solverCalls: a.solverCalls + b.solverCalls, gradientEvaluations: a.gradientEvaluations + b.gradientEvaluations,
                 seconds: a.seconds + b.seconds)
        }
    }

    /// The unconstrained optimum r̃* (Algorithm 1 without (13b), from r̃^0; specs §7.1).
    public struct UnconstrainedOptimum: Sendable {
        public var positions: [PlanarPoint]
        public var trace: Double
        /// max_n ‖r_n* − r_n^0‖ = v·τ_sat*.
        public var largestDisplacement: Double
        public var cost: Cost
    }

    /// Solves the schemes of the main scenario for one work unit, sharing r̃* between settings that differ only
    /// in speed, time or fitting settings, and the OTGM curve between OTGM and FMD+OAD of the same settings.
    public struct Solver: Sendable {
        var unconstrained: [Settings: UnconstrainedOptimum] = [:]
        var general: [Settings: (GeneralMethod.Result, Cost)] = [:]
        var fitting: [Settings: (FittingMethod.Result, Cost)] = [:]

        public init() {}

        static func measure<T>(_ objective: inout TraceObjective, _ optimizerCalls: () -> Int,
                               _ body: (inout TraceObjective) -> T) -> (T, Cost) {
            let gradients = objective.gradientEvaluations, calls = optimizerCalls()
            let clock = ContinuousClock()
            let begin = clock.now
            let value = body(&objective)
            let elapsed = clock.now - begin
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            return (value, Cost(solverCalls: optimizerCalls() - calls,
                                gradientEvaluations: objective.gradientEvaluations - gradients, seconds: seconds))
        }

        public mutating func unconstrainedOptimum(_ settings: Settings) -> UnconstrainedOptimum {
            let key = settings.unconstrainedKey
            if let cached = unconstrained[key] { return cached }
            let problem = settings.problem
            var objective = TraceObjective(channel: settings.channel, antennaCount: settings.antennas)
            var optimizer = PenaltyOptimizer(problem: problem, settings: settings.algorithm)
            let (result, cost) = Self.measure(&objective, { optimizer.calls }) { objective in
                optimizer.solve(radius: .infinity, objective: &objective)
            }
            let optimum = UnconstrainedOptimum(positions: result.positions, trace: result.trace,
                                               largestDisplacement: problem.largestDisplacement(result.positions), cost: cost)
            unconstrained[key] = optimum
            return optimum
        }

        /// τ_sat = min(T, max_n ‖r_n* − r_n^0‖/v) (19); T when v = 0.
        public mutating func saturationDuration(_ settings: Settings) -> Double {
            let reach = unconstrainedOptimum(settings).largestDisplacement
            return settings.speed > 0 ? min(settings.interval, reach / settings.speed) : settings.interval
        }

        func engine(_ settings: Settings, target: [PlanarPoint]) -> CurveEngine {
            CurveEngine(optimizer: PenaltyOptimizer(problem: settings.problem, settings: settings.algorithm),
                        rateModel: RateModel(referenceSNR: settings.referenceSNR), speed: settings.speed, target: target)
        }

        public mutating func generalMethod(_ settings: Settings) -> (GeneralMethod.Result, Cost) {
            if let cached = general[settings] { return cached }
            let optimum = unconstrainedOptimum(settings)
            let saturation = saturationDuration(settings)
            var engine = engine(settings, target: optimum.positions)
            var objective = TraceObjective(channel: settings.channel, antennaCount: settings.antennas)
            let method = GeneralMethod(interval: settings.interval, fixedDuration: settings.fixedDuration,
                                       gridPoints: settings.algorithm.gridPoints,
                                       refinementIterations: settings.algorithm.refinementIterations)
            let (result, cost) = Self.measure(&objective, { engine.optimizer.calls }) { objective in
                method.solve(engine: &engine, saturation: saturation, objective: &objective)
            }
            let entry = (result, cost + optimum.cost)
            general[settings] = entry
            return entry
        }

        public mutating func fittingMethod(_ settings: Settings) -> (FittingMethod.Result, Cost) {
            if let cached = fitting[settings] { return cached }
            let optimum = unconstrainedOptimum(settings)
            let saturation = saturationDuration(settings)
            var engine = engine(settings, target: optimum.positions)
            var objective = TraceObjective(channel: settings.channel, antennaCount: settings.antennas)
            let method = FittingMethod(interval: settings.interval, sampleCount: settings.fitSamples,
                                       selection: settings.fitSelection, searchPoints: settings.fitSearchPoints)
            let (result, cost) = Self.measure(&objective, { engine.optimizer.calls }) { objective in
                method.solve(engine: &engine, saturation: saturation, objective: &objective)
            }
            let entry = (result, cost + optimum.cost)
            fitting[settings] = entry
            return entry
        }

        public func threshold(_ settings: Settings) -> StationarityThreshold {
            var objective = TraceObjective(channel: settings.channel, antennaCount: settings.antennas)
            return StationarityThreshold(initial: settings.problem.initial, objective: &objective,
                                         rateModel: RateModel(referenceSNR: settings.referenceSNR),
                                         interval: settings.interval, speed: settings.speed)
        }

        /// The scheme's deployment: (τ, positions, R).
        public mutating func deployment(_ scheme: Scheme, _ settings: Settings) -> (duration: Double, positions: [PlanarPoint], rate: Double, cost: Cost) {
            let model = RateModel(referenceSNR: settings.referenceSNR)
            switch scheme {
            case .general:
                let (result, cost) = generalMethod(settings)
                return (result.best.duration, result.best.positions, result.best.rate, cost)
            case .fitting:
                let (result, cost) = fittingMethod(settings)
                return (result.duration, result.point.positions, result.point.rate, cost)
            case .fixedDuration:
                let (result, cost) = generalMethod(settings)
                return (result.fixedDuration.duration, result.fixedDuration.positions, result.fixedDuration.rate, cost)
            case .upperBound:
                let optimum = unconstrainedOptimum(settings)
                return (0, optimum.positions, model.rate(trace: optimum.trace), optimum.cost)
            default:
                let r0 = settings.problem.initial
                var objective = TraceObjective(channel: settings.channel, antennaCount: settings.antennas)
                return (0, r0, model.rate(trace: objective.value(r0)), Cost())
            }
        }

        /// Every metric (NaN where the scheme does not report it), in `Metric.allCases` order.
        public mutating func metrics(_ scheme: Scheme, _ settings: Settings) -> [Double] {
            var values = [Metric: Double]()
            let interval = settings.interval
            func put(threshold t: StationarityThreshold) {
                values[.initialRate] = t.initialRate
                values[.gradientNormSum] = t.gradientNormSum
                values[.speedThreshold] = t.speedThreshold
                values[.timeThreshold] = t.timeThreshold
            }
            switch scheme {
            case .threshold:
                put(threshold: threshold(settings))
            case .twoAntenna, .twoAntennaFit, .twoAntennaSearch:
                return TwoAntennaMetrics.values(scheme, settings)
            default:
                let d = deployment(scheme, settings)
                values[.throughput] = (interval - d.duration) * d.rate
                values[.duration] = d.duration
                values[.rate] = d.rate
                values[.solverCalls] = Double(d.cost.solverCalls)
                values[.gradientEvaluations] = Double(d.cost.gradientEvaluations)
                values[.solveTime] = d.cost.seconds
                put(threshold: threshold(settings))
                if scheme == .general { values[.saturationDuration] = saturationDuration(settings) }
                if scheme == .fitting {
                    let result = fittingMethod(settings).0
                    values[.fittedThroughput] = result.fittedThroughput
                    values[.saturationDuration] = saturationDuration(settings)
                    values[.fitModel] = result.fit.model.code
                }
            }
            return Metric.allCases.map { values[$0] ?? .nan }
        }
    }
}
