import ArgumentParser
import Foundation
import SweepEngine

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the shard journals of `run --shard i/n` into the outputs a single run writes.",
        discussion: """
            Checks that shards 1..n are all present, complete and from this configuration and build, then
            writes exactly the CSVs a single `masweep run` writes. Shard journals are removed afterwards
            unless --keep-journal.
            """)

    @OptionGroup var options: SweepOptions

    func run() throws {
        if options.shard != nil {
            printError("error: merge takes every shard; drop --shard")
            throw ExitCode(ExitStatus.badInput)
        }
        let plan = try loadPlan(options.file, realizationsOverride: options.realizations)
        let found = JournalLocation.shardJournals(root: options.root, experiment: plan.experiment)
        guard let n = found.map(\.shard.count).max() else {
            printError("error: no shard journals of \(plan.experiment.figure) under \(JournalLocation.directory(root: options.root, experiment: plan.experiment).path)")
            throw ExitCode(ExitStatus.badInput)
        }
        let counts = Set(found.map(\.shard.count))
        guard counts.count == 1 else {
            printError("error: shard journals of different splits are present (\(counts.sorted().map { "of \($0)" }.joined(separator: ", "))): "
                + found.map(\.url.lastPathComponent).joined(separator: ", "))
            throw ExitCode(ExitStatus.badInput)
        }
        let missing = (1...n).filter { i in !found.contains { $0.shard.index == i } }
        guard missing.isEmpty else {
            printError("error: shard(s) \(missing.map { "\($0)/\(n)" }.joined(separator: ", ")) missing; run them with "
                + "`masweep run \(shellQuoted(options.file)) --shard i/\(n)` and merge again")
            throw ExitCode(ExitStatus.badInput)
        }
        var readers: [JournalReader] = []
        for (shard, url) in found {
            let reader: JournalReader
            do { reader = try JournalReader(url: url) } catch {
                printError("error: \(error.message)")
                throw ExitCode(ExitStatus.badInput)
            }
            let expected = JournalHeader(plan: plan, schedule: .shard(shard, of: plan), code: RunEnvironment.codeIdentity)
            let differences = reader.header.differences(from: expected)
            guard differences.isEmpty && reader.header.configurationHash == expected.configurationHash else {
                printError("error: \(url.path) is foreign: it was written by a different configuration or build "
                    + "(journal → now):\n" + differences.map { "  " + $0 }.joined(separator: "\n"))
                throw ExitCode(ExitStatus.badInput)
            }
            readers.append(reader)
        }
        let result: RunResult
        do {
            result = try SweepEngine.merge(plan, shards: readers)
        } catch {
            printError("error: \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
        try writeOutputs(result, plan: plan, options: options)
        if !options.keepJournal { for (_, url) in found { try? FileManager.default.removeItem(at: url) } }
    }
}
