import Foundation
import Testing
@testable import SweepEngine

/// The diff logic on in-memory tables; the CLI tests repeat the key cases end to end.
@Suite("Review: diff")
struct CSVDiffTests {
    static let base = """
        x,G,U,G_ci95,U_ci95
        0,1,10,0.1,1
        1,2,20,0.1,1
        2,3,30,0.1,1

        """

    func diff(_ a: String, _ b: String, _ options: DiffOptions = DiffOptions()) throws -> DiffResult {
        try CSVDiff.compare(try CSVTable.parse(a, path: "a.csv"), try CSVTable.parse(b, path: "b.csv"), options: options)
    }

    @Test func equalFiles() throws {
        let r = try diff(Self.base, Self.base)
        #expect(r.isEqual)
        #expect(r.key == ["x"])
        #expect(r.columns.map(\.name) == ["G", "U", "G_ci95", "U_ci95"])
        #expect(r.columns.allSatisfy { $0.changes.isEmpty && $0.compared == 3 })
        let report = DiffReport.text(r)
        #expect(report.hasPrefix("equal: 3 rows × 4 value columns within tolerance (rtol 1e-12, atol 0)\n"))
    }

    @Test func defaultToleranceIsRelative1e12() throws {
        let tiny = Self.base.replacingOccurrences(of: "2,20,", with: "2.000000000001,20,")  // 5e-13 relative
        #expect(try diff(Self.base, tiny).isEqual)
        let small = Self.base.replacingOccurrences(of: "2,20,", with: "2.00000000001,20,")  // 5e-12 relative
        let r = try diff(Self.base, small)
        #expect(!r.isEqual)
        #expect(r.count(.changed) == 1)
    }

