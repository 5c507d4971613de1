import Foundation
import Testing
@testable import SweepEngine

@Suite("Plot: figure and gnuplot script")
struct GnuplotScriptTests {
    static let stochastic = """
        antennas,Proposed,v=0.2,Proposed_ci95,v=0.2_ci95
        4,1.5,1.2,0.1,0.05
        2,1,nan,0.1,nan
        6,2,1.6,0.2,0.05

        """

    static var manifest: ResultManifest {
        var m = ResultManifest()
        m.title = "EE versus antennas"
        m.seriesLabels = ["Proposed", "v=0.2"]
        m.sweepNames = ["antennas"]
        m.outputKind = "curve"
        m.metric = "energy_efficiency_bits_per_joule"
        m.unit = "bit/J"
        m.plotTitle = "Fig. 5: \"EE\" vs N"
        m.xLabel = "N (antennas)"
        m.yLabel = "EE (bps/Hz/J)"
        m.xLog = true
        m.yLog = true
        return m
    }

    func figure(_ csv: String, _ manifest: ResultManifest? = nil, _ options: PlotOptions = PlotOptions()) throws -> Figure {
        try FigureBuilder.figure(try CSVTable.parse(csv, path: "results/ee/fig5.csv"), manifest: manifest, options: options)
    }

    func script(_ f: Figure) -> String {
        GnuplotScript.text(f, outputs: [(.png, "/tmp/out.png"), (.svg, "/tmp/out.svg")])
    }

    @Test func manifestLabelsLogAxesSeriesAndBands() throws {
        let f = try figure(Self.stochastic, Self.manifest)
        #expect(f.kind == .lines && f.curves.map(\.title) == ["Proposed", "v=0.2"])
        #expect(f.curves[0].points.map(\.x) == [2, 4, 6], "points in x order")
        #expect(f.curves[1].points.map(\.y) == [nil, 1.2, 1.6], "nan is a gap")
        #expect(f.curves.allSatisfy { $0.hasCI })
        let s = script(f)
        for line in [
            "set title \"Fig. 5: \\\"EE\\\" vs N\"", "set xlabel \"N (antennas)\"", "set ylabel \"EE (bps/Hz/J)\"",
            "set logscale x 10", "set logscale y 10",
            "$c1 << EOD\n# x y ci95\n2 1 0.1\n4 1.5 0.1\n6 2 0.2\nEOD",
            "$c2 << EOD\n# x y ci95\n2 NaN NaN\n4 1.2 0.05\n6 1.6 0.05\nEOD",
            "plot $c1 using 1:($2-$3):($2+$3) with filledcurves lc rgb \"#0072B2\" notitle, \\\n",
            "$c2 using 1:($2-$3):($2+$3) with filledcurves lc rgb \"#D55E00\" notitle",
            "$c1 using 1:2 with linespoints lc rgb \"#0072B2\" lw 2 dt 1 pt 7 ps 0.8 title \"Proposed\"",
            "$c2 using 1:2 with linespoints lc rgb \"#D55E00\" lw 2 dt 1 pt 5 ps 0.8 title \"v=0.2\"",
            "set terminal pngcairo size 960,640 font \"sans-serif,12\"", "set output \"/tmp/out.png\"",
            "set terminal svg size 960,640 font \"sans-serif,12\"", "set output \"/tmp/out.svg\"",
            "noenhanced",
        ] {
            #expect(s.contains(line), "script contains \(line)")
        }
        // Bands are drawn before (under) every line, and the plot is repeated once per format.
        let plot = try #require(s.range(of: "plot $c1")).lowerBound
        #expect(s[plot...].range(of: "filledcurves")!.lowerBound < s[plot...].range(of: "linespoints")!.lowerBound)
        #expect(s.components(separatedBy: "\nplot ").count == 3)
    }

