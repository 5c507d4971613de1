import Foundation
import Synchronization
import Randomness
import ScenarioKit

public struct RunOptions: Sendable {
    /// Worker threads; each evaluates whole work units. Results never depend on it.
    public var jobs: Int
    /// Stop at the first failed realization instead of counting it.
    public var failFast: Bool
    public var quiet: Bool

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, failFast: Bool = false, quiet: Bool = false) {
        self.jobs = max(1, jobs)
        self.failFast = failFast
        self.quiet = quiet
    }
}

/// Failed realizations of one series, over the whole sweep, by status.
public struct SeriesFailures: Sendable, Equatable {
    public var count = 0
    public var statuses: [String: Int] = [:]
}

/// Reduced results of a sweep: moments per (curve output, point, series), failure counts, tables.
public struct RunResult: Sendable {
    public let plan: SweepPlan
    /// `curves[o][p][s]`: output o (only curve outputs are filled), point p, series s.
    public let curves: [[[RunningMoments]]]
    /// `failures[p][s]`: failed realizations of series s at point p.
    public let failures: [[Int]]
    public let failuresBySeries: [SeriesFailures]
    /// Rows of table outputs (`tables[o]`, empty for curve outputs): one row per item, all columns text.
    public let tables: [[[String]]]
    public let jobs: Int
    public let wallTime: TimeInterval
    /// Most units ever held in the reorder buffer: bounded by the window (256 × jobs), whatever the
    /// realization count — the evidence that memory does not grow with the run.
    public let reorderHighWater: Int
    public static func reorderWindow(jobs: Int) -> Int { 256 * jobs }
}

public enum RunError: Error, CustomStringConvertible {
    case failFast(point: String, realization: Int, series: String, status: String)
    case table(output: String, message: String)

    public var description: String {
        switch self {
        case .failFast(let point, let r, let series, let status):
            return "--fail-fast: series '\(series)' failed at sweep point \(point), realization \(r): \(status)"
        case .table(let output, let message):
            return "table output '\(output)': \(message)"
        }
    }
}

/// Runs a sweep plan: Dispatch workers claim work units from an atomic counter, evaluate every series
/// of the unit, and hand the outcomes to an ordered reducer that folds them into the statistics in
/// unit (hence realization) order through a bounded reorder buffer. Memory stays proportional to
/// points × series × outputs plus the window, whatever the realization count.
public enum SweepEngine {
    public static func run(_ plan: SweepPlan, options: RunOptions) throws -> RunResult {
        try execute(plan.experiment.scenario, plan: plan, options: options)
    }

    private static func execute<S: Scenario>(_ scenario: S, plan: SweepPlan, options: RunOptions) throws -> RunResult {
        let start = Date()
        let experiment = plan.experiment
        let metricIndices: [Int?] = experiment.outputs.map {
            if case .curve(let metric) = $0.kind { return scenario.metricIndex(named: metric) }
            return nil
        }
        let reducer = OrderedReducer(plan: plan, metricIndices: metricIndices, options: options,
                                     window: RunResult.reorderWindow(jobs: options.jobs))
        let next = Atomic<Int>(0)
        let total = plan.unitCount
        let jobs = min(options.jobs, max(1, total))
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            var workspace = scenario.makeWorkspace()
            while !reducer.isStopped {
                let u = next.add(1, ordering: .relaxed).oldValue
                guard u < total, reducer.waitForRoom(unit: u) else { break }
                let (p, r) = plan.unit(u)
                let streams = UnitStreams(seed: experiment.seed, realization: r, point: p)
                let outcomes = scenario.evaluate(plan.points[p].series, streams: streams, workspace: &workspace)
                precondition(outcomes.count == plan.points[p].series.count,
                             "scenario '\(scenario.name)' returned \(outcomes.count) outcomes for \(plan.points[p].series.count) series")
                reducer.submit(unit: u, outcomes)
            }
        }
        reducer.finish()
        if let failure = reducer.firstFailure { throw failure }

