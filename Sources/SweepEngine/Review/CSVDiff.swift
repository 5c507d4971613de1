import Foundation
import ScenarioKit

/// `|a − b| ≤ atol + rtol·|b|` (B is the reference for the relative part, as in numpy's `isclose`).
public struct Tolerance: Sendable, Equatable, CustomStringConvertible {
    public var rtol: Double
    public var atol: Double

    public static let `default` = Tolerance(rtol: 1e-12, atol: 0)

    public init(rtol: Double, atol: Double) {
        self.rtol = rtol
        self.atol = atol
    }

    public func accepts(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if a.isInfinite || b.isInfinite { return a == b }
        return abs(a - b) <= atol + rtol * abs(b)
    }

    public var description: String { "rtol \(shortNumber(rtol)), atol \(shortNumber(atol))" }
}

public struct DiffOptions: Sendable {
    public var tolerance: Tolerance
    /// Per-column overrides by column name.
    public var columnTolerances: [String: Tolerance]
    /// Classify changes with the `_ci95` columns.
    public var useCI: Bool
    /// Explicit key columns (overrides detection).
    public var keyColumns: [String]?

    public init(tolerance: Tolerance = .default, columnTolerances: [String: Tolerance] = [:], useCI: Bool = false,
                keyColumns: [String]? = nil) {
        self.tolerance = tolerance
        self.columnTolerances = columnTolerances
        self.useCI = useCI
        self.keyColumns = keyColumns
    }

    public func tolerance(for column: String) -> Tolerance { columnTolerances[column] ?? tolerance }
}

/// Bad input that is not a CSV syntax error: no common key, unknown column names in options.
public struct DiffInputError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

public struct CellChange: Sendable {
    public enum Kind: String, Sendable {
        /// Beyond tolerance (without --ci, or in a column with no usable half-widths).
        case changed
        /// With --ci: |a − b| > ci95_A + ci95_B.
        case significant
        /// With --ci: beyond tolerance but |a − b| ≤ ci95_A + ci95_B, or a change of a half-width itself.
        case noise
    }

    /// The row's key as `name=value` pairs (an occurrence suffix `#n` when keys repeat).
    public let key: String
    public let a: CSVCell
    public let b: CSVCell
    public let kind: Kind
    /// Half-widths from the `_ci95` partner columns when --ci applies to this cell.
    public let ciA: Double?
    public let ciB: Double?
    /// Position of the row in B (tie-break, so the order is deterministic).
    public let rowB: Int

    /// b − a for two finite numbers.
    public var delta: Double? {
        guard let x = a.number, let y = b.number, x.isFinite, y.isFinite else { return nil }
        return y - x
    }

    /// |a − b| / |b|, the quantity compared with rtol.
    public var relative: Double? {
        guard let d = delta, let y = b.number, y != 0 else { return nil }
        return abs(d) / abs(y)
    }

    /// |a − b| / (ci95_A + ci95_B): above 1 is significant.
    public var ciRatio: Double? {
        guard let d = delta, let ca = ciA, let cb = ciB else { return nil }
        let combined = ca + cb
        return combined > 0 ? abs(d) / combined : (d == 0 ? 0 : .infinity)
    }

    /// Ordering magnitude: changes that are not a finite difference (nan ↔ number, text) come first,
    /// then the largest |Δ| (or, for --ci classes, the largest |Δ|/(ci_A+ci_B)).
    var magnitude: Double {
        if kind != .changed, let r = ciRatio { return r }
        return delta.map(abs) ?? .infinity
    }
}

public struct ColumnDiff: Sendable {
    public let name: String
    /// Cells compared (rows present in both files).
    public let compared: Int
    /// Changes beyond tolerance, largest first.
    public let changes: [CellChange]
    /// The `_ci95` partner used to classify (nil: no classification in this column).
    public let ciColumn: String?
    public let isHalfWidthColumn: Bool

    public func changes(_ kind: CellChange.Kind) -> [CellChange] { changes.filter { $0.kind == kind } }
}

public struct DiffResult: Sendable {
    public let pathA: String
    public let pathB: String
    public let header: (a: [String], b: [String])
    public let rowCounts: (a: Int, b: Int)
    public let key: [String]
    public let keySources: (a: KeyColumns.Source, b: KeyColumns.Source)
    public let options: DiffOptions

    public let addedColumns: [String]
    public let removedColumns: [String]
    /// Removed column → added column with the same values (within tolerance) in every common row.
    public let renamedColumns: [(from: String, to: String)]
    public let columnOrderDiffers: Bool

    public let addedRows: [String]
    public let removedRows: [String]
    public let rowOrderDiffers: Bool
    /// Files whose key is not unique (rows with the same key matched in order of appearance).
    public let duplicateKeys: [String]

