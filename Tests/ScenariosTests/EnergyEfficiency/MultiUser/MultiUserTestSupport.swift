import AntennaModels
import Foundation
import Randomness
import Scenarios

/// Shared helpers for the multi-user `ee` tests: realizations drawn exactly as the scenario draws them.
enum MUTest {
    static let seed: UInt64 = 20_251_122

    /// The defaults with smaller sizes where a test does not need the full ones.
    static func parameters(antennas: Int = 6, users: Int = 4) -> EnergyEfficiencyParameters {
        var p = EnergyEfficiencyParameters()
        p.antennas = antennas
        p.users = users
        return p
    }

    static func channel(_ parameters: EnergyEfficiencyParameters, realization: Int) -> FieldResponseChannel {
        var stream = UnitStreams(seed: seed, realization: realization, point: 0).common(.channel)
        return parameters.drawChannel(from: &stream)
    }

    static func problem(_ parameters: EnergyEfficiencyParameters, realization: Int,
                        options: MultiUserOptions = MultiUserOptions()) throws -> MultiUserOptimizer {
        try MultiUserOptimizer(parameters: parameters, options: options, channel: channel(parameters, realization: realization))
    }

    static func psoStream(realization: Int) -> RandomStream {
        UnitStreams(seed: seed, realization: realization, point: 0).algorithm(StreamPurpose("ee.pso"), series: 0)
    }

    static func wmmse(_ problem: MultiUserOptimizer) -> any PrecoderSubproblemSolver {
        problem.subproblemSolver(.weightedMMSE)
    }

    static func solve(_ problem: MultiUserOptimizer, _ scheme: MultiUserScheme, realization: Int) throws -> MultiUserOptimizer.Solution {
        var stream = psoStream(realization: realization)
        return try problem.solve(scheme, solver: wmmse(problem), algorithmStream: &stream)
    }

    static func relativeDifference(_ a: Double, _ b: Double) -> Double {
        abs(a - b) / max(abs(a), abs(b), 1e-300)
    }
}
