import Testing
import ScenarioKit
@testable import SweepEngine

@Suite("Experiment loading")
struct ExperimentLoaderTests {
    func values(_ sweep: String) throws -> [[ParameterValue]] {
        let e = try loadExperiment("""
            scenario: random-test
            figure: f
            seed: 1
            realizations: 2
            sweep:
            \(sweep)
            series: [{label: A, scheme: gaussian}]
            outputs: [{metric: value, file: f}]
            """)
        return e.sweep.flatMap(\.values)
    }

    @Test func generators() throws {
        #expect(try values("  offset: {linspace: {start: 0, stop: 1.26, count: 253}}")[0][251] == .real(1.255))
        #expect(try values("  offset: {linspace: {start: 2, stop: 3, count: 3}}") == [[.real(2), .real(2.5), .real(3)]])
        #expect(try values("  offset: {linspace: {start: 7, stop: 9, count: 1}}") == [[.real(7)]])
        #expect(try values("  offset: {logspace: {start: -1, stop: 1, count: 3}}") == [[.real(0.1), .real(1), .real(10)]])
        #expect(try values("  dimension: {range: {start: 2, stop: 8, step: 3}}") == [[.integer(2), .integer(5), .integer(8)]])
        #expect(try values("  offset: {range: {start: 1, stop: 0, step: -0.5}}") == [[.real(1), .real(0.5), .real(0)]])
        #expect(try values("  dimension: [1, 4]") == [[.integer(1), .integer(4)]])
        #expect(try values("  mode: [plain, squared]") == [[.choice("plain"), .choice("squared")]])
    }

    @Test func zipGroupsAdvanceTogether() throws {
        let e = try loadExperiment("""
            scenario: random-test
            figure: f
            seed: 1
            realizations: 1
            sweep:
              mode: [plain, squared]
              zip: {offset: [1, 2, 3], dimension: [4, 5, 6]}
            series: [{label: A, scheme: gaussian}]
            outputs: [{metric: value, file: f}]
            """)
        let plan = try SweepPlan(e)
        #expect(plan.columns == ["mode", "offset", "dimension"])
        #expect(plan.points.count == 6)
        #expect(plan.points[4].coordinates == [.choice("squared"), .real(2), .integer(5)])
        #expect(plan.points[4].series[0].parameters.integer("dimension") == 5)
    }

    @Test func resolutionOrderDefaultsFileSweepSeries() throws {
        let e = try loadExperiment("""
            scenario: random-test
            figure: f
            seed: 1
            realizations: 1
            parameters: {scale: 3, offset: 9}
            sweep: {dimension: [2]}
            series:
              - {label: A, scheme: gaussian}
              - {label: B, scheme: gaussian, parameters: {scale: 4}}
            outputs: [{metric: value, file: f}]
            """)
        let plan = try SweepPlan(e)
        let a = plan.points[0].series[0].parameters, b = plan.points[0].series[1].parameters
        #expect(a.real("scale") == 3 && b.real("scale") == 4)
        #expect(a.real("offset") == 9 && a.integer("dimension") == 2 && a.real("failure_rate") == 0)
    }

    @Test func configurationHashIgnoresPlotLabelsButNotValues() throws {
        let base = """
            scenario: random-test
            figure: f
            seed: 1
            realizations: 5
            sweep: {offset: [1, 2]}
            series: [{label: A, scheme: gaussian}]
            outputs: [{metric: value, file: f}]
            """
        let hash = try SweepPlan(loadExperiment(base)).configurationHash
        #expect(try SweepPlan(loadExperiment(base + "\nplot: {x_label: X}")).configurationHash == hash)
        #expect(try SweepPlan(loadExperiment(base.replacingOccurrences(of: "seed: 1", with: "seed: 2"))).configurationHash != hash)
        #expect(try SweepPlan(loadExperiment(base, realizations: 6)).configurationHash != hash)
        #expect(try SweepPlan(loadExperiment(base.replacingOccurrences(of: "[1, 2]", with: "[1, 3]"))).configurationHash != hash)
    }

    @Test func diagnosticsCollectEveryProblemWithLocations() {
        do {
            _ = try loadExperiment("""
                scenario: random-test
                figure: f
                seed: 1
                realisations: 2
                sweep: {ofset: [1]}
                series: [{label: A, scheme: gausian}]
                outputs: [{metric: value, file: f}]
                """, path: "bad.yaml")
            Issue.record("expected a validation error")
        } catch let error as ExperimentValidationError {
            let text = error.description
            #expect(text.contains("bad.yaml:4:1: error: unknown key 'realisations'"))
            #expect(text.contains("did you mean 'realizations'?"))
            #expect(text.contains("bad.yaml:5:9: error: cannot sweep 'ofset'"))
            #expect(text.contains("did you mean 'offset'?"))
            #expect(text.contains("no scheme 'gausian'; did you mean 'gaussian'?"))
            #expect(text.contains("missing the required key 'realizations'"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func suggestions() {
        #expect(editDistanceForTest("kitten", "sitting") == 3)
        #expect(editDistanceForTest("", "abc") == 3)
        #expect(didYouMean("realisations", among: ["realizations", "seed"]) == "; did you mean 'realizations'?")
        #expect(didYouMean("zzz", among: ["realizations"]) == "")
    }
}

@Suite("Output encodings")
struct OutputEncodingTests {
    /// FIPS 180-4 / NIST example vectors.
    @Test func sha256Vectors() {
        #expect(SHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(of: [UInt8](repeating: 0x61, count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func shortestRoundTripNumbers() {
        #expect(formatShortest(0.1) == "0.1")
        #expect(formatShortest(3) == "3")
        #expect(formatShortest(-0.0) == "-0")
        #expect(formatShortest(1e-5) == "1e-05")
        #expect(formatShortest(.nan) == "nan")
        #expect(formatShortest(-.infinity) == "-inf")
        for x in [0.1 + 0.2, 1.0 / 3, 6.02214076e23, Double.leastNonzeroMagnitude, 1e15 + 0.5] {
            #expect(Double(formatShortest(x)) == x)
        }
    }

    @Test func jsonIsCanonical() {
        let v = JSONValue.object([("b", .array([.integer(1), .number(0.5), .null])), ("a", .string("q\"\n"))])
        #expect(v.canonicalText == #"{"b":[1,0.5,null],"a":"q\"\n"}"#)
        #expect(v.prettyText.hasPrefix("{\n  \"b\": [\n    1,"))
    }
}

/// The module's free function `editDistance` is shadowed inside the suite by the test name; reach it here.
private func editDistanceForTest(_ a: String, _ b: String) -> Int { editDistance(a, b) }

@Suite("Sweep generators")
struct SweepGeneratorTests {
    @Test func decimalGridsReadAsDecimals() {
        let grid = linspace(0, 1.26, 253)
        #expect(grid[40] == 0.2 && grid[251] == 1.255 && grid[252] == 1.26)
        for (i, x) in grid.enumerated() {
            // Every value stays within 4 ulps of the exact grid point i·1.26/252.
            #expect(abs(x - 1.26 * Double(i) / 252) <= 4 * x.ulp + 1e-300)
        }
        #expect(snapToDecimal(1.0 / 3) == 1.0 / 3)  // no short decimal nearby: untouched
    }
}
