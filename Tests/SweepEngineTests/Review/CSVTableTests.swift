import Foundation
import Testing
@testable import SweepEngine

@Suite("Review: CSV reading")
struct CSVTableTests {
    @Test func readsWhatMasweepWrites() throws {
        let t = try CSVTable.parse("x,G,G_ci95\n0,1.5,nan\n0.5,inf,-inf\n1,-2e-3,0\n", path: "t.csv")
        #expect(t.header == ["x", "G", "G_ci95"])
        #expect(t.rows.count == 3)
        #expect(t.rows[0][1] == .number(1.5))
        #expect(t.rows[0][2].number?.isNaN == true)
        #expect(t.rows[1][1] == .number(.infinity))
        #expect(t.rows[1][2] == .number(-.infinity))
        #expect(t.rows[2][1] == .number(-0.002))
        #expect(t.lineNumbers == [2, 3, 4])
    }

    @Test func textCellsQuotesCRLFAndNoFinalNewline() throws {
        let t = try CSVTable.parse("x,series,label\r\n1,Proposed,\"a, \"\"b\"\"\"\r\n2,\"multi\nline\",0x10", path: "t.csv")
        #expect(t.rows[0][1] == .text("Proposed"))
        #expect(t.rows[0][2] == .text("a, \"b\""))
        #expect(t.rows[1][1] == .text("multi\nline"))
        #expect(t.rows[1][2] == .text("0x10"), "hexadecimal is not a masweep number")
        #expect(t.lineNumbers == [2, 3])
    }

    @Test func headerOnlyIsAnEmptyTable() throws {
        let t = try CSVTable.parse("x,G\n", path: "t.csv")
        #expect(t.rows.isEmpty)
        #expect(try CSVTable.parse("x,G\n0,1\n\n\n", path: "t.csv").rows.count == 1, "trailing blank lines are accepted")
    }

    @Test(arguments: [
        ("x,G\n0,1\n1,2,3\n", 3, "3 field(s), but the header has 2 column(s)"),
        ("x,G\n0,1\n\n1,2\n", 3, "empty line inside the table"),
        ("", 1, "empty file"),
        ("\n\n", 1, "empty file"),
        ("x,,G\n", 1, "empty column name (column 2"),
        ("x,G,x\n", 1, "duplicate column 'x' (columns 1 and 3)"),
        ("x,G\n0,\"1\n", 2, "unterminated quoted field"),
        ("x,G\n0,1\"2\n", 2, "unexpected '\"' inside a field"),
        ("x,G\n0,\"1\"2\n", 2, "unexpected text after a closing quote"),
        ("x,G\n0,\u{0}\n", 2, "NUL byte"),
    ])
    func malformedInputNamesTheLine(_ text: String, _ line: Int, _ message: String) {
        #expect {
            try CSVTable.parse(text, path: "bad.csv")
        } throws: { error in
            guard let e = error as? CSVReadError else { return false }
            return e.line == line && e.message.contains(message) && e.description.hasPrefix("bad.csv:\(line): error: ")
        }
    }

    @Test func invalidUTF8IsReported() {
        #expect(throws: CSVReadError(path: "b.csv", line: 2, message: "not valid UTF-8 text")) {
            try CSVTable.parse(Array("x,G\n0,".utf8) + [0xff, 0xfe] + Array("\n".utf8), path: "b.csv")
        }
    }

    @Test func missingFileIsAReadError() {
        #expect {
            try CSVTable.read(path: "/nonexistent/masweep/x.csv")
        } throws: { ($0 as? CSVReadError)?.description == "/nonexistent/masweep/x.csv: error: cannot read the file: no such file" }
    }

    @Test func manifestGivesSeriesSweepAndPlot() throws {
        let json = """
            {"title": "T", "output": {"kind": "curve", "metric": "ee", "unit": "bit/J"},
             "plot": {"title": "Fig", "x_label": "A / λ", "y_label": "EE", "x_log": true, "y_log": false},
             "series": ["Proposed", "v=0.2"],
             "configuration": {"sweep": [{"a": [1, 2]}, {"b": [1], "c": [2]}]}}
            """
        let m = try ResultManifest.parse(Data(json.utf8))
        #expect(m.seriesLabels == ["Proposed", "v=0.2"])
        #expect(m.sweepNames == ["a", "b", "c"])
        #expect(m.plotTitle == "Fig" && m.xLabel == "A / λ" && m.yLabel == "EE" && m.xLog && !m.yLog)
        #expect(m.metric == "ee" && m.unit == "bit/J" && m.outputKind == "curve")
        #expect(ResultManifest.path(besideCSV: "results/ee/fig4a.csv") .hasSuffix("results/ee/fig4a.manifest.json"))
    }

    @Test func olderManifestFallsBackToConfigurationSeries() throws {
        let m = try ResultManifest.parse(Data(#"{"configuration": {"series": [{"label": "AM2224"}]}}"#.utf8))
        #expect(m.seriesLabels == ["AM2224"])
        #expect(m.plotTitle == nil && m.xLog == false)
        #expect(throws: ResultManifest.ReadError.self) { try ResultManifest.parse(Data("[1]".utf8)) }
    }

    @Test func keyColumnRules() throws {
        var m = ResultManifest()
        m.sweepNames = ["b", "a"]
        let grid = try CSVTable.parse("a,b,G\n1,1,0\n1,2,0\n2,1,0\n2,2,0\n")
        #expect(KeyColumns.detect(grid, manifest: m) == KeyColumns(names: ["a", "b"], source: .manifest))
        // Without a manifest: the shortest unique prefix keys a deterministic grid by both axes…
        #expect(KeyColumns.detect(grid, manifest: nil) == KeyColumns(names: ["a", "b"], source: .uniquePrefix))
        // …and a one-axis curve by its first column.
        #expect(KeyColumns.detect(try CSVTable.parse("x,G,U\n1,1,1\n2,1,1\n"), manifest: nil).names == ["x"])
        // CI partners: everything before the first series with a _ci95 column.
        let stochastic = try CSVTable.parse("n,snr,G,U,G_ci95,U_ci95\n1,0,1,1,0,0\n")
        #expect(KeyColumns.detect(stochastic, manifest: nil) == KeyColumns(names: ["n", "snr"], source: .ciPartners))
        // Tables: up to `series`; with a manifest, the sweep columns plus `series`.
        let table = try CSVTable.parse("n,series,x_m,y_m\n1,P,0,0\n1,P,1,0\n")
        #expect(KeyColumns.detect(table, manifest: nil) == KeyColumns(names: ["n", "series"], source: .series))
        var tm = ResultManifest()
        tm.sweepNames = ["n"]
        tm.outputKind = "table"
        #expect(KeyColumns.detect(table, manifest: tm).names == ["n", "series"])
    }
}