    @Test func withinAndBeyondTolerance() throws {
        let b = Self.base.replacingOccurrences(of: "1,2,20,", with: "1,2.001,20.5,")
        #expect(try diff(Self.base, b, DiffOptions(tolerance: Tolerance(rtol: 1e-3, atol: 0))).count(.changed) == 1,
                "2 → 2.001 is within rtol 1e-3 (|Δ| 0.001 ≤ 0.002001); 20 → 20.5 is not")
        #expect(try diff(Self.base, b, DiffOptions(tolerance: Tolerance(rtol: 0, atol: 0.5))).isEqual, "both within atol 0.5")
        #expect(!(try diff(Self.base, b, DiffOptions(tolerance: Tolerance(rtol: 0, atol: 0.4))).isEqual))
        // Per-column override: U gets rtol 0.05, G keeps the default.
        let perColumn = DiffOptions(tolerance: Tolerance(rtol: 1e-3, atol: 0), columnTolerances: ["U": Tolerance(rtol: 0.05, atol: 0)])
        #expect(try diff(Self.base, b, perColumn).isEqual)
        let r = try diff(Self.base, b)
        let g = try #require(r.columns.first { $0.name == "G" }).changes
        #expect(g.count == 1 && g[0].key == "x=1" && g[0].delta! > 0.000999 && g[0].delta! < 0.001001)
    }

    @Test func toleranceEdgeCases() {
        let t = Tolerance(rtol: 0.1, atol: 0)
        #expect(t.accepts(.nan, .nan))
        #expect(!t.accepts(.nan, 1) && !t.accepts(1, .nan))
        #expect(t.accepts(.infinity, .infinity) && !t.accepts(.infinity, -.infinity) && !t.accepts(1e308, .infinity))
        #expect(t.accepts(1.09, 1.0) && !t.accepts(1.11, 1.0) && t.accepts(1.0, 1.11), "relative to |b|")
        #expect(Tolerance(rtol: 0, atol: 0).accepts(-0.0, 0.0))
    }

    @Test func nanEqualsNanButNotANumber() throws {
        let a = Self.base.replacingOccurrences(of: "1,2,20,", with: "1,nan,20,")
        #expect(try diff(a, a).isEqual)
        let r = try diff(a, Self.base)
        let change = try #require(r.columns.first { $0.name == "G" }?.changes.first)
        #expect(change.a.number?.isNaN == true && change.b == .number(2) && change.delta == nil)
        #expect(DiffReport.text(r).contains("x=1   nan -> 2\n"))
    }

    @Test func reorderedColumnsAndRowsAreEqualWithANote() throws {
        let b = """
            x,U,G,U_ci95,G_ci95
            2,30,3,1,0.1
            0,10,1,1,0.1
            1,20,2,1,0.1

            """
        let r = try diff(Self.base, b)
        #expect(r.isEqual)
        #expect(r.columnOrderDiffers && r.rowOrderDiffers)
        let report = DiffReport.text(r)
        #expect(report.contains("note: column order differs (columns are matched by name)"))
        #expect(report.contains("note: row order differs (rows are matched by key)"))
    }

    @Test func addedAndRemovedRows() throws {
        let b = """
            x,G,U,G_ci95,U_ci95
            1,2,20,0.1,1
            2,3,30,0.1,1
            3,4,40,0.1,1
            4,5,50,0.1,1

            """
        let r = try diff(Self.base, b)
        #expect(!r.isEqual)
        #expect(r.removedRows == ["x=0"] && r.addedRows == ["x=3", "x=4"])
        #expect(r.count(.changed) == 0, "common rows are unchanged")
        let report = DiffReport.text(r)
        #expect(report.hasPrefix("different: rows: 2 added, 1 removed (rtol 1e-12, atol 0)\n"))
        #expect(report.contains("\nrows: 2 added, 1 removed\n  + x=3\n  + x=4\n  - x=0\n"))
    }

    @Test func addedRemovedAndRenamedColumns() throws {
        let b = """
            x,Gnew,U,G_ci95,V
            0,1,10,0.1,7
            1,2,20,0.1,8
            2,3,30,0.1,9

            """
        let r = try diff(Self.base, b)
        #expect(!r.isEqual)
        #expect(r.renamedColumns.map { "\($0.from)->\($0.to)" } == ["G->Gnew"])
        #expect(r.removedColumns == ["U_ci95"])
        #expect(r.addedColumns == ["V"])
        let report = DiffReport.text(r)
        #expect(report.contains("columns: 1 added, 1 removed, 1 renamed\n  + V\n  - U_ci95\n  ~ G -> Gnew (same values)\n"))
    }

    @Test func ciClassifiesSignificantChangesAndNoise() throws {
        // G: |Δ| 0.15 ≤ 0.1 + 0.1 (noise), |Δ| 0.5 > 0.2 (significant); U: |Δ| 1.5 ≤ 1 + 1 (noise).
        let b = """
            x,G,U,G_ci95,U_ci95
            0,1.15,11.5,0.1,1
            1,2.5,20,0.1,1
            2,3,30,0.1,1.2

            """
        let r = try diff(Self.base, b, DiffOptions(useCI: true))
        #expect(!r.isEqual)
        let g = try #require(r.columns.first { $0.name == "G" })
        #expect(g.changes(.significant).map(\.key) == ["x=1"])
        #expect(g.changes(.noise).map(\.key) == ["x=0"])
        #expect(r.columns.first { $0.name == "U" }?.changes.map(\.kind) == [.noise])
        #expect(r.columns.first { $0.name == "U_ci95" }?.changes.map(\.kind) == [.noise], "half-widths are drift")
        let report = DiffReport.text(r)
        #expect(report.hasPrefix("different: 1 significant change in 1 column; 3 cells in 3 columns within noise"))
        #expect(report.contains("G: 1 of 3 cells significant\n  x=1   2 -> 2.5   Δ +0.5   rel 0.2   2.5x ci95 (0.1 + 0.1)\n"))

        // Only noise: equal within noise (exit 0), while the plain comparison still differs.
        let noisy = b.replacingOccurrences(of: "1,2.5,20", with: "1,2,20")
        let quiet = try diff(Self.base, noisy, DiffOptions(useCI: true))
        #expect(quiet.isEqual)
        #expect(DiffReport.text(quiet).hasPrefix("equal within noise: no significant change, 3 cells in 3 columns within noise;"))
        #expect(!(try diff(Self.base, noisy)).isEqual)
    }

    @Test func ciWithoutUsableHalfWidthsCountsTheChange() throws {
        // A nan appearing, and a column whose half-width is nan: both significant.
        let b = Self.base.replacingOccurrences(of: "0,1,10,0.1,1", with: "0,nan,10,0.1,1")
            .replacingOccurrences(of: "2,3,30,0.1,1", with: "2,3,30.5,0.1,nan")
        let r = try diff(Self.base, b, DiffOptions(useCI: true))
        #expect(r.columns.first { $0.name == "G" }?.changes.map(\.kind) == [.significant])
        #expect(r.columns.first { $0.name == "U" }?.changes.map(\.kind) == [.significant])
        // Deterministic files have no _ci95 columns: --ci changes nothing, and says so.
        let det = try diff("x,G\n0,1\n", "x,G\n0,2\n", DiffOptions(useCI: true))
        #expect(det.ciUnavailable && !det.isEqual && det.count(.significant) == 1)
    }

    @Test func largestChangesFirstAndCapped() throws {
        var a = "x,G\n", b = "x,G\n"
        for i in 0..<9 {
            a += "\(i),0\n"
            b += "\(i),\(i == 4 ? -100 : i)\n"
        }
        let r = try diff(a, b)
        let changes = try #require(r.columns.first).changes
        #expect(changes.map(\.key) == ["x=4", "x=8", "x=7", "x=6", "x=5", "x=3", "x=2", "x=1"])
        let report = DiffReport.text(r, limit: 3)
        #expect(report.contains("G: 8 of 9 cells beyond tolerance\n  x=4   0 -> -100   Δ -100   rel 1\n  x=8   0 -> 8      Δ +8     rel 1\n"))
        #expect(report.hasSuffix("  ... 5 more\n"))
    }

    @Test func textCellsCompareExactly() throws {
        let a = "n,series,x_m\n1,P,0\n1,Q,1\n"
        #expect(try diff(a, a).isEqual)
        let r = try diff(a, "n,series,x_m\n1,P,0\n1,Q,oops\n")
        #expect(r.key == ["n", "series"])
        #expect(r.columns.first?.changes.first?.key == "n=1, series=Q")
    }

    @Test func duplicateKeysAreMatchedInOrder() throws {
        let a = "n,series,x_m\n1,P,0\n1,P,1\n1,P,2\n"
        let b = "n,series,x_m\n1,P,0\n1,P,1.5\n1,P,2\n"
        let r = try diff(a, b)
        #expect(r.duplicateKeys == ["a.csv", "b.csv"])
        #expect(r.columns.first?.changes.map(\.key) == ["n=1, series=P #2"])
    }

    @Test func keysMatchNumericallyNotTextually() throws {
        #expect(try diff("x,G\n0.50,1\n1e0,2\n-0,3\n", "x,G\n0.5,1\n1,2\n0,3\n").isEqual)
    }

    @Test func badInput() throws {
        #expect(throws: DiffInputError.self) { try diff("a,G\n1,2\n", "b,G\n1,2\n", DiffOptions(keyColumns: ["a"])) }
        #expect {
            try diff("x,G\n1,2\n", "x,G\n1,2\n", DiffOptions(columnTolerances: ["Q": .default]))
        } throws: { ($0 as? DiffInputError)?.message.contains("--column-tol: no column 'Q'") == true }
        // Detected keys with nothing in common.
        #expect {
            try diff("a,G,G_ci95\n1,2,0\n", "b,H,H_ci95\n1,2,0\n")
        } throws: { ($0 as? DiffInputError)?.message.hasPrefix("no common key columns: a.csv is keyed by a") == true }
    }
}
