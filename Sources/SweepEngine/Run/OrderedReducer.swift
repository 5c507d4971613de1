import Foundation
import Synchronization
import ScenarioKit

/// Folds unit outcomes into the journal and the statistics strictly in schedule order. Units may
/// arrive in any order; those ahead of the next expected position wait in `pending`, whose size the
/// window bounds (workers ahead by more than the window block until the reducer catches up).
final class OrderedReducer: @unchecked Sendable {
    let projection: MetricProjection
    private let plan: SweepPlan
    private let failFast: Bool
    private let cancellation: Cancellation?
    private let window: Int
    private let condition = NSCondition()
    private let reducedPosition: Atomic<Int>
    private let stopped = Atomic<Bool>(false)
    private var pending: [Int: (unit: Int, outcomes: [SeriesOutcome])] = [:]
    private let progress: ProgressReporter
    private let journal: JournalWriter?
    private var failedUnits = 0

    /// Nil for sharded runs, which only journal.
    private(set) var aggregator: Aggregator?
    private(set) var firstFailure: RunError?
    private(set) var highWater = 0

    init(plan: SweepPlan, options: RunOptions, first: Int, total: Int, window: Int, aggregator: Aggregator?,
         journal: JournalWriter?) {
        self.plan = plan
        projection = MetricProjection(plan.experiment)
        failFast = options.failFast
        cancellation = options.cancellation
        self.window = window
        self.aggregator = aggregator
        self.journal = journal
        reducedPosition = Atomic(first)
        progress = ProgressReporter(quiet: options.quiet, total: total, first: first,
                                    label: "\(plan.experiment.scenarioName)/\(plan.experiment.figure)")
    }

    var isStopped: Bool { stopped.load(ordering: .relaxed) || (cancellation?.isCancelled ?? false) }

    /// Blocks while `position` is more than `window` ahead of the reduction; false when the run stopped.
    func waitForRoom(position: Int) -> Bool {
        if position < reducedPosition.load(ordering: .acquiring) + window { return !isStopped }
        condition.lock()
        defer { condition.unlock() }
        while position >= reducedPosition.load(ordering: .relaxed) + window && !isStopped {
            condition.wait(until: Date().addingTimeInterval(0.2))
        }
        return !isStopped
    }

    func submit(position: Int, unit: Int, _ outcomes: [SeriesOutcome]) {
        condition.lock()
        defer { condition.unlock() }
        pending[position] = (unit, outcomes)
        highWater = max(highWater, pending.count)
        var next = reducedPosition.load(ordering: .relaxed)
        while let ready = pending.removeValue(forKey: next) {
            reduce(ready.unit, ready.outcomes)
            next += 1
        }
        reducedPosition.store(next, ordering: .releasing)
        progress.update(done: next, failed: failedUnits)
        if let failure = journal?.failure, firstFailure == nil {
            firstFailure = .journal(failure)
            stopped.store(true, ordering: .relaxed)
        }
        condition.broadcast()
    }

    /// Ends progress output; returns how many schedule positions were reduced.
    func finish() -> Int {
        progress.finish()
        return reducedPosition.load(ordering: .acquiring)
    }

    private func reduce(_ unit: Int, _ outcomes: [SeriesOutcome]) {
        journal?.append(unit: unit, outcomes)
        aggregator?.add(unit: unit, outcomes)
        guard let s = outcomes.firstIndex(where: { if case .failure = $0 { return true } else { return false } }) else { return }
        failedUnits += 1
        if failFast && firstFailure == nil, case .failure(let status) = outcomes[s] {
            let (p, r) = plan.unit(unit)
            let at = zip(plan.columns, plan.points[p].coordinates).map { "\($0)=\($1)" }.joined(separator: ", ")
            firstFailure = .failFast(point: at, realization: r, series: plan.experiment.series[s].label, status: status)
            stopped.store(true, ordering: .relaxed)
        }
    }
}
