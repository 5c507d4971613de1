import AntennaModels
import Foundation
import Randomness
import Scenarios
import Testing

/// specs/tradeoff.md §13 check 5: the closed-form auxiliary update (§5.4).
@Suite("tradeoff: auxiliary update (18)")
struct AuxiliaryUpdateTests {
    typealias Update = MovementTradeoff.AuxiliaryUpdate
    let region = SquareRegion(side: 4)
    let spacing = 0.5

    /// A feasible u (spacing D, inside the region) by rejection, around random centres.
    func feasibleDeployment(_ n: Int, _ stream: inout RandomStream) -> [PlanarPoint] {
        var u: [PlanarPoint] = []
        while u.count < n {
            let z = PlanarPoint(stream.uniform(-2, 2), stream.uniform(-2, 2))
            if u.allSatisfy({ $0.distance(to: z) >= spacing }) { u.append(z) }
        }
        return u
    }

    /// Each block: the returned point is feasible and no random feasible sample (1e4 per instance, drawn in
    /// the bounding box of the block's set and kept when feasible) is nearer to the target than it by more
    /// than 1e-9 (specs tolerance: enumeration is exact, so only rounding separates them). 60 instances per
    /// mode, targets inside and outside the region, reach radii from 0.05 to 2 λ and ∞.
    @Test("Check 5: every block is an exact projection (1e4 feasible samples, 60 instances per mode)",
          arguments: MovementTradeoff.AuxiliaryUpdateMode.allCases)
    func blockOptimality(mode: MovementTradeoff.AuxiliaryUpdateMode) {
        var stream = TradeoffTest.stream("test.u-update.\(mode.rawValue)")
        for instance in 0..<60 {
            let u = feasibleDeployment(6, &stream)
            let n = instance % 6
            let radius = instance % 5 == 0 ? Double.infinity : stream.uniform(0.05, 2)
            let set = ReachableSet(centre: u[n], radius: radius, region: region)  // u_n ∈ S_n, as in Algorithm 1
            let p = PlanarPoint(stream.uniform(-3, 3), stream.uniform(-3, 3))
            let z = Update.nearestFeasible(to: p, block: n, u: u, set: mode == .full ? set : nil, spacing: spacing)
            func feasible(_ q: PlanarPoint, _ tolerance: Double) -> Bool {
                (mode == .distanceOnly || set.contains(q, tolerance: tolerance))
                    && u.indices.allSatisfy { $0 == n || q.distance(to: u[$0]) >= spacing - tolerance }
            }
            #expect(feasible(z, 1e-9), "instance \(instance): \(z) infeasible")
            let best = z.distance(to: p)
            // Sampling box: the set's bounding box (full) or a box around the target (distance-only).
            let box: (PlanarPoint, PlanarPoint)
            if mode == .full {
                let h = region.halfSide, rr = min(radius, 4)
                box = (PlanarPoint(max(-h, u[n].x - rr), max(-h, u[n].y - rr)), PlanarPoint(min(h, u[n].x + rr), min(h, u[n].y + rr)))
            } else {
                box = (p - PlanarPoint(best, best), p + PlanarPoint(best, best))
            }
            var accepted = 0, attempts = 0
            while accepted < 10_000 && attempts < 400_000 {
                attempts += 1
                let q = PlanarPoint(stream.uniform(box.0.x, box.1.x), stream.uniform(box.0.y, box.1.y))
                guard feasible(q, 0) else { continue }
                accepted += 1
                if q.distance(to: p) < best - 1e-9 {
                    Issue.record("instance \(instance): sample \(q) at \(q.distance(to: p)) beats \(z) at \(best)")
                    break
                }
            }
        }
    }

    /// The Gauss–Seidel sweeps keep every pairwise distance ≥ D − 1e-9 (and u_n ∈ S_n in full mode) and never
    /// increase Σ‖r_n − u_n‖².
    @Test("Sweeps stay feasible and never increase Σ‖r − u‖²", arguments: MovementTradeoff.AuxiliaryUpdateMode.allCases)
    func sweeps(mode: MovementTradeoff.AuxiliaryUpdateMode) {
        var stream = TradeoffTest.stream("test.u-sweeps.\(mode.rawValue)")
        for _ in 0..<200 {
            let initial = feasibleDeployment(6, &stream)
            let radius = stream.uniform(0.05, 1.5)
            let sets = initial.map { ReachableSet(centre: $0, radius: radius, region: region) }
            // Targets: a crowded cluster (forces spacing to bind).
            let r = initial.map { _ in PlanarPoint(stream.uniform(-0.4, 0.4), stream.uniform(-0.4, 0.4)) }
            var u = initial
            let before = zip(r, u).reduce(0.0) { $0 + $1.0.distance(to: $1.1) * $1.0.distance(to: $1.1) }
            Update.update(&u, target: r, sets: sets, spacing: spacing, mode: mode)
            let after = zip(r, u).reduce(0.0) { $0 + $1.0.distance(to: $1.1) * $1.0.distance(to: $1.1) }
            #expect(after <= before + 1e-12)
            for i in u.indices {
                if mode == .full { #expect(sets[i].contains(u[i], tolerance: 1e-9)) }
                for j in 0..<i { #expect(u[i].distance(to: u[j]) >= spacing - 1e-9) }
            }
        }
    }
}
