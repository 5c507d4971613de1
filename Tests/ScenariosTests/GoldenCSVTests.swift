import Foundation
import Testing
import SweepEngine

/// Every experiment file, run at a small realization count, must reproduce its committed CSVs byte
/// for byte. A change in numbers is then a reviewed diff of Tests/Golden, never an accident.
/// Record deliberately with `RECORD_GOLDEN=1 swift test --filter GoldenCSV`.
@Suite("Golden CSVs")
struct GoldenCSVTests {
    /// Small enough for a debug-build CI run, large enough to exercise the reduction and CI columns.
    static let realizations = 3

    @Test(arguments: RepositoryFiles.experimentFiles)
    func experimentMatchesGolden(_ file: String) throws {
        let result = try RepositoryFiles.run(file, realizations: Self.realizations)
        let experiment = result.plan.experiment
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        for (o, output) in experiment.outputs.enumerated() {
            let csv = CSVTables.text(result, output: o)
            let golden = RepositoryFiles.root.appendingPathComponent("Tests/Golden/\(experiment.scenarioName)/\(output.file).csv")
            if record {
                try AtomicFile.write(csv, to: golden)
                continue
            }
            guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
                Issue.record("no golden CSV \(golden.path); record it with RECORD_GOLDEN=1 swift test --filter GoldenCSV")
                continue
            }
            #expect(csv == expected, "\(file) → \(output.file).csv differs from Tests/Golden")
        }
    }

    @Test func everyExperimentFileIsCovered() {
        #expect(RepositoryFiles.experimentFiles.contains("experiments/ee/fig4.yaml"))
    }
}
