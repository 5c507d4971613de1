import Foundation
import LinearAlgebra
import SweepEngine

/// Where the golden CSVs of one OpenBLAS kernel family live (see `GoldenCSVTests`).
struct GoldenSet {
    static let root = RepositoryFiles.root.appendingPathComponent("Tests/Golden")
    static let baseFamilyFile = root.appendingPathComponent("BLAS-KERNELS")

    /// Agreement expected between kernel families that have no recorded set: the multi-user AO and SCA
    /// loops stop on relative tolerances of 1e-4 and 1e-5 (`ao_tolerance`, `sca_tolerance`), so two
    /// runs whose conic solves differ in the last bits may stop one outer iteration apart; 1e-5 is the
    /// tighter of the two. Measured SkylakeX against Zen: at most 2e-8.
    static let crossFamilyTolerance = 1e-5

    /// This machine's kernel family and the family of the base set.
    let family: String
    let baseFamily: String?

    static var here: GoldenSet {
        let base = (try? String(contentsOf: baseFamilyFile, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return GoldenSet(family: BLASBackend.coreName, baseFamily: base)
    }

    var isBase: Bool { baseFamily == nil || baseFamily == family }
    var overrideDirectory: URL { Self.root.appendingPathComponent("kernels/\(family)") }
    var hasOwnSet: Bool { isBase || FileManager.default.fileExists(atPath: overrideDirectory.path) }

    enum Expected {
        case missing(String)
        case exact(String, family: String)
        case numeric(String, recordedFamily: String)
    }

    func expected(relativePath: String) -> Expected {
        let base = Self.root.appendingPathComponent(relativePath)
        guard let baseText = try? String(contentsOf: base, encoding: .utf8) else { return .missing(base.path) }
        if isBase { return .exact(baseText, family: family) }
        let override = overrideDirectory.appendingPathComponent(relativePath)
        if let text = try? String(contentsOf: override, encoding: .utf8) { return .exact(text, family: family) }
        return hasOwnSet ? .exact(baseText, family: family) : .numeric(baseText, recordedFamily: baseFamily ?? "?")
    }

    /// Writes the base set on the base family (or when none is recorded yet); on another family writes
    /// an override only where the bits differ from the base, and removes a stale one.
    func record(_ csv: String, relativePath: String) throws {
        let base = Self.root.appendingPathComponent(relativePath)
        if isBase {
            try AtomicFile.write(csv, to: base)
            try AtomicFile.write(family + "\n", to: Self.baseFamilyFile)
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

    /// nil when both CSVs have the same header, rows and non-numeric cells and every pair of numeric
    /// cells satisfies |a − b| ≤ tolerance·max(|a|, |b|); otherwise the first difference.
    static func numericMismatch(_ actual: String, _ expected: String, tolerance: Double) -> String? {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        guard a.count == e.count else { return "\(a.count) lines, golden \(e.count)" }
        for (line, (ra, re)) in zip(a, e).enumerated() {
            let ca = ra.split(separator: ",", omittingEmptySubsequences: false)
            let ce = re.split(separator: ",", omittingEmptySubsequences: false)
            guard ca.count == ce.count else { return "line \(line + 1): \(ca.count) cells, golden \(ce.count)" }
            for (column, (x, y)) in zip(ca, ce).enumerated() where x != y {
                guard let u = Double(x), let v = Double(y), u.isFinite, v.isFinite,
                      abs(u - v) <= tolerance * max(abs(u), abs(v)) else {
                    return "line \(line + 1), column \(column + 1): \(x), golden \(y)"
                }
            }
        }
        return nil
    }
}
