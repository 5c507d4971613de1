import Foundation
import LinearAlgebra
import Testing
import SweepEngine

/// Every experiment file, run at a small realization count, must reproduce its committed CSVs byte
/// for byte. A change in numbers is then a reviewed diff of Tests/Golden, never an accident.
/// Record deliberately with `RECORD_GOLDEN=1 swift test --filter GoldenCSV`.
///
/// The bits are those of one OpenBLAS kernel family: DYNAMIC_ARCH OpenBLAS picks its kernels by CPU at
/// load time, and kernels of different families accumulate in different orders (measured: the paper-SCA
/// figures differ by up to 2e-8 relative between SkylakeX and Zen; every other figure is bit-identical).
/// So the goldens are kept per family (`GoldenSet`): `Tests/Golden/<scenario>/` for the family named in
/// `Tests/Golden/BLAS-KERNELS`, plus `Tests/Golden/kernels/<family>/<scenario>/` with only the files
/// whose bits differ on another recorded family (Zen, Haswell). Both are compared byte for byte. On a
/// family with no recorded set the comparison is numeric with `GoldenSet.crossFamilyTolerance` and the
/// failure message says so.
@Suite("Golden CSVs")
struct GoldenCSVTests {
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
        let golden = GoldenSet.here
        for (o, output) in experiment.outputs.enumerated() {
            let csv = CSVTables.text(result, output: o)
            let relative = "\(experiment.scenarioName)/\(output.file).csv"
            if record {
                try golden.record(csv, relativePath: relative)
                continue
            }
            switch golden.expected(relativePath: relative) {
            case .missing(let path):
                Issue.record("no golden CSV \(path); record it with RECORD_GOLDEN=1 swift test --filter GoldenCSV")
            case .exact(let expected, let family):
                #expect(csv == expected, """
                        \(file) → \(output.file).csv differs from the golden of the \(family) kernels; \
                        if the change is intended, re-record with RECORD_GOLDEN=1 and review the diff
                        """)
            case .numeric(let expected, let recordedFamily):
                let mismatch = GoldenSet.numericMismatch(csv, expected, tolerance: GoldenSet.crossFamilyTolerance)
                #expect(mismatch == nil, """
                    \(file) → \(output.file).csv: no golden is recorded for this machine's OpenBLAS \(golden.family) \
                    kernels, and it differs from the \(recordedFamily) golden beyond rtol \
                    \(GoldenSet.crossFamilyTolerance): \(mismatch ?? ""). Record this family's set deliberately \
                    with RECORD_GOLDEN=1 if the change is expected.
                    """)
            }
        }
    }

    @Test func everyExperimentFileIsCovered() {
        #expect(RepositoryFiles.experimentFiles.contains("experiments/ee/fig4.yaml"))
    }

    @Test func numericComparisonSeesStructureAndValues() {
        let a = "x,A,A_ci95\n1,2.5,0.1\n2,3,nan\n"
        #expect(GoldenSet.numericMismatch(a, a, tolerance: 1e-5) == nil)
        #expect(GoldenSet.numericMismatch(a.replacingOccurrences(of: "2.5", with: "2.500001"), a, tolerance: 1e-5) == nil)
        #expect(GoldenSet.numericMismatch(a.replacingOccurrences(of: "2.5", with: "2.51"), a, tolerance: 1e-5) != nil)
        #expect(GoldenSet.numericMismatch(a.replacingOccurrences(of: "A_ci95", with: "B_ci95"), a, tolerance: 1) != nil)
        #expect(GoldenSet.numericMismatch(a + "3,4,0\n", a, tolerance: 1) != nil)
        #expect(GoldenSet.numericMismatch(a.replacingOccurrences(of: "nan", with: "1"), a, tolerance: 1) != nil)
        #expect(GoldenSet.numericMismatch("x,A,A_ci95\n2,3,nan\n1,2.5,0.1\n", a, tolerance: 1) != nil, "rows out of sweep order")
    }
}
