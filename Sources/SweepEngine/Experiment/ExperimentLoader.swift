import Foundation
import Yams
import ScenarioKit

/// Reads and validates an experiment file against the scenario registry. Validation is complete
/// before anything runs: every problem is reported with its file, line and column.
public struct ExperimentLoader: Sendable {
    public let registry: ScenarioRegistry

    public init(registry: ScenarioRegistry) { self.registry = registry }

    static let topLevelKeys = ["scenario", "figure", "title", "seed", "realizations", "parameters", "sweep",
                               "series", "outputs", "plot"]
    static let maxRealizations = Int(UInt32.max) - 1

    public func load(path: String, realizationsOverride: Int? = nil) throws -> Experiment {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ExperimentValidationError([Diagnostic(SourceLocation(file: path, line: 1, column: 1),
                                                        "cannot read the experiment file: \(error.localizedDescription)")])
        }
        return try load(yaml: text, path: path, realizationsOverride: realizationsOverride)
    }

    public func load(yaml: String, path: String, realizationsOverride: Int? = nil) throws -> Experiment {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ExperimentValidationError([yamlSyntaxDiagnostic(error, path: path, text: yaml)])
        }
        guard let root else {
            throw ExperimentValidationError([Diagnostic(SourceLocation(file: path, line: 1, column: 1),
                                                        "the experiment file is empty")])
        }
        var builder = ExperimentBuilder(reader: YAMLReader(file: path), registry: registry)
        let experiment = builder.build(root, realizationsOverride: realizationsOverride)
        guard let experiment, builder.reader.diagnostics.isEmpty else {
            throw ExperimentValidationError(builder.reader.diagnostics)
        }
        return experiment
    }

    private func yamlSyntaxDiagnostic(_ error: YamlError, path: String, text: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: path, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return Diagnostic(at(mark), "YAML syntax: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the first occurrence; point at the repetition, which is what needs deleting.
            let first = context.mark
            let key = duplicates.first ?? ""
            let lines = text.components(separatedBy: "\n")
            let repeated = lines.indices.dropFirst(first.line).first { i in
                let line = Array(lines[i].unicodeScalars)
                let column = first.column - 1
                guard line.count > column, line[..<column].allSatisfy({ $0 == " " }) else { return false }
                return String(String.UnicodeScalarView(line[column...])).hasPrefix(key + ":")
            }
            let location = repeated.map { SourceLocation(file: path, line: $0 + 1, column: first.column) } ?? at(first)
            return Diagnostic(location, "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) "
                + "(first at \(first.line):\(first.column)); a key may appear once per mapping")
        default:
            return Diagnostic(SourceLocation(file: path, line: 1, column: 1), "YAML: \(error)")
        }
    }
}

/// The stateful part of loading: walks the tree once, collecting diagnostics.
struct ExperimentBuilder {
    var reader: YAMLReader
    let registry: ScenarioRegistry

    mutating func build(_ root: Node, realizationsOverride: Int?) -> Experiment? {
        guard let entries = reader.mapping(root, "the experiment file") else { return nil }
        reader.checkKeys(entries, in: root, what: "the experiment file", allowed: ExperimentLoader.topLevelKeys,
                         required: ["scenario", "figure", "sweep", "series", "outputs"])
        func value(_ key: String) -> Node? { entries.first { $0.key == key }?.value }

        // The scenario decides what every other key may contain; without it, stop here.
        guard let scenarioNode = value("scenario"), let name = reader.string(scenarioNode, "scenario") else { return nil }
        guard let scenario = registry.scenario(named: name) else {
            reader.error(scenarioNode, "unknown scenario '\(name)'\(didYouMean(name, among: registry.names))"
                + " (known: \(registry.names.joined(separator: ", ")))")
            return nil
        }

        let figure = value("figure").flatMap { fileStem($0, "figure") }
        let title = value("title").flatMap { reader.string($0, "title") } ?? figure ?? ""
        let parameters = value("parameters").map { parameterOverrides($0, scenario: scenario, what: "parameters") } ?? []
        let sweepNode = value("sweep")
        let sweep = sweepNode.map { sweepAxes($0, scenario: scenario, fixed: parameters.map(\.name)) } ?? []
        let sweptNames = sweep.flatMap(\.names)
        let series = value("series").map { seriesList($0, scenario: scenario, swept: sweptNames) } ?? []
        let plot = value("plot").map { plotSpec($0, base: PlotSpec()) } ?? PlotSpec()
        let outputs = value("outputs").map { outputList($0, scenario: scenario, series: series, plot: plot) } ?? []

        let deterministic = !series.isEmpty && series.allSatisfy { scenario.scheme(named: $0.scheme)?.isDeterministic ?? false }
        var seed: UInt64 = 0
        if let node = value("seed") {
            if let n = reader.integer(node, "seed", in: 0...Int.max) { seed = UInt64(n) }
        } else if !deterministic {
            reader.error(root, "the experiment file is missing the required key 'seed' (a Monte Carlo run must name its seed)")
        }
        var realizations = 1
        if let node = value("realizations") {
            if let n = reader.integer(node, "realizations", in: 1...ExperimentLoader.maxRealizations) {
                if deterministic && n != 1 {
                    reader.error(node, "realizations must be 1 (or omitted): every series uses a deterministic scheme")
                }
                realizations = n
            }
        } else if !deterministic {
            reader.error(root, "the experiment file is missing the required key 'realizations'")
        }
        if let override = realizationsOverride, !deterministic { realizations = override }
        guard let figure, let sweepNode else { return nil }
        return Experiment(sourcePath: reader.file, scenario: scenario, figure: figure, title: title, seed: seed,
                          realizations: deterministic ? 1 : realizations, isDeterministic: deterministic,
                          parameters: parameters, sweep: sweep, series: series, outputs: outputs, plot: plot,
                          sweepLocation: reader.location(sweepNode))
    }

