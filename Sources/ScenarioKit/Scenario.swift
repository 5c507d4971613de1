import Randomness

/// A solution method or benchmark a scenario offers; one YAML series names one scheme.
public struct SchemeSpec: Sendable {
    public let name: String
    public let summary: String
    /// A deterministic scheme ignores the realization (e.g. a motor characteristic): an experiment whose
    /// series are all deterministic runs exactly one realization and writes no `_ci95` columns.
    public let isDeterministic: Bool
    /// The metrics this scheme reports (names from `Scenario.metrics`); nil means all of them. An output
    /// of a metric that one of its series' schemes does not report is rejected during validation.
    public let reportedMetrics: [String]?

    public init(_ name: String, _ summary: String, deterministic: Bool = false, metrics: [String]? = nil) {
        self.name = name
        self.summary = summary
        self.isDeterministic = deterministic
        self.reportedMetrics = metrics
    }

    public func reports(_ metric: String) -> Bool { reportedMetrics?.contains(metric) ?? true }
}

/// A per-realization quantity; the engine averages it over realizations into one curve file.
public struct MetricSpec: Sendable {
    public let name: String
    public let unit: String
    public let summary: String
    public init(_ name: String, unit: String, _ summary: String) {
        self.name = name
        self.unit = unit
        self.summary = summary
    }
}

/// A one-realization artifact (positions, trajectories, iteration tables): fixed columns, one row per item.
public struct TableSpec: Sendable {
    public let name: String
    public let columns: [String]
    public let summary: String
    public init(_ name: String, columns: [String], _ summary: String) {
        self.name = name
        self.columns = columns
        self.summary = summary
    }
}

/// One curve of a figure as the scenario sees it: which scheme, under which parameters.
public struct SeriesRequest: Sendable {
    public let index: Int
    public let label: String
    public let scheme: String
    public let parameters: ParameterSet

    public init(index: Int, label: String, scheme: String, parameters: ParameterSet) {
        self.index = index
        self.label = label
        self.scheme = scheme
        self.parameters = parameters
    }
}

/// The result of one series on one work unit. A failure is data, not an exception: the engine counts
/// it, reports it in the manifest and leaves the realization out of that series' means.
public enum SeriesOutcome: Sendable, Equatable {
    /// One value per entry of `Scenario.metrics`, in that order.
    case success([Double])
    /// A short machine-readable status (e.g. "infeasible", "solver:iteration-limit").
    case failure(String)
}

/// A scenario error that is the user's doing (e.g. a parameter combination the model cannot hold);
/// reported during validation, before any work starts.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Scratch memory a worker thread owns for its whole life; scenarios without any use `NoWorkspace`.
public struct NoWorkspace {
    public init() {}
}

/// One paper, as the engine sees it: typed parameters, schemes, metrics and an evaluation of all
/// series of one (sweep point, realization) work unit. A scenario never touches YAML, files or threads;
/// `evaluate` is called concurrently from several threads, each with its own workspace.
public protocol Scenario: Sendable {
    associatedtype Workspace = NoWorkspace

    /// Registered name, used as `scenario:` in YAML and as the results sub-folder.
    var name: String { get }
    var summary: String { get }
    /// The paper (authors, title, arXiv id) and our reconstruction (specs file).
    var reference: String { get }
    var parameters: [ParameterSpec] { get }
    var schemes: [SchemeSpec] { get }
    var metrics: [MetricSpec] { get }
    var tables: [TableSpec] { get }

    /// Cross-parameter checks (e.g. "N antennas do not fit on the array"); thrown before any work.
    func check(_ parameters: ParameterSet, scheme: String) throws(ScenarioError)

    /// Relative cost of one unit of this point, used to balance shards; 1 when unknown.
    func estimatedCost(_ series: [SeriesRequest]) -> Double

    func makeWorkspace() -> Workspace

    /// Evaluates every series of one work unit, returning one outcome per series, in order.
    func evaluate(_ series: [SeriesRequest], streams: UnitStreams, workspace: inout Workspace) -> [SeriesOutcome]

    /// Rows of a table output for one series at one sweep point and realization.
    func table(_ name: String, series: SeriesRequest, streams: UnitStreams) throws(ScenarioError) -> [[Double]]
}

extension Scenario where Workspace == NoWorkspace {
    public func makeWorkspace() -> NoWorkspace { NoWorkspace() }
}

extension Scenario {
    public var tables: [TableSpec] { [] }
    public func check(_ parameters: ParameterSet, scheme: String) throws(ScenarioError) {}
    public func estimatedCost(_ series: [SeriesRequest]) -> Double { Double(series.count) }
    public func table(_ name: String, series: SeriesRequest, streams: UnitStreams) throws(ScenarioError) -> [[Double]] {
        throw ScenarioError("scenario '\(self.name)' has no table '\(name)'")
    }

    public func parameter(named name: String) -> ParameterSpec? { parameters.first { $0.name == name } }
    public func metricIndex(named name: String) -> Int? { metrics.firstIndex { $0.name == name } }
    public func scheme(named name: String) -> SchemeSpec? { schemes.first { $0.name == name } }
    public func tableSpec(named name: String) -> TableSpec? { tables.first { $0.name == name } }

    public var defaultParameters: ParameterSet {
        ParameterSet(Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.defaultValue) }))
    }
}

/// The scenarios a binary knows, by name.
public struct ScenarioRegistry: Sendable {
    public let scenarios: [any Scenario]

    public init(_ scenarios: [any Scenario]) {
        var seen = Set<String>()
        for s in scenarios { precondition(seen.insert(s.name).inserted, "scenario '\(s.name)' registered twice") }
        self.scenarios = scenarios
    }

    public func scenario(named name: String) -> (any Scenario)? { scenarios.first { $0.name == name } }
    public var names: [String] { scenarios.map(\.name) }
}
