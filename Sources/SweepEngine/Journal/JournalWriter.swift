import Foundation
import ScenarioKit

/// Appends unit records to a journal. Records are buffered and written with one write(2) per batch
/// (at least once a second), so a crash — even SIGKILL — loses at most about a second of finished
/// units; the kernel keeps what was written even when the process dies. `sync()` additionally fsyncs
/// (at the end of a run and on SIGINT/SIGTERM) against power loss.
public final class JournalWriter: @unchecked Sendable {
    public let url: URL
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var lastFlush = Date()
    private let flushInterval: TimeInterval
    public private(set) var failure: JournalError?

    /// Creates a new journal (failing if one exists) with its header, atomically: the header is written
    /// and synced to a temporary file that is then linked into place, so a kill at any moment leaves
    /// either no journal or one with a complete header.
    public init(creating url: URL, header: JournalHeader, flushInterval: TimeInterval = 1) throws(JournalError) {
        self.url = url
        self.flushInterval = flushInterval
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw JournalError("cannot create \(directory.path): \(error.localizedDescription)")
        }
        let temporary = directory.appendingPathComponent("\(url.lastPathComponent).\(getpid()).tmp")
        descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw JournalError("cannot create \(temporary.path): \(String(cString: strerror(errno)))") }
        buffer.append(contentsOf: JournalFormat.line(header.payload).utf8)
        do {
            try flush()
        } catch {
            unlink(temporary.path)
            throw error
        }
        sync()
        // link(2) fails when the target exists: two runs can never both own one journal.
        guard link(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw JournalError("cannot create the journal \(url.path): \(reason)")
        }
        unlink(temporary.path)
    }

    /// Reopens an existing journal for appending after its valid prefix (a torn tail is cut off).
    public init(appendingTo url: URL, validLength: UInt64, flushInterval: TimeInterval = 1) throws(JournalError) {
        self.url = url
        self.flushInterval = flushInterval
        descriptor = open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw JournalError("cannot open the journal \(url.path): \(String(cString: strerror(errno)))") }
        guard ftruncate(descriptor, off_t(validLength)) == 0 else {
            throw JournalError("cannot truncate the journal \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(descriptor) }

    /// Queues one unit; writes the batch when the flush interval has passed.
    public func append(unit: Int, _ outcomes: [SeriesOutcome]) {
        buffer.append(contentsOf: JournalFormat.encode(unit: unit, outcomes).utf8)
        if Date().timeIntervalSince(lastFlush) >= flushInterval || buffer.count >= 1 << 20 {
            do { try flush() } catch { failure = failure ?? error }
        }
    }

    /// Marks the schedule complete (a finished shard).
    public func appendEnd(units: Int) {
        buffer.append(contentsOf: JournalFormat.line("E \(units)").utf8)
    }

    public func flush() throws(JournalError) {
        lastFlush = Date()
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw JournalError("cannot write the journal \(url.path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    public func sync() {
        fsync(descriptor)
    }
}
