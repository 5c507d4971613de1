import AntennaModels
import Foundation

extension MovementTradeoff {
    /// f̄(r̃) = tr((ĀᴴĀ)⁻¹) and its closed-form gradient (specs/tradeoff.md §2.4, §5.1; paper App. A),
    /// with the scratch buffers of one worker. Under ZF with equal-SINR power every user gets
    /// SINR γ = γ̄/f̄ (eq. (11)), so R = log2(1 + γ̄/f̄).
    ///
    /// Gradient (positions in λ, κ = 2π, M = G⁻², G = ĀᴴĀ):
    ///     ∂f̄/∂x_n = −2κ·Im([Ā M D_u Āᴴ]_{nn}),   ∂f̄/∂y_n = −2κ·Im([Ā M D_w Āᴴ]_{nn})      (51), (53)
    /// Numerical guard: f̄ = +∞ when G is not numerically positive definite, its 1-norm condition number
    /// exceeds 1e12, or tr(G⁻¹) is not finite and positive (specs §5.1).
    public struct TraceObjective: Sendable {
        public let channel: FarFieldLoSChannel
        public let antennaCount: Int
        /// Number of f̄ evaluations (with or without gradient) and of gradient evaluations so far:
        /// deterministic cost counters.
        public private(set) var valueEvaluations = 0
        public private(set) var gradientEvaluations = 0

        public static let conditionLimit = 1e12

        var aRe: [Double], aIm: [Double]
        var gRe: [Double], gIm: [Double]
        var mRe: [Double], mIm: [Double]
        var inverse: HermitianInverse

        public init(channel: FarFieldLoSChannel, antennaCount: Int) {
            precondition(antennaCount >= 1)
            self.channel = channel
            self.antennaCount = antennaCount
            let k = channel.userCount
            aRe = Array(repeating: 0, count: antennaCount * k)
            aIm = aRe
            gRe = Array(repeating: 0, count: k * k)
            gIm = gRe
            mRe = gRe
            mIm = gRe
            inverse = HermitianInverse(dimension: k)
        }

        /// f̄(r̃); +∞ when the users cannot be separated (see the guard above).
        public mutating func value(_ positions: [PlanarPoint]) -> Double {
            valueEvaluations += 1
            return traceOfInverse(positions)
        }

        /// f̄(r̃), writing ∇_{r_n} f̄ into `gradient` (length N). On a guarded +∞ the gradient is zero.
        public mutating func value(_ positions: [PlanarPoint], gradient: inout [PlanarPoint]) -> Double {
            valueEvaluations += 1
            gradientEvaluations += 1
            let f = traceOfInverse(positions)
            guard f.isFinite else {
                for n in gradient.indices { gradient[n] = .zero }
                return f
            }
            let k = channel.userCount
            // M = G⁻¹·G⁻¹ (Hermitian), G⁻¹ is in (gRe, gIm).
            for i in 0..<k {
                for j in 0..<k {
                    var sRe = 0.0, sIm = 0.0
                    for p in 0..<k {
                        let aR = gRe[i * k + p], aI = gIm[i * k + p], bR = gRe[p * k + j], bI = gIm[p * k + j]
                        sRe += aR * bR - aI * bI
                        sIm += aR * bI + aI * bR
                    }
                    mRe[i * k + j] = sRe
                    mIm[i * k + j] = sIm
                }
            }
            let scale = -2 * FarFieldLoSChannel.wavenumber
            for n in 0..<antennaCount {
                // t_l = Σ_k Ā[n,k]·M[k,l];  then Σ_l t_l·(u_l, w_l)·conj(Ā[n,l]).
                var sxIm = 0.0, syIm = 0.0
                for l in 0..<k {
                    var tRe = 0.0, tIm = 0.0
                    for p in 0..<k {
                        let aR = aRe[n * k + p], aI = aIm[n * k + p], bR = mRe[p * k + l], bI = mIm[p * k + l]
                        tRe += aR * bR - aI * bI
                        tIm += aR * bI + aI * bR
                    }
                    // Im(t·conj(a)) = tIm·aRe − tRe·aIm
                    let im = tIm * aRe[n * k + l] - tRe * aIm[n * k + l]
                    sxIm += im * channel.u[l]
                    syIm += im * channel.w[l]
                }
                gradient[n] = PlanarPoint(scale * sxIm, scale * syIm)
            }
            return f
        }

        /// Forms Ā and G = ĀᴴĀ, inverts G in place into (gRe, gIm) and returns tr(G⁻¹) (or +∞).
        mutating func traceOfInverse(_ positions: [PlanarPoint]) -> Double {
            precondition(positions.count == antennaCount, "wrong number of antennas")
            let k = channel.userCount
            channel.steering(at: positions, real: &aRe, imaginary: &aIm)
            var norm1 = 0.0
            for i in 0..<k {
                for j in 0...i {
                    // G[i][j] = Σ_n conj(Ā[n,i])·Ā[n,j]
                    var sRe = 0.0, sIm = 0.0
                    for n in 0..<antennaCount {
                        let aR = aRe[n * k + i], aI = -aIm[n * k + i], bR = aRe[n * k + j], bI = aIm[n * k + j]
                        sRe += aR * bR - aI * bI
                        sIm += aR * bI + aI * bR
                    }
                    gRe[i * k + j] = sRe; gIm[i * k + j] = sIm
                    gRe[j * k + i] = sRe; gIm[j * k + i] = -sIm
                }
            }
            for j in 0..<k {
                var column = 0.0
                for i in 0..<k { column += (gRe[i * k + j] * gRe[i * k + j] + gIm[i * k + j] * gIm[i * k + j]).squareRoot() }
                norm1 = max(norm1, column)
            }
            guard inverse.invert(re: &gRe, im: &gIm) else { return .infinity }
            var inverseNorm1 = 0.0, trace = 0.0
            for j in 0..<k {
                var column = 0.0
                for i in 0..<k { column += (gRe[i * k + j] * gRe[i * k + j] + gIm[i * k + j] * gIm[i * k + j]).squareRoot() }
                inverseNorm1 = max(inverseNorm1, column)
                trace += gRe[j * k + j]
            }
            guard trace.isFinite, trace > 0, norm1 * inverseNorm1 <= Self.conditionLimit else { return .infinity }
            return trace
        }
    }
}
