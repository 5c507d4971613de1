import Foundation

/// Progress on stderr: a redrawn bar with rate and ETA on a terminal, a plain line every ~5 s
/// otherwise (batch logs), nothing with `--quiet`. Called by the reducer under its lock.
final class ProgressReporter: @unchecked Sendable {
    enum Mode { case quiet, terminal, log }

    private let mode: Mode
    private let total: Int
    /// Units already done when this process started (resume); the rate counts only new ones.
    private let first: Int
    private let label: String
    private let start = Date()
    private lazy var lastReport = start
    private var wroteBar = false

    init(quiet: Bool, total: Int, first: Int = 0, label: String) {
        self.total = total
        self.first = first
        self.label = label
        mode = quiet ? .quiet : (isatty(STDERR_FILENO) == 1 ? .terminal : .log)
    }

    func update(done: Int, failed: Int) {
        guard mode != .quiet else { return }
        let now = Date()
        let interval: TimeInterval = mode == .terminal ? 0.2 : 5
        guard now.timeIntervalSince(lastReport) >= interval || done == total else { return }
        lastReport = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done - first) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : .infinity
        let percent = total > 0 ? 100 * Double(done) / Double(total) : 100
        let stats = "\(done)/\(total) units, \(Self.rate(rate)), ETA \(Self.duration(eta))"
            + (failed > 0 ? ", \(failed) failed" : "")
        switch mode {
        case .terminal:
            let width = 30
            let filled = total > 0 ? min(width, width * done / total) : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            FileHandle.standardError.write(Data("\r\u{1B}[K\(label) [\(bar)] \(String(format: "%5.1f", percent))% \(stats)".utf8))
            wroteBar = true
        case .log:
            FileHandle.standardError.write(Data("\(label): \(String(format: "%.1f", percent))% \(stats)\n".utf8))
        case .quiet:
            break
        }
    }

    func finish() {
        if wroteBar { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func rate(_ r: Double) -> String {
        r >= 100 ? String(format: "%.0f/s", r) : String(format: "%.2f/s", r)
    }

    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "--" }
        let s = Int(seconds.rounded())
        if s >= 3600 { return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60) }
        if s >= 60 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return "\(s)s"
    }
}
