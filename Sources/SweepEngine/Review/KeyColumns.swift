/// Which leading columns of a result CSV identify a row (the sweep coordinates, plus `series` for a
/// table output), and which are values. One rule, shared by `diff` and `plot` (Docs/review.md):
///
/// 1. **Manifest**: when `<file>.manifest.json` lists the sweep, the key is every header column that
///    is a swept parameter, plus `series` for a table output.
/// 2. **CI partners**: otherwise, when some column `X` has an `X_ci95` partner, the key is every column
///    before the first such `X` (masweep writes sweep columns, then series, then their half-widths).
/// 3. **Table**: otherwise, when there is a `series` column, the key is every column up to and including it.
/// 4. **Unique prefix**: otherwise, the shortest run of leading columns whose values identify every row
///    (at least the first column; a single-axis deterministic curve is keyed by its first column, a
///    grid by as many axes as it needs).
public struct KeyColumns: Sendable, Equatable {
    public enum Source: String, Sendable {
        case manifest = "manifest"
        case ciPartners = "columns before the first one with a _ci95 partner"
        case series = "columns up to 'series'"
        case uniquePrefix = "shortest unique leading columns"
        case explicit = "--key"
    }

    public let names: [String]
    public let source: Source

    public init(names: [String], source: Source) {
        self.names = names
        self.source = source
    }

    public static let ciSuffix = "_ci95"

    public static func detect(_ table: CSVTable, manifest: ResultManifest?) -> KeyColumns {
        let header = table.header
        if let sweep = manifest?.sweepNames {
            var names = header.filter { sweep.contains($0) }
            if manifest?.outputKind == "table", header.contains("series"), !names.contains("series") { names.append("series") }
            if !names.isEmpty { return KeyColumns(names: names, source: .manifest) }
        }
        let columns = Set(header)
        if let first = header.firstIndex(where: { !$0.hasSuffix(ciSuffix) && columns.contains($0 + ciSuffix) }), first > 0 {
            return KeyColumns(names: Array(header[..<first]), source: .ciPartners)
        }
        if let series = header.firstIndex(of: "series") {
            return KeyColumns(names: Array(header[...series]), source: .series)
        }
        var width = 1
        while width < header.count {
            var seen = Set<[String]>()
            if table.rows.allSatisfy({ seen.insert($0[..<width].map(\.description)).inserted }) { break }
            width += 1
        }
        return KeyColumns(names: Array(header[..<min(width, max(header.count - 1, 1))]), source: .uniquePrefix)
    }
}
