import AntennaModels
import CLAPACK
import Foundation
import Numerics
import Randomness
import Scenarios
import Testing

/// specs/tradeoff.md §13 checks 1–3 and the hand-written Hermitian inverse against LAPACKE.
@Suite("tradeoff: ZF trace objective, gradient, closed forms")
struct ObjectiveTests {
    let channel = TradeoffTest.settings().channel

    static func randomDeployment(_ n: Int, _ stream: inout RandomStream) -> [PlanarPoint] {
        (0..<n).map { _ in PlanarPoint(stream.uniform(-2, 2), stream.uniform(-2, 2)) }
    }

    /// Check 1: (51)/(53) against central differences with step 1e-6 λ on 40 random deployments
    /// (N = 4 and 6, K = 4). Tolerance 1e-5 relative (specs): the truncation error of the central
    /// difference is O(h²·f''') ≈ 1e-12·f'''; rounding adds ≈ 1e-16·f̄/h = 1e-10·f̄, far below 1e-5·‖∇f̄‖ unless
    /// f̄ is ill-conditioned, which the guard (cond ≤ 1e12) and the random draws keep away.
    @Test("Check 1: gradient (51)/(53) vs central differences (40 deployments, rel 1e-5)")
    func gradient() {
        var stream = TradeoffTest.stream("test.gradient")
        for trial in 0..<40 {
            let n = trial % 2 == 0 ? 6 : 4
            var objective = MovementTradeoff.TraceObjective(channel: channel, antennaCount: n)
            let r = Self.randomDeployment(n, &stream)
            var g = [PlanarPoint](repeating: .zero, count: n)
            let f = objective.value(r, gradient: &g)
            #expect(f.isFinite && f >= Double(channel.userCount) / Double(n) - 1e-12)
            var numeric = [Double](), analytic = [Double]()
            let h = 1e-6
            for i in 0..<n {
                for axis in 0..<2 {
                    var plus = r, minus = r
                    if axis == 0 { plus[i].x += h; minus[i].x -= h } else { plus[i].y += h; minus[i].y -= h }
                    numeric.append((objective.value(plus) - objective.value(minus)) / (2 * h))
                    analytic.append(axis == 0 ? g[i].x : g[i].y)
                }
            }
            let error = zip(numeric, analytic).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            let scale = analytic.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
            #expect(error <= 1e-5 * scale, "trial \(trial): f̄ = \(f), ‖∇‖ = \(scale), error \(error)")
        }
    }

    /// Check 2: for N = K = 2 on a line, tr((HᴴH)⁻¹)·β = 1/sin²(πΔd) (23), via the general objective.
    /// Tolerance 1e-10 relative: both sides are a handful of well-conditioned operations away from the
    /// exact value when sin²(πΔd) ≥ 1e-2 (the draws avoid d near multiples of 1/|Δ|).
    @Test("Check 2: 2×2 closed form (23) through the general objective (rel 1e-10)")
    func twoByTwo() {
        var stream = TradeoffTest.stream("test.closed-form")
        let angles = (Double.pi / 3, 2 * Double.pi / 3)
        let line = FarFieldLoSChannel(u: [cos(angles.0), cos(angles.1)], w: [0, 0])
        let delta = cos(angles.1) - cos(angles.0)
        var objective = MovementTradeoff.TraceObjective(channel: line, antennaCount: 2)
        var checked = 0
        while checked < 200 {
            let x1 = stream.uniform(0, 2), x2 = stream.uniform(0, 2)
            let s = sin(Double.pi * delta * (x2 - x1))
            guard s * s >= 1e-2 else { continue }
            checked += 1
            let f = objective.value([PlanarPoint(x1, 0), PlanarPoint(x2, 0)])
            #expect(TradeoffTest.relativeDifference(f, 1 / (s * s)) < 1e-10)
            // The special-case model agrees with the same closed form.
            let special = MovementTradeoff.TwoAntennaCase(referenceSNR: 10, segmentLength: 2, initialSpacing: abs(x2 - x1),
                                                         angles: angles, speed: 0, interval: 1)
            #expect(TradeoffTest.relativeDifference(special.sinr(spacing: x2 - x1), 10 / f) < 1e-10)
        }
    }

