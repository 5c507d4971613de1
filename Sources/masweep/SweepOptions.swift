import ArgumentParser
import Foundation
import SweepEngine

/// Options shared by `run`, `resume` and `merge`: a resume or merge takes the same values as the run
/// it continues, and a value that contradicts the journal is an error naming the difference.
struct SweepOptions: ParsableArguments {
    @Argument(help: "The experiment YAML file.")
    var file: String

    @Option(name: .shortAndLong, help: "Worker threads (default: the active processor count). Results never depend on it.")
    var jobs: Int?

    @Option(name: .long, help: "Root directory of the results; files go to <dir>/<scenario>/.")
    var outputDir: String = "results"

    @Option(name: .long, help: "Override the file's realization count for a quick look (recorded in the manifest).")
    var realizations: Int?

    @Option(name: .long, help: "Run only shard i of n (1 ≤ i ≤ n) and keep its journal for `masweep merge`.")
    var shard: String?

    @Flag(name: .long, help: "Stop at the first failed realization instead of counting it and continuing.")
    var failFast = false

    @Flag(name: .shortAndLong, help: "No progress output on stderr.")
    var quiet = false

    @Flag(name: .long, help: "Keep the journal after the outputs are written (it can regenerate them with `resume`).")
    var keepJournal = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
        if let realizations, realizations < 1 {
            throw ValidationError("--realizations must be at least 1 (got \(realizations))")
        }
        if let shard, ShardSpec(parsing: shard) == nil {
            throw ValidationError("--shard must be i/n with 1 ≤ i ≤ n (got '\(shard)')")
        }
    }

    var shardSpec: ShardSpec? { shard.flatMap(ShardSpec.init(parsing:)) }
    var root: URL { URL(fileURLWithPath: outputDir) }

    var runOptions: RunOptions {
        RunOptions(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, failFast: failFast, quiet: quiet)
    }

    /// The same options as a command line, for "resume with ..." hints.
    var commandSuffix: String {
        var parts = [shellQuoted(file)]
        if let jobs { parts += ["--jobs", String(jobs)] }
        if outputDir != "results" { parts += ["--output-dir", shellQuoted(outputDir)] }
        if let realizations { parts += ["--realizations", String(realizations)] }
        if let shard { parts += ["--shard", shard] }
        if failFast { parts.append("--fail-fast") }
        if keepJournal { parts.append("--keep-journal") }
        return parts.joined(separator: " ")
    }
}

func shellQuoted(_ s: String) -> String {
    s.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:".contains($0) }) ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
