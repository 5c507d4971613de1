import ScenarioKit

/// The CSV text of each output (DESIGN.md §6): fixed column order, rows in sweep order, numbers in
/// shortest round-trip form, `nan` for a cell without data. Pure functions of a `RunResult`, so the
/// bytes depend only on the configuration and the per-realization values.
public enum CSVTables {
    /// Wide curve table: sweep column(s), one column per series label, then `<label>_ci95` half-widths
    /// (omitted for deterministic experiments).
    public static func curve(_ result: RunResult, output o: Int) -> String {
        let plan = result.plan
        let labels = plan.experiment.series.map(\.label)
        var header = plan.columns + labels
        if !plan.experiment.isDeterministic { header += labels.map { $0 + "_ci95" } }
        var lines = [header.joined(separator: ",")]
        lines.reserveCapacity(plan.points.count + 1)
        for point in plan.points {
            let moments = result.curves[o][point.index]
            var cells = point.coordinates.map(\.description)
            cells += moments.map { formatShortest($0.meanOrNaN) }
            if !plan.experiment.isDeterministic { cells += moments.map { formatShortest($0.ci95) } }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Table output: sweep column(s), `series`, then the scenario's own columns.
    public static func table(_ result: RunResult, output o: Int) -> String {
        let plan = result.plan
        guard case .table(let name, _) = plan.experiment.outputs[o].kind,
              let spec = plan.experiment.scenario.tableSpec(named: name) else {
            preconditionFailure("output \(o) is not a table output")
        }
        let header = plan.columns + ["series"] + spec.columns
        return ([header] + result.tables[o]).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    public static func text(_ result: RunResult, output o: Int) -> String {
        switch result.plan.experiment.outputs[o].kind {
        case .curve: return curve(result, output: o)
        case .table: return table(result, output: o)
        }
    }
}
