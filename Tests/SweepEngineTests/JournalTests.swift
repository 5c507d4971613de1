import Foundation
import Testing
import ScenarioKit
@testable import SweepEngine

private let journaledYAML = """
    scenario: random-test
    figure: j
    seed: 77
    realizations: 60
    sweep: {offset: [0, 1, 2], dimension: [1, 3]}
    series:
      - {label: G, scheme: gaussian}
      - {label: F, scheme: gaussian, parameters: {failure_rate: 0.2, mode: squared}}
    outputs:
      - {metric: value, file: j}
      - {metric: noise, file: j-noise}
      - {table: draws, file: j-draws, realization: 1}
    """

/// A scratch directory per test.
private func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("masweep-journal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

private func csvs(_ result: RunResult) -> [String] {
    result.plan.experiment.outputs.indices.map { CSVTables.text(result, output: $0) }
}

@Suite("Journal, resume, shards and merge")
struct JournalTests {
    let plan: SweepPlan
    let reference: [String]

    init() throws {
        plan = try SweepPlan(loadExperiment(journaledYAML))
        reference = csvs(try SweepEngine.run(plan, options: RunOptions(jobs: 2, quiet: true)))
    }

    func header(_ schedule: UnitSchedule? = nil) -> JournalHeader {
        JournalHeader(plan: plan, schedule: schedule ?? .all(plan), code: "test")
    }

    @Test func journaledRunMatchesAndResumingACompleteJournalRecomputesNothing() throws {
        let dir = try scratch()
        let url = dir.appendingPathComponent(".j.journal")
        let first = try SweepEngine.run(plan, options: RunOptions(jobs: 2, quiet: true), journal: .create(url, header()))
        #expect(csvs(first) == reference)
        let again = try SweepEngine.run(plan, options: RunOptions(jobs: 2, quiet: true), journal: .resume(JournalReader(url: url)))
        #expect(again.unitsFromJournal == plan.unitCount)
        #expect(csvs(again) == reference)
        #expect(throws: RunError.self) {
            try SweepEngine.run(plan, options: RunOptions(quiet: true), journal: .create(url, header()))
        }
    }

    /// Stop after some units (as SIGINT does), then resume: same bytes as an uninterrupted run.
    @Test func cancelledRunResumesToIdenticalCSVs() throws {
        let slow = try SweepPlan(loadExperiment(journaledYAML.replacingOccurrences(of: "seed: 77", with: "seed: 77\nparameters: {delay_ms: 5}")))
        let slowReference = csvs(try SweepEngine.run(slow, options: RunOptions(jobs: 2, quiet: true)))
        let dir = try scratch()
        let url = dir.appendingPathComponent(".j.journal")
        let cancellation = Cancellation()
        // A thread of its own: the Dispatch pool may be saturated by the workers (and by parallel tests).
        Thread {
            usleep(150_000)
            cancellation.cancel()
        }.start()
        var done = 0
        do {
            _ = try SweepEngine.run(slow, options: RunOptions(jobs: 2, quiet: true, cancellation: cancellation),
                                    journal: .create(url, JournalHeader(plan: slow, schedule: .all(slow), code: "t")))
            Issue.record("the run should have been interrupted")
        } catch RunError.interrupted(let d, let total) {
            done = d
            #expect(d > 0 && d < total)
        }
        let resumed = try SweepEngine.run(slow, options: RunOptions(jobs: 3, quiet: true), journal: .resume(JournalReader(url: url)))
        #expect(resumed.unitsFromJournal == done)
        #expect(csvs(resumed) == slowReference)
    }

    @Test func tornTailIsDroppedWithAWarningNamingItsOffset() throws {
        let dir = try scratch()
        let url = dir.appendingPathComponent(".j.journal")
        _ = try SweepEngine.run(plan, options: RunOptions(jobs: 2, quiet: true), journal: .create(url, header()))
        // Keep the header and 40 records, then half of the 41st: what a crash mid-write leaves.
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines[0...40].joined(separator: "\n") + "\n"
        let torn = String(lines[41].prefix(lines[41].count / 2))
        try (kept + torn).write(to: url, atomically: true, encoding: .utf8)
        var warnings: [String] = []
        let resumed = try SweepEngine.run(plan, options: RunOptions(jobs: 2, quiet: true),
                                          journal: .resume(JournalReader(url: url)), warning: { warnings.append($0) })
        #expect(resumed.unitsFromJournal == 40)
        #expect(csvs(resumed) == reference)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("byte offset \(kept.utf8.count)") == true)
        // The torn bytes were cut off before appending: the journal is clean again.
        let reread = try JournalReader(url: url)
        var count = 0
        while let record = try reread.next() { if case .unit = record { count += 1 } }
        #expect(count == plan.unitCount && reread.tornTail == nil && reread.isComplete)
    }

    @Test func flippedByteInTheMiddleIsAnError() throws {
        let dir = try scratch()
        let url = dir.appendingPathComponent(".j.journal")
        _ = try SweepEngine.run(plan, options: RunOptions(jobs: 2, quiet: true), journal: .create(url, header()))
        var bytes = try Array(Data(contentsOf: url))
        let middle = bytes.count / 2
        bytes[middle] = bytes[middle] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        try Data(bytes).write(to: url)
        do {
            _ = try SweepEngine.run(plan, options: RunOptions(quiet: true), journal: .resume(JournalReader(url: url)))
            Issue.record("a corrupt journal must not resume")
        } catch let error as RunError {
            #expect(error.description.contains("is corrupt (checksum mismatch) and is not the last line"))
        }
    }

    @Test func headerDifferencesNameWhatChanged() throws {
        let other = try SweepPlan(loadExperiment(journaledYAML.replacingOccurrences(of: "seed: 77", with: "seed: 78"), realizations: 61))
        let differences = header().differences(from: JournalHeader(plan: other, schedule: .all(other), code: "test2"))
        #expect(differences.contains { $0.hasPrefix("seed:") && $0.contains("77") && $0.contains("78") })
        #expect(differences.contains { $0.hasPrefix("realizations: 60 → 61") })
        #expect(differences.contains("code: test → test2"))
        #expect(header().differences(from: header()).isEmpty)
    }

    @Test func shardsMergeToTheSingleRunBytes() throws {
        let dir = try scratch()
        for n in [1, 3, 7] {
            var readers: [JournalReader] = []
            var covered = 0
            for i in 1...n {
                let schedule = UnitSchedule.shard(ShardSpec(index: i, count: n), of: plan)
                covered += schedule.count
                let url = dir.appendingPathComponent(".j.shard-\(i)-of-\(n).journal")
                _ = try SweepEngine.run(plan, options: RunOptions(jobs: 2, quiet: true), schedule: schedule,
                                        journal: .create(url, header(schedule)))
                readers.append(try JournalReader(url: url))
            }
            #expect(covered == plan.unitCount)
            #expect(csvs(try SweepEngine.merge(plan, shards: readers.reversed())) == reference, "n = \(n)")
        }
        // A missing shard: merge refuses.
        let partial = try (1...2).map { try JournalReader(url: dir.appendingPathComponent(".j.shard-\($0)-of-3.journal")) }
        #expect(throws: RunError.self) { try SweepEngine.merge(plan, shards: partial) }
    }

    @Test func shardsAreBalancedByCost() throws {
        for n in [2, 3, 5] {
            let sizes = UnitSchedule.assignment(plan, shards: n).map(\.count)
            #expect(sizes.reduce(0, +) == plan.unitCount)
            #expect(sizes.max()! - sizes.min()! <= plan.points.count, "every point split within one unit: \(sizes)")
        }
        // One realization per point (deterministic figures): whole points are dealt to the least-loaded shard.
        let deterministic = try SweepPlan(loadExperiment("""
            scenario: random-test
            figure: d
            sweep: {offset: {linspace: {start: 0, stop: 1, count: 10}}}
            series: [{label: E, scheme: exact}]
            outputs: [{metric: value, file: d}]
            """))
        #expect(UnitSchedule.assignment(deterministic, shards: 3).map(\.count) == [4, 3, 3])
    }
}
