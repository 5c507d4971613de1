import ArgumentParser
import Foundation
import SweepEngine

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an experiment file and write its CSV tables and manifests.",
        discussion: """
            Outputs go to <output-dir>/<scenario>/<file>.csv with <file>.manifest.json beside each.
            The file is validated completely before any work; nothing is written when it is invalid.
            CSVs are byte-identical for the same file and seed whatever --jobs is.
            """)

    @Argument(help: "The experiment YAML file.")
    var file: String

    @Option(name: .shortAndLong, help: "Worker threads (default: the active processor count).")
    var jobs: Int?

    @Option(name: .long, help: "Root directory of the results; files go to <dir>/<scenario>/.")
    var outputDir: String = "results"

    @Option(name: .long, help: "Override the file's realization count for a quick look (recorded in the manifest).")
    var realizations: Int?

    @Flag(name: .long, help: "Stop at the first failed realization instead of counting it and continuing.")
    var failFast = false

    @Flag(name: .shortAndLong, help: "No progress output on stderr.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
        if let realizations, realizations < 1 {
            throw ValidationError("--realizations must be at least 1 (got \(realizations))")
        }
    }

    func run() throws {
        let plan = try loadPlan(file, realizationsOverride: realizations)
        if realizations != nil && plan.experiment.isDeterministic && !quiet {
            printError("note: \(file) is deterministic (one realization); --realizations is ignored")
        }
        let options = RunOptions(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, failFast: failFast, quiet: quiet)
        let result: RunResult
        do {
            result = try SweepEngine.run(plan, options: options)
        } catch {
            printError("error: \(error)")
            throw ExitCode(ExitStatus.runFailed)
        }
        let experimentDirectory = URL(fileURLWithPath: file).deletingLastPathComponent()
        let written: [URL]
        do {
            written = try ResultWriter.write(result, root: URL(fileURLWithPath: outputDir),
                                             environment: .capture(directory: experimentDirectory),
                                             invocation: Invocation(realizationsOverride: plan.experiment.isDeterministic ? nil : realizations))
        } catch {
            printError("error: cannot write the results: \(error.localizedDescription)")
            throw ExitCode(ExitStatus.runFailed)
        }
        let failed = result.failuresBySeries.reduce(0) { $0 + $1.count }
        for url in written { print("wrote \(url.relativePath)") }
        if failed > 0 {
            let detail = zip(plan.experiment.series, result.failuresBySeries).filter { $0.1.count > 0 }
                .map { "\($0.0.label): \($0.1.count)" }.joined(separator: ", ")
            printError("warning: \(failed) failed realization(s) excluded from the means (\(detail)); see the manifest")
        }
    }
}
