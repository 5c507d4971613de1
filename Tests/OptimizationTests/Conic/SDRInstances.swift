import ComplexModule
import LinearAlgebra
import Optimization

/// SDR beamforming instances: minimize tr W s.t. h_kᴴ W h_k ≥ 1 (k = 1…K), W ⪰ 0 (W Hermitian n×n),
/// posed for the conic solver through its dual, which has only K variables:
///
///     maximize Σ y_k  s.t.  Σ y_k h_k h_kᴴ + S = I,  S ⪰ 0,  y ≥ 0,
///
/// i.e. minimize −1ᵀy with A = [svec(h_k h_kᴴ) …; −I], b = [svec(I); 0]. The optimal W is the dual
/// multiplier of the PSD block; both optimal values agree (strong duality).
enum SDRInstance {
    static func channels(n: Int, k: Int, seed: UInt64) -> [[Complex<Double>]] {
        var rng = TestRNG(seed)
        return (0..<k).map { _ in (0..<n).map { _ in rng.complexNormal() * Complex(0.5.squareRoot(), 0) } }
    }

    /// Native Hermitian PSD cone.
    static func hermitian(_ h: [[Complex<Double>]]) throws -> ConicProblem {
        let n = h[0].count, k = h.count
        let dim = n * n
        var t: [(row: Int, column: Int, value: Double)] = []
        for (j, hk) in h.enumerated() {
            let v = SymmetricVectorization.pack(ComplexMatrix.outer(hk))
            for (r, x) in v.enumerated() where x != 0 { t.append((r, j, x)) }
            t.append((dim + j, j, -1))
        }
        let b = SymmetricVectorization.pack(ComplexMatrix.identity(n)) + [Double](repeating: 0, count: k)
        return try ConicProblem(c: [Double](repeating: -1, count: k), A: SparseMatrix(rows: dim + k, columns: k, triplets: t),
                                b: b, cones: [.hermitianPSD(n), .nonnegative(k)])
    }

    /// The same problem through the real 2n×2n embedding [[Re, −Im], [Im, Re]].
    static func realEmbedding(_ h: [[Complex<Double>]]) throws -> ConicProblem {
        let n = h[0].count, k = h.count
        let dim = (2 * n) * (2 * n + 1) / 2
        var t: [(row: Int, column: Int, value: Double)] = []
        for (j, hk) in h.enumerated() {
            let v = SymmetricVectorization.pack(ComplexMatrix.outer(hk).realEmbedding)
            for (r, x) in v.enumerated() where x != 0 { t.append((r, j, x)) }
            t.append((dim + j, j, -1))
        }
        let b = SymmetricVectorization.pack(RealMatrix.identity(2 * n)) + [Double](repeating: 0, count: k)
        return try ConicProblem(c: [Double](repeating: -1, count: k), A: SparseMatrix(rows: dim + k, columns: k, triplets: t),
                                b: b, cones: [.psd(2 * n), .nonnegative(k)])
    }
}
