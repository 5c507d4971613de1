import Foundation
import Randomness
import ScenarioKit
import SweepEngine
@testable import Scenarios
import Testing

/// The `ee` scenario's multi-user dispatch: scheme names, validation, and one work unit end to end.
@Suite("ee multi-user scenario")
struct MultiUserScenarioTests {
    let scenario = EnergyEfficiencyScenario()

    func parameters(users: Int, antennas: Int, length: Double = 4) -> ParameterSet {
        var p = scenario.defaultParameters
        p["users"] = .integer(users)
        p["antennas"] = .integer(antennas)
        p["array_length_wavelengths"] = .real(length)
        return p
    }

    @Test("Scheme names: paper names, zero-forcing, and the explicitly named *-wmmse substitutes")
    func names() {
        let names = Set(scenario.schemes.map(\.name))
        for name in ["sequential-update", "pso", "conventional-ee", "sum-rate", "fixed-position", "zero-forcing",
                     "sequential-update-wmmse", "pso-wmmse", "conventional-ee-wmmse", "fixed-position-wmmse"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(!names.contains("sum-rate-wmmse") && !names.contains("zero-forcing-wmmse"))
        #expect(MultiUserScheme.parse("sequential-update")! == (.proposed, .successiveConvexApproximation))
        #expect(MultiUserScheme.parse("pso-wmmse")! == (.particleSwarm, .weightedMMSE))
        #expect(MultiUserScheme.parse("zero-forcing-wmmse") == nil)
        for scheme in scenario.schemes where scheme.name.hasSuffix("-wmmse") {
            #expect(scheme.summary.contains("FAST SUBSTITUTE"))
        }
    }

    @Test("Validation: the paper's SCA schemes and their fast substitutes are both accepted for K > 1; N ≥ K")
    func validation() throws {
        let mu = parameters(users: 4, antennas: 6)
        for paper in ["sequential-update", "pso", "conventional-ee", "fixed-position"] {
            try scenario.check(mu, scheme: paper)
            try scenario.check(mu, scheme: paper + "-wmmse")
            // K = 1 keeps the single-user algorithms under the paper's names.
            try scenario.check(parameters(users: 1, antennas: 6), scheme: paper)
        }
        try scenario.check(mu, scheme: "sum-rate")
        try scenario.check(mu, scheme: "zero-forcing")
        #expect(throws: ScenarioError.self) { try scenario.check(parameters(users: 4, antennas: 3), scheme: "zero-forcing") }
    }

    @Test("One unit, K = 2: every multi-user scheme succeeds; K = 1 routes the paper names to the single-user code")
    func evaluateUnit() throws {
        var workspace = NoWorkspace()
        let streams = UnitStreams(seed: 7, realization: 0, point: 0)
        let schemes = ["sequential-update-wmmse", "pso-wmmse", "conventional-ee-wmmse", "sum-rate", "fixed-position-wmmse", "zero-forcing"]
        let requests = schemes.enumerated().map {
            SeriesRequest(index: $0.offset, label: $0.element, scheme: $0.element, parameters: parameters(users: 2, antennas: 4))
        }
        let outcomes = scenario.evaluate(requests, streams: streams, workspace: &workspace)
        let ee = try #require(scenario.metricIndex(named: "energy_efficiency_bits_per_joule"))
        var values: [String: Double] = [:]
        for (scheme, outcome) in zip(schemes, outcomes) {
            guard case .success(let metrics) = outcome else { Issue.record("\(scheme): \(outcome)"); continue }
            #expect(metrics.count == scenario.metrics.count)
            values[scheme] = metrics[ee]
        }
        #expect(values["sequential-update-wmmse"]! >= values["fixed-position-wmmse"]!)
        #expect(values["sequential-update-wmmse"]! >= values["zero-forcing"]!)
        // K = 1: paper names → single-user optimizer (same numbers as calling it directly).
        let single = parameters(users: 1, antennas: 4)
        let su = scenario.evaluate([SeriesRequest(index: 0, label: "P", scheme: "sequential-update", parameters: single)],
                                   streams: streams, workspace: &workspace)
        let model = EnergyEfficiencyParameterTable.model(single)
        var stream = streams.common(.channel)
        let direct = try SingleUserOptimizer(parameters: model, channel: model.drawChannel(from: &stream)).solve(.sequentialUpdate)
        guard case .success(let m) = su[0] else { Issue.record("\(su)"); return }
        #expect(m[ee] == direct.energyEfficiency)
    }

    @Test("Positions table for a multi-user series")
    func positionsTable() throws {
        let request = SeriesRequest(index: 0, label: "P", scheme: "zero-forcing", parameters: parameters(users: 2, antennas: 4))
        let rows = try scenario.table("positions", series: request, streams: UnitStreams(seed: 7, realization: 0, point: 0))
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.count == 3 })
    }
}

/// The multi-user figures are stochastic (channels, PSO): byte-identical CSVs for --jobs 1 and 2.
@Suite("ee multi-user determinism")
struct MultiUserDeterminismTests {
    @Test("A small multi-user sweep gives byte-identical CSVs for jobs 1 and 2, and depends on the seed")
    func jobsInvariant() throws {
        let yaml = """
            scenario: ee
            figure: mu-determinism
            seed: 20251122
            realizations: 3
            parameters: {users: 2, antennas: 4, array_length_wavelengths: 4}
            sweep:
              coherence_time_s: [0.5, 1.0]
            series:
              - {label: Proposed, scheme: sequential-update-wmmse}
              - {label: PSO, scheme: pso-wmmse}
              - {label: SM, scheme: sum-rate}
              - {label: ZF, scheme: zero-forcing}
            outputs:
              - {metric: energy_efficiency_bits_per_joule, file: mu-determinism}
            """
        func csv(_ text: String, jobs: Int) throws -> String {
            let experiment = try ExperimentLoader(registry: StandardScenarios.registry).load(yaml: text, path: "mu.yaml")
            let result = try SweepEngine.run(SweepPlan(experiment), options: RunOptions(jobs: jobs, quiet: true))
            return CSVTables.text(result, output: 0)
        }
        let one = try csv(yaml, jobs: 1)
        #expect(try csv(yaml, jobs: 2) == one)
        #expect(try csv(yaml.replacingOccurrences(of: "seed: 20251122", with: "seed: 7"), jobs: 2) != one)
        #expect(!one.contains("nan"))
    }
}
