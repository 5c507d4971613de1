import ScenarioKit

/// The house style of every masweep figure (Docs/review.md "Plot conventions").
public struct PlotStyle: Sendable {
    /// Okabe–Ito colour-blind-safe palette (yellow left out: unreadable on white), then black.
    /// Curve i gets colour i mod 7 and dash type 1 + (i / 7) mod 4.
    public static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
    public static let dashTypes = 4
    /// Filled circle, square, triangle, diamond, inverted triangle, pentagon: point type per curve.
    public static let pointTypes = [7, 5, 9, 13, 11, 15]

    public var width = 960
    public var height = 640
    public var font = "sans-serif,12"
    public var lineWidth = 2.0
    /// Curves with at most this many points are drawn with point markers too.
    public var markerLimit = 30
    /// Opacity of a ci95 band.
    public var bandOpacity = 0.2
    /// Above this many curves the legend goes outside the plot, on the right.
    public var insideKeyLimit = 4

    public init() {}

    public static let standard = PlotStyle()

    public func terminal(_ format: ImageFormat) -> String {
        let common = "size \(width),\(height) font \(GnuplotScript.quote(font)) linewidth 1 noenhanced background rgb \"white\""
        switch format {
        case .png: return "set terminal pngcairo \(common)"
        case .svg: return "set terminal svg \(common)"
        }
    }
}

/// Generates a self-contained gnuplot script: the data sit in the script as datablocks (`$c1 << EOD`),
/// so gnuplot never parses the CSV; gaps (nan, inf, text) are written `NaN`, which breaks the line.
public enum GnuplotScript {
    /// `outputs`: where each format is rendered (temporary files when called by `Gnuplot.render`).
    public static func text(_ figure: Figure, outputs: [(ImageFormat, String)], style: PlotStyle = .standard,
                            source: String? = nil) -> String {
        var s: [String] = ["# masweep plot: gnuplot script" + (source.map { " for \($0)" } ?? "")]
        s.append("set encoding utf8")
        s.append("set title \(quote(figure.title))")
        s.append("set xlabel \(quote(figure.xLabel))")
        s.append("set ylabel \(quote(figure.yLabel))")
        s.append("set border 3")
        s.append("set tics nomirror")
        s.append("set grid back lc rgb \"#cccccc\" lw 1 dt 1")
        s.append(figure.curves.count > style.insideKeyLimit
                 ? "set key outside right top noautotitle" : "set key inside top right opaque noautotitle")
        s.append("set style fill transparent solid \(formatShortest(style.bandOpacity)) noborder")
        if figure.xLog { s.append("set logscale x 10") }
        if figure.yLog { s.append("set logscale y 10") }
        if let categories = figure.xCategories {
            let tics = categories.enumerated().map { "\(quote($0.element)) \($0.offset)" }.joined(separator: ", ")
            s.append("set xtics (\(tics))")
        }

        // Data.
        for (i, curve) in figure.curves.enumerated() {
            let drawsCI = curve.hasCI && figure.ciStyle != .none && figure.kind == .lines
            s.append("$c\(i + 1) << EOD")
            s.append(drawsCI ? "# x y ci95" : "# x y")
            for p in curve.points {
                var row = number(p.x) + " " + number(p.y)
                if drawsCI { row += " " + number(p.ci) }
                s.append(row)
            }
            s.append("EOD")
        }

        // One plot command: bands first (under every line), then lines / error bars / points.
        var layers: [String] = []
        for (i, curve) in figure.curves.enumerated() where curve.hasCI && figure.ciStyle == .band && figure.kind == .lines {
            layers.append("$c\(i + 1) using 1:($2-$3):($2+$3) with filledcurves lc rgb \(quote(color(i))) notitle")
        }
        for (i, curve) in figure.curves.enumerated() {
            let lineStyle = "lc rgb \(quote(color(i))) lw \(formatShortest(style.lineWidth)) dt \(dashType(i))"
            let marker = "pt \(PlotStyle.pointTypes[i % PlotStyle.pointTypes.count]) ps 0.8"
            let title = "title \(quote(curve.title))"
            switch figure.kind {
            case .scatter:
                layers.append("$c\(i + 1) using 1:2 with points lc rgb \(quote(color(i))) \(marker) \(title)")
            case .lines:
                let markers = curve.points.count <= style.markerLimit
                if curve.hasCI && figure.ciStyle == .bars {
                    layers.append("$c\(i + 1) using 1:2:3 with yerrorlines \(lineStyle) \(marker) \(title)")
                } else {
                    layers.append("$c\(i + 1) using 1:2 with \(markers ? "linespoints" : "lines") \(lineStyle)"
                                  + (markers ? " \(marker)" : "") + " \(title)")
                }
            }
        }
        let plot = "plot " + layers.joined(separator: ", \\\n     ")

        for (format, path) in outputs {
            s.append(style.terminal(format))
            s.append("set output \(quote(path))")
            s.append(plot)
            s.append("set output")
        }
        return s.joined(separator: "\n") + "\n"
    }

    static func color(_ i: Int) -> String { PlotStyle.colors[i % PlotStyle.colors.count] }
    static func dashType(_ i: Int) -> Int { 1 + (i / PlotStyle.colors.count) % PlotStyle.dashTypes }

    static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "NaN" }
        return formatShortest(x)
    }

    /// A gnuplot double-quoted string (backslash escapes are interpreted inside double quotes).
    public static func quote(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