    /// Every common value column, in A's order (columns without changes included).
    public let columns: [ColumnDiff]
    /// --ci was requested but no column has a `_ci95` partner in both files.
    public let ciUnavailable: Bool

    public var structuralChangeCount: Int {
        addedColumns.count + removedColumns.count + renamedColumns.count + addedRows.count + removedRows.count
    }

    public func count(_ kind: CellChange.Kind) -> Int { columns.reduce(0) { $0 + $1.changes(kind).count } }

    /// The exit-status verdict: no structural change and no changed (or, with --ci, significant) cell.
    public var isEqual: Bool {
        structuralChangeCount == 0 && count(.changed) == 0 && count(.significant) == 0
    }
}

public enum CSVDiff {
    /// Reads both files and the manifests beside them, then compares.
    public static func compare(pathA: String, pathB: String, options: DiffOptions) throws -> DiffResult {
        let a = try CSVTable.read(path: pathA)
        let b = try CSVTable.read(path: pathB)
        // A manifest that cannot be read only costs the key hint; the CSV is what is compared.
        let ma = try? ResultManifest.load(besideCSV: pathA)
        let mb = try? ResultManifest.load(besideCSV: pathB)
        return try compare(a, b, manifests: (ma ?? nil, mb ?? nil), options: options)
    }

    public static func compare(_ a: CSVTable, _ b: CSVTable, manifests: (ResultManifest?, ResultManifest?) = (nil, nil),
                               options: DiffOptions = DiffOptions()) throws(DiffInputError) -> DiffResult {
        let columnsA = Set(a.header), columnsB = Set(b.header)
        for name in options.columnTolerances.keys.sorted() where !columnsA.contains(name) && !columnsB.contains(name) {
            throw DiffInputError("--column-tol: no column '\(name)' in either file (columns: \(a.header.joined(separator: ", ")))")
        }

        // Key columns.
        let keyA: KeyColumns, keyB: KeyColumns
        if let explicit = options.keyColumns {
            for name in explicit where !columnsA.contains(name) || !columnsB.contains(name) {
                let which = !columnsA.contains(name) ? a.path : b.path
                throw DiffInputError("--key: no column '\(name)' in \(which)")
            }
            keyA = KeyColumns(names: explicit, source: .explicit)
            keyB = keyA
        } else {
            keyA = KeyColumns.detect(a, manifest: manifests.0)
            keyB = KeyColumns.detect(b, manifest: manifests.1)
        }
        var key: [String] = []
        for name in keyA.names + keyB.names where columnsA.contains(name) && columnsB.contains(name) && !key.contains(name) {
            key.append(name)
        }
        if key.isEmpty {
            throw DiffInputError("no common key columns: \(a.path) is keyed by \(list(keyA.names)) (\(keyA.source.rawValue)), "
                + "\(b.path) by \(list(keyB.names)) (\(keyB.source.rawValue)); choose with --key")
        }

        // Rows by key (repeated keys get an occurrence number and are matched in order).
        func keyed(_ t: CSVTable) -> (keys: [String], duplicates: Bool) {
            let indices = key.map { t.index(of: $0)! }
            var occurrences: [String: Int] = [:]
            var duplicates = false
            let keys = t.rows.map { row -> String in
                let base = zip(key, indices).map { "\($0)=\(keyText(row[$1]))" }.joined(separator: ", ")
                let n = occurrences[base, default: 0] + 1
                occurrences[base] = n
                if n > 1 { duplicates = true }
                return n == 1 ? base : "\(base) #\(n)"
            }
            return (keys, duplicates)
        }
        let (rowKeysA, duplicatesA) = keyed(a)
        let (rowKeysB, duplicatesB) = keyed(b)
        var rowOfB: [String: Int] = [:]
        for (i, k) in rowKeysB.enumerated() { rowOfB[k] = i }
        let setA = Set(rowKeysA)
        let matched: [(Int, Int)] = rowKeysA.enumerated().compactMap { i, k in rowOfB[k].map { (i, $0) } }
        let removedRows = rowKeysA.filter { rowOfB[$0] == nil }
        let addedRows = rowKeysB.filter { !setA.contains($0) }
        let rowOrderDiffers = zip(matched, matched.dropFirst()).contains { $0.1 > $1.1 }

        // Columns by name.
        let valuesA = a.header.filter { !key.contains($0) }
        let valuesB = b.header.filter { !key.contains($0) }
        var removed = valuesA.filter { !columnsB.contains($0) }
        var added = valuesB.filter { !columnsA.contains($0) }
        let common = valuesA.filter { columnsB.contains($0) }
        let columnOrderDiffers = a.header.filter(columnsB.contains) != b.header.filter(columnsA.contains)

        // Likely renames: a removed and an added column with the same values in every common row.
        var renamed: [(from: String, to: String)] = []
        if !matched.isEmpty {
            for r in removed {
                let ia = a.index(of: r)!
                guard let c = added.first(where: { c in
                    let ib = b.index(of: c)!
                    let tolerance = options.tolerance(for: c)
                    return matched.allSatisfy { cellsEqual(a.rows[$0.0][ia], b.rows[$0.1][ib], tolerance) }
                }) else { continue }
                renamed.append((r, c))
                added.removeAll { $0 == c }
            }
            removed.removeAll { name in renamed.contains { $0.from == name } }
        }

        // Cells of common columns.
        let ciAvailable = common.contains { !isHalfWidth($0) && columnsA.contains($0 + KeyColumns.ciSuffix) && columnsB.contains($0 + KeyColumns.ciSuffix) }
        var columnDiffs: [ColumnDiff] = []
        for name in common {
            let ia = a.index(of: name)!, ib = b.index(of: name)!
            let tolerance = options.tolerance(for: name)
            let halfWidth = isHalfWidth(name)
            let ciName = name + KeyColumns.ciSuffix
            let ciIndices: (Int, Int)? = options.useCI && !halfWidth
                ? a.index(of: ciName).flatMap { x in b.index(of: ciName).map { (x, $0) } } : nil
            var changes: [CellChange] = []
            for (ra, rb) in matched {
                let x = a.rows[ra][ia], y = b.rows[rb][ib]
                if cellsEqual(x, y, tolerance) { continue }
                var kind = CellChange.Kind.changed
                var ciA: Double?, ciB: Double?
                if options.useCI && halfWidth {
                    kind = .noise
                } else if let (ca, cb) = ciIndices {
                    ciA = a.rows[ra][ca].number.flatMap { $0.isNaN ? nil : $0 }
                    ciB = b.rows[rb][cb].number.flatMap { $0.isNaN ? nil : $0 }
                    if let dx = x.number, let dy = y.number, dx.isFinite, dy.isFinite, let ca = ciA, let cb = ciB {
                        kind = abs(dy - dx) > ca + cb ? .significant : .noise
                    } else {
                        kind = .significant
                    }
                } else if options.useCI {
                    kind = .significant
                }
                changes.append(CellChange(key: rowKeysB[rb], a: x, b: y, kind: kind, ciA: ciA, ciB: ciB, rowB: rb))
            }
            changes.sort { $0.magnitude != $1.magnitude ? $0.magnitude > $1.magnitude : $0.rowB < $1.rowB }
            columnDiffs.append(ColumnDiff(name: name, compared: matched.count, changes: changes,
                                          ciColumn: ciIndices == nil ? nil : ciName, isHalfWidthColumn: halfWidth))
        }

        var duplicateKeys: [String] = []
        if duplicatesA { duplicateKeys.append(a.path) }
        if duplicatesB { duplicateKeys.append(b.path) }
        return DiffResult(
            pathA: a.path, pathB: b.path, header: (a.header, b.header), rowCounts: (a.rows.count, b.rows.count),
            key: key, keySources: (keyA.source, keyB.source), options: options,
            addedColumns: added, removedColumns: removed, renamedColumns: renamed, columnOrderDiffers: columnOrderDiffers,
            addedRows: addedRows, removedRows: removedRows, rowOrderDiffers: rowOrderDiffers, duplicateKeys: duplicateKeys,
            columns: columnDiffs, ciUnavailable: options.useCI && !ciAvailable)
    }

