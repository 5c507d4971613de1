import Foundation
import ScenarioKit

/// How `<label>_ci95` half-widths are drawn.
public enum CIStyle: String, Sendable, CaseIterable {
    /// A translucent band y ± ci in the curve's colour, under the line.
    case band
    /// Error bars at every point.
    case bars
    /// Not drawn.
    case none
}

public enum ImageFormat: String, Sendable, CaseIterable {
    case png, svg
}

public struct PlotOptions: Sendable {
    public var ciStyle: CIStyle
    /// The x column: a sweep column for curve outputs (default the first), any numeric column for tables.
    public var x: String?
    /// The y column of a table output's scatter (default the second column after `series`).
    public var y: String?

    public init(ciStyle: CIStyle = .band, x: String? = nil, y: String? = nil) {
        self.ciStyle = ciStyle
        self.x = x
        self.y = y
    }
}

/// One drawn curve or point set. A nil `y` (nan, inf, text) is a gap.
public struct FigureCurve: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double?
        public var ci: Double?
    }

    public var title: String
    public var points: [Point]
    /// Whether the source has a `_ci95` column for this curve.
    public var hasCI: Bool
}

/// Everything gnuplot needs, independent of gnuplot: built from a CSV (and its manifest), turned into
/// a script by `GnuplotScript`.
public struct Figure: Sendable, Equatable {
    public enum Kind: String, Sendable { case lines, scatter }

    public var kind: Kind
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var xLog: Bool
    public var yLog: Bool
    public var curves: [FigureCurve]
    /// Tick labels when x is a text column (choice parameter): category i is drawn at x = i.
    public var xCategories: [String]?
    public var ciStyle: CIStyle
}

/// A CSV that cannot be plotted as asked (unknown column, nothing numeric): exit 2.
public struct PlotInputError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A CSV that is valid but has nothing to plot (e.g. a table without two numeric columns): a note, exit 0.
public struct PlotSkipped: Error, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

public enum FigureBuilder {
    /// Rules (Docs/review.md "Plot conventions"):
    /// - key columns as for `diff` (KeyColumns); a table output (manifest `output.kind` "table", or a
    ///   `series` key column) is drawn as a scatter, anything else as curves;
    /// - curves: x = the first sweep column (or `--x`); one curve per series label and per combination
    ///   of the other sweep columns, legend "label, axis=value, ...";
    /// - labels, title and log axes from the manifest's `plot` object; otherwise column names.
    public static func figure(_ table: CSVTable, manifest: ResultManifest?, options: PlotOptions = PlotOptions()) throws -> Figure {
        let key = KeyColumns.detect(table, manifest: manifest)
        let isTable = manifest?.outputKind == "table" || (manifest?.outputKind == nil && key.names.last == "series")
        let stem = URL(fileURLWithPath: table.path).deletingPathExtension().lastPathComponent
        let title = manifest?.plotTitle ?? manifest?.title ?? stem
        if isTable {
            return try scatter(table, key: key.names, title: title, options: options)
        }
        if options.y != nil { throw PlotInputError("--y applies to table outputs only; \(table.path) is a curve table") }

        let xName = options.x ?? key.names[0]
        guard let xIndex = table.index(of: xName) else {
            throw PlotInputError("--x: no column '\(xName)' in \(table.path) (columns: \(table.header.joined(separator: ", ")))")
        }
        if options.x != nil && !key.names.contains(xName) {
            throw PlotInputError("--x: '\(xName)' is not a sweep column of \(table.path) (sweep columns: \(key.names.joined(separator: ", ")))")
        }
        let others = key.names.filter { $0 != xName }
        let columns = Set(table.header)
        var labels = (manifest?.seriesLabels ?? []).filter(columns.contains)
        if labels.isEmpty {
            labels = table.header.filter { !key.names.contains($0) && !$0.hasSuffix(KeyColumns.ciSuffix) }
        }
        if labels.isEmpty { throw PlotSkipped("\(table.path) has no value columns besides the sweep columns") }

        let (xs, categories) = xValues(table, column: xIndex)
        let groups = group(table, by: others)
        var curves: [FigureCurve] = []
        for label in labels {
            let yIndex = table.index(of: label)!
            let ciIndex = table.index(of: label + KeyColumns.ciSuffix)
            for g in groups {
                var name = labels.count == 1 && !g.title.isEmpty ? g.title : label
                if labels.count > 1 && !g.title.isEmpty { name += ", " + g.title }
                // In x order (a grid need not be sorted, e.g. `offset: [0, 1.5, -3]`), ties in row order.
                func order(_ r: Int) -> Double { xs[r].isNaN ? .infinity : xs[r] }
                let rows = g.rows.enumerated().sorted { l, r in
                    order(l.element) != order(r.element) ? order(l.element) < order(r.element) : l.offset < r.offset
                }.map(\.element)
                let points = rows.map { r in
                    FigureCurve.Point(x: xs[r], y: finite(table.rows[r][yIndex]), ci: ciIndex.flatMap { finite(table.rows[r][$0]) })
                }
                curves.append(FigureCurve(title: name, points: points, hasCI: ciIndex != nil))
            }
        }
        if !curves.contains(where: { $0.points.contains { $0.y != nil } }) {
            throw PlotSkipped("\(table.path) has no finite values to plot")
        }
        let xLabel = xName == key.names[0] ? (manifest?.xLabel ?? xName) : xName
        var yLabel = manifest?.yLabel
        if yLabel == nil, let metric = manifest?.metric {
            yLabel = metric + ((manifest?.unit).map { $0.isEmpty ? "" : " (\($0))" } ?? "")
        }
        return Figure(kind: .lines, title: title, xLabel: xLabel, yLabel: yLabel ?? (labels.count == 1 ? labels[0] : "value"),
                      xLog: manifest?.xLog ?? false, yLog: manifest?.yLog ?? false, curves: curves,
                      xCategories: categories, ciStyle: options.ciStyle)
    }

