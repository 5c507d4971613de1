import AntennaModels
import Foundation
import Numerics
import Randomness
@testable import Scenarios
import Testing

/// The building blocks of the multi-user W-step: small Hermitian kernels, zero forcing and its power
/// allocation, WMMSE (specs/ee.md §5.2, §6.3, §6.5).
@Suite("ee multi-user kernels")
struct MultiUserKernelTests {
    static func randomMatrix(users: Int, antennas: Int, stream: inout RandomStream) -> ChannelMatrix {
        var c = ChannelMatrix(users: users, antennas: antennas)
        for i in c.entries.indices {
            let z = stream.complexNormal()
            c.entries[i] = Complex(z.re, z.im) * 100
        }
        return c
    }

    static func randomPrecoder(antennas: Int, users: Int, power: Double, stream: inout RandomStream) -> Precoder {
        var w = Precoder(antennas: antennas, users: users)
        for i in w.entries.indices {
            let z = stream.complexNormal()
            w.entries[i] = Complex(z.re, z.im)
        }
        return w.scaled(by: (power / w.power).squareRoot())
    }

    @Test("Jacobi eigen-decomposition and Cholesky of small Hermitian matrices (residuals ≤ 1e-12)")
    func hermitianKernels() {
        var stream = RandomStream(seed: 1, purpose: StreamPurpose("test.hermitian"), realization: 0)
        for n in [1, 2, 3, 4, 7, 12] {
            let c = Self.randomMatrix(users: n, antennas: n + 2, stream: &stream)
            let a = c.gram
            let scale = a.map(\.length).max()!
            // A = V Λ Vᴴ, VᴴV = I.
            var work = a, vectors = [Complex<Double>](repeating: .zero, count: n * n), values = [Double](repeating: 0, count: n)
            _ = work.withUnsafeMutableBufferPointer { w in
                vectors.withUnsafeMutableBufferPointer { v in
                    values.withUnsafeMutableBufferPointer { SmallHermitian.eigen(w, order: n, vectors: v, values: $0) }
                }
            }
            var residual = 0.0, orthogonality = 0.0
            for i in 0..<n {
                for j in 0..<n {
                    var s = Complex<Double>.zero, g = Complex<Double>.zero
                    for m in 0..<n {
                        s += vectors[i * n + m] * vectors[j * n + m].conjugate * values[m]
                        g += vectors[m * n + i].conjugate * vectors[m * n + j]
                    }
                    residual = max(residual, (s - a[i * n + j]).length / scale)
                    orthogonality = max(orthogonality, (g - (i == j ? .one : .zero)).length)
                }
            }
            #expect(residual <= 1e-12, "n = \(n)")
            #expect(orthogonality <= 1e-12, "n = \(n)")
            #expect(values.allSatisfy { $0 > 0 })
            // Cholesky: diag(A⁻¹) and A·x = b.
            var factor = a
            let regular = factor.withUnsafeMutableBufferPointer { SmallHermitian.cholesky($0, order: n) }
            #expect(regular)
            var diagonal = [Double](repeating: 0, count: n), scratch = [Complex<Double>](repeating: .zero, count: n)
            factor.withUnsafeMutableBufferPointer { f in
                diagonal.withUnsafeMutableBufferPointer { d in
                    scratch.withUnsafeMutableBufferPointer { SmallHermitian.inverseDiagonal(choleskyFactor: f, order: n, into: d, scratch: $0) }
                }
            }
            for k in 0..<n {
                var x = [Complex<Double>](repeating: .zero, count: n)
                x[k] = .one
                factor.withUnsafeMutableBufferPointer { f in x.withUnsafeMutableBufferPointer { SmallHermitian.choleskySolve(factor: f, order: n, $0) } }
                // A·x = e_k and x_k = [A⁻¹]_kk.
                for i in 0..<n {
                    var s = Complex<Double>.zero
                    for m in 0..<n { s += a[i * n + m] * x[m] }
                    #expect((s - (i == k ? .one : .zero)).length <= 1e-10)
                }
                #expect(MUTest.relativeDifference(x[k].real, diagonal[k]) <= 1e-10)
            }
        }
        // A singular Gram matrix (N < K) is rejected.
        var singular = Self.randomMatrix(users: 3, antennas: 2, stream: &stream).gram
        #expect(!singular.withUnsafeMutableBufferPointer { SmallHermitian.cholesky($0, order: 3) })
    }

