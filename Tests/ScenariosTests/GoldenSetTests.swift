import Foundation
import Testing

/// The per-kernel-family golden sets (`GoldenSet`) on a throwaway folder: which file a machine of each
/// family is compared with, exactly or numerically, and what recording writes.
@Suite("Golden sets per BLAS kernel family")
final class GoldenSetTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("golden-set-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func text(_ relative: String) -> String? { try? String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8) }

    @Test func recordingOnTheBaseFamilyWritesTheBaseAndNamesTheFamily() throws {
        try GoldenSet(root: folder, family: "SkylakeX").record("a\n1\n", relativePath: "ee/f.csv")
        #expect(text("ee/f.csv") == "a\n1\n")
        #expect(text("BLAS-KERNELS") == "SkylakeX\n")
        guard case .exact(let e, let family) = GoldenSet(root: folder, family: "SkylakeX").expected(relativePath: "ee/f.csv") else {
            Issue.record("the base family compares exactly with the base"); return
        }
        #expect(e == "a\n1\n" && family == "SkylakeX")
    }

    @Test func anotherFamilyRecordsOnlyWhatDiffers() throws {
        let base = GoldenSet(root: folder, family: "SkylakeX")
        try base.record("a\n1\n", relativePath: "ee/same.csv")
        try base.record("a\n2\n", relativePath: "ee/differs.csv")
        // Before Zen has a set of its own it is compared numerically with the base.
        guard case .numeric(_, let recorded) = GoldenSet(root: folder, family: "Zen").expected(relativePath: "ee/same.csv") else {
            Issue.record("an unrecorded family compares numerically"); return
        }
        #expect(recorded == "SkylakeX")
        let zen = GoldenSet(root: folder, family: "Zen")
        try zen.record("a\n1\n", relativePath: "ee/same.csv")
        try zen.record("a\n2.0000000001\n", relativePath: "ee/differs.csv")
        #expect(text("kernels/Zen/ee/same.csv") == nil)
        #expect(text("kernels/Zen/ee/differs.csv") == "a\n2.0000000001\n")
        #expect(text("ee/differs.csv") == "a\n2\n", "the base is untouched")
        #expect(text("BLAS-KERNELS") == "SkylakeX\n")
        let again = GoldenSet(root: folder, family: "Zen")
        guard case .exact(let same, _) = again.expected(relativePath: "ee/same.csv"),
              case .exact(let differs, _) = again.expected(relativePath: "ee/differs.csv") else {
            Issue.record("a recorded family compares exactly"); return
        }
        #expect(same == "a\n1\n" && differs == "a\n2.0000000001\n")
        // Re-recording equal bits removes the stale override.
        try again.record("a\n2\n", relativePath: "ee/differs.csv")
        #expect(text("kernels/Zen/ee/differs.csv") == nil)
    }

    @Test func aFileAddedOnAnotherFamilyIsComparedNumericallyElsewhere() throws {
        try GoldenSet(root: folder, family: "SkylakeX").record("a\n1\n", relativePath: "ee/old.csv")
        try GoldenSet(root: folder, family: "Zen").record("a\n3\n", relativePath: "ee/new.csv")
        #expect(text("ee/new.csv") == nil, "the base family's bits of a new file are unknown until recorded there")
        guard case .numeric(let e, let recorded) = GoldenSet(root: folder, family: "SkylakeX").expected(relativePath: "ee/new.csv") else {
            Issue.record("the base family compares a file only Zen has numerically"); return
        }
        #expect(e == "a\n3\n" && recorded == "Zen")
        guard case .missing = GoldenSet(root: folder, family: "SkylakeX").expected(relativePath: "ee/none.csv") else {
            Issue.record("a file nobody recorded is missing"); return
        }
    }
}
