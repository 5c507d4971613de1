import Foundation
import Testing

/// A malformed experiment file and what the user must be told about it.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    let name: String
    let yaml: String
    /// 1-based line the message must point at.
    let line: Int
    /// Fragments the message must contain (the offending key or value, and what was expected).
    let mentions: [String]
    var testDescription: String { name }
}

private let valid = """
    scenario: ee
    figure: fig4
    sweep:
      load_speed_mps: {linspace: {start: 0, stop: 1.2, count: 5}}
    series:
      - {label: AM2224, scheme: motor-characteristic}
    outputs:
      - {metric: pull_out_torque_mNm, file: fig4a}
    """

/// Replaces one line of the valid file (1-based), keeping every other line where it was.
private func edit(_ line: Int, _ replacement: String) -> String {
    var lines = valid.components(separatedBy: "\n")
    lines[line - 1] = replacement
    return lines.joined(separator: "\n")
}

let malformedCases: [MalformedCase] = [
    MalformedCase(name: "unknown top-level key", yaml: valid + "\nrealisations: 10", line: 9,
                  mentions: ["unknown key 'realisations'", "did you mean 'realizations'"]),
    MalformedCase(name: "wrong type", yaml: edit(2, "figure: [a, b]"), line: 2, mentions: ["figure must be text", "a list"]),
    MalformedCase(name: "out-of-range parameter", yaml: valid + "\nparameters: {screw_radius_m: -0.004}", line: 9,
                  mentions: ["screw_radius_m", "-0.004", "out of range"]),
    MalformedCase(name: "integer expected", yaml: valid + "\nparameters: {steps_per_revolution: 24.5}", line: 9,
                  mentions: ["steps_per_revolution", "must be an integer", "'24.5'"]),
    MalformedCase(name: "unknown scenario", yaml: edit(1, "scenario: eee"), line: 1,
                  mentions: ["unknown scenario 'eee'", "did you mean 'ee'"]),
    MalformedCase(name: "unknown scheme", yaml: edit(6, "  - {label: AM2224, scheme: motor}"), line: 6,
                  mentions: ["no scheme 'motor'", "motor-characteristic"]),
    MalformedCase(name: "unknown metric", yaml: edit(8, "  - {metric: torque, file: fig4a}"), line: 8,
                  mentions: ["no metric 'torque'", "pull_out_torque_mNm"]),
    MalformedCase(name: "sweep of a parameter the scenario does not have", yaml: edit(4, "  load_speed: [0.1, 0.2]"), line: 4,
                  mentions: ["cannot sweep 'load_speed'", "did you mean 'load_speed_mps'"]),
    MalformedCase(name: "empty sweep", yaml: edit(4, "  {}").replacingOccurrences(of: "sweep:\n  {}", with: "sweep: {}"), line: 3,
                  mentions: ["sweep is empty"]),
    MalformedCase(name: "empty sweep axis", yaml: edit(4, "  load_speed_mps: []"), line: 4,
                  mentions: ["sweep of 'load_speed_mps' is empty"]),
    MalformedCase(name: "duplicate series label", yaml: edit(6, "  - {label: A, scheme: motor-characteristic}\n  - {label: A, scheme: motor-characteristic}"),
                  line: 7, mentions: ["duplicate series label 'A'", "first used at 6:"]),
    MalformedCase(name: "linspace with zero points", yaml: edit(4, "  load_speed_mps: {linspace: {start: 0, stop: 1, count: 0}}"), line: 4,
                  mentions: ["linspace.count", "≥ 1", "0"]),
    MalformedCase(name: "YAML syntax error", yaml: edit(5, "series: [{label: A"), line: 6,
                  mentions: ["YAML syntax"]),
    MalformedCase(name: "duplicate key", yaml: valid + "\nfigure: fig5", line: 9,
                  mentions: ["duplicate key 'figure'", "first at 2:1"]),
    MalformedCase(name: "unknown key in a series entry", yaml: edit(6, "  - {label: AM2224, schema: motor-characteristic}"), line: 6,
                  mentions: ["unknown key 'schema'", "did you mean 'scheme'"]),
    MalformedCase(name: "model check fails at a sweep point", yaml: valid + "\nparameters: {flux_linkage_Wb: 1e-4}", line: 6,
                  mentions: ["series 'AM2224'", "flux_linkage", "never reach zero"]),
    MalformedCase(name: "deterministic experiment with realizations", yaml: valid + "\nrealizations: 10", line: 9,
                  mentions: ["realizations must be 1", "deterministic"]),
    MalformedCase(name: "output without metric or table", yaml: edit(8, "  - {file: fig4a}"), line: 8,
                  mentions: ["exactly one of 'metric'", "'table'"]),
    MalformedCase(name: "unsafe output file name", yaml: edit(8, "  - {metric: pull_out_torque_mNm, file: ../x}"), line: 8,
                  mentions: ["'../x'", "plain file name"]),
]

@Suite("CLI: malformed experiment files")
struct ValidationErrorTests {
    @Test(arguments: malformedCases)
    func runRejectsWithLocationAndWritesNothing(_ c: MalformedCase) throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.yaml")
        try c.yaml.write(to: file, atomically: true, encoding: .utf8)
        let results = directory.appendingPathComponent("results")
        let r = try CLI.run(["run", file.path, "--output-dir", results.path, "--quiet"])
        #expect(r.status == 2, "exit status")
        #expect(r.stderr.contains("\(file.path):\(c.line):"), "location in: \(r.stderr)")
        for m in c.mentions { #expect(r.stderr.contains(m), "'\(m)' in: \(r.stderr)") }
        #expect(!FileManager.default.fileExists(atPath: results.path), "nothing written")
        #expect(CLI.files(under: directory) == ["bad.yaml"])

        let v = try CLI.run(["validate", file.path])
        #expect(v.status == 2)
        #expect(v.stderr == r.stderr)
    }

    @Test func missingFileIsBadInput() throws {
        let r = try CLI.run(["run", "/nonexistent/x.yaml", "--quiet"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/nonexistent/x.yaml:1:1: error: cannot read the experiment file"))
    }

    @Test func badFlagValuesAreUsageErrors() throws {
        #expect(try CLI.run(["run", "experiments/ee/fig4.yaml", "--jobs", "0"]).status == 2)
        #expect(try CLI.run(["run", "experiments/ee/fig4.yaml", "--realizations", "-3"]).status == 2)
        #expect(try CLI.run(["run"]).status == 2)
        #expect(try CLI.run(["frobnicate"]).status == 2)
    }
}
