import AntennaModels
import Randomness
import ScenarioKit

/// Wei, Mei, Huang, Chen, Ning, "Energy-Efficient Movable Antennas: Mechanical Power Modeling and
/// Performance Optimization" (arXiv 2509.24433); reconstruction in specs/ee.md.
public struct EnergyEfficiencyScenario: Scenario {
    public init() {}

    public let name = "ee"
    public let summary = "Energy efficiency of movable antennas with stepper-motor mechanical power"
    public let reference = "Wei et al., arXiv 2509.24433; Docs/specs/ee.md"

    public var parameters: [ParameterSpec] { EnergyEfficiencyParameters.all }

    public let schemes: [SchemeSpec] = [
        SchemeSpec("motor-characteristic",
                   "Pull-out torque and mechanical power of the stepper motor at load speed `load_speed_mps` (Fig. 4)",
                   deterministic: true, metrics: MotorMetric.allCases.map(\.rawValue)),
    ]

    public let metrics: [MetricSpec] = [
        MetricSpec(MotorMetric.pullOutTorque.rawValue, unit: "mN·m", "Pull-out torque T_po(ω) (eq. (10))"),
        MetricSpec(MotorMetric.mechanicalPower.rawValue, unit: "W", "Motor mechanical power P_MA = T_po·ω (eq. (9))"),
        MetricSpec(MotorMetric.angularSpeed.rawValue, unit: "rad/s", "Angular speed ω = v/r of the motor shaft"),
    ]

    public func check(_ parameters: ParameterSet, scheme: String) throws(ScenarioError) {
        if let violation = EnergyEfficiencyParameters.motor(parameters).modelViolation { throw ScenarioError(violation) }
    }

    public func evaluate(_ series: [SeriesRequest], streams: UnitStreams, workspace: inout NoWorkspace) -> [SeriesOutcome] {
        series.map { request in
            switch request.scheme {
            case "motor-characteristic":
                return .success(MotorMetric.values(request.parameters))
            default:
                preconditionFailure("scheme '\(request.scheme)' is registered but not dispatched")
            }
        }
    }
}

/// Metrics of the motor characteristic, in the order of `EnergyEfficiencyScenario.metrics`.
enum MotorMetric: String, CaseIterable {
    case pullOutTorque = "pull_out_torque_mNm"
    case mechanicalPower = "mechanical_power_W"
    case angularSpeed = "angular_speed_rad_per_s"

    static func values(_ parameters: ParameterSet) -> [Double] {
        let motor = EnergyEfficiencyParameters.motor(parameters)
        let omega = motor.angularSpeed(linearSpeed: parameters.real("load_speed_mps"))
        return [1e3 * motor.pullOutTorque(angularSpeed: omega), motor.mechanicalPower(angularSpeed: omega), omega]
    }
}
