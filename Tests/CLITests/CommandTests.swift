import Foundation
import Testing

@Suite("CLI: commands")
struct CommandTests {
    @Test func runWritesCSVsAndManifests() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let r = try CLI.run(["run", "experiments/ee/fig4.yaml", "--output-dir", directory.path, "--jobs", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Set(CLI.files(under: directory)) == ["ee/fig4a.csv", "ee/fig4a.manifest.json", "ee/fig4b.csv", "ee/fig4b.manifest.json"])
        let csv = try String(contentsOf: directory.appendingPathComponent("ee/fig4a.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("load_speed_mps,AM2224\n0,9.6\n"))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("ee/fig4b.manifest.json")))
        let m = try #require(manifest as? [String: Any])
        for key in ["configuration", "configuration_sha256", "seed", "realizations", "jobs", "failures", "git_commit",
                    "toolchain", "blas", "wall_time_s", "peak_rss_bytes", "csv_sha256"] {
            #expect(m[key] != nil, "manifest key \(key)")
        }
        #expect(m["jobs"] as? Int == 2)
        #expect(m["units_from_journal"] as? Int == 0, "a fresh run computes every unit")
        #expect((m["blas"] as? String ?? "").hasPrefix("OpenBLAS"), "the kernel family that produced the bits")
        #expect((m["peak_rss_bytes"] as? Int ?? 0) > 0)
    }

    @Test func runHelpDocumentsEveryFlag() throws {
        let r = try CLI.run(["run", "--help"])
        #expect(r.status == 0)
        for flag in ["--jobs", "--output-dir", "--realizations", "--fail-fast", "--quiet", "<file>"] {
            #expect(r.stdout.contains(flag), "\(flag) in help")
        }
    }

    @Test func listShowsParametersWithProvenanceSchemesAndMetrics() throws {
        let r = try CLI.run(["list"])
        #expect(r.status == 0)
        for fragment in ["ee — ", "motor-characteristic", "[deterministic]", "steps_per_revolution", "FOUND", "ASSUMED",
                         "flux_linkage_Wb", "0.004", "pull_out_torque_mNm", "mN·m", "mechanical_power_W"] {
            #expect(r.stdout.contains(fragment), "'\(fragment)' in list output")
        }
        #expect(try CLI.run(["list", "nope"]).status == 2)
    }

    @Test func validateReportsEachFile() throws {
        let r = try CLI.run(["validate", "experiments/ee/fig4.yaml"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("experiments/ee/fig4.yaml: ok (scenario ee, 253 sweep point(s)"))
    }
}

@Suite("CLI: solve")
struct SolveCommandTests {
    @Test func solvesAnSDPLIBProblem() throws {
        let r = try CLI.run(["solve", "Tests/OptimizationTests/Fixtures/sdplib/truss1.dat-s", "--repeat", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("status:           optimal"))
        // Published optimum −8.999996 (SDPLIB 1.2).
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("primal objective:") })
        let value = try #require(Double(line.split(separator: " ").last!))
        #expect(abs(value - -8.999996) < 1e-6 * 9)
        #expect(r.stdout.contains("DIMACS errors:") && r.stdout.contains("(mean of 2)"))
    }

    @Test func badFileNamesTheLine() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.dat-s")
        try "\"comment\"\n2\n1\n2\n1.0 x\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["solve", file.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("line 5"), "\(r.stderr)")
    }
}
