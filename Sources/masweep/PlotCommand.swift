import ArgumentParser
import Foundation
import SweepEngine

struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Render result CSVs as PNG and SVG figures with gnuplot.",
        discussion: """
            FILE.csv becomes FILE.png and FILE.svg beside it (or STEM.png, STEM.svg with --output). Title, \
            axis labels and log axes come from FILE.manifest.json ("plot") when it exists, otherwise from \
            the column names; one line per series (legend = series labels), <label>_ci95 half-widths as \
            translucent bands (or --ci-style bars). Table outputs are drawn as a scatter of two of their \
            columns (--x, --y). Conventions: Docs/review.md. The CSV is only read.
            Needs gnuplot (Debian gnuplot-nox) on PATH, or MASWEEP_GNUPLOT set to it.
            Exit status: 0 written (or nothing to plot, with a note), 1 gnuplot missing or failed, 2 bad input.
            """)

    @Argument(help: "Result CSV files.")
    var files: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Output path without extension (one CSV only).", valueName: "STEM"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Image formats, comma-separated.", valueName: "png,svg"))
    var format: String = "png,svg"

    @Option(name: .customLong("ci-style"), help: "How <label>_ci95 half-widths are drawn: band, bars or none.")
    var ciStyle: String = CIStyle.band.rawValue

    @Option(name: .long, help: ArgumentHelp("x column (a sweep column; for a table output, any numeric column).", valueName: "COLUMN"))
    var x: String?

    @Option(name: .long, help: ArgumentHelp("y column of a table output's scatter.", valueName: "COLUMN"))
    var y: String?

    @Flag(name: .long, help: "Also write the gnuplot script as STEM.gp (run it from its directory).")
    var script = false

    func validate() throws {
        _ = try formats()
        if CIStyle(rawValue: ciStyle) == nil { throw ValidationError("--ci-style must be band, bars or none (got '\(ciStyle)')") }
        if output != nil && files.count != 1 { throw ValidationError("--output needs exactly one CSV file (got \(files.count))") }
    }

    func formats() throws -> [ImageFormat] {
        var result: [ImageFormat] = []
        for name in format.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let f = ImageFormat(rawValue: trimmed) else {
                throw ValidationError("--format: unknown image format '\(trimmed)' (png, svg)")
            }
            if !result.contains(f) { result.append(f) }
        }
        return result
    }

    /// `results/ee/fig4a.csv` → `results/ee/fig4a`; `--output figs/a.png` → `figs/a`.
    func stem(for file: String) -> URL {
        if let output {
            let url = URL(fileURLWithPath: output)
            return ImageFormat(rawValue: url.pathExtension.lowercased()) != nil ? url.deletingPathExtension() : url
        }
        let url = URL(fileURLWithPath: file)
        return url.pathExtension.lowercased() == "csv" ? url.deletingPathExtension() : url
    }

    func run() throws {
        let formats = try formats()
        let options = PlotOptions(ciStyle: CIStyle(rawValue: ciStyle)!, x: x, y: y)
        do {
            _ = try Gnuplot.locate()
        } catch {
            printError("error: cannot plot: \(error)")
            throw ExitCode(ExitStatus.runFailed)
        }
        // Every file is attempted; the exit status is the worst one (2 bad input > 1 gnuplot failed > 0).
        let status = files.map { plot($0, formats: formats, options: options) }.max() ?? 0
        if status != 0 { throw ExitCode(status) }
    }

    /// Plots one file; returns its exit status.
    func plot(_ file: String, formats: [ImageFormat], options: PlotOptions) -> Int32 {
        let table: CSVTable
        do {
            table = try CSVTable.read(path: file)
        } catch {
            printError(error.description)
            return ExitStatus.badInput
        }
        var manifest: ResultManifest?
        do {
            manifest = try ResultManifest.load(besideCSV: file)
        } catch {
            printError("warning: \(error.description); plotting with column names")
        }
        let figure: Figure
        do {
            figure = try FigureBuilder.figure(table, manifest: manifest, options: options)
        } catch let skipped as PlotSkipped {
            printError("note: not plotted: \(skipped.reason)")
            return 0
        } catch {
            printError("error: \(error)")
            return ExitStatus.badInput
        }
        let stem = stem(for: file)
        do {
            let rendered = try Gnuplot.render(figure, stem: stem, formats: formats, source: file,
                                              scriptPath: script ? stem.appendingPathExtension("gp") : nil)
            if !rendered.warnings.isEmpty {
                printError(rendered.warnings.split(separator: "\n").map { "gnuplot: \($0)" }.joined(separator: "\n"))
            }
            for url in rendered.files { print("wrote \(url.relativePath)") }
            if script { print("wrote \(stem.appendingPathExtension("gp").relativePath)") }
            return 0
        } catch {
            printError("error: \(file): \(error)")
            return ExitStatus.runFailed
        }
    }
}
