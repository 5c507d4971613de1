import Foundation
import Testing

/// `masweep plot` end to end. Rendering tests need gnuplot (Debian gnuplot-nox, installed by `make deps`).
@Suite("CLI: plot")
struct PlotCommandTests {
    static let hasGnuplot = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/gnuplot") }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// A copy of a committed result (CSV + manifest) in a fresh directory, so nothing is written in the repository.
    func committedResult(_ name: String) throws -> URL {
        let directory = try CLI.temporaryDirectory()
        for file in [name + ".csv", name + ".manifest.json"] {
            try FileManager.default.copyItem(at: CLI.repositoryRoot.appendingPathComponent("results/ee/" + file),
                                             to: directory.appendingPathComponent(file))
        }
        return directory
    }

    func expectPNG(_ url: URL) throws {
        let data = try Data(contentsOf: url)
        #expect(data.count > 2000, "\(url.lastPathComponent) is \(data.count) bytes")
        #expect(Array(data.prefix(8)) == Self.pngSignature, "PNG signature of \(url.lastPathComponent)")
        // IHDR: the first chunk, 960 × 640.
        #expect(Array(data[12..<16]) == Array("IHDR".utf8))
        let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = data[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 960 && height == 640)
    }

    @Test(.enabled(if: hasGnuplot, "needs gnuplot"))
    func rendersACommittedResultAsPNGAndSVG() throws {
        let directory = try committedResult("fig4a")
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("fig4a.csv")
        let before = try Data(contentsOf: csv)
        let r = try CLI.run(["plot", "fig4a.csv"], in: directory)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "wrote fig4a.png\nwrote fig4a.svg\n")
        try expectPNG(directory.appendingPathComponent("fig4a.png"))
        let svg = try String(contentsOf: directory.appendingPathComponent("fig4a.svg"), encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("</svg>"))
        // Title and axis labels come from the committed manifest's `plot` object; the legend from the series.
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: directory.appendingPathComponent("fig4a.manifest.json"))) as? [String: Any]
        let plot = try #require(manifest?["plot"] as? [String: Any])
        let labels = ["title", "x_label", "y_label"].compactMap { plot[$0] as? String }
        #expect(labels.count == 3)
        for text in labels + ["AM2224"] {
            #expect(svg.contains(text), "'\(text)' in the SVG")
        }
        #expect(try Data(contentsOf: csv) == before, "the CSV is never altered")
        #expect(Set(CLI.files(under: directory)) == ["fig4a.csv", "fig4a.manifest.json", "fig4a.png", "fig4a.svg"],
                "no temporary files left")
    }

    @Test(.enabled(if: hasGnuplot, "needs gnuplot"))
    func freshRunUsesThePlotLabelsOfTheExperiment() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["run", "experiments/ee/fig4.yaml", "--output-dir", directory.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let r = try CLI.run(["plot", directory.appendingPathComponent("ee/fig4a.csv").path,
                             directory.appendingPathComponent("ee/fig4b.csv").path, "--format", "svg", "--script"])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOf: directory.appendingPathComponent("ee/fig4b.svg"), encoding: .utf8)
        for text in ["Fig. 4(b): mechanical power", "load speed v (m/s)", "mechanical power P_MA (W)"] {
            #expect(svg.contains(text), "'\(text)' in the SVG")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("ee/fig4b.png").path), "--format svg only")
        let script = try String(contentsOf: directory.appendingPathComponent("ee/fig4a.gp"), encoding: .utf8)
        #expect(script.contains("set output \"fig4a.svg\"") && script.contains("set title \"Fig. 4(a): pull-out torque\""))
    }

    @Test(.enabled(if: hasGnuplot, "needs gnuplot"))
    func stochasticCSVWithCIAndOutputStem() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("snr_dB,Proposed,Random,Proposed_ci95,Random_ci95\n0,1,0.5,0.1,0.2\n10,2,1,0.1,0.2\n20,3,1.5,0.1,0.2\n".utf8)
            .write(to: directory.appendingPathComponent("rate.csv"))
        let manifest = #"{"plot": {"title": "Rate", "x_label": "SNR (dB)", "y_label": "rate (bps/Hz)", "x_log": false, "y_log": true},"#
            + #" "series": ["Proposed", "Random"], "configuration": {"sweep": [{"snr_dB": [0, 10, 20]}]}}"#
        try Data(manifest.utf8).write(to: directory.appendingPathComponent("rate.manifest.json"))
        let r = try CLI.run(["plot", "rate.csv", "--output", "figs/rate.png", "--format", "png", "--script"], in: directory)
        #expect(r.status == 0, "\(r.stderr)")
        try expectPNG(directory.appendingPathComponent("figs/rate.png"))
        let script = try String(contentsOf: directory.appendingPathComponent("figs/rate.gp"), encoding: .utf8)
        for line in ["set logscale y 10", "set ylabel \"rate (bps/Hz)\"", "with filledcurves", "title \"Random\""] {
            #expect(script.contains(line), "\(line) in the script")
        }
        #expect(!script.contains("set logscale x"))
    }

    @Test func missingGnuplotIsAClearErrorAndLeavesTheCSV() throws {
        let directory = try committedResult("fig4b")
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try Data(contentsOf: directory.appendingPathComponent("fig4b.csv"))
        for environment in [["PATH": directory.path], ["MASWEEP_GNUPLOT": "/nonexistent/gnuplot"]] {
            let r = try run(["plot", "fig4b.csv"], in: directory, environment: environment)
            #expect(r.status == 1, "\(environment): \(r.stderr)")
            #expect(r.stderr.contains("error: cannot plot: gnuplot not found"))
            #expect(r.stderr.contains("install Debian's gnuplot-nox"))
            #expect(!r.stderr.contains("Fatal error"))
            #expect(r.stdout.isEmpty)
        }
        #expect(try Data(contentsOf: directory.appendingPathComponent("fig4b.csv")) == before)
        #expect(Set(CLI.files(under: directory)) == ["fig4b.csv", "fig4b.manifest.json"])
    }

    @Test(.enabled(if: hasGnuplot, "needs gnuplot"))
    func badInputExitsTwo() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("x,G\n0,1\n1,2,3\n".utf8).write(to: directory.appendingPathComponent("bad.csv"))
        let malformed = try CLI.run(["plot", "bad.csv"], in: directory)
        #expect(malformed.status == 2 && malformed.stderr.contains("bad.csv:3: error: 3 field(s), but the header has 2 column(s)"))
        let missing = try CLI.run(["plot", "nope.csv"], in: directory)
        #expect(missing.status == 2 && missing.stderr.contains("nope.csv: error: cannot read the file: no such file"))
        try Data("x,G\n0,1\n".utf8).write(to: directory.appendingPathComponent("ok.csv"))
        for options in [["--format", "jpeg"], ["--ci-style", "shade"], ["--x", "nope"], ["--y", "G"]] {
            let r = try CLI.run(["plot", "ok.csv"] + options, in: directory)
            #expect(r.status == 2, "\(options): \(r.stderr)")
        }
        #expect(try CLI.run(["plot", "ok.csv", "bad.csv", "--output", "x"], in: directory).status == 2, "--output with two files")
        #expect(Set(CLI.files(under: directory)) == ["bad.csv", "ok.csv"])
    }

    @Test(.enabled(if: hasGnuplot, "needs gnuplot"))
    func tablesAreScattersOrSkippedWithANote() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("antennas,series,x_wavelengths,y_wavelengths\n4,Proposed,0,0\n4,Proposed,1.5,0.5\n".utf8)
            .write(to: directory.appendingPathComponent("positions.csv"))
        try Data("antennas,series,iterations\n4,Proposed,12\n".utf8).write(to: directory.appendingPathComponent("iterations.csv"))
        let r = try CLI.run(["plot", "positions.csv", "iterations.csv", "--format", "svg"], in: directory)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "wrote positions.svg\n")
        #expect(r.stderr.contains("note: not plotted: iterations.csv is a table output without two numeric columns to scatter"))
    }

    /// Like `CLI.run`, with environment overrides (to hide gnuplot).
    func run(_ arguments: [String], in directory: URL, environment overrides: [String: String]) throws -> CLIResult {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(overrides) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errorData = err.fileHandleForReading.readDataToEndOfFile()  // small: a few lines at most
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                         stderr: String(decoding: errorData, as: UTF8.self))
    }
}
