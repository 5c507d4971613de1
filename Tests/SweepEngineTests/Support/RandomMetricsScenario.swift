import Foundation
import Randomness
import ScenarioKit
import SweepEngine

/// A test-only scenario whose metrics are simple functions of the unit's random streams, so tests can
/// recompute every per-realization value directly and check the engine's reduction against it.
struct RandomMetricsScenario: Scenario {
    let name = "random-test"
    let summary = "Test scenario with random metrics"
    let reference = "Tests/SweepEngineTests"

    let parameters: [ParameterSpec] = [
        ParameterSpec("offset", .real(.any), default: .real(0), .assumed, "Added to every value"),
        ParameterSpec("scale", .real(.positive), default: .real(1), .assumed, "Multiplies the random part"),
        ParameterSpec("failure_rate", .real(.unit), default: .real(0), .assumed, "Probability that a realization fails"),
        ParameterSpec("dimension", .integer(1...64), default: .integer(1), .assumed, "Number of normals summed"),
        ParameterSpec("mode", .choice(["plain", "squared"]), default: .choice("plain"), .assumed, "Transform"),
        ParameterSpec("enabled", .flag, default: .flag(true), .assumed, "A flag"),
        ParameterSpec("limit", .real(RealRange(0, 10)), default: .real(5), .assumed, "Rejected above 8 by check()"),
        ParameterSpec("delay_ms", .real(.nonNegative), default: .real(0), .assumed, "Sleep per unit, to make runs interruptible"),
    ]
    let schemes: [SchemeSpec] = [
        SchemeSpec("gaussian", "offset + scale·(sum of `dimension` channel normals) + algorithm noise"),
        SchemeSpec("uniform", "offset + scale·uniform channel draw", metrics: ["value"]),
        SchemeSpec("exact", "offset², no randomness", deterministic: true, metrics: ["value"]),
    ]
    let metrics: [MetricSpec] = [
        MetricSpec("value", unit: "1", "The random value"),
        MetricSpec("noise", unit: "1", "Algorithm-stream noise"),
    ]
    let tables: [TableSpec] = [TableSpec("draws", columns: ["index", "value"], "The first three channel normals")]

    func check(_ parameters: ParameterSet, scheme: String) throws(ScenarioError) {
        if parameters.real("limit") > 8 { throw ScenarioError("limit above 8 is not supported by this model") }
    }

    func evaluate(_ series: [SeriesRequest], streams: UnitStreams, workspace: inout NoWorkspace) -> [SeriesOutcome] {
        // `limit` 7.5 marks a slow series: every 5000th realization sleeps, so other workers run ahead
        // and exercise the reorder buffer.
        if series.contains(where: { $0.parameters.real("limit") == 7.5 }) && streams.realization % 5000 == 17 {
            usleep(20_000)
        }
        if let delay = series.first?.parameters.real("delay_ms"), delay > 0 { usleep(UInt32(delay * 1000)) }
        return series.map { request in
            Self.outcome(request, streams: streams)
        }
    }

    /// The reference computation, shared with the tests.
    static func outcome(_ request: SeriesRequest, streams: UnitStreams) -> SeriesOutcome {
        let p = request.parameters
        var channel = streams.common()
        if channel.uniform() < p.real("failure_rate") { return .failure("test:forced") }
        switch request.scheme {
        case "gaussian":
            var sum = 0.0
            for _ in 0..<p.integer("dimension") { sum += channel.normal() }
            var algorithm = streams.algorithm(StreamPurpose("noise"), series: request.index)
            let noise = algorithm.normal()
            var value = p.real("offset") + p.real("scale") * sum
            if p.choice("mode") == "squared" { value *= value }
            return .success([value, noise])
        case "uniform":
            return .success([p.real("offset") + p.real("scale") * channel.uniform(), .nan])
        default:
            return .success([p.real("offset") * p.real("offset"), .nan])
        }
    }

    func table(_ name: String, series: SeriesRequest, streams: UnitStreams) throws(ScenarioError) -> [[Double]] {
        var channel = streams.common()
        _ = channel.uniform()
        return (0..<3).map { [Double($0), channel.normal()] }
    }
}

let testRegistry = ScenarioRegistry([RandomMetricsScenario()])

func loadExperiment(_ yaml: String, path: String = "test.yaml", realizations: Int? = nil) throws -> Experiment {
    try ExperimentLoader(registry: testRegistry).load(yaml: yaml, path: path, realizationsOverride: realizations)
}

func runCSV(_ yaml: String, jobs: Int, realizations: Int? = nil, output: Int = 0) throws -> String {
    let plan = try SweepPlan(loadExperiment(yaml, realizations: realizations))
    let result = try SweepEngine.run(plan, options: RunOptions(jobs: jobs, quiet: true))
    return CSVTables.text(result, output: output)
}
