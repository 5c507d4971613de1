import AntennaModels
import Foundation
import Randomness
import Testing

/// specs/tradeoff.md §2.2 and §11: direction cosines, unit-modulus steering, geometry helpers.
@Suite("tradeoff: far-field LoS channel and planar geometry")
struct FarFieldChannelTests {
    @Test("Direction cosines of the default users (specs §11)")
    func directionCosines() {
        let deg = Double.pi / 180
        let channel = FarFieldLoSChannel(elevations: [55, 55, 95, 75].map { $0 * deg }, azimuths: [90, 55, 80, 65].map { $0 * deg })
        // specs §11 prints them truncated to 5 decimals (tolerance 1e-5), except u_4 = 0.40818, which is a
        // misprint: sin 75°·cos 65° = 0.408218 (checked here to 1e-6).
        for (a, b) in zip(channel.u, [0, 0.46985, 0.17298, 0.408218]) { #expect(abs(a - b) < 1e-5) }
        #expect(abs(channel.u[3] - sin(75 * deg) * cos(65 * deg)) < 1e-15 && abs(channel.u[3] - 0.408218) < 1e-6)
        for (a, b) in zip(channel.w, [0.57358, 0.57358, -0.08716, 0.25882]) { #expect(abs(a - b) < 1e-5) }
        // β = C0·d^{−α}: −30 dB − 28·log10(100) = −86 dB.
        let beta = FarFieldLoSChannel.largeScaleGain(referenceGainDB: -30, distance: 100, exponent: 2.8)
        #expect(abs(10 * log10(beta) + 86) < 1e-12)
    }

    @Test("Steering entries e^{j2π(x u + y w)} have unit modulus and the right phase")
    func steering() {
        let channel = FarFieldLoSChannel(u: [0.3, -0.7], w: [0.1, 0.5])
        let positions = [PlanarPoint(0.25, -1), PlanarPoint(1.7, 0.4), PlanarPoint(-2, 2)]
        var re = [Double](repeating: 0, count: 6), im = re
        channel.steering(at: positions, real: &re, imaginary: &im)
        for (n, r) in positions.enumerated() {
            for k in 0..<2 {
                let phase = 2 * Double.pi * (r.x * channel.u[k] + r.y * channel.w[k])
                #expect(abs(re[n * 2 + k] - cos(phase)) < 1e-15 && abs(im[n * 2 + k] - sin(phase)) < 1e-15)
                #expect(abs(hypot(re[n * 2 + k], im[n * 2 + k]) - 1) < 1e-15)
            }
        }
    }

    @Test("Circle–line and circle–circle intersections lie on both curves")
    func intersections() {
        var stream = RandomStream(seed: 11, purpose: StreamPurpose("test.intersections"), realization: 0)
        for _ in 0..<500 {
            let c1 = PlanarPoint(stream.uniform(-2, 2), stream.uniform(-2, 2)), r1 = stream.uniform(0.1, 2)
            let c2 = PlanarPoint(stream.uniform(-2, 2), stream.uniform(-2, 2)), r2 = stream.uniform(0.1, 2)
            let a = stream.uniform(-2, 2)
            for z in PlanarIntersections.circle(c1, radius: r1, verticalLine: a) {
                #expect(abs(z.x - a) < 1e-12 && abs(z.distance(to: c1) - r1) < 1e-12)
            }
            for z in PlanarIntersections.circle(c1, radius: r1, horizontalLine: a) {
                #expect(abs(z.y - a) < 1e-12 && abs(z.distance(to: c1) - r1) < 1e-12)
            }
            let both = PlanarIntersections.circles(c1, radius: r1, c2, radius: r2)
            let d = c1.distance(to: c2)
            #expect(both.isEmpty == (d > r1 + r2 || d < abs(r1 - r2)))
            for z in both { #expect(abs(z.distance(to: c1) - r1) < 1e-10 && abs(z.distance(to: c2) - r2) < 1e-10) }
        }
    }

    @Test("Region membership, clamp and the side a set of points needs")
    func region() {
        let region = SquareRegion(side: 4)
        #expect(region.contains(PlanarPoint(2, -2)) && !region.contains(PlanarPoint(2.1, 0)))
        #expect(region.clamp(PlanarPoint(3, -0.5)) == PlanarPoint(2, -0.5))
        #expect(SquareRegion.requiredHalfSide([PlanarPoint(-0.5, 0.25), PlanarPoint(0.5, -1.2)]) == 1.2)
    }
}
