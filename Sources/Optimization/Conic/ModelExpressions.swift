/// A real scalar decision variable of a `ConicModel`.
public struct ConicVariable: Hashable, Sendable {
    public let index: Int
}

/// A real affine expression Σ aᵢ·xᵢ + constant in the variables of a `ConicModel`.
public struct Affine: Sendable {
    public var terms: [Int: Double]
    public var constant: Double

    public init(terms: [Int: Double] = [:], constant: Double = 0) {
        self.terms = terms
        self.constant = constant
    }
    public init(_ v: ConicVariable) { self.init(terms: [v.index: 1]) }
    public init(_ c: Double) { self.init(constant: c) }

    /// Value at the variable assignment `x`.
    public func value(_ x: [Double]) -> Double {
        terms.reduce(constant) { $0 + $1.value * x[$1.key] }
    }

    func scaled(_ f: Double) -> Affine {
        Affine(terms: f == 0 ? [:] : terms.mapValues { $0 * f }, constant: constant * f)
    }

    func adding(_ o: Affine, _ f: Double = 1) -> Affine {
        var t = terms
        for (k, v) in o.terms { t[k, default: 0] += f * v }
        return Affine(terms: t, constant: constant + f * o.constant)
    }

    /// Σ eᵢ
    public static func sum<S: Sequence>(_ s: S) -> Affine where S.Element == Affine {
        s.reduce(Affine()) { $0 + $1 }
    }
}

public func + (a: Affine, b: Affine) -> Affine { a.adding(b) }
public func - (a: Affine, b: Affine) -> Affine { a.adding(b, -1) }
public prefix func - (a: Affine) -> Affine { a.scaled(-1) }
public func * (f: Double, a: Affine) -> Affine { a.scaled(f) }
public func * (a: Affine, f: Double) -> Affine { a.scaled(f) }
public func / (a: Affine, f: Double) -> Affine { a.scaled(1 / f) }
public func + (a: Affine, b: Double) -> Affine { Affine(terms: a.terms, constant: a.constant + b) }
public func + (b: Double, a: Affine) -> Affine { a + b }
public func - (a: Affine, b: Double) -> Affine { a + (-b) }
public func - (b: Double, a: Affine) -> Affine { (-a) + b }

public func + (a: ConicVariable, b: ConicVariable) -> Affine { Affine(a) + Affine(b) }
public func - (a: ConicVariable, b: ConicVariable) -> Affine { Affine(a) - Affine(b) }
public func + (a: Affine, b: ConicVariable) -> Affine { a + Affine(b) }
public func + (a: ConicVariable, b: Affine) -> Affine { Affine(a) + b }
public func - (a: Affine, b: ConicVariable) -> Affine { a - Affine(b) }
public func - (a: ConicVariable, b: Affine) -> Affine { Affine(a) - b }
public func * (f: Double, v: ConicVariable) -> Affine { Affine(terms: [v.index: f]) }
public func * (v: ConicVariable, f: Double) -> Affine { f * v }
public func + (v: ConicVariable, c: Double) -> Affine { Affine(v) + c }
public func - (v: ConicVariable, c: Double) -> Affine { Affine(v) - c }
public prefix func - (v: ConicVariable) -> Affine { -Affine(v) }
public func / (v: ConicVariable, f: Double) -> Affine { Affine(v) / f }

/// Σᵢ aᵢ·vᵢ
public func dot(_ a: [Double], _ v: [ConicVariable]) -> Affine {
    precondition(a.count == v.count, "dot: length mismatch")
    var t: [Int: Double] = [:]
    for (c, x) in zip(a, v) { t[x.index, default: 0] += c }
    return Affine(terms: t)
}

/// Σᵢ aᵢ·eᵢ
public func dot(_ a: [Double], _ e: [Affine]) -> Affine {
    precondition(a.count == e.count, "dot: length mismatch")
    var r = Affine()
    for (c, x) in zip(a, e) { r = r.adding(x, c) }
    return r
}
