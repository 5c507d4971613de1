import Foundation
import Testing

/// `masweep diff` end to end: exit status 0 equal / 1 different / 2 bad input, and the report.
@Suite("CLI: diff")
struct DiffCommandTests {
    static let base = """
        antennas,Proposed,Baseline,Proposed_ci95,Baseline_ci95
        2,1,0.5,0.1,0.05
        4,2,1,0.1,0.05
        6,3,1.5,0.1,0.05

        """

    /// Writes the named files into a fresh directory and runs `masweep diff` there.
    func diff(_ files: [String: String], _ arguments: [String]) throws -> CLIResult {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        return try CLI.run(["diff"] + arguments, in: directory)
    }

    func diff(_ a: String, _ b: String, _ options: [String] = []) throws -> CLIResult {
        try diff(["a.csv": a, "b.csv": b], ["a.csv", "b.csv"] + options)
    }

    @Test func equalFilesExitZero() throws {
        let r = try diff(Self.base, Self.base)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            equal: 3 rows × 4 value columns within tolerance (rtol 1e-12, atol 0)
            A: a.csv (3 rows, 5 columns)
            B: b.csv (3 rows, 5 columns)
            key: antennas (columns before the first one with a _ci95 partner)

            """)
        #expect(r.stderr.isEmpty)
    }

    @Test func committedResultEqualsTheGoldenCSV() throws {
        // Repository files, with the manifest beside results/ee/fig4a.csv giving the key.
        let r = try CLI.run(["diff", "results/ee/fig4a.csv", "Tests/Golden/ee/fig4a.csv"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasPrefix("equal: 253 rows × 1 value column within tolerance"))
        #expect(r.stdout.contains("key: load_speed_mps (A: manifest; B: shortest unique leading columns)"))
    }

    @Test func withinAndBeyondTolerance() throws {
        let b = Self.base.replacingOccurrences(of: "4,2,1,", with: "4,2.0001,1,")
        let beyond = try diff(Self.base, b)
        #expect(beyond.status == 1)
        #expect(beyond.stdout.hasPrefix("different: 1 changed cell in 1 of 4 value columns (rtol 1e-12, atol 0)\n"))
        #expect(beyond.stdout.contains("\nProposed: 1 of 3 cells beyond tolerance\n  antennas=4   2 -> 2.0001   Δ +0.0001   rel 5e-5\n"))
        #expect(try diff(Self.base, b, ["--rtol", "1e-4"]).status == 0)
        #expect(try diff(Self.base, b, ["--atol", "0.0002"]).status == 0)
        #expect(try diff(Self.base, b, ["--atol", "0.00005"]).status == 1)
        let perColumn = try diff(Self.base, b, ["--column-tol", "Proposed=1e-4"])
        #expect(perColumn.status == 0)
        #expect(perColumn.stdout.hasPrefix("equal: 3 rows × 4 value columns within tolerance (rtol 1e-12, atol 0; Proposed: rtol 0.0001, atol 0)"))
        #expect(try diff(Self.base, b, ["--column-tol", "Baseline=1e-4"]).status == 1, "the override is per column")
        #expect(try diff(Self.base, b, ["--column-tol", "Proposed=0,0.001"]).status == 0)
    }

    @Test func ciSeparatesSignificantChangesFromNoise() throws {
        let noise = Self.base.replacingOccurrences(of: "4,2,1,", with: "4,2.15,1.05,")  // 0.15 ≤ 0.2, 0.05 ≤ 0.1
        let plain = try diff(Self.base, noise)
        #expect(plain.status == 1)
        let quiet = try diff(Self.base, noise, ["--ci"])
        #expect(quiet.status == 0, "\(quiet.stdout)")
        #expect(quiet.stdout.hasPrefix("equal within noise: no significant change, 2 cells in 2 columns within noise;"))
        #expect(quiet.stdout.contains("within-noise drift"))
        #expect(quiet.stdout.contains("  antennas=4   2 -> 2.15   Δ +0.15   rel 0.0698   0.75x ci95 (0.1 + 0.1)"))

        let significant = noise.replacingOccurrences(of: "6,3,1.5,", with: "6,3.5,1.5,")  // 0.5 > 0.2
        let loud = try diff(Self.base, significant, ["--ci"])
        #expect(loud.status == 1)
        #expect(loud.stdout.hasPrefix("different: 1 significant change in 1 column; 2 cells in 2 columns within noise"))
        let sections = loud.stdout.components(separatedBy: "within-noise drift")
        #expect(sections.count == 2 && sections[0].contains("antennas=6   3 -> 3.5") && !sections[0].contains("antennas=4"))
    }

    @Test func reorderedColumnsAndRowsAreEqual() throws {
        let b = """
            antennas,Baseline,Proposed,Baseline_ci95,Proposed_ci95
            6,1.5,3,0.05,0.1
            2,0.5,1,0.05,0.1
            4,1,2,0.05,0.1

            """
        let r = try diff(Self.base, b)
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("note: column order differs (columns are matched by name)"))
        #expect(r.stdout.contains("note: row order differs (rows are matched by key)"))
    }

    @Test func missingAndAddedRows() throws {
        let b = Self.base.replacingOccurrences(of: "2,1,0.5,0.1,0.05\n", with: "") + "8,4,2,0.1,0.05\n"
        let r = try diff(Self.base, b)
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("different: rows: 1 added, 1 removed (rtol 1e-12, atol 0)\n"))
        #expect(r.stdout.contains("rows: 1 added, 1 removed\n  + antennas=8\n  - antennas=2\n"))
    }

    @Test func addedRemovedAndRenamedColumns() throws {
        let b = Self.base.replacingOccurrences(of: "antennas,Proposed,Baseline,", with: "antennas,Ours,Baseline,")
        let renamed = try diff(Self.base, b)
        #expect(renamed.status == 1)
        #expect(renamed.stdout.contains("columns: 1 renamed\n  ~ Proposed -> Ours (same values)\n"))

        let dropped = "antennas,Proposed,Proposed_ci95\n2,1,0.1\n4,2,0.1\n6,3,0.1\n"
        let r = try diff(Self.base, dropped)
        #expect(r.status == 1)
        #expect(r.stdout.contains("columns: 2 removed\n  - Baseline\n  - Baseline_ci95\n"))
        let back = try diff(dropped, Self.base)
        #expect(back.stdout.contains("columns: 2 added\n  + Baseline\n  + Baseline_ci95\n"))
    }

    @Test func nanHandling() throws {
        let a = Self.base.replacingOccurrences(of: "4,2,1,", with: "4,nan,1,")
        #expect(try diff(a, a).status == 0, "nan equals nan")
        let r = try diff(a, Self.base, ["--rtol", "1"])
        #expect(r.status == 1, "nan never equals a number, whatever the tolerance")
        #expect(r.stdout.contains("  antennas=4   nan -> 2\n"))
    }

    @Test func keyFromTheManifestBesideTheCSV() throws {
        // Deterministic two-axis grid: the manifest says both columns are swept.
        let a = "n,snr,G\n1,0,5\n1,10,6\n2,0,7\n2,10,8\n"
        let b = "n,snr,G\n1,0,5\n1,10,6\n2,0,7\n2,10,9\n"
        let manifest = #"{"configuration": {"sweep": [{"n": [1, 2]}, {"snr": [0, 10]}]}, "series": ["G"]}"#
        let r = try diff(["a.csv": a, "b.csv": b, "a.manifest.json": manifest, "b.manifest.json": manifest], ["a.csv", "b.csv"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("key: n, snr (manifest)"))
        #expect(r.stdout.contains("  n=2, snr=10   8 -> 9"))
    }

    @Test func malformedCSVExitsTwoWithTheLine() throws {
        let bad = "antennas,Proposed\n2,1\n4,2,7\n"
        let r = try diff(Self.base, bad)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("b.csv:3: error: 3 field(s), but the header has 2 column(s)"))
        let unterminated = try diff("x,G\n1,\"2\n", Self.base)
        #expect(unterminated.status == 2 && unterminated.stderr.contains("a.csv:2: error: unterminated quoted field"))
    }

    @Test func otherBadInputExitsTwo() throws {
        let missing = try diff(["a.csv": Self.base], ["a.csv", "nope.csv"])
        #expect(missing.status == 2 && missing.stderr.contains("nope.csv: error: cannot read the file: no such file"))
        let noKey = try diff("a,G,G_ci95\n1,2,0\n", "b,H,H_ci95\n1,2,0\n")
        #expect(noKey.status == 2 && noKey.stderr.contains("error: no common key columns"))
        for options in [["--rtol", "-1"], ["--column-tol", "Proposed"], ["--column-tol", "Proposed=x"],
                        ["--column-tol", "Nope=1e-3"], ["--key", "nope"], ["--limit", "0"]] {
            let r = try diff(Self.base, Self.base, options)
            #expect(r.status == 2, "\(options): \(r.stderr)")
            #expect(!r.stderr.isEmpty)
        }
    }

    @Test func limitCapsEachSection() throws {
        var a = "x,G\n", b = "x,G\n"
        for i in 0..<20 {
            a += "\(i),\(i)\n"
            b += "\(i),\(i + 1)\n"
        }
        let r = try diff(a, b, ["--limit", "2"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("G: 20 of 20 cells beyond tolerance\n  x=0   0 -> 1   Δ +1   rel 1\n  x=1   1 -> 2   Δ +1   rel 0.5\n  ... 18 more\n"))
    }

    @Test func helpDocumentsTheOptionsAndExitStatus() throws {
        let r = try CLI.run(["diff", "--help"])
        #expect(r.status == 0)
        for fragment in ["--rtol", "--atol", "--column-tol", "--ci", "--key", "--limit", "bad input", "within-noise drift"] {
            #expect(r.stdout.contains(fragment), "\(fragment) in help")
        }
    }
}
