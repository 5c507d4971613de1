import Foundation
import ScenarioKit

/// How the run was invoked, beyond the experiment file itself (recorded in the manifest).
public struct Invocation: Sendable {
    public var realizationsOverride: Int?
    public var commandLine: [String]

    public init(realizationsOverride: Int? = nil, commandLine: [String] = CommandLine.arguments) {
        self.realizationsOverride = realizationsOverride
        self.commandLine = commandLine
    }
}

/// Writes every output of a run as `<root>/<scenario>/<file>.csv` plus `<file>.manifest.json`, each
/// atomically. CSVs are a pure function of the configuration; manifests also carry run facts
/// (wall time, host, memory), so only the CSVs are compared byte for byte.
public enum ResultWriter {
    @discardableResult
    public static func write(_ result: RunResult, root: URL, environment: RunEnvironment, invocation: Invocation) throws -> [URL] {
        let experiment = result.plan.experiment
        let directory = root.appendingPathComponent(experiment.scenarioName, isDirectory: true)
        var written: [URL] = []
        for (o, output) in experiment.outputs.enumerated() {
            let csv = CSVTables.text(result, output: o)
            let csvURL = directory.appendingPathComponent(output.file + ".csv")
            try AtomicFile.write(csv, to: csvURL)
            let manifest = manifest(result, output: o, csvDigest: SHA256.hex(of: Array(csv.utf8)),
                                    environment: environment, invocation: invocation)
            try AtomicFile.write(manifest.prettyText, to: directory.appendingPathComponent(output.file + ".manifest.json"))
            written.append(csvURL)
        }
        return written
    }

    public static func manifest(_ result: RunResult, output o: Int, csvDigest: String, environment: RunEnvironment,
                                invocation: Invocation) -> JSONValue {
        let plan = result.plan
        let experiment = plan.experiment
        let output = experiment.outputs[o]
        let outputDescription: JSONValue
        switch output.kind {
        case .curve(let metric):
            let unit = experiment.scenario.metrics.first { $0.name == metric }?.unit ?? ""
            outputDescription = .object([("kind", .string("curve")), ("metric", .string(metric)), ("unit", .string(unit))])
        case .table(let name, let r):
            outputDescription = .object([("kind", .string("table")), ("table", .string(name)), ("realization", .integer(r))])
        }
        let failures: [(String, JSONValue)] = zip(experiment.series, result.failuresBySeries).map { series, f in
            (series.label, .object([
                ("failed_realizations", .integer(f.count)),
                ("statuses", .object(f.statuses.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) })),
            ]))
        }
        func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        let plot = output.plot
        let plotDescription = JSONValue.object([
            ("title", optional(plot.title ?? experiment.title)), ("x_label", optional(plot.xLabel ?? plan.columns.first)),
            ("y_label", optional(plot.yLabel)), ("x_log", .bool(plot.xLog)), ("y_log", .bool(plot.yLog)),
        ])
        return .object([
            ("masweep_version", .string(RunEnvironment.masweepVersion)),
            ("experiment_file", .string(experiment.sourcePath)),
            ("scenario", .string(experiment.scenarioName)),
            ("figure", .string(experiment.figure)),
            ("title", .string(experiment.title)),
            ("output", outputDescription),
            ("plot", plotDescription),
            ("series", .array(experiment.series.map { .string($0.label) })),
            ("csv_sha256", .string(csvDigest)),
            ("configuration_sha256", .string(plan.configurationHash)),
            ("configuration", plan.resolvedConfiguration),
            ("seed", .string(String(experiment.seed))),
            ("deterministic", .bool(experiment.isDeterministic)),
            ("realizations", .integer(experiment.realizations)),
            ("realizations_override", invocation.realizationsOverride.map(JSONValue.integer) ?? .null),
            ("sweep_points", .integer(plan.points.count)),
            ("work_units", .integer(plan.unitCount)),
            // `wall_time_s` is this process's; a resume or merge replays these units from journals
            // written by earlier processes, whose time is not known (a SIGKILL records nothing).
            ("units_from_journal", .integer(result.unitsFromJournal)),
            ("failures", .object(failures)),
            ("jobs", .integer(result.jobs)),
            ("reorder_buffer_high_water_units", .integer(result.reorderHighWater)),
            ("wall_time_s", .number((result.wallTime * 1000).rounded() / 1000)),
            ("peak_rss_bytes", .integer(RunEnvironment.peakResidentBytes)),
            ("git_commit", optional(environment.gitCommit)),
            ("git_dirty", environment.gitDirty.map(JSONValue.bool) ?? .null),
            ("toolchain", .string(environment.toolchain)),
            ("blas", optional(environment.numericalBackend)),
            ("host", .string(environment.host)),
            ("os", .string(environment.operatingSystem)),
            ("command_line", .array(invocation.commandLine.map(JSONValue.string))),
        ])
    }
}
