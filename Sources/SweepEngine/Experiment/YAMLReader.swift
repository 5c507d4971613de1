import Yams
import ScenarioKit

/// Typed access to a composed YAML tree that records a located diagnostic for every mismatch
/// instead of stopping at the first, so a user sees all problems of a file at once.
struct YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func error(_ node: Node, _ message: String) {
        diagnostics.append(Diagnostic(location(node), message))
    }

    /// A YAML-level rendering of a node for messages: the scalar text, or its kind.
    func show(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// The entries of a mapping with scalar keys, in file order; nil (with a diagnostic) otherwise.
    mutating func mapping(_ node: Node, _ what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let m) = node else {
            error(node, "\(what) must be a mapping (key: value), found \(show(node))")
            return nil
        }
        var entries: [(String, Node, Node)] = []
        for (k, v) in m {
            guard case .scalar(let s) = k else {
                error(k, "keys of \(what) must be plain names, found \(show(k))")
                continue
            }
            entries.append((s.string, k, v))
        }
        return entries
    }

    mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard case .sequence(let s) = node else {
            error(node, "\(what) must be a list, found \(show(node))")
            return nil
        }
        return Array(s)
    }

    /// Reports keys outside `allowed` (with a suggestion) and missing `required` keys.
    mutating func checkKeys(_ entries: [(key: String, keyNode: Node, value: Node)], in container: Node, what: String,
                            allowed: [String], required: [String] = []) {
        for entry in entries where !allowed.contains(entry.key) {
            error(entry.keyNode, "unknown key '\(entry.key)' in \(what)\(didYouMean(entry.key, among: allowed))"
                + " (allowed: \(allowed.joined(separator: ", ")))")
        }
        for key in required where !entries.contains(where: { $0.key == key }) {
            error(container, "\(what) is missing the required key '\(key)'")
        }
    }

    private func tag(_ node: Node) -> Tag.Name? {
        guard case .scalar = node else { return nil }
        // Tag.name is internal to Yams; its description is the resolved tag name.
        return Tag.Name(rawValue: node.tag.description)
    }

    mutating func string(_ node: Node, _ what: String) -> String? {
        guard tag(node) == .str, let s = node.string else {
            error(node, "\(what) must be text, found \(show(node))")
            return nil
        }
        return s
    }

    mutating func integer(_ node: Node, _ what: String, in range: ClosedRange<Int>? = nil) -> Int? {
        guard tag(node) == .int, let n = node.int else {
            error(node, "\(what) must be an integer, found \(show(node))")
            return nil
        }
        if let range, !range.contains(n) {
            let upper = range.upperBound == Int.max ? "" : " and ≤ \(range.upperBound)"
            error(node, "\(what) must be ≥ \(range.lowerBound)\(upper), found \(n)")
            return nil
        }
        return n
    }

    /// A finite real number (integers accepted).
    mutating func real(_ node: Node, _ what: String) -> Double? {
        let t = tag(node)
        guard t == .int || t == .float, let x = node.float, x.isFinite else {
            error(node, "\(what) must be a finite number, found \(show(node))")
            return nil
        }
        return x
    }

    mutating func flag(_ node: Node, _ what: String) -> Bool? {
        guard tag(node) == .bool, let b = node.bool else {
            error(node, "\(what) must be true or false, found \(show(node))")
            return nil
        }
        return b
    }

    /// A parameter value checked against its spec's domain.
    mutating func parameterValue(_ node: Node, spec: ParameterSpec) -> ParameterValue? {
        let what = "parameter '\(spec.name)'"
        let value: ParameterValue
        switch spec.domain {
        case .real:
            guard let x = real(node, what) else { return nil }
            value = .real(x)
        case .integer:
            guard let n = integer(node, what) else { return nil }
            value = .integer(n)
        case .flag:
            guard let b = flag(node, what) else { return nil }
            value = .flag(b)
        case .choice(let options):
            guard let s = string(node, what) else { return nil }
            guard options.contains(s) else {
                error(node, "\(what) must be one of \(options.joined(separator: ", ")), found '\(s)'"
                    + didYouMean(s, among: options))
                return nil
            }
            value = .choice(s)
        }
        guard spec.domain.admits(value) else {
            let unit = spec.unit.isEmpty ? "" : " \(spec.unit)"
            error(node, "\(what) is out of range: \(value)\(unit) is not a \(spec.domain)")
            return nil
        }
        return value
    }
}
