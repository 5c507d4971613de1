import ArgumentParser
import SweepEngine

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check experiment files without running them.",
        discussion: "Prints every problem as file:line:column: error: message. Exit status 2 when any file is invalid.")

    @Argument(help: "Experiment YAML files.")
    var files: [String]

    func run() throws {
        var invalid = 0
        for file in files {
            do {
                let plan = try loadPlan(file)
                let e = plan.experiment
                print("\(file): ok (scenario \(e.scenarioName), \(plan.points.count) sweep point(s) × "
                    + "\(e.realizations) realization(s), \(e.series.count) series, \(e.outputs.count) output(s))")
            } catch is ExitCode {
                invalid += 1
            }
        }
        if invalid > 0 { throw ExitCode(ExitStatus.badInput) }
    }
}
