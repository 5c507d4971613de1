import Foundation

/// Facts about the machine and code that produced a result, for the manifest.
public struct RunEnvironment: Sendable {
    public static let masweepVersion = "0.1.0"

    public var gitCommit: String?
    public var gitDirty: Bool?
    public var host: String
    public var operatingSystem: String
    public var toolchain: String
    /// The BLAS library and its kernel family (the CLI fills it in from `BLASBackend`; the engine does
    /// not link BLAS itself). nil when unknown.
    public var numericalBackend: String?

    /// Reads the git state of the repository containing `directory` (nil outside a repository or
    /// without git: results computed from a tarball are still valid, only less traceable).
    /// "Dirty" means a tracked file differs from the commit anywhere in the repository except under
    /// `outputRoot`: results written there (by the previous figure of a `make figs`, say) change no
    /// number, while they would otherwise mark every later manifest dirty.
    public static func capture(directory: URL, outputRoot: URL? = nil, numericalBackend: String? = nil) -> RunEnvironment {
        let commit = git(["rev-parse", "HEAD"], in: directory)
        var pathspec = [":/"]
        if let outputRoot, let top = git(["rev-parse", "--show-toplevel"], in: directory) {
            // git accepts an absolute pathspec only inside the work tree.
            let root = outputRoot.standardizedFileURL.resolvingSymlinksInPath().path
            let topPath = URL(fileURLWithPath: top).resolvingSymlinksInPath().path
            if root.hasPrefix(topPath + "/") { pathspec.append(":(exclude)" + root) }
        }
        let status = commit == nil ? nil
            : git(["status", "--porcelain", "--untracked-files=no", "--"] + pathspec, in: directory)
        return RunEnvironment(gitCommit: commit, gitDirty: status.map { !$0.isEmpty },
                              host: ProcessInfo.processInfo.hostName,
                              operatingSystem: ProcessInfo.processInfo.operatingSystemVersionString,
                              toolchain: toolchainDescription, numericalBackend: numericalBackend)
    }

    static var toolchainDescription: String {
        #if swift(>=6.3)
        let language = "Swift 6.3 or later"
        #elseif swift(>=6.2)
        let language = "Swift 6.2"
        #elseif swift(>=6.1)
        let language = "Swift 6.1"
        #else
        let language = "Swift 6.0"
        #endif
        #if DEBUG
        return language + " (debug build)"
        #else
        return language + " (release build)"
        #endif
    }

    private static func git(_ arguments: [String], in directory: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Identifies the running build: the version plus a fingerprint of the executable's size and
    /// modification time. A journal written by one build is only resumed or merged by the same build,
    /// since changed code could change the numbers of the remaining units.
    public static let codeIdentity: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let fingerprint = SHA256.hex(of: Array("\(path)|\(size)|\(modified)".utf8)).prefix(16)
        return "masweep \(masweepVersion) build \(fingerprint)"
    }()

    /// Peak resident set size of this process in bytes (Linux reports ru_maxrss in KiB).
    public static var peakResidentBytes: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
