import ScenarioKit

/// Which metric values of a unit the outputs need: one "slot" per distinct metric of a curve output.
/// Units are projected onto slots before they are journaled or reduced, so the journal holds exactly
/// what the CSVs are computed from.
public struct MetricProjection: Sendable {
    /// Scenario metric index of each slot.
    public let metricIndices: [Int]
    /// Slot of each output; nil for table outputs.
    public let outputSlots: [Int?]

    public init(_ experiment: Experiment) {
        var indices: [Int] = []
        var slots: [Int?] = []
        for output in experiment.outputs {
            guard case .curve(let metric) = output.kind, let index = experiment.scenario.metricIndex(named: metric) else {
                slots.append(nil)
                continue
            }
            if let existing = indices.firstIndex(of: index) {
                slots.append(existing)
            } else {
                indices.append(index)
                slots.append(indices.count - 1)
            }
        }
        metricIndices = indices
        outputSlots = slots
    }

    public func project(_ outcomes: [SeriesOutcome], metricCount: Int) -> [SeriesOutcome] {
        outcomes.map { outcome in
            guard case .success(let values) = outcome else { return outcome }
            precondition(values.count == metricCount, "a success must carry one value per scenario metric")
            return .success(metricIndices.map { values[$0] })
        }
    }
}

/// The statistics of a sweep, fed with projected unit outcomes in unit order.
public struct Aggregator: Sendable {
    let plan: SweepPlan
    let projection: MetricProjection
    /// `curves[o][p][s]`; empty for table outputs.
    public private(set) var curves: [[[RunningMoments]]]
    public private(set) var failures: [[Int]]
    public private(set) var failuresBySeries: [SeriesFailures]
    /// Units folded so far; they must arrive in increasing unit order.
    public private(set) var unitsAdded = 0
    private var lastUnit = -1

    public init(plan: SweepPlan) {
        self.plan = plan
        projection = MetricProjection(plan.experiment)
        let seriesCount = plan.experiment.series.count
        let row = [RunningMoments](repeating: RunningMoments(), count: seriesCount)
        curves = projection.outputSlots.map { $0 == nil ? [] : Array(repeating: row, count: plan.points.count) }
        failures = Array(repeating: Array(repeating: 0, count: seriesCount), count: plan.points.count)
        failuresBySeries = Array(repeating: SeriesFailures(), count: seriesCount)
    }

    /// Folds one unit (already projected); returns the failure statuses it carried, by series.
    public mutating func add(unit: Int, _ outcomes: [SeriesOutcome]) {
        precondition(unit > lastUnit, "units must be reduced in increasing order (got \(unit) after \(lastUnit))")
        precondition(outcomes.count == plan.experiment.series.count)
        lastUnit = unit
        unitsAdded += 1
        let p = plan.unit(unit).point
        for (s, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(let values):
                for (o, slot) in projection.outputSlots.enumerated() {
                    if let slot { curves[o][p][s].add(values[slot]) }
                }
            case .failure(let status):
                failures[p][s] += 1
                failuresBySeries[s].count += 1
                failuresBySeries[s].statuses[status, default: 0] += 1
            }
        }
    }
}
