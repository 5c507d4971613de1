import Foundation
import LinearAlgebra
import Testing
import SweepEngine

/// Every experiment file, run at a small realization count, must reproduce its committed CSVs byte
/// for byte. A change in numbers is then a reviewed diff of Tests/Golden, never an accident.
/// Record deliberately with `RECORD_GOLDEN=1 swift test --filter GoldenCSV`.
///
/// The bits are those of one OpenBLAS kernel family (chosen by CPU at load time); recording also writes
/// that family to `Tests/Golden/BLAS-KERNELS`, so a mismatch on a machine with other kernels says so
/// instead of looking like a regression.
@Suite("Golden CSVs")
struct GoldenCSVTests {
    static let kernelsFile = RepositoryFiles.root.appendingPathComponent("Tests/Golden/BLAS-KERNELS")

    /// Small enough for a debug-build CI run, large enough to exercise the reduction and CI columns.
    static let realizations = 3
    /// The paper-SCA multi-user figures cost ~10 s per work unit in a debug build (a conic solve per SCA
    /// iteration): one realization per sweep point keeps them in CI (32 units) while still covering
    /// every point, scheme and output.
    static let reduced: [String: Int] = [
        "experiments/ee/fig10-sca.yaml": 1, "experiments/ee/fig11-sca.yaml": 1, "experiments/ee/fig12-sca.yaml": 1, "experiments/ee/fig13-sca.yaml": 1,
    ]

    @Test(arguments: RepositoryFiles.experimentFiles)
    func experimentMatchesGolden(_ file: String) throws {
        // `GOLDEN_ONLY=<substring>` restricts a run (e.g. re-recording) to matching files.
        if let only = ProcessInfo.processInfo.environment["GOLDEN_ONLY"], !file.contains(only) { return }
        let result = try RepositoryFiles.run(file, realizations: Self.reduced[file] ?? Self.realizations)
        let experiment = result.plan.experiment
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        for (o, output) in experiment.outputs.enumerated() {
            let csv = CSVTables.text(result, output: o)
            let golden = RepositoryFiles.root.appendingPathComponent("Tests/Golden/\(experiment.scenarioName)/\(output.file).csv")
            if record {
                try AtomicFile.write(csv, to: golden)
                try AtomicFile.write(BLASBackend.coreName + "\n", to: Self.kernelsFile)
                continue
            }
            guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
                Issue.record("no golden CSV \(golden.path); record it with RECORD_GOLDEN=1 swift test --filter GoldenCSV")
                continue
            }
            #expect(csv == expected, "\(file) → \(output.file).csv differs from Tests/Golden\(Self.kernelHint())")
        }
    }

    /// Empty when this machine uses the recorded kernel family; otherwise what differs and what to do.
    static func kernelHint() -> String {
        let recorded = (try? String(contentsOf: kernelsFile, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown"
        let here = BLASBackend.coreName
        guard recorded != here else { return "" }
        return " (recorded with OpenBLAS \(recorded) kernels, this machine uses \(here): run with "
            + "OPENBLAS_CORETYPE=\(recorded) if the CPU supports it, or re-record deliberately)"
    }

    @Test func everyExperimentFileIsCovered() {
        #expect(RepositoryFiles.experimentFiles.contains("experiments/ee/fig4.yaml"))
    }
}
