import Randomness
import ScenarioKit
import Scenarios

enum EnergyEfficiencyBenchmarks {
    /// One realization of each single-user scheme at the defaults (N = 6, A = 6λ, L = 10), per unit.
    static func run() {
        Bench.section("EE single user: one realization per scheme (defaults, N = 6)")
        let scenario = EnergyEfficiencyScenario()
        var parameters = scenario.defaultParameters
        parameters["users"] = .integer(1)
        var times: [String: Double] = [:]
        var realization = 0
        for scheme in ["fixed-position", "sequential-update", "conventional-ee", "sum-rate", "pso"] {
            let series = [SeriesRequest(index: 0, label: scheme, scheme: scheme, parameters: parameters)]
            var workspace = scenario.makeWorkspace()
            times[scheme] = Bench.measure(scheme) {
                realization = (realization + 1) % 1000
                _ = scenario.evaluate(series, streams: UnitStreams(seed: 1, realization: realization, point: 0), workspace: &workspace)
            }
        }
        Bench.ratio("PSO / Proposed (sequential-update)", times["pso"]!, times["sequential-update"]!)
        Bench.ratio("Proposed / FPA (channel draw + Dinkelbach)", times["sequential-update"]!, times["fixed-position"]!)
    }
}
