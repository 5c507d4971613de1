import ArgumentParser
import Foundation
import Scenarios
import ScenarioKit
import SweepEngine

struct Masweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "masweep",
        abstract: "Monte Carlo sweeps reproducing movable-antenna papers from YAML experiment files.",
        discussion: """
            Exit status: 0 success, 1 the run failed, 2 bad input or usage.
            Experiment files are documented in README.md ("Experiment files").
            """,
        version: RunEnvironment.masweepVersion,
        subcommands: [RunCommand.self, ResumeCommand.self, MergeCommand.self, SlurmCommand.self, DiffCommand.self,
                      PlotCommand.self, ValidateCommand.self, ListCommand.self])
}

enum ExitStatus {
    static let runFailed: Int32 = 1
    static let badInput: Int32 = 2
}

/// Prints to stderr, where diagnostics and progress go (stdout carries results only).
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Loads and plans an experiment, printing located diagnostics and exiting 2 on bad input.
func loadPlan(_ path: String, realizationsOverride: Int? = nil) throws -> SweepPlan {
    do {
        let experiment = try ExperimentLoader(registry: StandardScenarios.registry)
            .load(path: path, realizationsOverride: realizationsOverride)
        return try SweepPlan(experiment)
    } catch let error as ExperimentValidationError {
        printError(error.description)
        throw ExitCode(ExitStatus.badInput)
    }
}
