import Randomness
import ScenarioKit

/// Hu, Wu, Zhu, Chen, Shen, "Fundamental Tradeoff in Movable Antenna Systems: How Long to Move Before
/// Transmission?" (arXiv 2604.20386); reconstruction in Docs/specs/tradeoff.md. Deterministic: fixed user
/// directions, no random draws (specs §11, §15), so every experiment runs exactly one realization.
public struct MovementTradeoffScenario: Scenario {
    public init() {}

    public let name = "tradeoff"
    public let summary = "How long to move before transmitting: movement duration vs deployment (ZF, max-min throughput)"
    public let reference = "Hu et al., arXiv 2604.20386; Docs/specs/tradeoff.md"

    public var parameters: [ParameterSpec] { MovementTradeoffParameterTable.all }

    public var schemes: [SchemeSpec] {
        MovementTradeoff.Scheme.allCases.map {
            SchemeSpec($0.rawValue, $0.summary, deterministic: true, metrics: $0.metrics.map(\.rawValue))
        }
    }

    public var metrics: [MetricSpec] {
        MovementTradeoff.Metric.allCases.map { MetricSpec($0.rawValue, unit: $0.unit, $0.summary) }
    }

    public var tables: [TableSpec] {
        MovementTradeoff.Table.allCases.map {
            TableSpec($0.rawValue, columns: $0.columns, $0.summary + " (schemes: " + $0.schemes.map(\.rawValue).joined(separator: ", ") + ")")
        }
    }

    /// The resolved parameters as the model's settings (what `evaluate` and `table` solve).
    public func settings(_ parameters: ParameterSet) -> MovementTradeoff.Settings {
        MovementTradeoffParameterTable.settings(parameters)
    }

    public func check(_ parameters: ParameterSet, scheme: String) throws(ScenarioError) {
        guard let scheme = MovementTradeoff.Scheme(rawValue: scheme) else { return }
        let settings = MovementTradeoffParameterTable.settings(parameters)
        if let violation = scheme.isTwoAntenna ? settings.specialViolation : settings.violation {
            throw ScenarioError(violation)
        }
    }

    /// OTGM ≈ 190 Algorithm-1 runs, OTFM ≈ 13, the others ≤ 1 (specs §15).
    public func estimatedCost(_ series: [SeriesRequest]) -> Double {
        series.reduce(0) { cost, s in
            switch MovementTradeoff.Scheme(rawValue: s.scheme) {
            case .general?, .fixedDuration?: return cost + 190
            case .fitting?: return cost + 14
            case .upperBound?: return cost + 1
            default: return cost + 0.01
            }
        }
    }

    public func evaluate(_ series: [SeriesRequest], streams: UnitStreams, workspace: inout NoWorkspace) -> [SeriesOutcome] {
        var solver = MovementTradeoff.Solver()
        return series.map { request in
            guard let scheme = MovementTradeoff.Scheme(rawValue: request.scheme) else {
                preconditionFailure("scheme '\(request.scheme)' is registered but not dispatched")
            }
            let values = solver.metrics(scheme, MovementTradeoffParameterTable.settings(request.parameters))
            let reported = scheme.metrics.compactMap { MovementTradeoff.Metric.allCases.firstIndex(of: $0) }
            if reported.contains(where: { i in values[i].isInfinite && MovementTradeoff.Metric.allCases[i] != .speedThreshold
                && MovementTradeoff.Metric.allCases[i] != .timeThreshold }) {
                return .failure("non-finite")
            }
            return .success(values)
        }
    }

    public func table(_ name: String, series: SeriesRequest, streams: UnitStreams) throws(ScenarioError) -> [[Double]] {
        guard let table = MovementTradeoff.Table(rawValue: name) else { throw ScenarioError("scenario 'tradeoff' has no table '\(name)'") }
        guard let scheme = MovementTradeoff.Scheme(rawValue: series.scheme), table.schemes.contains(scheme) else {
            throw ScenarioError("table '\(name)' needs one of the schemes " + table.schemes.map(\.rawValue).joined(separator: ", ")
                                + ", not '\(series.scheme)'")
        }
        let settings = MovementTradeoffParameterTable.settings(series.parameters)
        return MovementTradeoff.TableRows.rows(table, scheme, settings)
    }
}
