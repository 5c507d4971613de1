import Testing
@testable import Randomness

@Suite("Philox4x32-10")
struct PhiloxTests {
    /// Known-answer vectors of the Random123 distribution (kat_vectors, philox4x32 with 10 rounds).
    @Test func knownAnswerVectors() {
        let zero = Philox4x32.block((0, 0, 0, 0), key: (0, 0))
        #expect(zero == (0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8))
        let ones = Philox4x32.block((0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff), key: (0xffff_ffff, 0xffff_ffff))
        #expect(ones == (0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd))
        let pi = Philox4x32.block((0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344), key: (0xa409_3822, 0x299f_31d0))
        #expect(pi == (0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1))
    }
}

@Suite("Random streams")
struct RandomStreamTests {
    func draws(_ stream: RandomStream, _ n: Int) -> [UInt32] {
        var s = stream
        return (0..<n).map { _ in s.nextUInt32() }
    }

    @Test func sameKeyGivesSameSequence() {
        let a = RandomStream(seed: 42, purpose: .channel, realization: 7)
        let b = RandomStream(seed: 42, purpose: .channel, realization: 7)
        #expect(draws(a, 1000) == draws(b, 1000))
    }

    /// Every coordinate of the key must select a different stream.
    @Test func everyKeyComponentMatters() {
        let base = draws(RandomStream(seed: 42, purpose: .channel, realization: 7), 64)
        let variants = [
            RandomStream(seed: 43, purpose: .channel, realization: 7),
            RandomStream(seed: 42, purpose: StreamPurpose("pso"), realization: 7),
            RandomStream(seed: 42, purpose: .channel, realization: 8),
            RandomStream(seed: 42, purpose: .channel, realization: 7, point: 0),
            RandomStream(seed: 42, purpose: .channel, realization: 7, series: 0),
            RandomStream(seed: 42, purpose: .channel, realization: 7, point: 0, series: 1),
        ]
        for v in variants { #expect(draws(v, 64) != base) }
    }

    @Test func purposeTagIsStableFNV1a() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (published test vector).
        #expect(StreamPurpose("a").tag == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func uniformMomentsAndRange() {
        var s = RandomStream(seed: 1, purpose: .channel, realization: 0)
        let n = 200_000
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<n {
            let u = s.uniform()
            #expect(u >= 0 && u < 1)
            sum += u
            sumSquares += u * u
        }
        // Mean 1/2 with standard error √(1/12/n) ≈ 6.5e-4; 5 standard errors is a 1-in-10⁶ false alarm.
        #expect(abs(sum / Double(n) - 0.5) < 5 * (1.0 / 12 / Double(n)).squareRoot())
        #expect(abs(sumSquares / Double(n) - 1.0 / 3) < 5e-3)
    }

    @Test func normalMoments() {
        var s = RandomStream(seed: 2, purpose: .channel, realization: 0)
        let n = 200_000
        var m1 = 0.0, m2 = 0.0, m4 = 0.0
        for _ in 0..<n {
            let x = s.normal()
            m1 += x; m2 += x * x; m4 += x * x * x * x
        }
        m1 /= Double(n); m2 /= Double(n); m4 /= Double(n)
        // Standard errors: mean 1/√n ≈ 2.2e-3, variance √(2/n) ≈ 3.2e-3, fourth moment √(96/n) ≈ 0.022.
        #expect(abs(m1) < 0.012)
        #expect(abs(m2 - 1) < 0.016)
        #expect(abs(m4 - 3) < 0.11)
    }

    @Test func complexNormalHasHalfVariancePerPart() {
        var s = RandomStream(seed: 3, purpose: .channel, realization: 0)
        let n = 100_000
        var power = 0.0, realPower = 0.0
        for _ in 0..<n {
            let z = s.complexNormal(variance: 4)
            power += z.re * z.re + z.im * z.im
            realPower += z.re * z.re
        }
        #expect(abs(power / Double(n) - 4) < 0.1)
        #expect(abs(realPower / Double(n) - 2) < 0.07)
    }

    @Test func integerBelowIsUnbiased() {
        var s = RandomStream(seed: 4, purpose: .channel, realization: 0)
        var counts = [Int](repeating: 0, count: 6)
        let n = 60_000
        for _ in 0..<n { counts[s.integer(below: 6)] += 1 }
        // Each count ~ Binomial(n, 1/6): sd ≈ 91; 5 sd.
        for c in counts { #expect(abs(c - n / 6) < 460) }
    }
}
