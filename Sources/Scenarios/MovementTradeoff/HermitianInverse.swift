extension MovementTradeoff {
    /// In-place inverse of a small Hermitian positive-definite matrix (K ≤ ~8) by Cholesky, on split
    /// real/imaginary row-major storage. Hand-written because K ≤ 4 in every experiment, where a LAPACK
    /// call costs more than the arithmetic; `HermitianInverseTests` checks it against LAPACKE zpotrf/zpotri.
    ///
    /// G = L·Lᴴ (L lower, real positive diagonal), then G⁻¹ = L⁻ᴴ·L⁻¹.
    public struct HermitianInverse: Sendable {
        public let dimension: Int
        var lRe: [Double], lIm: [Double]

        public init(dimension: Int) {
            precondition(dimension >= 1)
            self.dimension = dimension
            lRe = Array(repeating: 0, count: dimension * dimension)
            lIm = lRe
        }

        /// Overwrites (re, im) = G with G⁻¹. Returns false (leaving the contents unspecified) when G is not
        /// numerically positive definite. Only the lower triangle of G is read.
        public mutating func invert(re: inout [Double], im: inout [Double]) -> Bool {
            let k = dimension
            // Cholesky: L[i][j] for j ≤ i.
            for j in 0..<k {
                var d = re[j * k + j]
                for p in 0..<j { d -= lRe[j * k + p] * lRe[j * k + p] + lIm[j * k + p] * lIm[j * k + p] }
                guard d > 0, d.isFinite else { return false }
                let ljj = d.squareRoot()
                lRe[j * k + j] = ljj
                lIm[j * k + j] = 0
                for i in (j + 1)..<k {
                    // L[i][j] = (G[i][j] − Σ_p L[i][p]·conj(L[j][p])) / L[j][j]
                    var sRe = re[i * k + j], sIm = im[i * k + j]
                    for p in 0..<j {
                        let aRe = lRe[i * k + p], aIm = lIm[i * k + p], bRe = lRe[j * k + p], bIm = -lIm[j * k + p]
                        sRe -= aRe * bRe - aIm * bIm
                        sIm -= aRe * bIm + aIm * bRe
                    }
                    lRe[i * k + j] = sRe / ljj
                    lIm[i * k + j] = sIm / ljj
                }
            }
            // X = L⁻¹ (lower triangular), stored in (re, im) temporarily as full matrix with zeros above.
            for i in 0..<k {
                for j in 0..<k { re[i * k + j] = 0; im[i * k + j] = 0 }
            }
            for j in 0..<k {
                re[j * k + j] = 1 / lRe[j * k + j]
                for i in (j + 1)..<k {
                    // X[i][j] = −(Σ_{p=j}^{i−1} L[i][p]·X[p][j]) / L[i][i]
                    var sRe = 0.0, sIm = 0.0
                    for p in j..<i {
                        let aRe = lRe[i * k + p], aIm = lIm[i * k + p], bRe = re[p * k + j], bIm = im[p * k + j]
                        sRe += aRe * bRe - aIm * bIm
                        sIm += aRe * bIm + aIm * bRe
                    }
                    re[i * k + j] = -sRe / lRe[i * k + i]
                    im[i * k + j] = -sIm / lRe[i * k + i]
                }
            }
            // G⁻¹ = Xᴴ·X: (G⁻¹)[i][j] = Σ_{p ≥ max(i,j)} conj(X[p][i])·X[p][j]. Keep X in L's storage.
            for idx in 0..<(k * k) { lRe[idx] = re[idx]; lIm[idx] = im[idx] }
            for i in 0..<k {
                for j in 0...i {
                    var sRe = 0.0, sIm = 0.0
                    for p in i..<k {
                        let aRe = lRe[p * k + i], aIm = -lIm[p * k + i], bRe = lRe[p * k + j], bIm = lIm[p * k + j]
                        sRe += aRe * bRe - aIm * bIm
                        sIm += aRe * bIm + aIm * bRe
                    }
                    re[i * k + j] = sRe; im[i * k + j] = sIm
                    re[j * k + i] = sRe; im[j * k + i] = -sIm
                }
                im[i * k + i] = 0
            }
            return true
        }
    }
}