    /// A name that becomes part of a file path: letters, digits, '-', '_' and '.', not starting with '.'.
    mutating func fileStem(_ node: Node, _ what: String) -> String? {
        guard let s = reader.string(node, what) else { return nil }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard !s.isEmpty, !s.hasPrefix("."), s.unicodeScalars.allSatisfy({ allowed.contains($0) && $0.isASCII }) else {
            reader.error(node, "\(what) '\(s)' must be a plain file name (ASCII letters, digits, '-', '_', '.')")
            return nil
        }
        return s
    }

    mutating func parameterOverrides(_ node: Node, scenario: any Scenario, what: String) -> [(name: String, value: ParameterValue)] {
        guard let entries = reader.mapping(node, what) else { return [] }
        var result: [(String, ParameterValue)] = []
        for entry in entries {
            guard let spec = scenario.parameter(named: entry.key) else {
                reader.error(entry.keyNode, "scenario '\(scenario.name)' has no parameter '\(entry.key)'"
                    + didYouMean(entry.key, among: scenario.parameters.map(\.name)))
                continue
            }
            if let v = reader.parameterValue(entry.value, spec: spec) { result.append((entry.key, v)) }
        }
        return result
    }

    mutating func seriesList(_ node: Node, scenario: any Scenario, swept: [String]) -> [SeriesSpec] {
        guard let items = reader.sequence(node, "series") else { return [] }
        if items.isEmpty { reader.error(node, "series is empty: name at least one curve (label and scheme)") }
        var result: [SeriesSpec] = []
        var labels: [String: SourceLocation] = [:]
        for item in items {
            guard let entries = reader.mapping(item, "a series entry") else { continue }
            reader.checkKeys(entries, in: item, what: "a series entry", allowed: ["label", "scheme", "parameters"],
                             required: ["label", "scheme"])
            let labelNode = entries.first { $0.key == "label" }?.value
            let label = labelNode.flatMap { csvLabel($0, swept: swept) }
            if let label, let labelNode {
                if let first = labels[label] {
                    reader.error(labelNode, "duplicate series label '\(label)' (first used at \(first.line):\(first.column))")
                }
                labels[label] = labels[label] ?? reader.location(labelNode)
            }
            var scheme: String?
            if let schemeNode = entries.first(where: { $0.key == "scheme" })?.value,
               let s = reader.string(schemeNode, "scheme") {
                if scenario.scheme(named: s) == nil {
                    let names = scenario.schemes.map(\.name)
                    reader.error(schemeNode, "scenario '\(scenario.name)' has no scheme '\(s)'\(didYouMean(s, among: names))"
                        + " (known: \(names.joined(separator: ", ")))")
                } else {
                    scheme = s
                }
            }
            var overrides: [(name: String, value: ParameterValue)] = []
            if let p = entries.first(where: { $0.key == "parameters" }) {
                overrides = parameterOverrides(p.value, scenario: scenario, what: "series parameters")
                for o in overrides where swept.contains(o.name) {
                    reader.error(p.value, "series '\(label ?? "?")' overrides '\(o.name)', which the sweep varies")
                }
            }
            if let label, let scheme {
                result.append(SeriesSpec(label: label, scheme: scheme, overrides: overrides, location: reader.location(item)))
            }
        }
        return result
    }

    /// Series labels become CSV column names: no separators or quotes, no clash with sweep columns.
    mutating func csvLabel(_ node: Node, swept: [String]) -> String? {
        guard let s = reader.string(node, "label") else { return nil }
        if s.isEmpty || s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) {
            reader.error(node, "label '\(s)' must be non-empty and contain no comma, quote or newline (it is a CSV column name)")
            return nil
        }
        if swept.contains(s) || s.hasSuffix("_ci95") || s == "series" {
            reader.error(node, "label '\(s)' clashes with a generated column name (a sweep column, 'series' or *_ci95)")
            return nil
        }
        return s
    }
}
