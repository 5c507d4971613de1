import Foundation
import ScenarioKit

/// One record of a journal after the header.
public enum JournalRecord: Sendable, Equatable {
    case unit(Int, [SeriesOutcome])
    case end(Int)
}

/// Reads a journal sequentially in bounded memory (1 MiB chunks), verifying every line's checksum.
public final class JournalReader {
    public let url: URL
    public let header: JournalHeader
    /// Bytes of the verified prefix: where appending continues after a torn tail.
    public private(set) var validLength: UInt64 = 0
    /// Set when the last line was torn (cut by a crash) and dropped: its byte offset and why.
    public private(set) var tornTail: (offset: UInt64, reason: String)?
    /// True once the end record was read: the schedule was finished.
    public private(set) var isComplete = false

    private let lines: LineSource
    private var lineNumber = 1

    public init(url: URL) throws(JournalError) {
        self.url = url
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw JournalError("cannot read the journal \(url.path)")
        }
        lines = LineSource(handle: handle)
        guard let first = try lines.next() else { throw JournalError("\(url.path) is empty: not a journal") }
        guard first.complete, let payload = Self.verified(first.bytes) else {
            throw JournalError("\(url.path): the header line is damaged (byte offset 0)")
        }
        header = try JournalHeader(parsing: Substring(payload))
        validLength = first.end
    }

    /// The next record; nil at the end of the file (after dropping a torn last line, see `tornTail`).
    public func next() throws(JournalError) -> JournalRecord? {
        guard let line = try lines.next() else { return nil }
        lineNumber += 1
        guard line.complete, let payload = Self.verified(line.bytes) else {
            let reason = line.complete ? "checksum mismatch" : "no line end"
            if try lines.atEnd() {
                tornTail = (line.start, reason)
                return nil
            }
            throw JournalError("\(url.path): line \(lineNumber) at byte offset \(line.start) is corrupt (\(reason)) "
                + "and is not the last line; the journal cannot be trusted (start over with --restart)")
        }
        guard let record = decode(payload) else {
            throw JournalError("\(url.path): line \(lineNumber) at byte offset \(line.start) has a valid checksum "
                + "but does not match the header (\(header.series) series, \(header.slots) values each)")
        }
        validLength = line.end
        if case .end = record { isComplete = true }
        return record
    }

    private func decode(_ payload: String) -> JournalRecord? {
        if payload.hasPrefix("E ") { return Int(payload.dropFirst(2)).map(JournalRecord.end) }
        guard payload.hasPrefix("U ") else { return nil }
        let fields = payload.dropFirst(2).split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == header.series + 1, let unit = Int(fields[0]) else { return nil }
        var outcomes: [SeriesOutcome] = []
        outcomes.reserveCapacity(header.series)
        for field in fields.dropFirst() {
            if field.hasPrefix("fail:") {
                outcomes.append(.failure(String(field.dropFirst(5))))
                continue
            }
            let parts = field.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.first == "ok", parts.count == header.slots + 1 else { return nil }
            var values: [Double] = []
            for part in parts.dropFirst() {
                guard let v = JournalFormat.decodeValue(part) else { return nil }
                values.append(v)
            }
            outcomes.append(.success(values))
        }
        return .unit(unit, outcomes)
    }

    /// The payload of a line whose checksum verifies.
    private static func verified(_ bytes: ArraySlice<UInt8>) -> String? {
        guard let tab = bytes.lastIndex(of: UInt8(ascii: "\t")), bytes.endIndex - tab == 17 else { return nil }
        let payload = bytes[bytes.startIndex..<tab]
        guard String(decoding: bytes[(tab + 1)...], as: UTF8.self) == JournalFormat.checksum(payload) else { return nil }
        return String(decoding: payload, as: UTF8.self)
    }
}

/// '\n'-separated lines of a file with their byte offsets, read in 1 MiB chunks.
private final class LineSource {
    struct Line {
        var bytes: ArraySlice<UInt8>
        /// False for a last line without its newline.
        var complete: Bool
        var start: UInt64
        var end: UInt64
    }

    private let handle: FileHandle
    private var chunk: [UInt8] = []
    private var position = 0
    private var chunkOffset: UInt64 = 0
    private var exhausted = false

    init(handle: FileHandle) { self.handle = handle }
    deinit { try? handle.close() }

    func next() throws(JournalError) -> Line? {
        while true {
            if let newline = chunk[position...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { position = newline + 1 }
                return Line(bytes: chunk[position..<newline], complete: true, start: chunkOffset + UInt64(position),
                            end: chunkOffset + UInt64(newline + 1))
            }
            if exhausted {
                guard position < chunk.count else { return nil }
                defer { position = chunk.count }
                return Line(bytes: chunk[position...], complete: false, start: chunkOffset + UInt64(position),
                            end: chunkOffset + UInt64(chunk.count))
            }
            try refill()
        }
    }

    /// True when no byte follows the last line returned.
    func atEnd() throws(JournalError) -> Bool {
        while position >= chunk.count && !exhausted { try refill() }
        return position >= chunk.count
    }

    /// Keeps the unread tail of the chunk and appends the next chunk of the file to it.
    private func refill() throws(JournalError) {
        let data: Data?
        do { data = try handle.read(upToCount: 1 << 20) } catch { throw JournalError("cannot read the journal: \(error)") }
        chunkOffset += UInt64(position)
        chunk.removeFirst(position)
        position = 0
        if let data, !data.isEmpty { chunk.append(contentsOf: data) } else { exhausted = true }
    }
}