    @Test func ciStyles() throws {
        let bars = script(try figure(Self.stochastic, Self.manifest, PlotOptions(ciStyle: .bars)))
        #expect(bars.contains("$c1 using 1:2:3 with yerrorlines lc rgb \"#0072B2\""))
        #expect(!bars.contains("filledcurves"))
        let none = script(try figure(Self.stochastic, Self.manifest, PlotOptions(ciStyle: .none)))
        #expect(!none.contains("filledcurves") && !none.contains("yerrorlines") && !none.contains("ci95"))
        // Deterministic (no _ci95 columns): plain lines, no bands whatever the style.
        let det = script(try figure("x,G\n0,1\n1,2\n"))
        #expect(!det.contains("filledcurves") && det.contains("with linespoints"))
    }

    @Test func withoutManifestColumnNamesAndLinearAxes() throws {
        let f = try figure(Self.stochastic)
        #expect(f.title == "fig5" && f.xLabel == "antennas" && f.yLabel == "value" && !f.xLog && !f.yLog)
        #expect(f.curves.map(\.title) == ["Proposed", "v=0.2"], "series = columns after the key that are not _ci95")
        let s = script(f)
        #expect(!s.contains("logscale"))
        #expect(s.contains("set title \"fig5\""))
        // One series without a y label in the manifest: metric and unit, else the series label.
        var m = Self.manifest
        m.yLabel = nil
        #expect(try figure("x,G\n0,1\n", m).yLabel == "energy_efficiency_bits_per_joule (bit/J)")
        #expect(try figure("x,G\n0,1\n").yLabel == "G")
    }

    @Test func severalSweepColumnsGiveOneCurvePerCombination() throws {
        let csv = "n,snr,A,B,A_ci95,B_ci95\n1,0,1,2,0,0\n1,10,3,4,0,0\n2,0,5,6,0,0\n2,10,7,8,0,0\n"
        let f = try figure(csv)
        #expect(f.xLabel == "n")
        #expect(f.curves.map(\.title) == ["A, snr=0", "A, snr=10", "B, snr=0", "B, snr=10"])
        #expect(f.curves[1].points.map(\.y) == [3, 7])
        // --x picks another sweep column; the first becomes the grouping.
        let g = try figure(csv, nil, PlotOptions(x: "snr"))
        #expect(g.xLabel == "snr" && g.curves.map(\.title) == ["A, n=1", "A, n=2", "B, n=1", "B, n=2"])
        #expect(throws: PlotInputError.self) { try figure(csv, nil, PlotOptions(x: "A")) }
        // More than four curves: the legend moves outside.
        let many = try figure("n,snr,A,B,C\n1,0,1,2,3\n1,10,3,4,5\n2,0,5,6,7\n2,10,7,8,9\n")
        #expect(many.curves.count == 6 && script(many).contains("set key outside right top"))
        #expect(script(f).contains("set key inside top right"))
    }

    @Test func textSweepColumnIsCategorical() throws {
        let f = try figure("scheme,G\notgm,1\nsequential-update,2\n")
        #expect(f.xCategories == ["otgm", "sequential-update"])
        #expect(script(f).contains("set xtics (\"otgm\" 0, \"sequential-update\" 1)"))
    }

