import Foundation
import Testing
@testable import SweepEngine

/// The git state a manifest records, on a throwaway repository.
@Suite("Run environment: git commit and dirty flag")
struct RunEnvironmentTests {
    /// A repository with a tracked source file and a tracked result under `results/`.
    static func repository() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("masweep-env-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("results/ee"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("experiments"), withIntermediateDirectories: true)
        try "a: 1\n".write(to: dir.appendingPathComponent("experiments/x.yaml"), atomically: true, encoding: .utf8)
        try "x,y\n1,2\n".write(to: dir.appendingPathComponent("results/ee/x.csv"), atomically: true, encoding: .utf8)
        for arguments in [["init", "-q"], ["add", "."],
                          ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "initial"]] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", dir.path] + arguments
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            try #require(p.terminationStatus == 0, "git \(arguments)")
        }
        return dir
    }

    @Test func resultsWrittenUnderTheOutputRootDoNotMakeTheCheckoutDirty() throws {
        let repo = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let experiments = repo.appendingPathComponent("experiments"), results = repo.appendingPathComponent("results")
        let clean = RunEnvironment.capture(directory: experiments, outputRoot: results)
        #expect(clean.gitCommit?.count == 40 && clean.gitDirty == false)

        // A previous figure rewrote a committed result: not dirty for the next manifest...
        try "x,y\n1,3\n".write(to: results.appendingPathComponent("ee/x.csv"), atomically: true, encoding: .utf8)
        #expect(RunEnvironment.capture(directory: experiments, outputRoot: results).gitDirty == false)
        // ...but it is a change of the checkout when no output root is excluded.
        #expect(RunEnvironment.capture(directory: experiments).gitDirty == true)
        // An output root outside the repository excludes nothing (and does not break the query).
        #expect(RunEnvironment.capture(directory: experiments, outputRoot: URL(fileURLWithPath: "/tmp")).gitDirty == true)

        // A changed input anywhere else in the repository is dirty.
        try "a: 2\n".write(to: experiments.appendingPathComponent("x.yaml"), atomically: true, encoding: .utf8)
        #expect(RunEnvironment.capture(directory: experiments, outputRoot: results).gitDirty == true)
    }

    @Test func outsideARepositoryThereIsNoGitState() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("masweep-env-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = RunEnvironment.capture(directory: dir, outputRoot: dir)
        #expect(env.gitCommit == nil && env.gitDirty == nil)
    }
}
