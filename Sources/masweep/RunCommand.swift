import ArgumentParser
import Foundation
import LinearAlgebra
import ScenarioKit
import SweepEngine

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an experiment file and write its CSV tables and manifests.",
        discussion: """
            Outputs go to <output-dir>/<scenario>/<file>.csv with <file>.manifest.json beside each.
            The file is validated completely before any work; nothing is written when it is invalid.
            CSVs are byte-identical for the same file and seed whatever --jobs, --shard or interruptions.
            Finished units are journaled in <output-dir>/<scenario>/.<figure>.journal; after a crash,
            kill or Ctrl-C (exit 130), `masweep resume` continues where it stopped.
            """)

    @OptionGroup var options: SweepOptions

    @Flag(name: .long, help: "Discard an existing journal of this experiment and start over.")
    var restart = false

    func run() throws {
        try SweepSession(options: options, mode: .run(restart: restart)).execute()
    }
}

struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue an interrupted run from its journal.",
        discussion: """
            Takes the same options as the `run` it continues (values that contradict the journal are an
            error naming the difference). A torn last record is dropped with a warning; corruption
            elsewhere or a changed configuration is an error.
            """)

    @OptionGroup var options: SweepOptions

    func run() throws {
        try SweepSession(options: options, mode: .resume).execute()
    }
}

/// One `run` or `resume` invocation: journal handling, signals, outputs, exit codes.
struct SweepSession {
    enum Mode { case run(restart: Bool), resume }

    let options: SweepOptions
    let mode: Mode

    func execute() throws {
        let plan = try loadPlan(options.file, realizationsOverride: options.realizations)
        let experiment = plan.experiment
        if options.realizations != nil && experiment.isDeterministic && !options.quiet {
            printError("note: \(options.file) is deterministic (one realization); --realizations is ignored")
        }
        let schedule = options.shardSpec.map { UnitSchedule.shard($0, of: plan) } ?? .all(plan)
        let journalURL = JournalLocation.url(root: options.root, experiment: experiment, shard: schedule.shard)
        let header = JournalHeader(plan: plan, schedule: schedule, code: RunEnvironment.codeIdentity)
        let exists = FileManager.default.fileExists(atPath: journalURL.path)

        let sink: JournalSink
        switch mode {
        case .run(let restart):
            if exists && !restart {
                printError("error: \(journalURL.path) holds the journal of an earlier run of this experiment.\n"
                    + "  continue it:   masweep resume \(options.commandSuffix)\n"
                    + "  or start over: masweep run \(options.commandSuffix) --restart")
                throw ExitCode(ExitStatus.badInput)
            }
            if exists { try FileManager.default.removeItem(at: journalURL) }
            sink = .create(journalURL, header)
        case .resume:
            guard exists else {
                printError("error: nothing to resume: no journal at \(journalURL.path) (start with `masweep run \(options.commandSuffix)`)")
                throw ExitCode(ExitStatus.badInput)
            }
            let reader: JournalReader
            do { reader = try JournalReader(url: journalURL) } catch {
                printError("error: \(error.message)")
                throw ExitCode(ExitStatus.badInput)
            }
            let differences = reader.header.differences(from: header)
            guard differences.isEmpty && reader.header.configurationHash == header.configurationHash else {
                printError("error: \(journalURL.path) was written by a different configuration or build; what differs "
                    + "(journal → now):\n" + differences.map { "  " + $0 }.joined(separator: "\n")
                    + "\n  resume with the original file and options, or start over with `masweep run ... --restart`")
                throw ExitCode(ExitStatus.badInput)
            }
            sink = .resume(reader)
        }

        let trap = SignalTrap(quiet: options.quiet)
        var runOptions = options.runOptions
        runOptions.cancellation = trap.cancellation
        let result: RunResult
        do {
            result = try SweepEngine.run(plan, options: runOptions, schedule: schedule, journal: sink, warning: printError)
        } catch RunError.interrupted(let done, let total) {
            printError("interrupted: \(done) of \(total) work units are done and journaled in \(journalURL.path)\n"
                + "resume with: masweep resume \(options.commandSuffix)")
            throw ExitCode(ExitInterrupted.status)
        } catch let error as RunError {
            printError("error: \(error)")
            if case .failFast = error {
                printError("the finished units are journaled; after fixing the cause, `masweep resume \(options.commandSuffix)` continues")
            }
            throw ExitCode(ExitStatus.runFailed)
        }

        if let shard = schedule.shard {
            print("shard \(shard) complete: \(schedule.count) work units journaled in \(journalURL.path)")
            print("when every shard is complete: masweep merge \(shellQuoted(options.file))"
                + (options.outputDir == "results" ? "" : " --output-dir \(shellQuoted(options.outputDir))")
                + (options.realizations.map { " --realizations \($0)" } ?? ""))
            return
        }
        try writeOutputs(result, plan: plan, options: options)
        if !options.keepJournal { try? FileManager.default.removeItem(at: journalURL) }
    }
}

/// Writes CSVs and manifests and reports failures; shared by run, resume and merge.
func writeOutputs(_ result: RunResult, plan: SweepPlan, options: SweepOptions) throws {
    let experimentDirectory = URL(fileURLWithPath: options.file).deletingLastPathComponent()
    let written: [URL]
    do {
        written = try ResultWriter.write(
            result, root: options.root,
            environment: .capture(directory: experimentDirectory, outputRoot: options.root,
                                  numericalBackend: BLASBackend.configuration),
            invocation: Invocation(realizationsOverride: plan.experiment.isDeterministic ? nil : options.realizations))
    } catch {
        printError("error: cannot write the results: \(error.localizedDescription)")
        throw ExitCode(ExitStatus.runFailed)
    }
    for url in written { print("wrote \(url.relativePath)") }
    let failed = result.failuresBySeries.reduce(0) { $0 + $1.count }
    if failed > 0 {
        let detail = zip(plan.experiment.series, result.failuresBySeries).filter { $0.1.count > 0 }
            .map { "\($0.0.label): \($0.1.count)" }.joined(separator: ", ")
        printError("warning: \(failed) failed realization(s) excluded from the means (\(detail)); see the manifest")
    }
}
