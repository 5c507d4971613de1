import AntennaModels
import Randomness
import ScenarioKit

/// Wei, Mei, Huang, Chen, Ning, "Energy-Efficient Movable Antennas: Mechanical Power Modeling and
/// Performance Optimization" (arXiv 2509.24433); reconstruction in Docs/specs/ee.md.
public struct EnergyEfficiencyScenario: Scenario {
    public init() {}

    public let name = "ee"
    public let summary = "Energy efficiency of movable antennas with stepper-motor mechanical power"
    public let reference = "Wei et al., arXiv 2509.24433; Docs/specs/ee.md"

    public var parameters: [ParameterSpec] { EnergyEfficiencyParameterTable.all }

    static let motorMetrics = MotorMetric.allCases.map(\.rawValue)
    static let optimizationMetrics = EnergyEfficiencyMetric.allCases.map(\.rawValue)

    public let schemes: [SchemeSpec] = [
        SchemeSpec("motor-characteristic",
                   "Pull-out torque and mechanical power of the stepper motor at load speed `load_speed_mps` (Fig. 4)",
                   deterministic: true, metrics: motorMetrics),
        SchemeSpec(EnergyEfficiencyScheme.sequentialUpdate.rawValue,
                   "Proposed. K = 1: Dinkelbach power + multi-round sequential position update (Algorithms 1–2); "
                   + "K > 1: AO of the Dinkelbach + SCA precoder step (38) and the fixed-W sequential update from two starts (Algorithms 3–4, specs §5.4)",
                   metrics: optimizationMetrics),
        SchemeSpec(EnergyEfficiencyScheme.particleSwarm.rawValue,
                   "Benchmark: PSO over continuous positions, then quantised to the motor grid (specs §6.4); K > 1: ZF surrogate fitness, then the SCA precoder step",
                   metrics: optimizationMetrics),
        SchemeSpec(EnergyEfficiencyScheme.conventionalEE.rawValue,
                   "Benchmark: optimise the conventional EE (no mechanical power), report the true EE (K > 1: the AO with SCA precoder step)",
                   metrics: optimizationMetrics),
        SchemeSpec(EnergyEfficiencyScheme.sumRate.rawValue,
                   "Benchmark: maximise the sum rate (K = 1: strongest channel, full power; K > 1: AO of WMMSE at full power and the position update), true EE",
                   metrics: optimizationMetrics),
        SchemeSpec(EnergyEfficiencyScheme.fixedPosition.rawValue,
                   "Benchmark: antennas stay at the initial positions; Dinkelbach power (K > 1: the SCA precoder step)",
                   metrics: optimizationMetrics),
        SchemeSpec(MultiUserScheme.zeroForcing.rawValue,
                   "Benchmark (multi-user): zero forcing with Dinkelbach power allocation, positions by the two-layer sequential update (specs §6.5)",
                   metrics: optimizationMetrics),
    ] + MultiUserScheme.allCases.filter(\.usesPrecoderStep).map {
        SchemeSpec($0.name(method: .weightedMMSE),
                   "FAST SUBSTITUTE of '\($0.rawValue)': its precoder step solves the Dinkelbach subproblem by WMMSE with a "
                   + "power penalty instead of the paper's SCA (38) (specs §5.2 b; a documented deviation)",
                   metrics: optimizationMetrics)
    }

    public var metrics: [MetricSpec] {
        [
            MetricSpec(MotorMetric.pullOutTorque.rawValue, unit: "mN·m", "Pull-out torque T_po(ω) (eq. (10))"),
            MetricSpec(MotorMetric.mechanicalPower.rawValue, unit: "W", "Motor mechanical power P_MA = T_po·ω (eq. (9))"),
            MetricSpec(MotorMetric.angularSpeed.rawValue, unit: "rad/s", "Angular speed ω = v/r of the motor shaft"),
        ] + EnergyEfficiencyMetric.allCases.map { MetricSpec($0.rawValue, unit: $0.unit, $0.summary) }
    }

    public let tables: [TableSpec] = [
        TableSpec("positions", columns: ["antenna", "initial_position_m", "position_m"],
                  "Initial and optimised antenna positions of one realization (Fig. 6)"),
    ]

