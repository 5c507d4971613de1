import AntennaModels
import Numerics

extension MovementTradeoff {
    /// The explicit ZF design of (7)–(11) (specs/tradeoff.md §2.3–2.4) for one deployment: normalised ZF
    /// beamformers, the equal-SINR (max–min) powers and the resulting SINRs. The optimisation only needs
    /// tr((HᴴH)⁻¹); this spells out the transmitter so the reduction (11) can be checked (specs §13 check 3).
    public struct ZeroForcingDesign: Sendable {
        /// w_k (N entries each), ‖w_k‖ = 1.
        public var beamformers: [[Complex<Double>]]
        /// p_k = P·[(HᴴH)⁻¹]_kk / tr((HᴴH)⁻¹)  (10).
        public var powers: [Double]
        /// SINR_k of (3) evaluated with these beamformers and powers.
        public var sinrs: [Double]
        /// H (N×K): h_k is column k.
        public var channel: [[Complex<Double>]]
        public var traceOfInverse: Double

        /// - Parameters: power P and noise σ² in the same linear unit; H includes √β.
        public init?(channel model: FarFieldLoSChannel, positions: [PlanarPoint], power: Double, noise: Double) {
            let n = positions.count, k = model.userCount
            var re = [Double](repeating: 0, count: n * k), im = re
            model.steering(at: positions, real: &re, imaginary: &im)
            let amplitude = model.largeScaleGain.squareRoot()
            let h = (0..<n).map { row in (0..<k).map { Complex(amplitude * re[row * k + $0], amplitude * im[row * k + $0]) } }
            // G = HᴴH and its inverse.
            var gRe = [Double](repeating: 0, count: k * k), gIm = gRe
            for i in 0..<k {
                for j in 0..<k {
                    var s = Complex<Double>.zero
                    for row in 0..<n { s += h[row][i].conjugate * h[row][j] }
                    gRe[i * k + j] = s.real
                    gIm[i * k + j] = s.imaginary
                }
            }
            var inverse = HermitianInverse(dimension: k)
            guard inverse.invert(re: &gRe, im: &gIm) else { return nil }
            let gInv = { (i: Int, j: Int) in Complex(gRe[i * k + j], gIm[i * k + j]) }
            let trace = (0..<k).reduce(0.0) { $0 + gRe[$1 * k + $1] }
            // W̄ = H·G⁻¹; w_k = W̄e_k/‖W̄e_k‖.
            var beamformers: [[Complex<Double>]] = []
            for user in 0..<k {
                var column = (0..<n).map { row in (0..<k).reduce(Complex<Double>.zero) { $0 + h[row][$1] * gInv($1, user) } }
                let norm = column.reduce(0.0) { $0 + $1.lengthSquared }.squareRoot()
                column = column.map { $0 / Complex(norm) }
                beamformers.append(column)
            }
            let powers = (0..<k).map { power * gRe[$0 * k + $0] / trace }
            func gain(_ user: Int, _ beam: Int) -> Double {
                (0..<n).reduce(Complex<Double>.zero) { $0 + h[$1][user].conjugate * beamformers[beam][$1] }.lengthSquared
            }
            sinrs = (0..<k).map { user in
                let interference = (0..<k).filter { $0 != user }.reduce(0.0) { $0 + powers[$1] * gain(user, $1) }
                return powers[user] * gain(user, user) / (interference + noise)
            }
            self.beamformers = beamformers
            self.powers = powers
            self.channel = h
            traceOfInverse = trace
        }

        /// |h_jᴴ w_k|.
        public func leakage(user j: Int, beam k: Int) -> Double {
            channel.indices.reduce(Complex<Double>.zero) { $0 + channel[$1][j].conjugate * beamformers[k][$1] }.length
        }
    }
}
