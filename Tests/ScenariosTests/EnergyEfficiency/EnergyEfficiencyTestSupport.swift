import AntennaModels
import Randomness
import Scenarios

/// Shared helpers for the `ee` tests: one fixed seed, realizations drawn exactly as the scenario will.
enum EETest {
    static let seed: UInt64 = 20_251_122

    static func channel(_ parameters: EnergyEfficiencyParameters, realization: Int) -> FieldResponseChannel {
        EnergyEfficiencySingleUser.drawChannel(
            parameters: parameters, stream: UnitStreams(seed: seed, realization: realization, point: 0).common(.channel))
    }

    static func problem(_ parameters: EnergyEfficiencyParameters, realization: Int) throws -> SingleUserOptimizer {
        try SingleUserOptimizer(parameters: parameters, channel: channel(parameters, realization: realization))
    }

    static func psoStream(realization: Int) -> RandomStream {
        UnitStreams(seed: seed, realization: realization, point: 0).algorithm(StreamPurpose("ee.pso"), series: 0)
    }

    /// Every scheme on one realization.
    static func solveAll(_ problem: SingleUserOptimizer, realization: Int) -> [EnergyEfficiencyScheme: SingleUserOptimizer.Solution] {
        var result: [EnergyEfficiencyScheme: SingleUserOptimizer.Solution] = [:]
        for scheme in EnergyEfficiencyScheme.allCases {
            var stream = psoStream(realization: realization)
            result[scheme] = problem.solve(scheme, algorithmStream: &stream)
        }
        return result
    }

    static func relativeDifference(_ a: Double, _ b: Double) -> Double {
        abs(a - b) / max(abs(a), abs(b), 1e-300)
    }
}