    public func check(_ parameters: ParameterSet, scheme: String) throws(ScenarioError) {
        if scheme == "motor-characteristic" {
            if let violation = EnergyEfficiencyParameterTable.motor(parameters).modelViolation { throw ScenarioError(violation) }
            return
        }
        let model = EnergyEfficiencyParameterTable.model(parameters)
        if let violation = model.violation { throw ScenarioError(violation) }
        if model.users == 1, EnergyEfficiencyScheme(rawValue: scheme) != nil { return }
        guard MultiUserScheme.parse(scheme) != nil else {
            throw ScenarioError("scheme '\(scheme)' is not dispatched")
        }
        if let violation = EnergyEfficiencyParameterTable.multiUserOptions(parameters).violation {
            throw ScenarioError(violation)
        }
        if model.antennas < model.users {
            throw ScenarioError("the multi-user schemes need antennas ≥ users (N = \(model.antennas), K = \(model.users))")
        }
    }

    public func estimatedCost(_ series: [SeriesRequest]) -> Double {
        series.reduce(0) { cost, s in
            let p = s.parameters
            return cost + (s.scheme == "motor-characteristic" ? 0.001 : Double(p.integer("antennas") * p.integer("users")))
        }
    }

    public func evaluate(_ series: [SeriesRequest], streams: UnitStreams, workspace: inout NoWorkspace) -> [SeriesOutcome] {
        // Series that share their parameters share the channel draw and the optimizer's precomputed tables.
        var singleUser: [(ParameterSet, Result<SingleUserOptimizer, ScenarioError>)] = []
        var multiUser: [(ParameterSet, Result<MultiUserOptimizer, ScenarioError>)] = []
        func channel(_ model: EnergyEfficiencyParameters) -> FieldResponseChannel {
            var stream = streams.common(.channel)
            return model.drawChannel(from: &stream)
        }
        func singleUserOptimizer(for parameters: ParameterSet) -> Result<SingleUserOptimizer, ScenarioError> {
            if let cached = singleUser.first(where: { $0.0 == parameters }) { return cached.1 }
            let model = EnergyEfficiencyParameterTable.model(parameters)
            let made = Result { () throws(ScenarioError) in try SingleUserOptimizer(parameters: model, channel: channel(model)) }
            singleUser.append((parameters, made))
            return made
        }
        func multiUserOptimizer(for parameters: ParameterSet) -> Result<MultiUserOptimizer, ScenarioError> {
            if let cached = multiUser.first(where: { $0.0 == parameters }) { return cached.1 }
            let model = EnergyEfficiencyParameterTable.model(parameters)
            let made = Result { () throws(ScenarioError) in
                try MultiUserOptimizer(parameters: model, options: EnergyEfficiencyParameterTable.multiUserOptions(parameters),
                                       channel: channel(model))
            }
            multiUser.append((parameters, made))
            return made
        }
        let motorCount = MotorMetric.allCases.count, optimizationCount = EnergyEfficiencyMetric.allCases.count
        return series.map { request in
            if request.scheme == "motor-characteristic" {
                return .success(MotorMetric.values(request.parameters) + Array(repeating: .nan, count: optimizationCount))
            }
            var algorithm = streams.algorithm(StreamPurpose("ee.pso"), series: request.index)
            switch Self.route(request) {
            case .singleUser(let scheme):
                switch singleUserOptimizer(for: request.parameters) {
                case .failure(let error):
                    return .failure("infeasible: \(error.message)")
                case .success(let optimizer):
                    let solution = optimizer.solve(scheme, algorithmStream: &algorithm)
                    return .success(Array(repeating: .nan, count: motorCount) + solution.values(of: EnergyEfficiencyMetric.allCases))
                }
            case .multiUser(let scheme, let method):
                switch multiUserOptimizer(for: request.parameters) {
                case .failure(let error):
                    return .failure("infeasible: \(error.message)")
                case .success(let optimizer):
                    let solver = optimizer.subproblemSolver(method)
                    do throws(PrecoderStepError) {
                        let solution = try optimizer.solve(scheme, solver: solver, algorithmStream: &algorithm)
                        return .success(Array(repeating: .nan, count: motorCount) + solution.values(of: EnergyEfficiencyMetric.allCases))
                    } catch {
                        return .failure("solver: \(error.message)")
                    }
                }
            }
        }
    }

