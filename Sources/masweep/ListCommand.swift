import ArgumentParser
import Scenarios
import ScenarioKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List scenarios with their schemes, parameters (default, unit, provenance) and metrics.")

    @Argument(help: "Only this scenario.")
    var scenario: String?

    func run() throws {
        let registry = StandardScenarios.registry
        var selected = registry.scenarios
        if let scenario {
            guard let s = registry.scenario(named: scenario) else {
                printError("error: unknown scenario '\(scenario)' (known: \(registry.names.joined(separator: ", ")))")
                throw ExitCode(ExitStatus.badInput)
            }
            selected = [s]
        }
        print(selected.map(describe).joined(separator: "\n"), terminator: "")
    }

    func describe(_ s: any Scenario) -> String {
        var out = "\(s.name) — \(s.summary)\n  reference: \(s.reference)\n\n  schemes:\n"
        out += table(s.schemes.map { [$0.name, ($0.isDeterministic ? "[deterministic] " : "") + $0.summary] }, indent: 4)
        out += "\n  parameters (default, unit, provenance):\n"
        out += table([["name", "default", "unit", "source", "values", "meaning"]] + s.parameters.map {
            [$0.name, $0.defaultValue.description, $0.unit.isEmpty ? "-" : $0.unit, $0.provenance.rawValue,
             $0.domain.description, $0.summary]
        }, indent: 4)
        out += "\n  metrics:\n"
        out += table(s.metrics.map { [$0.name, $0.unit, $0.summary] }, indent: 4)
        if !s.tables.isEmpty {
            out += "\n  tables:\n"
            out += table(s.tables.map { [$0.name, $0.columns.joined(separator: ","), $0.summary] }, indent: 4)
        }
        return out
    }

    /// Left-aligned columns; the last column is free text.
    func table(_ rows: [[String]], indent: Int) -> String {
        guard let columns = rows.first?.count else { return "" }
        let widths = (0..<columns).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            String(repeating: " ", count: indent) + row.enumerated().map { c, cell in
                c == columns - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