    @Test("ZF nulls the interference: |c̃_j w_k| ≤ 1e-9·‖c̃_j‖‖w_k‖ (j ≠ k) and SINR_k = a_k p_k")
    func zeroForcing() throws {
        var stream = RandomStream(seed: 2, purpose: StreamPurpose("test.zf"), realization: 0)
        for (k, n) in [(1, 1), (2, 2), (4, 6), (4, 4), (3, 12)] {
            let c = Self.randomMatrix(users: k, antennas: n, stream: &stream)
            let gains = try #require(ZeroForcing.gains(gram: c.gram, users: k))
            let powers = (0..<k).map { Double($0 + 1) / 10 }
            let w = try #require(ZeroForcing.precoder(c, powers: powers))
            let link = LinkBudget(c, w)
            for i in 0..<k {
                #expect(MUTest.relativeDifference(w.columnPower(i), powers[i]) <= 1e-12)
                #expect(MUTest.relativeDifference(link.sinr(i), gains[i] * powers[i]) <= 1e-9)
                for j in 0..<k where j != i {
                    let leak = link.gains[j * k + i].length
                    #expect(leak <= 1e-9 * (c.rowNormSquared(j) * powers[i]).squareRoot())
                }
            }
        }
        // K = 1: ZF is MRT and a = ‖c̃‖².
        let c = Self.randomMatrix(users: 1, antennas: 5, stream: &stream)
        let a = try #require(ZeroForcing.gains(gram: c.gram, users: 1))
        #expect(MUTest.relativeDifference(a[0], c.rowNormSquared(0)) <= 1e-14)
        let zf = try #require(ZeroForcing.precoder(c, powers: [0.3]))
        let mrt = Precoder.maximumRatio(c, power: 0.3)
        #expect(zip(zf.entries, mrt.entries).allSatisfy { ($0 - $1).length <= 1e-12 * 0.3.squareRoot() })
        // Linearly dependent channels: no ZF.
        var dependent = Self.randomMatrix(users: 2, antennas: 3, stream: &stream)
        for m in 0..<3 { dependent[1, m] = dependent[0, m] * 2 }
        #expect(ZeroForcing.gains(gram: dependent.gram, users: 2) == nil)
    }

    @Test("ZF power allocation: exact water level; K = 1 equals the single-user Dinkelbach; ≥ a brute-force grid for K = 2")
    func powerAllocation() {
        var stream = RandomStream(seed: 3, purpose: StreamPurpose("test.alloc"), realization: 0)
        let allocation = ZeroForcingPowerAllocation(maxPower: 1, amplifierEfficiency: 1, tolerance: 1e-9, maxIterations: 50)
        let single = SingleUserPowerControl(maxPower: 1)
        for _ in 0..<200 {
            // K = 1 against the single-user inner layer (identical arithmetic): same power and EE.
            let gain = Foundation.pow(10, stream.uniform(-1, 4)), staticPower = stream.uniform(0.5, 5)
            let mu = allocation.allocate(gains: [gain], staticPower: staticPower)
            let su = single.solve(gain: gain, staticPower: staticPower)
            #expect(MUTest.relativeDifference(mu.powers[0], su.power) <= 1e-12)
            #expect(MUTest.relativeDifference(mu.outcome.value, su.energyEfficiency) <= 1e-12)
            // Water-filling spends exactly P_max.
            let gains = (0..<4).map { _ in Foundation.pow(10, stream.uniform(-1, 2)) }
            let full = allocation.allocate(gains: gains, staticPower: nil)
            #expect(abs(full.powers.reduce(0, +) - 1) <= 1e-12)
            let level = zip(full.powers, gains).filter { $0.0 > 0 }.map { $0.0 + 1 / $0.1 }
            #expect(level.allSatisfy { abs($0 - level[0]) <= 1e-12 * level[0] })
            #expect(zip(full.powers, gains).allSatisfy { $0.0 > 0 || 1 / $0.1 >= level[0] * (1 - 1e-12) })
        }
        // K = 2, ratio objective: the Dinkelbach optimum beats every point of a 201×201 grid of the budget.
        for _ in 0..<20 {
            let gains = (0..<2).map { _ in Foundation.pow(10, stream.uniform(-0.5, 2)) }
            let staticPower = stream.uniform(0.5, 3)
            let best = allocation.allocate(gains: gains, staticPower: staticPower)
            #expect(best.powers.reduce(0, +) <= 1 + 1e-12)
            var grid = 0.0
            for i in 0...200 {
                for j in 0...(200 - i) {
                    let p = [Double(i) / 200, Double(j) / 200]
                    let rate = zip(gains, p).reduce(0) { $0 + EnergyModel.rate(snr: $1.0 * $1.1) }
                    grid = max(grid, rate / (p[0] + p[1] + staticPower))
                }
            }
            #expect(best.outcome.value >= grid * (1 - 1e-12))
        }
        // τ ≥ T: nothing to transmit.
        let none = allocation.allocate(gains: [1, 2], staticPower: .infinity)
        #expect(none.outcome.value == 0 && none.powers == [0, 0])
    }

