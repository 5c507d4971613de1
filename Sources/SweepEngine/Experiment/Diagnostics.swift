/// A position in an experiment file (1-based line and column, as editors show them).
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found in an experiment file, in the `file:line:column: error: message` form that
/// editors and CI logs turn into links.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public let location: SourceLocation
    public let message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): error: \(message)" }
}

/// Every problem found while validating an experiment; nothing runs and nothing is written.
public struct ExperimentValidationError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// " (did you mean 'x'?)" when a known name is within a small edit distance of `name`, else "".
func didYouMean(_ name: String, among candidates: [String]) -> String {
    let scored = candidates.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
    // A prefix of a longer name ("load_speed" for "load_speed_mps") is the commonest slip with unit
    // suffixes; otherwise the nearest name within a third of the length.
    let lowered = name.lowercased()
    if lowered.count >= 3, let prefixed = candidates.first(where: { $0.lowercased().hasPrefix(lowered) }) {
        return "; did you mean '\(prefixed)'?"
    }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return "" }
    let threshold = max(2, name.count / 3)
    return best.1 <= threshold ? "; did you mean '\(best.0)'?" : ""
}

/// Levenshtein distance over Unicode scalars.
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[y.count]
}
