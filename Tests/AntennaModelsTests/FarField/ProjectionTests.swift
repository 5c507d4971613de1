import AntennaModels
import Foundation
import Randomness
import Testing

/// specs/tradeoff.md §13 check 4: the exact projection onto S = disk ∩ square (§5.3) against brute force.
@Suite("tradeoff: projection onto disk ∩ square")
struct ProjectionTests {
    /// Points of S: a polar grid of the disk (or the square's grid when ρ = ∞) plus dense samples of both
    /// boundaries, each kept only if it lies in S.
    static func samples(of set: ReachableSet) -> [PlanarPoint] {
        let h = set.region.halfSide
        var points: [PlanarPoint] = []
        let boundaryCount = 600
        for i in 0..<boundaryCount {
            let t = Double(i) / Double(boundaryCount)
            let s = -h + 2 * h * t
            points += [PlanarPoint(s, -h), PlanarPoint(s, h), PlanarPoint(-h, s), PlanarPoint(h, s)]
            if set.radius.isFinite {
                let angle = 2 * Double.pi * t
                for fraction in [0.25, 0.5, 0.75, 1.0] {
                    points.append(set.centre + (fraction * set.radius) * PlanarPoint(cos(angle), sin(angle)))
                }
            }
        }
        return points.filter { set.contains($0, tolerance: 1e-12) }
    }

    /// 2000 random instances (tolerance 1e-9, specs §13): the result is in S and no sample of S is nearer.
    /// Centres anywhere in the square, radii from 0 to 3× the side (disk inside the square, square inside
    /// the disk and everything between), ρ = 0 and ρ = ∞ included, targets inside and far outside.
    @Test("Feasible and no brute-force sample nearer (2000 instances, incl. ρ = 0, ∞, disk ⊂ square, square ⊂ disk)")
    func bruteForce() {
        var stream = RandomStream(seed: 7, purpose: StreamPurpose("test.projection"), realization: 0)
        for instance in 0..<2000 {
            let side = stream.uniform(0.5, 6)
            let region = SquareRegion(side: side)
            let h = side / 2
            let centre = PlanarPoint(stream.uniform(-h, h), stream.uniform(-h, h))
            let radius: Double
            switch instance % 10 {
            case 0: radius = 0
            case 1: radius = .infinity
            case 2: radius = stream.uniform(0, h - max(abs(centre.x), abs(centre.y)))  // disk inside the square
            case 3: radius = 3 * side                                                  // square inside the disk
            default: radius = stream.uniform(0, 1.5 * side)
            }
            let set = ReachableSet(centre: centre, radius: radius, region: region)
            let p = PlanarPoint(stream.uniform(-2 * side, 2 * side), stream.uniform(-2 * side, 2 * side))
            let z = set.project(p)
            #expect(set.contains(z, tolerance: 1e-9), "instance \(instance): \(z) not in S")
            let distance = z.distance(to: p)
            let nearest = Self.samples(of: set).map { $0.distance(to: p) }.min() ?? .infinity
            #expect(distance <= nearest + 1e-9, "instance \(instance): projection at \(distance), a sample at \(nearest)")
        }
    }

    @Test("Idempotent on S; ρ = 0 returns the centre; ρ = ∞ is the clamp")
    func specialCases() {
        let region = SquareRegion(side: 4)
        let c = PlanarPoint(1.5, -0.5)
        #expect(ReachableSet(centre: c, radius: 0, region: region).project(PlanarPoint(9, 9)) == c)
        #expect(ReachableSet(centre: c, radius: .infinity, region: region).project(PlanarPoint(9, -1)) == PlanarPoint(2, -1))
        let set = ReachableSet(centre: c, radius: 1, region: region)
        let inside = PlanarPoint(1.8, -0.2)
        #expect(set.project(inside) == inside)
        // Only the square active: the clamp (2, −0.5) lies in the disk.
        #expect(set.project(PlanarPoint(5, -0.5)) == PlanarPoint(2, -0.5))
        // Both active: the radial point (2.207, 0.207) leaves the square, so the answer is the upper point of
        // circle ∩ {x = 2}: (2, −0.5 + √0.75).
        let z = set.project(PlanarPoint(5, 3))
        #expect(abs(z.x - 2) < 1e-12 && abs(z.y - (-0.5 + 0.75.squareRoot())) < 1e-12)
    }
}
