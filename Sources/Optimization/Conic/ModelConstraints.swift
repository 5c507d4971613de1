import ComplexModule
import LinearAlgebra

/// A constraint of a `ConicModel`, built with the comparison operators on `Affine` expressions,
/// `norm(…) <= t`, `squaredNorm(…) <= t` and `ConicConstraint.positiveSemidefinite(M)`.
public struct ConicConstraint: Sendable {
    enum Kind: Sendable {
        case equal(Affine)                          // e = 0
        case nonnegative(Affine)                    // e ≥ 0
        case secondOrder(t: Affine, x: [Affine])    // ‖x‖₂ ≤ t
        case psd(AffineMatrix)                      // M ⪰ 0 (M Hermitian)
        case exponential(Affine, Affine, Affine)    // (x, y, z) ∈ K_exp
    }
    let kind: Kind

    /// M(x) ⪰ 0 for a Hermitian (or real symmetric) affine matrix; real data gives a real PSD cone,
    /// complex data a native Hermitian PSD cone. Write an LMI A(x) ⪰ B as `.positiveSemidefinite(A − B)`.
    public static func positiveSemidefinite(_ m: AffineMatrix) -> ConicConstraint { .init(kind: .psd(m)) }

    /// ‖x‖₂ ≤ t.
    public static func secondOrderCone(_ x: [Affine], _ t: Affine) -> ConicConstraint { .init(kind: .secondOrder(t: t, x: x)) }

    /// (x, y, z) ∈ K_exp = cl{y > 0, y·exp(x/y) ≤ z}.
    public static func exponentialCone(_ x: Affine, _ y: Affine, _ z: Affine) -> ConicConstraint { .init(kind: .exponential(x, y, z)) }

    /// t ≤ log(u)  ⇔  (t, 1, u) ∈ K_exp (concave: use in maximisation or as an upper bound on t).
    public static func logarithm(_ t: Affine, lessThanLogOf u: Affine) -> ConicConstraint {
        .init(kind: .exponential(t, Affine(1), u))
    }

    /// exp(x) ≤ t  ⇔  (x, 1, t) ∈ K_exp.
    public static func exponentialBound(_ x: Affine, _ t: Affine) -> ConicConstraint {
        .init(kind: .exponential(x, Affine(1), t))
    }
}

public func == (a: Affine, b: Affine) -> ConicConstraint { .init(kind: .equal(a - b)) }
public func == (a: Affine, b: Double) -> ConicConstraint { .init(kind: .equal(a - b)) }
public func == (a: Double, b: Affine) -> ConicConstraint { .init(kind: .equal(a - b)) }
public func == (a: ConicVariable, b: Double) -> ConicConstraint { Affine(a) == b }
public func >= (a: Affine, b: Affine) -> ConicConstraint { .init(kind: .nonnegative(a - b)) }
public func >= (a: Affine, b: Double) -> ConicConstraint { .init(kind: .nonnegative(a - b)) }
public func >= (a: Double, b: Affine) -> ConicConstraint { .init(kind: .nonnegative(a - b)) }
public func >= (a: ConicVariable, b: Double) -> ConicConstraint { Affine(a) >= b }
public func >= (a: ConicVariable, b: Affine) -> ConicConstraint { Affine(a) >= b }
public func <= (a: Affine, b: Affine) -> ConicConstraint { b >= a }
public func <= (a: Affine, b: Double) -> ConicConstraint { b >= a }
public func <= (a: Double, b: Affine) -> ConicConstraint { b >= a }
public func <= (a: ConicVariable, b: Double) -> ConicConstraint { b >= Affine(a) }
public func <= (a: ConicVariable, b: Affine) -> ConicConstraint { b >= Affine(a) }

/// ‖(e₁, …, e_d)‖₂, to be bounded by an affine expression.
public struct NormExpression: Sendable {
    let parts: [Affine]
}

/// ‖(e₁, …, e_d)‖₂², to be bounded by an affine expression (a rotated second-order cone).
public struct SquaredNormExpression: Sendable {
    let parts: [Affine]
}

public func norm(_ parts: [Affine]) -> NormExpression { NormExpression(parts: parts) }
public func norm(_ parts: [ConicVariable]) -> NormExpression { NormExpression(parts: parts.map(Affine.init)) }
/// ‖v‖₂ of a complex (or real) vector expression: the real and imaginary parts of all entries.
public func norm(_ v: AffineMatrix) -> NormExpression { NormExpression(parts: v.realAndImaginaryParts) }
public func squaredNorm(_ parts: [Affine]) -> SquaredNormExpression { SquaredNormExpression(parts: parts) }
public func squaredNorm(_ v: AffineMatrix) -> SquaredNormExpression { SquaredNormExpression(parts: v.realAndImaginaryParts) }

public func <= (n: NormExpression, t: Affine) -> ConicConstraint { .init(kind: .secondOrder(t: t, x: n.parts)) }
public func <= (n: NormExpression, t: Double) -> ConicConstraint { n <= Affine(t) }
public func <= (n: NormExpression, t: ConicVariable) -> ConicConstraint { n <= Affine(t) }

/// ‖v‖² ≤ t  ⇔  ‖(v, (t − 1)/2)‖ ≤ (t + 1)/2.
public func <= (q: SquaredNormExpression, t: Affine) -> ConicConstraint {
    .init(kind: .secondOrder(t: 0.5 * (t + 1), x: q.parts + [0.5 * (t - 1)]))
}
public func <= (q: SquaredNormExpression, t: Double) -> ConicConstraint { q <= Affine(t) }
public func <= (q: SquaredNormExpression, t: ConicVariable) -> ConicConstraint { q <= Affine(t) }

/// Errors building the conic problem of a model.
public enum ConicModelError: Error, Equatable, Sendable, CustomStringConvertible {
    case notSquare(constraint: Int, rows: Int, columns: Int)
    case notHermitian(constraint: Int, deviation: Double)
    case invalidProblem(String)

    public var description: String {
        switch self {
        case .notSquare(let c, let r, let k): return "constraint \(c): PSD constraint on a \(r)×\(k) matrix"
        case .notHermitian(let c, let d): return "constraint \(c): matrix is not Hermitian (deviation \(d))"
        case .invalidProblem(let s): return "invalid problem: \(s)"
        }
    }
}
