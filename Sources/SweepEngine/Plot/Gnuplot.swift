import Foundation

public enum GnuplotError: Error, CustomStringConvertible {
    /// No gnuplot executable: named path (MASWEEP_GNUPLOT) or nothing on PATH.
    case missing(String)
    /// gnuplot ran but failed or produced no image.
    case failed(status: Int32, stderr: String)

    public var description: String {
        switch self {
        case .missing(let detail):
            return "gnuplot not found (\(detail)); install Debian's gnuplot-nox (`make deps`, or "
                + "`sudo apt-get install gnuplot-nox`) or set MASWEEP_GNUPLOT to the gnuplot executable. The CSV is unchanged."
        case .failed(let status, let stderr):
            let detail = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            return "gnuplot failed (exit status \(status))" + (detail.isEmpty ? "" : ":\n" + detail)
        }
    }
}

/// Finds and runs gnuplot, and writes images atomically: gnuplot renders to temporary files in the
/// destination directory, which are renamed over the targets only when all of them are non-empty.
public enum Gnuplot {
    /// `MASWEEP_GNUPLOT` when set (it must be executable), otherwise `gnuplot` on `PATH`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(GnuplotError) -> URL {
        let fm = FileManager.default
        if let explicit = environment["MASWEEP_GNUPLOT"], !explicit.isEmpty {
            guard fm.isExecutableFile(atPath: explicit) else { throw .missing("MASWEEP_GNUPLOT=\(explicit) is not an executable file") }
            return URL(fileURLWithPath: explicit)
        }
        let path = environment["PATH"] ?? ""
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("gnuplot")
            if fm.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw .missing("no 'gnuplot' on PATH")
    }

    public struct Rendered: Sendable {
        public let files: [URL]
        /// gnuplot's warnings (stderr of a successful run), trimmed; empty when none.
        public let warnings: String
    }

    /// Renders `figure` to `<stem>.<format>` for each format.
    /// With `scriptPath`, also writes the script (with the final file names) for people to adapt.
    @discardableResult
    public static func render(_ figure: Figure, stem: URL, formats: [ImageFormat], style: PlotStyle = .standard,
                              source: String? = nil, scriptPath: URL? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Rendered {
        let executable = try locate(environment: environment)
        let directory = stem.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let targets = formats.map { stem.appendingPathExtension($0.rawValue) }
        let temporaries = targets.map { directory.appendingPathComponent(".\($0.lastPathComponent).\(getpid()).tmp") }
        let script = GnuplotScript.text(figure, outputs: zip(formats, temporaries.map(\.path)).map { ($0, $1) },
                                        style: style, source: source)
        let scriptFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("masweep-plot-\(getpid())-\(UUID().uuidString).gp")
        defer {
            try? FileManager.default.removeItem(at: scriptFile)
            for t in temporaries { try? FileManager.default.removeItem(at: t) }
        }
        try Data(script.utf8).write(to: scriptFile)

        let process = Process()
        process.executableURL = executable
        process.arguments = [scriptFile.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw GnuplotError.missing("cannot run \(executable.path): \(error.localizedDescription)")
        }
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        let complete = temporaries.allSatisfy { ((try? $0.resourceValues(forKeys: [.fileSizeKey]))?.fileSize ?? 0) > 0 }
        guard status == 0, complete else {
            throw GnuplotError.failed(status: status, stderr: stderr.isEmpty && status == 0 ? "no image was written" : stderr)
        }
        for (t, target) in zip(temporaries, targets) {
            guard rename(t.path, target.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        if let scriptPath {
            let final = GnuplotScript.text(figure, outputs: zip(formats, targets.map(\.lastPathComponent)).map { ($0, $1) },
                                           style: style, source: source)
            try AtomicFile.write(final, to: scriptPath)
        }
        return Rendered(files: targets, warnings: stderr.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
