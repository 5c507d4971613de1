import Foundation

/// Errors reading an SDPA sparse (`.dat-s`) file; `line` is one-based.
public struct SDPAParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let message: String
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}

/// Reader for the SDPA sparse format:
///
///     "comment lines (starting with " or *) before the data
///     m                      number of constraint matrices (text after the number is ignored)
///     nblocks                number of blocks
///     s₁ s₂ …                block sizes; negative = diagonal (LP) block
///     c₁ c₂ … c_m            objective (may continue over several lines)
///     matno blkno i j value  one entry per line, matno 0 = F₀, indices one-based, i ≤ j by convention
///
/// In the header lines `{ } ( ) ,` count as separators. Entries (i, j) and (j, i) denote the same
/// symmetric position; repeated entries are summed.
public enum SDPAReader {
    public static func read(contentsOf url: URL) throws -> SDPAProblem {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SDPAParseError(line: 0, message: "cannot read \(url.path): \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw SDPAParseError(line: 0, message: "file is not text")
        }
        return try parse(text)
    }

    public static func parse(_ text: String) throws(SDPAParseError) -> SDPAProblem {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var index = 0
        func lineNo() -> Int { min(index + 1, max(lines.count, 1)) }
        func headerTokens(_ line: Substring) -> [Substring] {
            line.split(whereSeparator: { " \t{}(),".contains($0) })
        }
        // Skip comments and blank lines before m.
        while index < lines.count {
            let t = lines[index].trimmingCharacters(in: .whitespaces)
            if t.isEmpty || t.hasPrefix("\"") || t.hasPrefix("*") { index += 1 } else { break }
        }
        func nextInteger(_ what: String) throws(SDPAParseError) -> Int {
            while index < lines.count && lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index += 1 }
            guard index < lines.count else { throw SDPAParseError(line: lineNo(), message: "unexpected end of file, expected \(what)") }
            guard let first = headerTokens(lines[index]).first, let v = Int(first.hasPrefix("+") ? first.dropFirst() : first) else {
                throw SDPAParseError(line: lineNo(), message: "expected \(what), found '\(lines[index].prefix(40))'")
            }
            index += 1
            return v
        }
        let m = try nextInteger("the number of constraint matrices m")
        guard m >= 0 else { throw SDPAParseError(line: lineNo() - 1, message: "m must be nonnegative, got \(m)") }
        let nBlocks = try nextInteger("the number of blocks")
        guard nBlocks >= 1 else { throw SDPAParseError(line: lineNo() - 1, message: "the number of blocks must be positive, got \(nBlocks)") }
        // Block sizes and c: numeric tokens possibly spanning lines.
        func numbers(_ count: Int, _ what: String) throws(SDPAParseError) -> [Double] {
            var out: [Double] = []
            while out.count < count {
                guard index < lines.count else {
                    throw SDPAParseError(line: lineNo(), message: "unexpected end of file: \(what) has \(out.count) of \(count) values")
                }
                for tok in headerTokens(lines[index]) where out.count < count {
                    guard let v = Double(tok) else {
                        throw SDPAParseError(line: lineNo(), message: "invalid number '\(tok)' in \(what)")
                    }
                    out.append(v)
                }
                index += 1
            }
            return out
        }
        let sizeValues = try numbers(nBlocks, "the block sizes")
        var sizes: [Int] = []
        for v in sizeValues {
            guard let k = Int(exactly: v), k != 0 else {
                throw SDPAParseError(line: lineNo() - 1, message: "block size must be a nonzero integer, got \(v)")
            }
            sizes.append(k)
        }
        let c = try numbers(m, "the objective vector c")
        var entries: [SDPAProblem.Entry] = []
        while index < lines.count {
            let raw = lines[index]
            let toks = raw.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if toks.isEmpty || toks[0].hasPrefix("\"") || toks[0].hasPrefix("*") { index += 1; continue }
            guard toks.count >= 5 else {
                throw SDPAParseError(line: lineNo(), message: "entry needs 5 fields 'matno blkno i j value', found \(toks.count)")
            }
            guard let mat = Int(toks[0]), let blk = Int(toks[1]), let i = Int(toks[2]), let j = Int(toks[3]) else {
                throw SDPAParseError(line: lineNo(), message: "invalid integer in entry '\(raw.prefix(60))'")
            }
            guard let v = Double(toks[4]), v.isFinite else {
                throw SDPAParseError(line: lineNo(), message: "invalid value '\(toks[4])'")
            }
            guard mat >= 0 && mat <= m else { throw SDPAParseError(line: lineNo(), message: "matrix number \(mat) outside 0…\(m)") }
            guard blk >= 1 && blk <= nBlocks else { throw SDPAParseError(line: lineNo(), message: "block number \(blk) outside 1…\(nBlocks)") }
            let size = abs(sizes[blk - 1])
            guard i >= 1 && i <= size && j >= 1 && j <= size else {
                throw SDPAParseError(line: lineNo(), message: "index (\(i), \(j)) outside block \(blk) of size \(size)")
            }
            if sizes[blk - 1] < 0 && i != j {
                throw SDPAParseError(line: lineNo(), message: "off-diagonal entry (\(i), \(j)) in diagonal block \(blk)")
            }
            if v != 0 { entries.append(.init(matrix: mat, block: blk - 1, i: i - 1, j: j - 1, value: v)) }
            index += 1
        }
        return SDPAProblem(blockSizes: sizes, c: c, entries: entries)
    }
}
