import Foundation
import ScenarioKit

/// The journal: an append-only text file of finished work units, one line each, so that a run killed
/// at any moment (even SIGKILL) resumes to byte-identical CSVs.
///
/// Every line is `<payload>\t<checksum>\n`, the checksum being the FNV-1a 64 hash of the payload in
/// 16 hex digits. Payloads:
///   `H <header JSON>`  first line: format, configuration and its hash, code identity, shard, sizes
///   `U <unit>\t<series 0>\t<series 1>...`  one unit, in schedule order; a series is
///        `ok,<v1>,<v2>,...` (the values the outputs need, shortest round-trip) or `fail:<status>`
///   `E <units>`  the schedule is complete (written last by a finished shard)
/// A torn last line (no newline, or a bad checksum with nothing after it) is what a crash leaves
/// behind; it is dropped with a warning. A bad line anywhere else is corruption and an error.
public enum JournalFormat {
    public static let version = 1

    static func checksum<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func line(_ payload: String) -> String {
        payload + "\t" + checksum(payload.utf8) + "\n"
    }

    static func encode(unit: Int, _ outcomes: [SeriesOutcome]) -> String {
        var payload = "U \(unit)"
        for outcome in outcomes {
            switch outcome {
            case .success(let values):
                payload += "\tok"
                for v in values { payload += "," + formatShortest(v) }
            case .failure(let status):
                payload += "\tfail:" + status.map { $0 == "\t" || $0.isNewline ? " " : $0 }.map(String.init).joined()
            }
        }
        return line(payload)
    }

    static func decodeValue(_ text: Substring) -> Double? {
        switch text {
        case "nan": return .nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default: return Double(text)
        }
    }
}

/// What the first line of a journal records.
public struct JournalHeader: Sendable, Equatable {
    public var configurationHash: String
    /// Canonical JSON text of the resolved configuration (`SweepPlan.resolvedConfiguration`).
    public var configuration: String
    /// Identifies the masweep build; results of a resumed run must come from the same code.
    public var code: String
    public var shard: ShardSpec?
    /// Units in this journal's schedule.
    public var units: Int
    public var series: Int
    public var slots: Int

    var payload: String {
        let json = JSONValue.object([
            ("format", .integer(JournalFormat.version)),
            ("configuration_sha256", .string(configurationHash)),
            ("code", .string(code)),
            ("shard", shard.map { .string($0.description) } ?? .null),
            ("units", .integer(units)),
            ("series", .integer(series)),
            ("slots", .integer(slots)),
        ])
        // The configuration is appended verbatim so that it reads back byte for byte.
        return "H " + json.canonicalText + " " + configuration
    }

    public init(plan: SweepPlan, schedule: UnitSchedule, code: String) {
        configurationHash = plan.configurationHash
        configuration = plan.resolvedConfiguration.canonicalText
        self.code = code
        shard = schedule.shard
        units = schedule.count
        series = plan.experiment.series.count
        slots = MetricProjection(plan.experiment).metricIndices.count
    }

    init(parsing payload: Substring) throws(JournalError) {
        // "H {fields} {configuration}": the fields object holds no nested braces.
        guard payload.hasPrefix("H {"), let close = payload.firstIndex(of: "}") else {
            throw JournalError("the first line is not a masweep journal header")
        }
        let fieldsText = payload[payload.index(payload.startIndex, offsetBy: 2)...close]
        let configurationText = payload[payload.index(after: close)...].drop { $0 == " " }
        guard let object = try? JSONSerialization.jsonObject(with: Data(fieldsText.utf8)) as? [String: Any],
              object["format"] as? Int == JournalFormat.version,
              let hash = object["configuration_sha256"] as? String, let code = object["code"] as? String,
              let units = object["units"] as? Int, let series = object["series"] as? Int, let slots = object["slots"] as? Int
        else {
            throw JournalError("the header is not a masweep journal header of format \(JournalFormat.version)")
        }
        var shard: ShardSpec?
        if let text = object["shard"] as? String {
            guard let spec = ShardSpec(parsing: text) else { throw JournalError("the header names an invalid shard '\(text)'") }
            shard = spec
        }
        configurationHash = hash
        configuration = String(configurationText)
        self.code = code
        self.shard = shard
        self.units = units
        self.series = series
        self.slots = slots
    }

    /// What differs between the configuration that wrote a journal and `current`, one line per
    /// top-level configuration key (values compared after normalising key order).
    public func differences(from current: JournalHeader) -> [String] {
        func members(_ text: String) -> [String: String] {
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [:] }
            var out: [String: String] = [:]
            for (key, value) in object {
                let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
                out[key] = data.map { String(decoding: $0, as: UTF8.self) } ?? "?"
            }
            return out
        }
        func short(_ s: String?) -> String {
            guard let s else { return "absent" }
            return s.count > 160 ? String(s.prefix(157)) + "..." : s
        }
        let old = members(configuration), new = members(current.configuration)
        var out: [String] = []
        for key in Set(old.keys).union(new.keys).sorted() where old[key] != new[key] {
            out.append("\(key): \(short(old[key])) → \(short(new[key]))")
        }
        if code != current.code { out.append("code: \(code) → \(current.code)") }
        if shard != current.shard {
            out.append("shard: \(shard?.description ?? "none") → \(current.shard?.description ?? "none")")
        }
        return out
    }
}

public struct JournalError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
