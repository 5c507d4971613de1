import Foundation
import ScenarioKit

/// The text `masweep diff` prints: a verdict line first, then the files and key, then structural
/// changes (columns, rows), then one section per changed column with its largest changes first, each
/// list capped at `limit` lines plus "... N more". Format documented in Docs/review.md.
public enum DiffReport {
    public static let defaultLimit = 5

    public static func text(_ r: DiffResult, limit: Int = defaultLimit) -> String {
        var out: [String] = [summary(r)]
        out.append("A: \(r.pathA) (\(plural(r.rowCounts.a, "row")), \(plural(r.header.a.count, "column")))")
        out.append("B: \(r.pathB) (\(plural(r.rowCounts.b, "row")), \(plural(r.header.b.count, "column")))")
        let source = r.keySources.a == r.keySources.b ? r.keySources.a.rawValue
            : "A: \(r.keySources.a.rawValue); B: \(r.keySources.b.rawValue)"
        out.append("key: \(r.key.joined(separator: ", ")) (\(source))")
        if r.columnOrderDiffers { out.append("note: column order differs (columns are matched by name)") }
        if r.rowOrderDiffers { out.append("note: row order differs (rows are matched by key)") }
        for path in r.duplicateKeys { out.append("note: the key is not unique in \(path); rows with the same key are matched in order") }
        if r.ciUnavailable { out.append("note: --ci: no column has a _ci95 partner in both files; every change counts") }

        if !(r.addedColumns.isEmpty && r.removedColumns.isEmpty && r.renamedColumns.isEmpty) {
            out.append("")
            out.append("columns: " + structural([(r.addedColumns.count, "added"), (r.removedColumns.count, "removed"),
                                                 (r.renamedColumns.count, "renamed")]))
            var lines = r.addedColumns.map { "  + \($0)" } + r.removedColumns.map { "  - \($0)" }
            lines += r.renamedColumns.map { "  ~ \($0.from) -> \($0.to) (same values)" }
            out += capped(lines, limit: max(limit, 1) * 2)
        }
        if !(r.addedRows.isEmpty && r.removedRows.isEmpty) {
            out.append("")
            out.append("rows: " + structural([(r.addedRows.count, "added"), (r.removedRows.count, "removed")]))
            out += capped(r.addedRows.map { "  + \($0)" }, limit: limit)
            out += capped(r.removedRows.map { "  - \($0)" }, limit: limit)
        }

        if r.options.useCI {
            if r.count(.significant) > 0 || r.count(.changed) > 0 {
                out.append("")
                out.append("significant changes (|Δ| > ci95_A + ci95_B, or no usable half-widths):")
                out += columnSections(r, kinds: [.significant, .changed], title: "significant", limit: limit)
            }
            if r.count(.noise) > 0 {
                out.append("")
                out.append("within-noise drift (|Δ| ≤ ci95_A + ci95_B; changes of the _ci95 columns themselves):")
                out += columnSections(r, kinds: [.noise], title: "within noise", limit: limit)
            }
        } else if r.count(.changed) > 0 {
            out += columnSections(r, kinds: [.changed], title: "beyond tolerance", limit: limit, blankBefore: true)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The first line: `equal`, `equal within noise` or `different`, with counts and the tolerance.
    public static func summary(_ r: DiffResult) -> String {
        let valueColumns = r.columns.count
        var tolerance = r.options.tolerance.description
        if !r.options.columnTolerances.isEmpty {
            tolerance += "; " + r.options.columnTolerances.sorted { $0.key < $1.key }
                .map { "\($0.key): \($0.value)" }.joined(separator: "; ")
        }
        if r.options.useCI { tolerance += "; --ci: significant if |Δ| > ci95_A + ci95_B" }
        func columnsWith(_ kinds: [CellChange.Kind]) -> Int {
            r.columns.filter { c in c.changes.contains { kinds.contains($0.kind) } }.count
        }
        var parts: [String] = []
        if r.options.useCI {
            let significant = r.count(.significant) + r.count(.changed)
            if significant > 0 {
                parts.append("\(plural(significant, "significant change")) in \(plural(columnsWith([.significant, .changed]), "column"))")
            }
        } else if r.count(.changed) > 0 {
            parts.append("\(plural(r.count(.changed), "changed cell")) in \(columnsWith([.changed])) of \(plural(valueColumns, "value column"))")
        }
        let rows = structural([(r.addedRows.count, "added"), (r.removedRows.count, "removed")])
        if !rows.isEmpty { parts.append("rows: " + rows) }
        let columns = structural([(r.addedColumns.count, "added"), (r.removedColumns.count, "removed"),
                                  (r.renamedColumns.count, "renamed")])
        if !columns.isEmpty { parts.append("columns: " + columns) }
        let noise = r.count(.noise)
        let drift = noise > 0 ? "\(plural(noise, "cell")) in \(plural(columnsWith([.noise]), "column")) within noise" : nil

        if r.isEqual {
            let compared = "\(plural(r.rowCounts.a, "row")) × \(plural(valueColumns, "value column"))"
            if let drift { return "equal within noise: no significant change, \(drift); \(compared) (\(tolerance))" }
            return "equal: \(compared) within tolerance (\(tolerance))"
        }
        if let drift { parts.append(drift) }
        return "different: \(parts.joined(separator: "; ")) (\(tolerance))"
    }

    private static func columnSections(_ r: DiffResult, kinds: [CellChange.Kind], title: String, limit: Int,
                                       blankBefore: Bool = false) -> [String] {
        var out: [String] = []
        for column in r.columns {
            let changes = column.changes.filter { kinds.contains($0.kind) }
            guard !changes.isEmpty else { continue }
            if blankBefore || !out.isEmpty { out.append("") }
            var heading = "\(column.name): \(changes.count) of \(plural(column.compared, "cell")) \(title)"
            if column.isHalfWidthColumn && r.options.useCI { heading = "\(column.name): \(changes.count) of \(plural(column.compared, "half-width")) changed" }
            if let t = r.options.columnTolerances[column.name] { heading += " (\(t))" }
            out.append(heading)
            out += capped(table(changes.prefix(limit).map(fields)), limit: limit, total: changes.count)
        }
        return out
    }

    /// key, `a -> b`, `Δ ±d`, `rel r`, `Nx ci95 (ci_A + ci_B)`: one row per change.
    private static func fields(_ c: CellChange) -> [String] {
        var row = [c.key, cell(c.a) + " -> " + cell(c.b), "", "", ""]
        if let d = c.delta {
            row[2] = "Δ " + (d >= 0 ? "+" : "") + shortNumber(d)
            if let rel = c.relative { row[3] = "rel " + shortNumber(rel) }
        }
        if let ca = c.ciA, let cb = c.ciB, let ratio = c.ciRatio {
            row[4] = shortNumber(ratio) + "x ci95 (" + shortNumber(ca) + " + " + shortNumber(cb) + ")"
        }
        return row
    }

    /// Left-aligned columns separated by three spaces, indented by two; trailing spaces trimmed.
    private static func table(_ rows: [[String]]) -> [String] {
        guard let count = rows.first?.count else { return [] }
        let widths = (0..<count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            var line = "  " + zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "   ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    private static func cell(_ c: CSVCell) -> String {
        switch c {
        case .number(let x): return formatShortest(x)
        case .text(let s): return s.isEmpty ? "(empty)" : s
        }
    }

    /// The first `limit` lines, then "... N more" when `total` (default: the lines given) exceeds it.
    static func capped(_ lines: [String], limit: Int, total: Int? = nil) -> [String] {
        let total = total ?? lines.count
        guard total > limit else { return lines }
        return Array(lines.prefix(limit)) + ["  ... \(total - limit) more"]
    }

    static func structural(_ counts: [(Int, String)]) -> String {
        counts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }

    static func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
