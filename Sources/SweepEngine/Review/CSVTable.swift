import Foundation
import ScenarioKit

/// One cell of a result CSV: a number (including `nan`, `inf`, `-inf`) or text (e.g. the `series`
/// column of a table output, or a swept choice parameter).
public enum CSVCell: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case text(String)

    /// Numbers are recognised after trimming spaces: decimal or exponent notation, `nan`, `inf`,
    /// `-inf` (any case, as Swift's `Double(_:)` reads them). Everything else is text.
    public init(parsing raw: String) {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, let x = Double(trimmed), !trimmed.hasPrefix("0x"), !trimmed.hasPrefix("-0x") {
            self = .number(x)
        } else {
            self = .text(raw)
        }
    }

    public var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }

    /// Canonical text: numbers in masweep's shortest round-trip form, so `0.50` and `0.5` are the same key.
    public var description: String {
        switch self {
        case .number(let x): return formatShortest(x)
        case .text(let s): return s
        }
    }
}

/// A malformed or unreadable CSV: rendered as `path:line: error: message` (line 0: the whole file).
public struct CSVReadError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(path):\(line): error: \(message)" : "\(path): error: \(message)"
    }
}

/// A parsed CSV: a header of unique, non-empty column names and rows of exactly as many cells.
/// Accepts what masweep writes (unquoted, `\n`) and ordinary RFC 4180 input (quoted fields with `""`
/// escapes and embedded commas or newlines, `\r\n` line ends, no final newline). A blank line is
/// accepted only at the end of the file.
public struct CSVTable: Sendable {
    public let path: String
    public let header: [String]
    public let rows: [[CSVCell]]
    /// The 1-based line on which each row starts (for messages).
    public let lineNumbers: [Int]

    public init(path: String, header: [String], rows: [[CSVCell]], lineNumbers: [Int]? = nil) {
        self.path = path
        self.header = header
        self.rows = rows
        self.lineNumbers = lineNumbers ?? rows.indices.map { $0 + 2 }
    }

    public func index(of column: String) -> Int? { header.firstIndex(of: column) }

    public static func read(path: String) throws(CSVReadError) -> CSVTable {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CSVReadError(path: path, line: 0, message: "cannot read the file: \(readableReason(path: path))")
        }
        return try parse(Array(data), path: path)
    }

    private static func readableReason(path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "is a directory" }
        return "permission denied or I/O error"
    }

    public static func parse(_ text: String, path: String = "<text>") throws(CSVReadError) -> CSVTable {
        try parse(Array(text.utf8), path: path)
    }

    public static func parse(_ bytes: [UInt8], path: String) throws(CSVReadError) -> CSVTable {
        func fail(_ line: Int, _ message: String) -> CSVReadError { CSVReadError(path: path, line: line, message: message) }
        if bytes.isEmpty { throw fail(1, "empty file: expected a header line") }

        // Records as raw fields, with the line each starts on.
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var inQuotes = false, wasQuoted = false, quoteLine = 0
        var i = 0
        func text(_ bytes: [UInt8], line: Int) throws(CSVReadError) -> String {
            guard let s = String(validating: bytes, as: UTF8.self) else { throw fail(line, "not valid UTF-8 text") }
            return s
        }
        func endRecord() throws(CSVReadError) {
            fields.append(try text(field, line: recordLine))
            records.append((recordLine, fields))
            fields = []
            field = []
            wasQuoted = false
        }
        while i < bytes.count {
            let c = bytes[i]
            if c == 0 { throw fail(line, "NUL byte: this is not a text CSV file") }
            if inQuotes {
                if c == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(c)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == UInt8(ascii: "\n") { line += 1 }
                    field.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case UInt8(ascii: ","):
                fields.append(try text(field, line: recordLine))
                field = []
                wasQuoted = false
            case UInt8(ascii: "\""):
                guard field.isEmpty && !wasQuoted else {
                    throw fail(line, "unexpected '\"' inside a field (quote the whole field and double inner quotes)")
                }
                inQuotes = true
                wasQuoted = true
                quoteLine = line
            case UInt8(ascii: "\r") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n"):
                break
            case UInt8(ascii: "\n"):
                try endRecord()
                line += 1
                recordLine = line
            default:
                if wasQuoted { throw fail(line, "unexpected text after a closing quote") }
                field.append(c)
            }
            i += 1
        }
        if inQuotes { throw fail(quoteLine, "unterminated quoted field (the file ends inside quotes)") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { try endRecord() }

        // Blank records: allowed only as trailing lines.
        while let last = records.last, last.fields == [""] { records.removeLast() }
        guard let headerRecord = records.first else { throw fail(1, "empty file: expected a header line") }
        if let blank = records.first(where: { $0.fields == [""] }) {
            throw fail(blank.line, blank.line == 1 ? "empty header line" : "empty line inside the table")
        }

        var header: [String] = []
        var seen: [String: Int] = [:]
        for (c, raw) in headerRecord.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { throw fail(headerRecord.line, "empty column name (column \(c + 1) of the header)") }
            if let first = seen[name] {
                throw fail(headerRecord.line, "duplicate column '\(name)' (columns \(first + 1) and \(c + 1))")
            }
            seen[name] = c
            header.append(name)
        }
        var rows: [[CSVCell]] = []
        var lines: [Int] = []
        rows.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw fail(record.line, "\(record.fields.count) field(s), but the header has \(header.count) column(s)")
            }
            rows.append(record.fields.map(CSVCell.init(parsing:)))
            lines.append(record.line)
        }
        return CSVTable(path: path, header: header, rows: rows, lineNumbers: lines)
    }
}
