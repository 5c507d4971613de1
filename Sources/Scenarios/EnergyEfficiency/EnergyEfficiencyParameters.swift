import AntennaModels
import ScenarioKit

/// The `ee` parameter table (specs/ee.md §2) with each default's provenance.
enum EnergyEfficiencyParameters {
    static let all: [ParameterSpec] = [
        ParameterSpec("steps_per_revolution", .integer(4...100_000), default: .integer(24), .found,
                      "Full steps per motor revolution (AM2224: 24, i.e. a 15° step; specs/ee.md §0)"),
        ParameterSpec("flux_linkage_Wb", unit: "Wb", .real(.positive), default: .real(4e-3), .assumed,
                      "Peak magnet flux linkage per winding Ψ_M (gives 9.6 mN·m holding torque; specs §2)"),
        ParameterSpec("phase_voltage_V", unit: "V", .real(.positive), default: .real(5), .assumed,
                      "Phase supply voltage amplitude V (AM2224-class)"),
        ParameterSpec("phase_resistance_ohm", unit: "Ω", .real(.positive), default: .real(12.5), .assumed,
                      "Phase resistance R (AM-series typical)"),
        ParameterSpec("phase_inductance_H", unit: "H", .real(.positive), default: .real(7.5e-3), .assumed,
                      "Phase inductance L (electrical time constant L/R = 0.6 ms)"),
        ParameterSpec("screw_radius_m", unit: "m", .real(.positive), default: .real(4e-3), .assumed,
                      "Lead-screw outer radius r: linear speed v = ω·r"),
        ParameterSpec("load_speed_mps", unit: "m/s", .real(.nonNegative), default: .real(0.8), .derived,
                      "Linear load speed v of the motor characteristic (default v_max = ω_max·r = 0.8 m/s)"),
    ]

    static func motor(_ p: ParameterSet) -> StepperMotor {
        StepperMotor(stepsPerRevolution: p.integer("steps_per_revolution"), fluxLinkage: p.real("flux_linkage_Wb"),
                     phaseVoltage: p.real("phase_voltage_V"), phaseResistance: p.real("phase_resistance_ohm"),
                     phaseInductance: p.real("phase_inductance_H"), screwRadius: p.real("screw_radius_m"))
    }
}
