import ScenarioKit

/// A validated experiment file: everything needed to plan and run a sweep, and nothing else.
/// Values here are already checked against the scenario's parameter specs.
public struct Experiment: Sendable {
    public let sourcePath: String
    public let scenario: any Scenario
    public let figure: String
    public let title: String
    public let seed: UInt64
    /// Realizations per sweep point after overrides; 1 when every series is deterministic.
    public let realizations: Int
    /// True when every series uses a deterministic scheme: no Monte Carlo, no `_ci95` columns.
    public let isDeterministic: Bool
    /// The file's `parameters:` overrides, in file order.
    public let parameters: [(name: String, value: ParameterValue)]
    public let sweep: [SweepAxis]
    public let series: [SeriesSpec]
    public let outputs: [OutputSpec]
    public let plot: PlotSpec
    /// Where `sweep:` starts, for diagnostics about sweep points found while planning.
    public let sweepLocation: SourceLocation

    public var scenarioName: String { scenario.name }
}

/// One axis of the sweep grid. A plain axis has one name; a `zip` group pairs several parameters
/// that advance together (all with the same number of values).
public struct SweepAxis: Sendable {
    public let names: [String]
    /// `values[i]` are the values of `names[i]`; all have `count` entries.
    public let values: [[ParameterValue]]
    public var count: Int { values.first?.count ?? 0 }
}

public struct SeriesSpec: Sendable {
    public let label: String
    public let scheme: String
    public let overrides: [(name: String, value: ParameterValue)]
    public let location: SourceLocation
}

public enum OutputKind: Sendable, Equatable {
    /// Mean over realizations of a per-realization metric, one column per series.
    case curve(metric: String)
    /// A one-realization artifact (positions, trajectories) of realization `realization`.
    case table(name: String, realization: Int)
}

public struct OutputSpec: Sendable {
    public let kind: OutputKind
    /// File stem under results/<scenario>/, e.g. `fig4a` → fig4a.csv, fig4a.manifest.json.
    public let file: String
    public let plot: PlotSpec
}

/// Axis labels and scales for gnuplot; they never affect results (not part of the config hash).
public struct PlotSpec: Sendable, Equatable {
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var xLog: Bool
    public var yLog: Bool

    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, xLog: Bool = false, yLog: Bool = false) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xLog = xLog
        self.yLog = yLog
    }
}
