import LinearAlgebra

/// The six DIMACS error measures (Mittelmann's benchmark definitions) of an SDPA-form solution,
/// in terms of the standard-form pair  min ⟨C, X⟩ s.t. ⟨Aᵢ, X⟩ = bᵢ, X ⪰ 0  /  max bᵀy s.t. C − Σ yᵢAᵢ = Z ⪰ 0
/// with C = −F₀, Aᵢ = Fᵢ, b = c, X = Y (SDPA's dual matrix, the conic y), Z = S (the conic s), y = −x:
///
///     err1 = ‖(⟨Fᵢ, Y⟩ − cᵢ)ᵢ‖₂ / (1 + ‖c‖∞)          err2 = max(0, −λmin(Y)) / (1 + ‖c‖∞)
///     err3 = ‖Σ xᵢFᵢ − F₀ − S‖_F / (1 + ‖F₀‖max)      err4 = max(0, −λmin(S)) / (1 + ‖F₀‖max)
///     err5 = (cᵀx − ⟨F₀, Y⟩) / (1 + |cᵀx| + |⟨F₀, Y⟩|) err6 = ⟨S, Y⟩ / (1 + |cᵀx| + |⟨F₀, Y⟩|)
public struct DIMACSErrors: Sendable {
    public let values: [Double]

    public init(problem: SDPAProblem, conic: ConicProblem, x: [Double], s: [Double], y: [Double]) {
        let cInf = problem.c.reduce(0) { max($0, abs($1)) }
        let f0Max = problem.entries.filter { $0.matrix == 0 }.reduce(0) { max($0, abs($1.value)) }
        var d = conic.A.transposeMultiply(y)
        for i in d.indices { d[i] += conic.c[i] }
        let err1 = Self.norm(d) / (1 + cInf)
        var r = conic.A.multiply(x)
        for i in r.indices { r[i] += s[i] - conic.b[i] }
        let err3 = Self.norm(r) / (1 + f0Max)
        let err2 = max(0, -Self.minEigenvalue(conic.cones, y)) / (1 + cInf)
        let err4 = max(0, -Self.minEigenvalue(conic.cones, s)) / (1 + f0Max)
        let cx = zip(conic.c, x).reduce(0) { $0 + $1.0 * $1.1 }
        let f0y = -zip(conic.b, y).reduce(0) { $0 + $1.0 * $1.1 }
        let den = 1 + abs(cx) + abs(f0y)
        let err5 = (cx - f0y) / den
        let err6 = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 } / den
        values = [err1, err2, err3, err4, err5, err6]
    }

    static func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    static func minEigenvalue(_ cones: [Cone], _ v: [Double]) -> Double {
        var lo = Double.infinity
        var r = 0
        for cone in cones {
            let seg = Array(v[r..<(r + cone.dimension)])
            switch cone {
            case .nonnegative: lo = min(lo, seg.min() ?? .infinity)
            case .psd(let n):
                if let e = try? SymmetricVectorization.unpack(seg, order: n).symmetricEigenvalues() { lo = min(lo, e.first ?? .infinity) } else { lo = -.infinity }
            case .hermitianPSD(let n):
                if let e = try? SymmetricVectorization.unpackHermitian(seg, order: n).hermitianEigenvalues() { lo = min(lo, e.first ?? .infinity) } else { lo = -.infinity }
            case .secondOrder: lo = min(lo, (seg.first ?? 0) - norm(Array(seg.dropFirst())))
            case .zero, .exponential: break
            }
            r += cone.dimension
        }
        return lo
    }
}