    /// Which optimizer runs a series: the paper's scheme names with K = 1 go to the single-user
    /// algorithms (§4); everything else (K > 1, `zero-forcing`, the `*-wmmse` substitutes) to the
    /// multi-user ones (§5, §6), which for K = 1 reduce to the single-user model.
    enum Route {
        case singleUser(EnergyEfficiencyScheme)
        case multiUser(MultiUserScheme, PrecoderStepMethod)
    }

    static func route(_ request: SeriesRequest) -> Route {
        if request.parameters.integer("users") == 1, let scheme = EnergyEfficiencyScheme(rawValue: request.scheme) {
            return .singleUser(scheme)
        }
        guard let (scheme, method) = MultiUserScheme.parse(request.scheme) else {
            preconditionFailure("scheme '\(request.scheme)' is registered but not dispatched")
        }
        return .multiUser(scheme, method)
    }

    public func table(_ name: String, series: SeriesRequest, streams: UnitStreams) throws(ScenarioError) -> [[Double]] {
        guard name == "positions", series.scheme != "motor-characteristic" else {
            throw ScenarioError("table '\(name)' needs an optimisation scheme, not '\(series.scheme)'")
        }
        let model = EnergyEfficiencyParameterTable.model(series.parameters)
        var stream = streams.common(.channel)
        let channel = model.drawChannel(from: &stream)
        var algorithm = streams.algorithm(StreamPurpose("ee.pso"), series: series.index)
        let initial: [Double], final: [Double]
        switch Self.route(series) {
        case .singleUser(let scheme):
            let optimizer = try SingleUserOptimizer(parameters: model, channel: channel)
            initial = optimizer.geometry.initialPositions.map { Double($0) * model.stepSize }
            final = optimizer.solve(scheme, algorithmStream: &algorithm).positionsInMetres
        case .multiUser(let scheme, let method):
            let optimizer = try MultiUserOptimizer(
                parameters: model, options: EnergyEfficiencyParameterTable.multiUserOptions(series.parameters), channel: channel)
            let solver = optimizer.subproblemSolver(method)
            initial = optimizer.geometry.initialPositions.map { Double($0) * model.stepSize }
            do throws(PrecoderStepError) {
                final = try optimizer.solve(scheme, solver: solver, algorithmStream: &algorithm).positionsInMetres
            } catch {
                throw ScenarioError("solver: \(error.message)")
            }
        }
        return zip(initial, final).enumerated().map { [Double($0.offset + 1), $0.element.0, $0.element.1] }
    }
}

/// Metrics of the motor characteristic, in the order of `EnergyEfficiencyScenario.metrics`.
enum MotorMetric: String, CaseIterable {
    case pullOutTorque = "pull_out_torque_mNm"
    case mechanicalPower = "mechanical_power_W"
    case angularSpeed = "angular_speed_rad_per_s"

    static func values(_ parameters: ParameterSet) -> [Double] {
        let motor = EnergyEfficiencyParameterTable.motor(parameters)
        let omega = motor.angularSpeed(linearSpeed: parameters.real("load_speed_mps"))
        return [1e3 * motor.pullOutTorque(angularSpeed: omega), motor.mechanicalPower(angularSpeed: omega), omega]
    }
}

extension EnergyEfficiencyMetric {
    var summary: String {
        switch self {
        case .energyEfficiency: return "True EE (13) after renumbering: (T − τ)·ΣR / (E_mech + (T − τ)·P_BS)"
        case .conventionalEnergyEfficiency: return "Conventional EE (15) ΣR / P_BS at the same positions and power"
        case .sumRate: return "Sum rate Σ_k R_k"
        case .totalDisplacement: return "Total displacement Σ_n |x_n − x̃_n| after renumbering"
        case .movementDelay: return "Movement delay τ = max_n |x_n − x̃_n| / v_max"
        case .mechanicalEnergy: return "Mechanical energy E_mech = F_max·Σ_n |x_n − x̃_n|"
        case .transmitPower: return "Transmit power Σ_k ‖w_k‖²"
        case .iterations:
            return "Outer iterations (sequential-update rounds, PSO iterations, multi-user AO iterations, ZF search rounds; 0 for FPA)"
        }
    }
}
