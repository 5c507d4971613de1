import Foundation
import Yams
import ScenarioKit

/// The value forms of a sweep axis: a list, or `linspace`/`logspace`/`range` generators.
extension ExperimentBuilder {
    static let maxAxisLength = 1_000_000

    mutating func sweepAxes(_ node: Node, scenario: any Scenario, fixed: [String]) -> [SweepAxis] {
        guard let entries = reader.mapping(node, "sweep") else { return [] }
        if entries.isEmpty {
            reader.error(node, "sweep is empty: name at least one parameter to vary")
            return []
        }
        var axes: [SweepAxis] = []
        var seen = Set<String>()
        func claim(_ name: String, _ keyNode: Node, _ builder: inout ExperimentBuilder) -> ParameterSpec? {
            guard let spec = scenario.parameter(named: name) else {
                builder.reader.error(keyNode, "cannot sweep '\(name)': scenario '\(scenario.name)' has no such parameter"
                    + didYouMean(name, among: scenario.parameters.map(\.name)))
                return nil
            }
            if !seen.insert(name).inserted {
                builder.reader.error(keyNode, "parameter '\(name)' is swept twice")
                return nil
            }
            if fixed.contains(name) {
                builder.reader.error(keyNode, "parameter '\(name)' is both set in 'parameters' and swept; keep one")
                return nil
            }
            return spec
        }
        for entry in entries {
            if entry.key == "zip" {
                let groups: [Node]
                if case .sequence(let s) = entry.value { groups = Array(s) } else { groups = [entry.value] }
                for group in groups {
                    guard let members = reader.mapping(group, "a zip group") else { continue }
                    var names: [String] = [], values: [[ParameterValue]] = []
                    var firstCount: Int?
                    for m in members {
                        guard let spec = claim(m.key, m.keyNode, &self), let v = axisValues(m.value, spec: spec) else { continue }
                        if let c = firstCount, c != v.count {
                            reader.error(m.value, "zip group members must have equal lengths: '\(m.key)' has \(v.count) values, "
                                + "'\(names[0])' has \(c)")
                            continue
                        }
                        firstCount = v.count
                        names.append(m.key)
                        values.append(v)
                    }
                    if members.isEmpty { reader.error(group, "zip group is empty") }
                    if !names.isEmpty { axes.append(SweepAxis(names: names, values: values)) }
                }
                continue
            }
            guard let spec = claim(entry.key, entry.keyNode, &self), let v = axisValues(entry.value, spec: spec) else { continue }
            axes.append(SweepAxis(names: [entry.key], values: [v]))
        }
        return axes
    }

    /// The values of one axis, each checked against the parameter's domain.
    mutating func axisValues(_ node: Node, spec: ParameterSpec) -> [ParameterValue]? {
        let what = "sweep of '\(spec.name)'"
        var raw: [Node] = []
        var generated: [Double] = []
        switch node {
        case .sequence(let s):
            raw = Array(s)
        case .mapping:
            guard let entries = reader.mapping(node, what), entries.count == 1, let entry = entries.first else {
                reader.error(node, "\(what) must be a list or exactly one of linspace, logspace, range")
                return nil
            }
            guard let values = generator(entry.key, entry.keyNode, entry.value, what: what) else { return nil }
            generated = values
        default:
            reader.error(node, "\(what) must be a list of values or one of {linspace|logspace|range: {...}}, found "
                + reader.show(node) + " (a fixed value belongs under 'parameters')")
            return nil
        }
        if raw.isEmpty && generated.isEmpty {
            reader.error(node, "\(what) is empty: give at least one value")
            return nil
        }
        var values: [ParameterValue] = []
        var ok = true
        for item in raw {
            if let v = reader.parameterValue(item, spec: spec) { values.append(v) } else { ok = false }
        }
        for x in generated {
            let value: ParameterValue
            if case .integer = spec.domain {
                guard x == x.rounded(), abs(x) < 9e15 else {
                    reader.error(node, "\(what) generates \(formatShortest(x)), but '\(spec.name)' takes integers")
                    return nil
                }
                value = .integer(Int(x))
            } else {
                value = .real(x)
            }
            guard spec.domain.admits(value) else {
                reader.error(node, "\(what) generates \(value), outside the parameter's range (\(spec.domain))")
                return nil
            }
            values.append(value)
        }
        return ok ? values : nil
    }

    /// `linspace: {start, stop, count}` (endpoints included), `logspace: {start, stop, count}` (base-10
    /// exponents, like numpy), `range: {start, stop, step}` (stop included when hit within 1e-9 steps).
    mutating func generator(_ kind: String, _ keyNode: Node, _ body: Node, what: String) -> [Double]? {
        let kinds = ["linspace", "logspace", "range"]
        guard kinds.contains(kind) else {
            reader.error(keyNode, "unknown sweep generator '\(kind)'\(didYouMean(kind, among: kinds)) (known: linspace, logspace, range)")
            return nil
        }
        guard let entries = reader.mapping(body, kind) else { return nil }
        let keys = kind == "range" ? ["start", "stop", "step"] : ["start", "stop", "count"]
        reader.checkKeys(entries, in: body, what: kind, allowed: keys, required: keys)
        func node(_ k: String) -> Node? { entries.first { $0.key == k }?.value }
        guard let startNode = node("start"), let stopNode = node("stop"),
              let start = reader.real(startNode, "\(kind).start"), let stop = reader.real(stopNode, "\(kind).stop") else { return nil }
        if kind == "range" {
            guard let stepNode = node("step"), let step = reader.real(stepNode, "range.step") else { return nil }
            guard step != 0, (stop - start) * step >= 0 else {
                reader.error(stepNode, "range.step must be non-zero and point from start towards stop")
                return nil
            }
            let n = Int(((stop - start) / step + 1e-9).rounded(.down)) + 1
            guard n <= ExperimentBuilder.maxAxisLength else {
                reader.error(body, "range generates \(n) values (limit \(ExperimentBuilder.maxAxisLength))")
                return nil
            }
            return (0..<n).map { snapToDecimal(start + Double($0) * step) }
        }
        guard let countNode = node("count"),
              let count = reader.integer(countNode, "\(kind).count", in: 1...ExperimentBuilder.maxAxisLength) else { return nil }
        let exponents = linspace(start, stop, count)
        return kind == "linspace" ? exponents : exponents.map { snapToDecimal(Foundation.pow(10, $0)) }
    }

