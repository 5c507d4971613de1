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
                   "Proposed: Dinkelbach power + multi-round sequential position update (Algorithms 1–2)",
                   metrics: optimizationMetrics),
        SchemeSpec(EnergyEfficiencyScheme.particleSwarm.rawValue,
                   "Benchmark: PSO over continuous positions, then quantised to the motor grid (specs §6.4)",
                   metrics: optimizationMetrics),
        SchemeSpec(EnergyEfficiencyScheme.conventionalEE.rawValue,
                   "Benchmark: optimise the conventional EE (no mechanical power), report the true EE",
                   metrics: optimizationMetrics),
        SchemeSpec(EnergyEfficiencyScheme.sumRate.rawValue,
                   "Benchmark: maximise the sum rate (single user: strongest channel, full power), true EE",
                   metrics: optimizationMetrics),
        SchemeSpec(EnergyEfficiencyScheme.fixedPosition.rawValue,
                   "Benchmark: antennas stay at the initial positions; Dinkelbach power",
                   metrics: optimizationMetrics),
    ]

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
        if model.users != 1 {
            throw ScenarioError("the multi-user algorithms (K > 1) are not implemented yet; set users: 1")
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
        var optimizers: [(ParameterSet, Result<SingleUserOptimizer, ScenarioError>)] = []
        func optimizer(for parameters: ParameterSet) -> Result<SingleUserOptimizer, ScenarioError> {
            if let cached = optimizers.first(where: { $0.0 == parameters }) { return cached.1 }
            let model = EnergyEfficiencyParameterTable.model(parameters)
            var stream = streams.common(.channel)
            let channel = model.drawChannel(from: &stream)
            let made = Result { () throws(ScenarioError) in try SingleUserOptimizer(parameters: model, channel: channel) }
            optimizers.append((parameters, made))
            return made
        }
        let motorCount = MotorMetric.allCases.count, optimizationCount = EnergyEfficiencyMetric.allCases.count
        return series.map { request in
            if request.scheme == "motor-characteristic" {
                return .success(MotorMetric.values(request.parameters) + Array(repeating: .nan, count: optimizationCount))
            }
            guard let scheme = EnergyEfficiencyScheme(rawValue: request.scheme) else {
                preconditionFailure("scheme '\(request.scheme)' is registered but not dispatched")
            }
            switch optimizer(for: request.parameters) {
            case .failure(let error):
                return .failure("infeasible: \(error.message)")
            case .success(let optimizer):
                var algorithm = streams.algorithm(StreamPurpose("ee.pso"), series: request.index)
                let solution = optimizer.solve(scheme, algorithmStream: &algorithm)
                return .success(Array(repeating: .nan, count: motorCount) + solution.values(of: EnergyEfficiencyMetric.allCases))
            }
        }
    }

    public func table(_ name: String, series: SeriesRequest, streams: UnitStreams) throws(ScenarioError) -> [[Double]] {
        guard name == "positions", let scheme = EnergyEfficiencyScheme(rawValue: series.scheme) else {
            throw ScenarioError("table '\(name)' needs an optimisation scheme, not '\(series.scheme)'")
        }
        let model = EnergyEfficiencyParameterTable.model(series.parameters)
        var stream = streams.common(.channel)
        let optimizer = try SingleUserOptimizer(parameters: model, channel: model.drawChannel(from: &stream))
        var algorithm = streams.algorithm(StreamPurpose("ee.pso"), series: series.index)
        let solution = optimizer.solve(scheme, algorithmStream: &algorithm)
        let initial = optimizer.geometry.initialPositions.map { Double($0) * model.stepSize }
        return zip(initial, solution.positionsInMetres).enumerated().map { [Double($0.offset + 1), $0.element.0, $0.element.1] }
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
        case .iterations: return "Outer iterations (sequential-update rounds, PSO iterations; 0 for FPA)"
        }
    }
}
