import Foundation
import LinearAlgebra
import SweepEngine

/// Where the golden CSVs of one OpenBLAS kernel family live (see `GoldenCSVTests`).
struct GoldenSet {
    /// Agreement expected between kernel families that have no recorded set: the multi-user AO and SCA
    /// loops stop on relative tolerances of 1e-4 and 1e-5 (`ao_tolerance`, `sca_tolerance`), so two
    /// runs whose conic solves differ in the last bits may stop one outer iteration apart; 1e-5 is the
    /// tighter of the two. Measured SkylakeX against Zen: at most 2e-8.
    static let crossFamilyTolerance = 1e-5

    /// The folder of the sets (`Tests/Golden`), this machine's kernel family and the base set's.
    let root: URL
    let family: String
    let baseFamily: String?
    var baseFamilyFile: URL { root.appendingPathComponent("BLAS-KERNELS") }

    init(root: URL, family: String) {
        self.root = root
        self.family = family
        baseFamily = (try? String(contentsOf: root.appendingPathComponent("BLAS-KERNELS"), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static var here: GoldenSet {
        GoldenSet(root: RepositoryFiles.root.appendingPathComponent("Tests/Golden"), family: BLASBackend.coreName)
    }

    var isBase: Bool { baseFamily == nil || baseFamily == family }
    var overrideDirectory: URL { root.appendingPathComponent("kernels/\(family)") }
    var hasOwnSet: Bool { isBase || FileManager.default.fileExists(atPath: overrideDirectory.path) }

    enum Expected {
        case missing(String)
        case exact(String, family: String)
        case numeric(String, recordedFamily: String)
    }

    /// This family's own bits when recorded; otherwise the base family's, or, for a file only another
    /// family has recorded so far (added on a machine of that family), that family's, numerically.
    func expected(relativePath: String) -> Expected {
        let base = root.appendingPathComponent(relativePath)
        if !isBase, let text = try? String(contentsOf: overrideDirectory.appendingPathComponent(relativePath), encoding: .utf8) {
            return .exact(text, family: family)
        }
        if let baseText = try? String(contentsOf: base, encoding: .utf8) {
            return hasOwnSet ? .exact(baseText, family: family) : .numeric(baseText, recordedFamily: baseFamily ?? "?")
        }
        let others = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("kernels").path)) ?? []
        for other in others.sorted() where other != family {
            let url = root.appendingPathComponent("kernels/\(other)/\(relativePath)")
            if let text = try? String(contentsOf: url, encoding: .utf8) { return .numeric(text, recordedFamily: other) }
        }
        return .missing(base.path)
    }

    /// Writes the base set on the base family (or when none is recorded yet); on another family writes
    /// an override only where the bits differ from the base (or the base has no such file yet), and
    /// removes a stale one.
    func record(_ csv: String, relativePath: String) throws {
        let base = root.appendingPathComponent(relativePath)
        if isBase {
            try AtomicFile.write(csv, to: base)
            try AtomicFile.write(family + "\n", to: baseFamilyFile)
            return
        }
        let override = overrideDirectory.appendingPathComponent(relativePath)
        if (try? String(contentsOf: base, encoding: .utf8)) == csv {
            try? FileManager.default.removeItem(at: override)
            try FileManager.default.createDirectory(at: overrideDirectory, withIntermediateDirectories: true)
        } else {
            try FileManager.default.createDirectory(at: override.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try AtomicFile.write(csv, to: override)
        }
    }

    /// nil when both CSVs have the same columns and rows in the same order and every cell agrees within
    /// `rtol` (numbers; text exactly): the comparison of `masweep diff`, whose report is returned otherwise.
    static func numericMismatch(_ actual: String, _ expected: String, tolerance rtol: Double) -> String? {
        do {
            let r = try CSVDiff.compare(CSVTable.parse(actual, path: "this run"), CSVTable.parse(expected, path: "golden"),
                                        options: DiffOptions(tolerance: Tolerance(rtol: rtol, atol: 0)))
            return r.isEqual && !r.rowOrderDiffers && !r.columnOrderDiffers ? nil : DiffReport.text(r)
        } catch {
            return "\(error)"
        }
    }
}