    mutating func outputList(_ node: Node, scenario: any Scenario, series: [SeriesSpec], plot: PlotSpec) -> [OutputSpec] {
        guard let items = reader.sequence(node, "outputs") else { return [] }
        if items.isEmpty { reader.error(node, "outputs is empty: name at least one metric to write") }
        var result: [OutputSpec] = []
        var files: Set<String> = []
        for item in items {
            guard let entries = reader.mapping(item, "an output entry") else { continue }
            reader.checkKeys(entries, in: item, what: "an output entry", allowed: ["metric", "table", "file", "realization", "plot"],
                             required: ["file"])
            func value(_ k: String) -> Node? { entries.first { $0.key == k }?.value }
            let file = value("file").flatMap { fileStem($0, "file") }
            if let file, let n = value("file"), !files.insert(file).inserted {
                reader.error(n, "output file '\(file)' is written twice")
            }
            let outputPlot = value("plot").map { plotSpec($0, base: plot) } ?? plot
            var kind: OutputKind?
            switch (value("metric"), value("table")) {
            case (let m?, nil):
                if value("realization") != nil { reader.error(item, "'realization' applies to table outputs only") }
                if let name = reader.string(m, "metric") { kind = checkedMetric(name, m, scenario: scenario, series: series) }
            case (nil, let t?):
                guard let name = reader.string(t, "table") else { break }
                guard scenario.tableSpec(named: name) != nil else {
                    let names = scenario.tables.map(\.name)
                    reader.error(t, "scenario '\(scenario.name)' has no table '\(name)'\(didYouMean(name, among: names))"
                        + (names.isEmpty ? "" : " (known: \(names.joined(separator: ", ")))"))
                    break
                }
                let r = value("realization").flatMap { reader.integer($0, "realization", in: 0...ExperimentLoader.maxRealizations) } ?? 0
                kind = .table(name: name, realization: r)
            default:
                reader.error(item, "an output entry needs exactly one of 'metric' (a curve over realizations) or 'table'")
            }
            if let kind, let file { result.append(OutputSpec(kind: kind, file: file, plot: outputPlot)) }
        }
        return result
    }

    private mutating func checkedMetric(_ name: String, _ node: Node, scenario: any Scenario, series: [SeriesSpec]) -> OutputKind? {
        guard scenario.metricIndex(named: name) != nil else {
            let names = scenario.metrics.map(\.name)
            reader.error(node, "scenario '\(scenario.name)' has no metric '\(name)'\(didYouMean(name, among: names))"
                + " (known: \(names.joined(separator: ", ")))")
            return nil
        }
        for s in series where scenario.scheme(named: s.scheme)?.reports(name) == false {
            reader.error(node, "scheme '\(s.scheme)' of series '\(s.label)' does not report metric '\(name)'")
        }
        return .curve(metric: name)
    }

    mutating func plotSpec(_ node: Node, base: PlotSpec) -> PlotSpec {
        guard let entries = reader.mapping(node, "plot") else { return base }
        reader.checkKeys(entries, in: node, what: "plot", allowed: ["title", "x_label", "y_label", "x_log", "y_log"])
        var plot = base
        for e in entries {
            switch e.key {
            case "title": plot.title = reader.string(e.value, "plot.title") ?? plot.title
            case "x_label": plot.xLabel = reader.string(e.value, "plot.x_label") ?? plot.xLabel
            case "y_label": plot.yLabel = reader.string(e.value, "plot.y_label") ?? plot.yLabel
            case "x_log": plot.xLog = reader.flag(e.value, "plot.x_log") ?? plot.xLog
            case "y_log": plot.yLog = reader.flag(e.value, "plot.y_log") ?? plot.yLog
            default: break
            }
        }
        return plot
    }
}

/// `count` evenly spaced values from `start` to `stop`, both included exactly.
func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
    guard count > 1 else { return [start] }
    let span = stop - start
    return (0..<count).map { $0 == count - 1 ? stop : snapToDecimal(start + span * Double($0) / Double(count - 1)) }
}

/// Generated grid values carry binary rounding noise (1.26·40/252 = 0.19999999999999998). Users
/// write grids in decimal and read them back in CSV columns and diffs, so a value is replaced by its
/// 15-significant-digit decimal when that lies within 4 ulps: a change below 1e-15 relative that no
/// result can depend on, and the column reads 0.2.
func snapToDecimal(_ x: Double) -> Double {
    guard x.isFinite, x != 0, let decimal = Double(String(format: "%.15g", x)) else { return x }
    return abs(decimal - x) <= 4 * x.ulp ? decimal : x
}