    /// Canonical key text: shortest round-trip numbers (so `0.50` matches `0.5`), `-0` as `0`.
    static func keyText(_ cell: CSVCell) -> String {
        if case .number(let x) = cell, x == 0 { return "0" }
        return cell.description
    }

    static func isHalfWidth(_ name: String) -> Bool { name.hasSuffix(KeyColumns.ciSuffix) }

    /// Numbers within tolerance (nan equals nan, infinities equal themselves); text identical.
    public static func cellsEqual(_ x: CSVCell, _ y: CSVCell, _ tolerance: Tolerance) -> Bool {
        switch (x, y) {
        case (.number(let p), .number(let q)): return tolerance.accepts(p, q)
        case (.text(let s), .text(let t)): return s == t
        default: return false
        }
    }

    static func list(_ names: [String]) -> String { names.isEmpty ? "(none)" : names.joined(separator: ", ") }
}

/// Short human form of a tolerance or difference: `1e-12`, `0`, `0.05`, `2.35e-7`.
func shortNumber(_ x: Double) -> String {
    if !x.isFinite || x == 0 { return formatShortest(x) }
    return String(format: "%.3g", x).replacingOccurrences(of: "e-0", with: "e-")
        .replacingOccurrences(of: "e+0", with: "e").replacingOccurrences(of: "e+", with: "e")
}
