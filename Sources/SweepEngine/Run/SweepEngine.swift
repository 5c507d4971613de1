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
    /// Set from a signal handler (or a test) to stop taking new units; in-flight units finish.
    public var cancellation: Cancellation?

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, failFast: Bool = false, quiet: Bool = false,
                cancellation: Cancellation? = nil) {
        self.jobs = max(1, jobs)
        self.failFast = failFast
        self.quiet = quiet
        self.cancellation = cancellation
    }
}

/// A stop request shared between a signal handler and the workers.
public final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)
    public init() {}
    public func cancel() { flag.store(true, ordering: .relaxed) }
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
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
    /// Units taken from a journal instead of being computed (resume, merge).
    public let unitsFromJournal: Int

    public static func reorderWindow(jobs: Int) -> Int { 256 * jobs }

    init(aggregator: Aggregator, tables: [[[String]]], jobs: Int, wallTime: TimeInterval, reorderHighWater: Int,
         unitsFromJournal: Int) {
        plan = aggregator.plan
        curves = aggregator.curves
        failures = aggregator.failures
        failuresBySeries = aggregator.failuresBySeries
        self.tables = tables
        self.jobs = jobs
        self.wallTime = wallTime
        self.reorderHighWater = reorderHighWater
        self.unitsFromJournal = unitsFromJournal
    }
}

public enum RunError: Error, CustomStringConvertible {
    case failFast(point: String, realization: Int, series: String, status: String)
    case interrupted(done: Int, total: Int)
    case table(output: String, message: String)
    case journal(JournalError)

    public var description: String {
        switch self {
        case .failFast(let point, let r, let series, let status):
            return "--fail-fast: series '\(series)' failed at sweep point \(point), realization \(r): \(status)"
        case .interrupted(let done, let total):
            return "interrupted after \(done) of \(total) work units"
        case .table(let output, let message):
            return "table output '\(output)': \(message)"
        case .journal(let error):
            return error.message
        }
    }
}

/// The journal of a run: a new one, or an interrupted one to continue.
public enum JournalSink {
    case create(URL, JournalHeader)
    /// Units in the reader are replayed, not recomputed; appending continues after its valid prefix
    /// (a torn last line is cut off).
    case resume(JournalReader)
}

/// Runs a sweep: Dispatch workers claim positions of the unit schedule from an atomic counter,
/// evaluate every series of the unit, and hand the outcomes to an ordered reducer that journals them
/// and folds them into the statistics in schedule (hence realization) order through a bounded
/// reorder buffer. Memory stays proportional to points × series × outputs plus the window.
public enum SweepEngine {
    /// Runs `schedule` (default: every unit). A sharded schedule only journals: its statistics are
    /// meaningless alone and are computed by `merge`.
    public static func run(_ plan: SweepPlan, options: RunOptions, schedule: UnitSchedule? = nil,
                           journal: JournalSink? = nil, warning: (String) -> Void = { _ in }) throws -> RunResult {
        try execute(plan.experiment.scenario, plan: plan, options: options, schedule: schedule ?? .all(plan), journal: journal,
                    warning: warning)
    }