    @Test("WMMSE: monotone; K = 1 gives MRT at full power; orthogonal users get water-filled MRT")
    func weightedMMSE() throws {
        var stream = RandomStream(seed: 4, purpose: StreamPurpose("test.wmmse"), realization: 0)
        let wmmse = WeightedMMSE(tolerance: 1e-12, maxIterations: 2000)
        for _ in 0..<20 {
            let c = Self.randomMatrix(users: 4, antennas: 6, stream: &stream)
            let problem = PrecoderProblem(channel: c, maxPower: 1, amplifierEfficiency: 1, staticPower: nil)
            let start = Self.randomPrecoder(antennas: 6, users: 4, power: 1, stream: &stream)
            for mu in [0.0, 0.5, 3.0] {
                let run = wmmse.run(problem, from: start, penalty: mu)
                // Non-decreasing objective (every iterate is an exact block minimisation), power within budget.
                #expect(zip(run.trace, run.trace.dropFirst()).allSatisfy { $1 >= $0 })
                #expect(run.precoder.power <= 1 + 1e-12)
                if mu == 0 { #expect(abs(run.precoder.power - 1) <= 1e-9) }  // sum rate: full power
            }
        }
        // K = 1: the sum-rate optimum is MRT at full power, rate log2(1 + P‖c̃‖²): one update gives the MRT
        // direction and the scaling step the full budget (plain WMMSE crawls there, see WeightedMMSE).
        for _ in 0..<10 {
            let c = Self.randomMatrix(users: 1, antennas: 4, stream: &stream)
            let problem = PrecoderProblem(channel: c, maxPower: 0.5, amplifierEfficiency: 1, staticPower: nil)
            let start = Self.randomPrecoder(antennas: 4, users: 1, power: 0.1, stream: &stream)
            let run = wmmse.run(problem, from: start, penalty: 0)
            let rate = LinkBudget(c, run.precoder).sumRate
            #expect(MUTest.relativeDifference(rate, EnergyModel.rate(snr: 0.5 * c.rowNormSquared(0))) <= 1e-12)
            #expect(run.iterations <= 3)
            // Plain WMMSE is monotone too, but slow: after 50 iterations it is still well below.
            let plain = WeightedMMSE(tolerance: 0, maxIterations: 50, scalingStep: false).run(problem, from: start, penalty: 0)
            #expect(zip(plain.trace, plain.trace.dropFirst()).allSatisfy { $1 >= $0 })
            #expect(LinkBudget(c, plain.precoder).sumRate < rate)
        }
        // Orthogonal channels (c̃_2 ⟂ c̃_1): interference-free, so the optimum is MRT per user with
        // water-filling over the gains ‖c̃_k‖² (known case).
        for _ in 0..<10 {
            var c = Self.randomMatrix(users: 2, antennas: 3, stream: &stream)
            var projection = Complex<Double>.zero
            for m in 0..<3 { projection += c[1, m] * c[0, m].conjugate }
            let norm0 = c.rowNormSquared(0)
            for m in 0..<3 { c[1, m] = c[1, m] - c[0, m] * (projection / norm0) }
            // Make the second user much weaker so that water-filling is non-trivial.
            for m in 0..<3 { c[1, m] = c[1, m] * 0.05 }
            let problem = PrecoderProblem(channel: c, maxPower: 1e-4, amplifierEfficiency: 1, staticPower: nil)
            let gains = [c.rowNormSquared(0), c.rowNormSquared(1)]
            let allocation = ZeroForcingPowerAllocation(maxPower: 1e-4, amplifierEfficiency: 1, tolerance: 1e-9, maxIterations: 50)
            let known = allocation.allocate(gains: gains, staticPower: nil).outcome.rate
            let run = wmmse.run(problem, from: .maximumRatio(c, power: 1e-4), penalty: 0)
            #expect(MUTest.relativeDifference(LinkBudget(c, run.precoder).sumRate, known) <= 1e-6)
        }
    }

    @Test("WMMSE multiplier: spends exactly P_max when the penalty alone does not keep W in budget")
    func multiplier() {
        var stream = RandomStream(seed: 5, purpose: StreamPurpose("test.nu"), realization: 0)
        for _ in 0..<200 {
            let n = 1 + stream.integer(below: 5)
            let l = (0..<n).map { _ in Foundation.pow(10, stream.uniform(-3, 3)) * (stream.uniform() < 0.2 ? 0 : 1) }
            let q = (0..<n).map { _ in stream.uniform(0.5, 10) }
            let mu = stream.uniform() < 0.3 ? 0 : Foundation.pow(10, stream.uniform(-4, 1))
            let budget = Foundation.pow(10, stream.uniform(-3, 2))
            func power(_ a: Double) -> Double { zip(l, q).reduce(0) { $1.0 > 0 ? $0 + $1.0 * $1.1 / (($1.0 + a) * ($1.0 + a)) : $0 } }
            let alpha = l.withUnsafeBufferPointer { lp in
                q.withUnsafeBufferPointer { WeightedMMSE.multiplier(eigenvalues: lp, weights: $0, penalty: mu, maxPower: budget) }
            }
            #expect(alpha >= mu)
            if alpha == mu {
                #expect(power(mu) <= budget)
            } else {
                #expect(abs(power(alpha) / budget - 1) <= 1e-12)
            }
        }
    }

    @Test("W-step Dinkelbach: λ non-decreasing; K = 1 reaches the Lambert-W optimum (1e-6)")
    func precoderDinkelbach() throws {
        var stream = RandomStream(seed: 6, purpose: StreamPurpose("test.wstep"), realization: 0)
        let step = EnergyEfficientPrecoderStep(solver: PenalizedWeightedMMSE(tolerance: 1e-7, maxIterations: 500),
                                               tolerance: 1e-6, maxIterations: 20)
        // The scaling step's own check: at the returned t the derivative vanishes (or t = t_max with g' ≥ 0).
        for _ in 0..<100 {
            let s = (0..<3).map { _ in Foundation.pow(10, stream.uniform(-2, 4)) }, r = (0..<3).map { _ in 1 + Foundation.pow(10, stream.uniform(-3, 3)) }
            let mu = stream.uniform(0, 50), power = stream.uniform(0.01, 1), cap = stream.uniform(1, 100)
            let t = s.withUnsafeBufferPointer { sp in
                r.withUnsafeBufferPointer { WeightedMMSE.optimalScaling(signal: sp, interference: $0, power: power, penalty: mu, maxScaling: cap) }
            }
            func g(_ t: Double) -> Double { (0..<3).reduce(-mu * t * power) { $0 + Foundation.log1p(t * s[$1] / (t * (r[$1] - 1) + 1)) } }
            #expect(t > 0 && t <= cap)
            if s.reduce(0, +) <= mu * power { #expect(t == 1); continue }  // g'(0) ≤ 0: left alone
            for probe in [0.5 * t, 0.9 * t, min(cap, 1.1 * t), min(cap, 2 * t)] { #expect(g(probe) <= g(t) + 1e-12 * abs(g(t))) }
        }
        for _ in 0..<20 {
            let c = Self.randomMatrix(users: 4, antennas: 6, stream: &stream)
            let problem = PrecoderProblem(channel: c, maxPower: 1, amplifierEfficiency: 1, staticPower: stream.uniform(1, 2))
            let run = try step.run(problem, from: .maximumRatio(c, power: 1))
            #expect(zip(run.ratios, run.ratios.dropFirst()).allSatisfy { $1 >= $0 * (1 - 1e-12) }, "\(run.ratios)")
            #expect(run.value >= problem.value(.maximumRatio(c, power: 1)))
            #expect(run.precoder.power <= 1 + 1e-12)
        }
        let single = SingleUserPowerControl(maxPower: 1)
        for _ in 0..<20 {
            let c = Self.randomMatrix(users: 1, antennas: 4, stream: &stream).scaledForTest(by: stream.uniform(0.01, 1))
            let staticPower = stream.uniform(0.5, 3)
            let problem = PrecoderProblem(channel: c, maxPower: 1, amplifierEfficiency: 1, staticPower: staticPower)
            let run = try step.run(problem, from: .maximumRatio(c, power: 1))
            let su = single.solve(gain: c.rowNormSquared(0), staticPower: staticPower)
            #expect(MUTest.relativeDifference(run.value, su.energyEfficiency) <= 1e-6)
        }
    }
}

extension ChannelMatrix {
    func scaledForTest(by a: Double) -> ChannelMatrix {
        var c = self
        for i in c.entries.indices { c.entries[i] = c.entries[i] * a }
        return c
    }
}
