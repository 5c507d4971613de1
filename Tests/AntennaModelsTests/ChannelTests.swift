import AntennaModels
import Foundation
import Numerics
import Randomness
import Testing

/// specs/ee.md §3.1 and §8: field-response channel, path-gain law, draw order (common random numbers).
@Suite("Field-response channel (ee §3.1)")
struct ChannelTests {
    let grid = CandidateGrid(length: 0.6, stepSize: StepperMotor.am2224.stepSize)

    func draw(users: Int, paths: Int, realization: Int = 3) -> FieldResponseChannel {
        var stream = UnitStreams(seed: 20_251_122, realization: realization, point: 0).common(.channel)
        return FieldResponseChannel.draw(users: users, paths: paths, distanceRange: 20...100, referenceGain: 1e-3,
                                         exponent: 2.8, wavelength: 0.1, from: &stream)
    }

    @Test("Deterministic and independent of the sweep point")
    func deterministic() {
        let a = draw(users: 2, paths: 10)
        var stream = UnitStreams(seed: 20_251_122, realization: 3, point: 7).common(.channel)
        let b = FieldResponseChannel.draw(users: 2, paths: 10, distanceRange: 20...100, referenceGain: 1e-3,
                                          exponent: 2.8, wavelength: 0.1, from: &stream)
        for k in 0..<2 {
            #expect(a.users[k].distance == b.users[k].distance)
            #expect(a.users[k].angles == b.users[k].angles)
            #expect(a.users[k].coefficients == b.users[k].coefficients)
        }
        #expect(draw(users: 1, paths: 10, realization: 4).users[0].distance != a.users[0].distance)
    }

    @Test("Changing L keeps the shared paths; changing K keeps the other users")
    func prefixes() {
        let ten = draw(users: 3, paths: 10)
        let four = draw(users: 3, paths: 4)
        let sixteen = draw(users: 2, paths: 16)
        for k in 0..<2 {
            #expect(four.users[k].distance == ten.users[k].distance)
            #expect(Array(ten.users[k].angles.prefix(4)) == four.users[k].angles)
            #expect(Array(sixteen.users[k].angles.prefix(10)) == ten.users[k].angles)
            // b = √(C0 d^−α / L)·z with the same z: the ratio is exactly √(10/4) up to rounding.
            for l in 0..<4 {
                let ratio = (four.users[k].coefficients[l] / ten.users[k].coefficients[l])
                #expect(abs(ratio.real - (10.0 / 4).squareRoot()) < 1e-12 && abs(ratio.imaginary) < 1e-12)
            }
        }
        let one = draw(users: 1, paths: 10)
        #expect(one.users[0].coefficients == ten.users[0].coefficients)
        #expect(ten.users[2].distance >= 20 && ten.users[2].distance < 100)
        #expect(ten.users[2].angles.allSatisfy { $0 >= 0 && $0 < Double.pi })
    }

    @Test("Grid table equals the channel at the grid positions")
    func table() {
        let channel = draw(users: 2, paths: 10)
        let table = channel.responseTable(on: grid)
        #expect(table.candidateCount == 573 && table.userCount == 2)
        for g in [0, 1, 286, 572] {
            #expect(table[user: 1, candidate: g] == channel.response(user: 1, at: grid.position(g)))
        }
        // Direct evaluation: h(x) = Σ b_l e^{jκ x cos θ_l} (independent formula, 1e-12 relative).
        let u = channel.users[0]
        let x = grid.position(123)
        var h = Complex<Double>.zero
        for l in 0..<u.coefficients.count {
            h += u.coefficients[l] * Complex.exp(Complex(0, 2 * Double.pi / 0.1 * x * cos(u.angles[l])))
        }
        #expect((h - table[user: 0, candidate: 123]).length <= 1e-12 * h.length)
    }

    @Test("Path-gain law: E|h(x)|² = C0·d^−α")
    func pathGain() {
        // Mean of |h|²/(C0 d^−α) over 20 000 realizations at 3 positions. h is a sum of L = 10
        // independent CN terms whose variances add to C0 d^−α, so the ratio is exactly Exp(1)-distributed
        // (mean 1, sd 1): the standard error of the mean is 1/√20000 ≈ 0.0071; 0.03 is over 4σ.
        var sum = 0.0
        let count = 20_000
        for r in 0..<count {
            var stream = UnitStreams(seed: 99, realization: r, point: 0).common(.channel)
            let c = FieldResponseChannel.draw(users: 1, paths: 10, distanceRange: 20...100, referenceGain: 1e-3,
                                              exponent: 2.8, wavelength: 0.1, from: &stream)
            let scale = 1e-3 * pow(c.users[0].distance, -2.8)
            sum += c.response(user: 0, at: 0.3 * Double(r % 3)).lengthSquared / scale
        }
        #expect(abs(sum / Double(count) - 1) < 0.03)
    }

    @Test("One path: |h(x)| does not depend on x")
    func singlePath() {
        let channel = draw(users: 1, paths: 1)
        let gains = channel.responseTable(on: grid).powerGains(user: 0)
        let reference = gains[0]
        // |b·e^{jφ}|² = |b|² up to the rounding of cos/sin and the products: a few ulps.
        #expect(gains.allSatisfy { abs($0 - reference) <= 1e-14 * reference })
    }
}