    /// Table outputs: a scatter of two of the scenario's own numeric columns (default: the last against
    /// the first), one point set per series (and sweep combination). Axis labels are the column names.
    static func scatter(_ table: CSVTable, key: [String], title: String, options: PlotOptions) throws -> Figure {
        let seriesIndex = table.index(of: "series")
        let candidates = table.header.enumerated().filter { i, name in
            !key.contains(name) && (seriesIndex.map { i > $0 } ?? true)
                && table.rows.contains { $0[i].number.map(\.isFinite) ?? false }
        }.map(\.element)
        for (flag, name) in [("--x", options.x), ("--y", options.y)] {
            if let name, table.index(of: name) == nil {
                throw PlotInputError("\(flag): no column '\(name)' in \(table.path) (columns: \(table.header.joined(separator: ", ")))")
            }
        }
        // Tables list item descriptors first (antenna, step) and results last (position_m): by default
        // the last numeric column against the first one.
        let yName = options.y ?? candidates.last { $0 != options.x }
        let xName = options.x ?? candidates.first { $0 != yName }
        guard let xName, let yName else {
            throw PlotSkipped("\(table.path) is a table output without two numeric columns to scatter; choose them with --x and --y")
        }
        let xIndex = table.index(of: xName)!, yIndex = table.index(of: yName)!
        let groupBy = key.filter { $0 != "series" }
        let groups = group(table, by: (seriesIndex == nil ? [] : ["series"]) + groupBy)
        let curves = groups.map { g in
            FigureCurve(title: g.title.isEmpty ? yName : g.title,
                        points: g.rows.map { FigureCurve.Point(x: table.rows[$0][xIndex].number ?? .nan, y: finite(table.rows[$0][yIndex]), ci: nil) }
                            .filter { $0.x.isFinite },
                        hasCI: false)
        }
        if !curves.contains(where: { $0.points.contains { $0.y != nil } }) {
            throw PlotSkipped("\(table.path) has no finite (\(xName), \(yName)) pairs to plot")
        }
        return Figure(kind: .scatter, title: title, xLabel: xName, yLabel: yName, xLog: false, yLog: false,
                      curves: curves, xCategories: nil, ciStyle: .none)
    }

    /// Rows grouped by the values of `columns`, groups in order of first appearance; the title lists
    /// `name=value` (just the value for the `series` column), leaving out columns with a single value.
    static func group(_ table: CSVTable, by allColumns: [String]) -> [(title: String, rows: [Int])] {
        let columns = allColumns.filter { name in
            let i = table.index(of: name)!
            return name == "series" || Set(table.rows.map { $0[i].description }).count > 1
        }
        let indices = columns.map { table.index(of: $0)! }
        var order: [String] = []
        var rows: [String: [Int]] = [:]
        for (r, row) in table.rows.enumerated() {
            let title = zip(columns, indices).map { $0 == "series" ? row[$1].description : "\($0)=\(row[$1].description)" }
                .joined(separator: ", ")
            if rows[title] == nil { order.append(title) }
            rows[title, default: []].append(r)
        }
        return order.map { ($0, rows[$0]!) }
    }

    /// Numeric x, or categories (text values in order of first appearance, drawn at 0, 1, ...).
    static func xValues(_ table: CSVTable, column: Int) -> ([Double], [String]?) {
        let cells = table.rows.map { $0[column] }
        if cells.allSatisfy({ $0.number != nil }) { return (cells.map { $0.number! }, nil) }
        var categories: [String] = []
        var position: [String: Int] = [:]
        let xs = cells.map { cell -> Double in
            let name = cell.description
            if let p = position[name] { return Double(p) }
            position[name] = categories.count
            categories.append(name)
            return Double(categories.count - 1)
        }
        return (xs, categories)
    }

    static func finite(_ cell: CSVCell) -> Double? {
        guard let x = cell.number, x.isFinite else { return nil }
        return x
    }
}