        var tables = [[[String]]](repeating: [], count: experiment.outputs.count)
        for (o, output) in experiment.outputs.enumerated() {
            guard case .table(let name, let realization) = output.kind else { continue }
            for point in plan.points {
                let streams = UnitStreams(seed: experiment.seed, realization: realization, point: point.index)
                for series in point.series {
                    let rows: [[Double]]
                    do {
                        rows = try scenario.table(name, series: series, streams: streams)
                    } catch {
                        throw RunError.table(output: output.file, message: error.message)
                    }
                    let prefix = point.coordinates.map(\.description) + [series.label]
                    tables[o] += rows.map { prefix + $0.map(formatShortest) }
                }
            }
        }
        return RunResult(plan: plan, curves: reducer.curves, failures: reducer.failures,
                         failuresBySeries: reducer.failuresBySeries, tables: tables, jobs: jobs,
                         wallTime: Date().timeIntervalSince(start), reorderHighWater: reducer.highWater)
    }
}

/// Folds unit outcomes into statistics strictly in unit order. Units may arrive in any order; those
/// ahead of the next expected unit wait in `pending`, whose size the window bounds (workers ahead by
/// more than the window block until the reducer catches up).
final class OrderedReducer: @unchecked Sendable {
    private let plan: SweepPlan
    private let metricIndices: [Int?]
    private let failFast: Bool
    private let window: Int
    private let condition = NSCondition()
    private let reducedCount = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    private var pending: [Int: [SeriesOutcome]] = [:]
    private let progress: ProgressReporter
    private var failedUnits = 0

    private(set) var curves: [[[RunningMoments]]]
    private(set) var failures: [[Int]]
    private(set) var failuresBySeries: [SeriesFailures]
    private(set) var firstFailure: RunError?
    private(set) var highWater = 0

    private let metricCount: Int

    init(plan: SweepPlan, metricIndices: [Int?], options: RunOptions, window: Int) {
        self.plan = plan
        metricCount = plan.experiment.scenario.metrics.count
        self.metricIndices = metricIndices
        self.failFast = options.failFast
        self.window = window
        let seriesCount = plan.experiment.series.count
        let row = [RunningMoments](repeating: RunningMoments(), count: seriesCount)
        curves = metricIndices.map { $0 == nil ? [] : Array(repeating: row, count: plan.points.count) }
        failures = Array(repeating: Array(repeating: 0, count: seriesCount), count: plan.points.count)
        failuresBySeries = Array(repeating: SeriesFailures(), count: seriesCount)
        progress = ProgressReporter(quiet: options.quiet, total: plan.unitCount,
                                    label: "\(plan.experiment.scenarioName)/\(plan.experiment.figure)")
    }

    var isStopped: Bool { stopped.load(ordering: .relaxed) }

    /// Blocks while `unit` is more than `window` ahead of the reduction; false when the run stopped.
    func waitForRoom(unit: Int) -> Bool {
        if unit < reducedCount.load(ordering: .acquiring) + window { return true }
        condition.lock()
        defer { condition.unlock() }
        while unit >= reducedCount.load(ordering: .relaxed) + window && !isStopped { condition.wait() }
        return !isStopped
    }

    func submit(unit: Int, _ outcomes: [SeriesOutcome]) {
        condition.lock()
        defer { condition.unlock() }
        pending[unit] = outcomes
        highWater = max(highWater, pending.count)
        var next = reducedCount.load(ordering: .relaxed)
        while let ready = pending.removeValue(forKey: next) {
            reduce(unit: next, ready)
            next += 1
        }
        reducedCount.store(next, ordering: .releasing)
        progress.update(done: next, failed: failedUnits)
        condition.broadcast()
    }

    func finish() { progress.finish() }

    private func reduce(unit: Int, _ outcomes: [SeriesOutcome]) {
        let (p, r) = plan.unit(unit)
        var unitFailed = false
        for (s, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(let values):
                precondition(values.count == metricCount, "a success must carry one value per scenario metric")
                for (o, index) in metricIndices.enumerated() {
                    if let index { curves[o][p][s].add(values[index]) }
                }
            case .failure(let status):
                unitFailed = true
                failures[p][s] += 1
                failuresBySeries[s].count += 1
                failuresBySeries[s].statuses[status, default: 0] += 1
                if failFast && firstFailure == nil {
                    let at = zip(plan.columns, plan.points[p].coordinates).map { "\($0)=\($1)" }.joined(separator: ", ")
                    firstFailure = .failFast(point: at, realization: r, series: plan.experiment.series[s].label, status: status)
                    stopped.store(true, ordering: .relaxed)
                }
            }
        }
        if unitFailed { failedUnits += 1 }
    }
}
