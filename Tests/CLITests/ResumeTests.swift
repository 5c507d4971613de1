import Foundation
import Testing
import Randomness

/// Crash safety through the real binary: SIGKILL at random moments, SIGINT, shards in separate
/// processes. Every path must end in CSVs byte-identical to one uninterrupted run.
@Suite("CLI: kill, resume, shard, merge", .serialized)
struct ResumeTests {
    /// A stochastic experiment with 6 × 100 = 600 work units (debug build: a few seconds).
    static let arguments = ["experiments/ee/fig5.yaml", "--realizations", "100", "--quiet"]

    static func outputs(_ directory: URL) throws -> [String] {
        try ["fig5.csv", "fig5-displacement.csv"].map {
            try String(contentsOf: directory.appendingPathComponent("ee/\($0)"), encoding: .utf8)
        }
    }

    static let reference: [String] = {
        let directory = try! CLI.temporaryDirectory()
        let r = try! CLI.run(["run"] + arguments + ["--output-dir", directory.path])
        precondition(r.status == 0, r.stderr)
        return try! outputs(directory)
    }()

    /// Starts masweep, kills it with `signal` after `delay` seconds; returns its exit status.
    static func start(_ command: [String], killAfter delay: Double, signal: Int32) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = command
        process.currentDirectoryURL = CLI.repositoryRoot
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        usleep(UInt32(delay * 1_000_000))
        if process.isRunning { kill(process.processIdentifier, signal) }
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func sigkillAtTenRandomMomentsThenResumeIsByteIdentical() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let options = Self.arguments + ["--output-dir", directory.path]
        let journal = directory.appendingPathComponent("ee/.fig5.journal")
        var moments = RandomStream(seed: 20251126, purpose: StreamPurpose("kill-test"), realization: 0)
        var kills = 0, finished = false
        for attempt in 0..<10 {
            let command = (attempt == 0 ? ["run"] : ["resume"]) + options
            let (status, stderr) = try Self.start(command, killAfter: moments.uniform(0.15, 0.7), signal: SIGKILL)
            if status == 0 { finished = true; break }
            #expect(status == SIGKILL, "killed, not failed: \(stderr)")
            kills += 1
            #expect(FileManager.default.fileExists(atPath: journal.path), "the journal survives SIGKILL")
        }
        if !finished {
            let r = try CLI.run(["resume"] + options)
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(kills >= 5, "most kills must land mid-run to test anything (got \(kills))")
        #expect(try Self.outputs(directory) == Self.reference)
        #expect(!FileManager.default.fileExists(atPath: journal.path), "the journal is removed after completion")
    }

    @Test func sigintStopsCleanlyWithAResumeHint() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let options = Self.arguments + ["--output-dir", directory.path]
        let (status, stderr) = try Self.start(["run"] + options, killAfter: 0.6, signal: SIGINT)
        #expect(status == 130, "\(stderr)")
        #expect(stderr.contains("work units are done and journaled"))
        #expect(stderr.contains("resume with: masweep resume experiments/ee/fig5.yaml --output-dir"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("ee/fig5.csv").path))
        // run refuses to overwrite the unfinished journal; resume finishes it.
        let refused = try CLI.run(["run"] + options)
        #expect(refused.status == 2 && refused.stderr.contains("--restart"))
        let r = try CLI.run(["resume"] + options)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.outputs(directory) == Self.reference)
        // The manifest says how much of the run this process replayed rather than computed (its
        // wall time covers only the rest).
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("ee/fig5.manifest.json")))
        let m = try #require(manifest as? [String: Any])
        let done = try #require(stderr.split(separator: " ").drop { !$0.hasSuffix("interrupted:") }.dropFirst().first
            .flatMap { Int($0) }, "the interrupted run reports its journaled units: \(stderr)")
        #expect(m["units_from_journal"] as? Int == done, "the units the interrupted run reported as journaled: \(stderr)")
    }

    @Test func threeShardProcessesMergeToTheSingleRun() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let options = Self.arguments + ["--output-dir", directory.path]
        for i in 1...3 {
            let r = try CLI.run(["run"] + options + ["--shard", "\(i)/3"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("shard \(i)/3 complete"))
        }
        // Hide shard 2: merge names it as missing.
        let shard2 = directory.appendingPathComponent("ee/.fig5.shard-2-of-3.journal")
        let hidden = directory.appendingPathComponent("shard2.saved")
        try FileManager.default.moveItem(at: shard2, to: hidden)
        let missing = try CLI.run(["merge"] + options)
        #expect(missing.status == 2 && missing.stderr.contains("shard(s) 2/3 missing"), "\(missing.stderr)")
        // A foreign shard 2 (another realization count) is rejected, naming what differs.
        let foreign = try CLI.run(["run", "experiments/ee/fig5.yaml", "--realizations", "99", "--quiet",
                                   "--output-dir", directory.path, "--shard", "2/3"])
        #expect(foreign.status == 0)
        let rejected = try CLI.run(["merge"] + options)
        #expect(rejected.status == 2 && rejected.stderr.contains("is foreign") && rejected.stderr.contains("realizations: 99 → 100"),
                "\(rejected.stderr)")
        try FileManager.default.removeItem(at: shard2)
        try FileManager.default.moveItem(at: hidden, to: shard2)
        let merged = try CLI.run(["merge"] + options)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try Self.outputs(directory) == Self.reference)
    }
}
