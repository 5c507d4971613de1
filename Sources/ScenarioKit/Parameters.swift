/// Where a default value comes from; shown by `masweep list` and kept in the experiment YAML comments.
public enum Provenance: String, Sendable, CaseIterable {
    /// Stated in a source (the paper, a datasheet, a cited reference).
    case found = "FOUND"
    /// Computed from other values by a stated rule.
    case derived = "DERIVED"
    /// Our choice where the source is silent; the reason is recorded with it.
    case assumed = "ASSUMED"
}

/// A parameter value after validation. Integers stay integers so they print as such in CSV columns.
public enum ParameterValue: Sendable, Hashable, CustomStringConvertible {
    case real(Double)
    case integer(Int)
    case flag(Bool)
    case choice(String)

    public var description: String {
        switch self {
        case .real(let x): return formatShortest(x)
        case .integer(let n): return String(n)
        case .flag(let b): return b ? "true" : "false"
        case .choice(let s): return s
        }
    }

    /// Numeric view (integers widen to Double); nil for flags and choices.
    public var numericValue: Double? {
        switch self {
        case .real(let x): return x
        case .integer(let n): return Double(n)
        default: return nil
        }
    }
}

/// Shortest decimal text that reads back as the same Double (Swift's `description` is shortest
/// round-trip); integral values keep no trailing ".0" so CSV diffs stay readable, and non-finite
/// values are spelled `nan`, `inf`, `-inf`.
public func formatShortest(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == 0 { return x.sign == .minus ? "-0" : "0" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return x.description
}

/// An interval with optional open ends; used to validate real parameters.
public struct RealRange: Sendable, Hashable, CustomStringConvertible {
    public var lower: Double
    public var upper: Double
    public var lowerOpen: Bool
    public var upperOpen: Bool

    public init(_ lower: Double, _ upper: Double, lowerOpen: Bool = false, upperOpen: Bool = false) {
        self.lower = lower
        self.upper = upper
        self.lowerOpen = lowerOpen
        self.upperOpen = upperOpen
    }

    public static let any = RealRange(-.infinity, .infinity, lowerOpen: true, upperOpen: true)
    public static let positive = RealRange(0, .infinity, lowerOpen: true, upperOpen: true)
    public static let nonNegative = RealRange(0, .infinity, upperOpen: true)
    public static let unit = RealRange(0, 1)

    public func contains(_ x: Double) -> Bool {
        guard x.isFinite else { return false }
        let aboveLower = lowerOpen ? x > lower : x >= lower
        let belowUpper = upperOpen ? x < upper : x <= upper
        return aboveLower && belowUpper
    }

    public var description: String {
        let l = lower.isInfinite ? "(-inf" : (lowerOpen ? "(" : "[") + formatShortest(lower)
        let u = upper.isInfinite ? "inf)" : formatShortest(upper) + (upperOpen ? ")" : "]")
        return "\(l), \(u)"
    }
}

/// The values a parameter may take.
public enum ParameterDomain: Sendable, Hashable, CustomStringConvertible {
    case real(RealRange)
    case integer(ClosedRange<Int>)
    case flag
    case choice([String])

    public var description: String {
        switch self {
        case .real(let r): return "real in \(r)"
        case .integer(let r):
            let upper = r.upperBound == Int.max ? "inf)" : "\(r.upperBound)]"
            return "integer in [\(r.lowerBound), \(upper)"
        case .flag: return "true or false"
        case .choice(let options): return "one of " + options.joined(separator: ", ")
        }
    }
}

/// A typed scenario parameter: the engine validates YAML against it, `masweep list` prints it.
public struct ParameterSpec: Sendable {
    public let name: String
    public let unit: String
    public let domain: ParameterDomain
    public let defaultValue: ParameterValue
    public let provenance: Provenance
    /// One line: what it is, and for FOUND/ASSUMED values where it comes from or why it was chosen.
    public let summary: String

    public init(_ name: String, unit: String = "", _ domain: ParameterDomain, default defaultValue: ParameterValue,
                _ provenance: Provenance, _ summary: String) {
        self.name = name
        self.unit = unit
        self.domain = domain
        self.defaultValue = defaultValue
        self.provenance = provenance
        self.summary = summary
        precondition(domain.admits(defaultValue), "default of \(name) lies outside its domain")
    }
}

extension ParameterDomain {
    /// Whether `value` is a legal value (integers are accepted where reals are expected).
    public func admits(_ value: ParameterValue) -> Bool {
        switch (self, value) {
        case (.real(let r), .real(let x)): return r.contains(x)
        case (.real(let r), .integer(let n)): return r.contains(Double(n))
        case (.integer(let r), .integer(let n)): return r.contains(n)
        case (.flag, .flag): return true
        case (.choice(let options), .choice(let s)): return options.contains(s)
        default: return false
        }
    }
}

/// Resolved parameters of one sweep point for one series: defaults, then the experiment's
/// `parameters:`, then the sweep coordinates, then the series' own overrides.
public struct ParameterSet: Sendable, Hashable {
    public private(set) var values: [String: ParameterValue]

    public init(_ values: [String: ParameterValue]) { self.values = values }

    public subscript(name: String) -> ParameterValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// Reading a parameter the scenario did not declare is a programming error, not bad input:
    /// the engine has already checked every value against the scenario's specs.
    public func real(_ name: String) -> Double {
        guard let v = values[name]?.numericValue else { preconditionFailure("no numeric parameter '\(name)'") }
        return v
    }

    public func integer(_ name: String) -> Int {
        guard case .integer(let n)? = values[name] else { preconditionFailure("no integer parameter '\(name)'") }
        return n
    }

    public func flag(_ name: String) -> Bool {
        guard case .flag(let b)? = values[name] else { preconditionFailure("no flag parameter '\(name)'") }
        return b
    }

    public func choice(_ name: String) -> String {
        guard case .choice(let s)? = values[name] else { preconditionFailure("no choice parameter '\(name)'") }
        return s
    }
}