    /// Check 3: explicit ZF beams null the other users, the powers (10) sum to P and every SINR (3) equals
    /// P/(σ² tr((HᴴH)⁻¹)) (11). Tolerances: 1e-10 absolute on |h_jᴴw_k| relative to ‖h_j‖ = √(Nβ) and 1e-10
    /// relative on powers and SINRs (rounding of O(N·K²) products of unit-modulus numbers).
    @Test("Check 3: ZF nulls, equal-SINR powers sum to P, SINR = P/(σ² tr) (1e-10)")
    func zeroForcing() {
        var stream = TradeoffTest.stream("test.zf")
        let settings = TradeoffTest.settings()
        let power = pow(10, settings.transmitPowerDBm / 10), noise = pow(10, settings.noisePowerDBm / 10)
        let beta = FarFieldLoSChannel.largeScaleGain(referenceGainDB: settings.referenceGainDB, distance: settings.distance,
                                                    exponent: settings.pathLossExponent)
        let physical = FarFieldLoSChannel(u: channel.u, w: channel.w, largeScaleGain: beta)
        for _ in 0..<20 {
            let r = Self.randomDeployment(6, &stream)
            guard let design = MovementTradeoff.ZeroForcingDesign(channel: physical, positions: r, power: power, noise: noise) else {
                Issue.record("ZF design failed")
                continue
            }
            let norm = (6 * beta).squareRoot()
            for j in 0..<4 { for k in 0..<4 where j != k { #expect(design.leakage(user: j, beam: k) < 1e-10 * norm) } }
            #expect(TradeoffTest.relativeDifference(design.powers.reduce(0, +), power) < 1e-10)
            let expected = power / (noise * design.traceOfInverse)
            for sinr in design.sinrs { #expect(TradeoffTest.relativeDifference(sinr, expected) < 1e-10) }
            // …and the normalised objective gives the same SINR through γ̄/f̄.
            var objective = MovementTradeoff.TraceObjective(channel: channel, antennaCount: 6)
            #expect(TradeoffTest.relativeDifference(settings.referenceSNR / objective.value(r), expected) < 1e-10)
        }
    }

    /// The 4×4 (and 1–6) Hermitian Cholesky inverse against LAPACKE zpotrf + zpotri, 1e-12 relative in the
    /// Frobenius norm for matrices with condition number ≤ ~1e3 (random Gram matrices plus a diagonal shift).
    @Test("Hand-written Hermitian inverse matches LAPACKE zpotrf/zpotri")
    func hermitianInverse() {
        var stream = TradeoffTest.stream("test.inverse")
        for k in 1...6 {
            for _ in 0..<20 {
                // G = AᴴA + I with A random 8×k.
                var re = [Double](repeating: 0, count: k * k), im = re
                let a = (0..<(8 * k)).map { _ in (stream.normal(), stream.normal()) }
                for i in 0..<k {
                    for j in 0..<k {
                        var sr = i == j ? 1.0 : 0, si = 0.0
                        for n in 0..<8 {
                            let (ar, ai) = a[n * k + i], (br, bi) = a[n * k + j]
                            sr += ar * br + ai * bi
                            si += ar * bi - ai * br
                        }
                        re[i * k + j] = sr; im[i * k + j] = si
                    }
                }
                var lapack = (0..<(k * k)).map { _lapack_complex_double(real: re[$0], imag: im[$0]) }
                let uplo = CChar(UInt8(ascii: "L"))
                #expect(LAPACKE_zpotrf(LAPACK_ROW_MAJOR, uplo, Int32(k), &lapack, Int32(k)) == 0)
                #expect(LAPACKE_zpotri(LAPACK_ROW_MAJOR, uplo, Int32(k), &lapack, Int32(k)) == 0)
                var inverse = MovementTradeoff.HermitianInverse(dimension: k)
                #expect(inverse.invert(re: &re, im: &im))
                var difference = 0.0, size = 0.0
                for i in 0..<k {
                    for j in 0...i {  // zpotri fills the lower triangle
                        let l = lapack[i * k + j]
                        difference += pow(l.real - re[i * k + j], 2) + pow(l.imag - im[i * k + j], 2)
                        size += l.real * l.real + l.imag * l.imag
                    }
                }
                #expect(difference.squareRoot() <= 1e-12 * size.squareRoot(), "k = \(k)")
            }
        }
        // Not positive definite → false.
        var re = [1.0, 2, 2, 1], im = [0.0, 0, 0, 0]
        var inverse = MovementTradeoff.HermitianInverse(dimension: 2)
        #expect(!inverse.invert(re: &re, im: &im))
    }

    @Test("Guard: coincident antennas make G singular ⇒ f̄ = +∞, R = 0")
    func guardRail() {
        var objective = MovementTradeoff.TraceObjective(channel: channel, antennaCount: 6)
        let r = Array(repeating: PlanarPoint(0.3, 0.1), count: 6)
        var g = [PlanarPoint](repeating: PlanarPoint(1, 1), count: 6)
        #expect(objective.value(r, gradient: &g) == .infinity)
        #expect(g.allSatisfy { $0 == .zero })
        #expect(MovementTradeoff.RateModel(referenceSNR: 100).rate(trace: .infinity) == 0)
    }
}
