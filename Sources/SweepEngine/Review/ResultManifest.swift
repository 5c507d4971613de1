import Foundation

/// What `diff` and `plot` need from a `<file>.manifest.json` written beside a CSV by `masweep run`
/// (README "Outputs"). Every field is optional: manifests from older versions lack `plot` and `series`.
public struct ResultManifest: Sendable, Equatable {
    public var title: String?
    /// Series labels in YAML order (`series`), else from `configuration.series[].label`.
    public var seriesLabels: [String]?
    /// Names of the swept parameters (`configuration.sweep`: one object per axis, zip groups with several keys).
    public var sweepNames: Set<String>?
    /// `output.kind`: "curve" or "table".
    public var outputKind: String?
    public var metric: String?
    public var unit: String?
    public var plotTitle: String?
    public var xLabel: String?
    public var yLabel: String?
    public var xLog = false
    public var yLog = false

    public init() {}

    /// `results/ee/fig4a.csv` → `results/ee/fig4a.manifest.json`.
    public static func path(besideCSV csvPath: String) -> String {
        let url = URL(fileURLWithPath: csvPath)
        let stem = url.pathExtension.lowercased() == "csv" ? url.deletingPathExtension() : url
        return stem.path + ".manifest.json"
    }

    public struct ReadError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// The manifest beside `csvPath`: nil when there is none; an error when it exists but is not a JSON object.
    public static func load(besideCSV csvPath: String) throws(ReadError) -> ResultManifest? {
        let path = path(besideCSV: csvPath)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw ReadError(path: path, reason: "cannot read the manifest") }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String = "<manifest>") throws(ReadError) -> ResultManifest {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ReadError(path: path, reason: "not valid JSON")
        }
        guard let root = object as? [String: Any] else { throw ReadError(path: path, reason: "not a JSON object") }
        var m = ResultManifest()
        m.title = root["title"] as? String
        let configuration = root["configuration"] as? [String: Any]
        if let labels = root["series"] as? [String] {
            m.seriesLabels = labels
        } else if let series = configuration?["series"] as? [[String: Any]] {
            let labels = series.compactMap { $0["label"] as? String }
            if labels.count == series.count { m.seriesLabels = labels }
        }
        if let sweep = configuration?["sweep"] as? [[String: Any]] {
            m.sweepNames = Set(sweep.flatMap(\.keys))
        }
        if let output = root["output"] as? [String: Any] {
            m.outputKind = output["kind"] as? String
            m.metric = output["metric"] as? String
            m.unit = output["unit"] as? String
        }
        if let plot = root["plot"] as? [String: Any] {
            m.plotTitle = plot["title"] as? String
            m.xLabel = plot["x_label"] as? String
            m.yLabel = plot["y_label"] as? String
            m.xLog = plot["x_log"] as? Bool ?? false
            m.yLog = plot["y_log"] as? Bool ?? false
        }
        return m
    }
}