    @Test func tableOutputsAreScatters() throws {
        let csv = "antennas,series,x_wavelengths,y_wavelengths\n4,Proposed,0,0.5\n4,Proposed,1,1.5\n4,Baseline,0,2\n6,Proposed,2,2.5\n"
        let f = try figure(csv)
        #expect(f.kind == .scatter && f.xLabel == "x_wavelengths" && f.yLabel == "y_wavelengths")
        #expect(f.curves.map(\.title) == ["Proposed, antennas=4", "Baseline, antennas=4", "Proposed, antennas=6"])
        let s = script(f)
        #expect(s.contains("$c1 using 1:2 with points lc rgb \"#0072B2\" pt 7 ps 0.8 title \"Proposed, antennas=4\""))
        #expect(!s.contains("with lines"))
        let swapped = try figure(csv, nil, PlotOptions(x: "y_wavelengths", y: "x_wavelengths"))
        #expect(swapped.xLabel == "y_wavelengths" && swapped.curves[0].points.map(\.y) == [0, 1])
        // EE Fig. 6 layout: the last column (the result) against the first (the item index).
        let positions = "array_length_wavelengths,series,antenna,initial_position_m,position_m\n6,FPA,1,0.17,0.17\n6,FPA,2,0.22,0.25\n"
        var m = ResultManifest()
        m.outputKind = "table"
        m.sweepNames = ["array_length_wavelengths"]
        m.title = "Single user: optimised positions"
        let p = try figure(positions, m)
        #expect(p.kind == .scatter && p.xLabel == "antenna" && p.yLabel == "position_m" && p.title == "Single user: optimised positions")
        #expect(p.curves.map(\.title) == ["FPA"] && p.curves[0].points.map(\.y) == [0.17, 0.25], "a constant sweep column is not in the legend")
        #expect(try figure(positions, m, PlotOptions(x: "initial_position_m")).yLabel == "position_m")
        #expect(try figure(positions, m, PlotOptions(y: "initial_position_m")).xLabel == "antenna")
        #expect(throws: PlotSkipped.self) { try figure("n,series,k\n1,P,3\n") }
        #expect(throws: PlotInputError.self) { try figure(csv, nil, PlotOptions(y: "nope")) }
        #expect(throws: PlotInputError.self) { try figure("x,G\n0,1\n", nil, PlotOptions(y: "G")) }
    }

    @Test func nothingFiniteIsSkipped() {
        #expect(throws: PlotSkipped.self) { try figure("x,G\n0,nan\n1,inf\n") }
    }

    @Test func quoting() {
        #expect(GnuplotScript.quote(#"a "b" \c λ"#) == #""a \"b\" \\c λ""#)
    }

    @Test func colourCycleThenDashes() {
        #expect(GnuplotScript.color(0) == "#0072B2" && GnuplotScript.color(7) == "#0072B2")
        #expect(GnuplotScript.dashType(0) == 1 && GnuplotScript.dashType(6) == 1 && GnuplotScript.dashType(7) == 2)
    }

    @Test func missingGnuplotIsAClearError() {
        #expect {
            try Gnuplot.locate(environment: ["PATH": "/nonexistent-masweep-dir"])
        } throws: { "\($0)".contains("gnuplot not found (no 'gnuplot' on PATH); install Debian's gnuplot-nox") }
        #expect {
            try Gnuplot.locate(environment: ["MASWEEP_GNUPLOT": "/nonexistent/gnuplot", "PATH": "/usr/bin"])
        } throws: { "\($0)".contains("MASWEEP_GNUPLOT=/nonexistent/gnuplot is not an executable file") }
    }

    @Test(.enabled(if: (try? Gnuplot.locate()) != nil, "needs gnuplot (Debian gnuplot-nox)"))
    func rendersAtomicallyWithoutLeftovers() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("masweep-plot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let rendered = try Gnuplot.render(try figure(Self.stochastic, Self.manifest), stem: directory.appendingPathComponent("fig5"),
                                          formats: [.png, .svg])
        #expect(rendered.files.map(\.lastPathComponent) == ["fig5.png", "fig5.svg"])
        let png = try Data(contentsOf: rendered.files[0])
        #expect(png.count > 1000 && Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let svg = try String(contentsOf: rendered.files[1], encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("Proposed") && svg.contains("N (antennas)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["fig5.png", "fig5.svg"])
    }

    @Test(.enabled(if: (try? Gnuplot.locate()) != nil, "needs gnuplot (Debian gnuplot-nox)"))
    func gnuplotFailureLeavesNoImage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("masweep-plot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        // Log y with only negative values: gnuplot has nothing to draw and fails.
        var f = try figure("x,G\n1,-1\n2,-2\n")
        f.yLog = true
        #expect(throws: GnuplotError.self) {
            try Gnuplot.render(f, stem: directory.appendingPathComponent("neg"), formats: [.png])
        }
        #expect((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] == [])
    }
}
