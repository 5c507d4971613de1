import AntennaModels

extension MovementTradeoff {
    /// Which constraints the auxiliary update (18) keeps on u (specs/tradeoff.md §5.4).
    public enum AuxiliaryUpdateMode: String, Sendable, Hashable, CaseIterable {
        /// DEVIATION-2 (default): u_n ∈ S_n \ ∪_{m≠n} B°(u_m, D) — spacing plus the antenna's own speed
        /// disk and the region, so u never leaves the set r can reach.
        case full
        /// The paper's (18) read literally: only ‖u_n − u_m‖ ≥ D.
        case distanceOnly = "distance-only"
    }

    /// The closed-form auxiliary update (RECONSTRUCTED Algorithm 2 of [45], specs §5.4): Gauss–Seidel sweeps
    /// over n, each an exact projection of r_n onto the feasible set of block n given the other u_m,
    /// found by enumerating the finitely many candidate points where a minimiser of distance can sit:
    /// the target itself, the projection onto each single boundary piece, and the vertices where two
    /// pieces meet. Every accepted block move keeps all constraints satisfied and never increases
    /// Σ‖r_n − u_n‖².
    public enum AuxiliaryUpdate {
        /// Candidate feasibility tolerance (specs §5.4).
        public static let tolerance = 1e-9
        /// Sweeps stop when no u_n moves more than this, or after `maximumSweeps`.
        public static let movementTolerance = 1e-12
        public static let maximumSweeps = 20

        /// Updates `u` (feasible on entry) towards the targets `r`.
        /// - Parameters:
        ///   - sets: S_n per antenna (used in `.full` mode only).
        ///   - spacing: D.
        public static func update(_ u: inout [PlanarPoint], target r: [PlanarPoint], sets: [ReachableSet],
                                  spacing: Double, mode: AuxiliaryUpdateMode) {
            for _ in 0..<maximumSweeps {
                var largestMove = 0.0
                for n in u.indices {
                    let z = nearestFeasible(to: r[n], block: n, u: u, set: mode == .full ? sets[n] : nil, spacing: spacing)
                    largestMove = max(largestMove, z.distance(to: u[n]))
                    u[n] = z
                }
                if largestMove <= movementTolerance { return }
            }
        }

        /// argmin ‖z − p‖ over {z ∈ S (if given) : ‖z − u_m‖ ≥ D ∀ m ≠ n}; the current u_n (feasible) when
        /// no candidate is feasible or none is nearer.
        public static func nearestFeasible(to p: PlanarPoint, block n: Int, u: [PlanarPoint], set: ReachableSet?,
                                           spacing: Double) -> PlanarPoint {
            func feasible(_ z: PlanarPoint) -> Bool {
                if let set, !set.contains(z, tolerance: tolerance) { return false }
                for m in u.indices where m != n && z.distance(to: u[m]) < spacing - tolerance { return false }
                return true
            }
            if feasible(p) { return p }
            var best = u[n], bestDistance = u[n].distance(to: p)
            func consider(_ z: PlanarPoint) {
                let d = z.distance(to: p)
                if d < bestDistance && feasible(z) { best = z; bestDistance = d }
            }
            func radial(_ centre: PlanarPoint, _ radius: Double) -> PlanarPoint {
                let offset = p - centre
                let length = offset.norm
                return length > 0 ? centre + (radius / length) * offset : centre + PlanarPoint(radius, 0)
            }
            // Exclusion circles ‖z − u_m‖ = D: radial projections and pairwise vertices.
            let others = u.indices.filter { $0 != n }
            for m in others { consider(radial(u[m], spacing)) }
            for (i, m) in others.enumerated() {
                for l in others[(i + 1)...] where u[m].distance(to: u[l]) <= 2 * spacing {
                    PlanarIntersections.circles(u[m], radius: spacing, u[l], radius: spacing).forEach(consider)
                }
            }
            guard let set else { return best }
            // The block's own set S = disk ∩ square: its projection, the single-piece projections and the
            // vertices of its boundary with itself (corners, circle ∩ edges) and with every exclusion circle.
            let h = set.region.halfSide
            consider(set.project(p))
            consider(PlanarPoint(h, p.y)); consider(PlanarPoint(-h, p.y))
            consider(PlanarPoint(p.x, h)); consider(PlanarPoint(p.x, -h))
            set.region.corners.forEach(consider)
            if set.radius.isFinite {
                consider(radial(set.centre, set.radius))
                set.boundaryVertices().forEach(consider)
            }
            for m in others {
                for s in [-h, h] {
                    PlanarIntersections.circle(u[m], radius: spacing, verticalLine: s).forEach(consider)
                    PlanarIntersections.circle(u[m], radius: spacing, horizontalLine: s).forEach(consider)
                }
                if set.radius.isFinite {
                    PlanarIntersections.circles(u[m], radius: spacing, set.centre, radius: set.radius).forEach(consider)
                }
            }
            return best
        }
    }
}