    private static func execute<S: Scenario>(_ scenario: S, plan: SweepPlan, options: RunOptions, schedule: UnitSchedule,
                                             journal: JournalSink?, warning: (String) -> Void) throws -> RunResult {
        let start = Date()
        let experiment = plan.experiment
        var aggregator = Aggregator(plan: plan)
        let sharded = schedule.shard != nil

        // Replay what an earlier run of this schedule finished.
        var position = 0
        let writer: JournalWriter?
        switch journal {
        case nil:
            writer = nil
        case .create(let url, let header):
            writer = try wrapJournal { () throws(JournalError) in try JournalWriter(creating: url, header: header) }
        case .resume(let previous):
            while let record = try wrapJournal({ () throws(JournalError) in try previous.next() }) {
                guard case .unit(let unit, let outcomes) = record else { continue }
                guard position < schedule.count, unit == schedule[position] else {
                    throw RunError.journal(JournalError("\(previous.url.path): record \(position + 1) is unit \(unit), "
                        + "but the schedule expects \(position < schedule.count ? String(schedule[position]) : "no more units")"))
                }
                if !sharded { aggregator.add(unit: unit, outcomes) }
                position += 1
            }
            if let torn = previous.tornTail {
                warning("warning: dropped a torn last record at byte offset \(torn.offset) of \(previous.url.path) "
                    + "(\(torn.reason)): the unit it held is recomputed")
            }
            let validLength = previous.validLength
            writer = try wrapJournal { () throws(JournalError) in
                try JournalWriter(appendingTo: previous.url, validLength: validLength)
            }
        }
        let replayed = position
        let alreadyComplete = journal.map { if case .resume(let r) = $0 { return r.isComplete } else { return false } } ?? false

        let reducer = OrderedReducer(plan: plan, options: options, first: position, total: schedule.count,
                                     window: RunResult.reorderWindow(jobs: options.jobs),
                                     aggregator: sharded ? nil : aggregator, journal: writer)
        let next = Atomic<Int>(position)
        let total = schedule.count
        let metricCount = scenario.metrics.count
        let jobs = min(options.jobs, max(1, total - position))
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            var workspace = scenario.makeWorkspace()
            while !reducer.isStopped {
                let k = next.add(1, ordering: .relaxed).oldValue
                guard k < total, reducer.waitForRoom(position: k) else { break }
                let unit = schedule[k]
                let (p, r) = plan.unit(unit)
                let streams = UnitStreams(seed: experiment.seed, realization: r, point: p)
                let outcomes = scenario.evaluate(plan.points[p].series, streams: streams, workspace: &workspace)
                precondition(outcomes.count == plan.points[p].series.count,
                             "scenario '\(scenario.name)' returned \(outcomes.count) outcomes for \(plan.points[p].series.count) series")
                reducer.submit(position: k, unit: unit, reducer.projection.project(outcomes, metricCount: metricCount))
            }
        }
        let reduced = reducer.finish()
        if let writer {
            try wrapJournal { () throws(JournalError) in try writer.flush() }
            if reduced == total && !alreadyComplete { writer.appendEnd(units: total) }
            try wrapJournal { () throws(JournalError) in try writer.flush() }
            writer.sync()
        }
        if let failure = reducer.firstFailure { throw failure }
        if reduced < total { throw RunError.interrupted(done: reduced, total: total) }
        if let aggregated = reducer.aggregator { aggregator = aggregated }

        let tables = sharded ? [] : try tableOutputs(scenario, plan: plan)
        return RunResult(aggregator: aggregator, tables: tables, jobs: jobs, wallTime: Date().timeIntervalSince(start),
                         reorderHighWater: reducer.highWater, unitsFromJournal: replayed)
    }

    /// One-realization artifacts, computed after the sweep (they are single evaluations).
    static func tableOutputs<S: Scenario>(_ scenario: S, plan: SweepPlan) throws -> [[[String]]] {
        let experiment = plan.experiment
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
        return tables
    }

    /// Combines complete shard journals into the result a single run would give: a k-way merge by
    /// unit index feeds the statistics in global unit order.
    public static func merge(_ plan: SweepPlan, shards: [JournalReader]) throws -> RunResult {
        let start = Date()
        var aggregator = Aggregator(plan: plan)
        var heads: [(unit: Int, outcomes: [SeriesOutcome])?] = []
        var counts = [Int](repeating: 0, count: shards.count)
        func advance(_ i: Int) throws -> (Int, [SeriesOutcome])? {
            switch try wrapJournal({ () throws(JournalError) in try shards[i].next() }) {
            case .unit(let u, let o)?: return (u, o)
            case .end(let n)?:
                guard n == counts[i] else {
                    throw RunError.journal(JournalError("\(shards[i].url.path): ends after \(counts[i]) units but declares \(n)"))
                }
                return nil
            case nil:
                throw RunError.journal(JournalError("\(shards[i].url.path) is incomplete: \(counts[i]) of "
                    + "\(shards[i].header.units) units; finish it with `masweep resume --shard \(shards[i].header.shard?.description ?? "?")`"))
            }
        }
        for i in shards.indices { heads.append(try advance(i)) }
        var expected = 0
        while let i = heads.indices.filter({ heads[$0] != nil }).min(by: { heads[$0]!.unit < heads[$1]!.unit }) {
            let (unit, outcomes) = heads[i]!
            guard unit == expected else {
                throw RunError.journal(JournalError("the shards do not cover the sweep exactly: unit \(expected) is "
                    + (unit < expected ? "present twice" : "missing") + " (\(shards[i].url.path))"))
            }
            aggregator.add(unit: unit, outcomes)
            expected += 1
            counts[i] += 1
            heads[i] = try advance(i)
        }
        guard expected == plan.unitCount else {
            throw RunError.journal(JournalError("the shards hold \(expected) of \(plan.unitCount) units"))
        }
        let tables = try tableOutputs(plan.experiment.scenario, plan: plan)
        return RunResult(aggregator: aggregator, tables: tables, jobs: 1, wallTime: Date().timeIntervalSince(start),
                         reorderHighWater: 0, unitsFromJournal: expected)
    }

    private static func wrapJournal<T>(_ body: () throws(JournalError) -> T) throws -> T {
        do { return try body() } catch { throw RunError.journal(error) }
    }
}
