/// The set an antenna may end in after a movement phase: S = D ∩ C, the closed disk D of radius ρ around
/// its initial position c (ρ = v·τ; 0 allowed; +∞ for "no speed limit") intersected with the square
/// region C (specs/tradeoff.md §2.1, (13b)/(13d)). `c` must lie in C, so S is never empty.
public struct ReachableSet: Sendable, Hashable {
    public let centre: PlanarPoint
    public let radius: Double
    public let region: SquareRegion

    /// Membership tolerance of the projection's case analysis (specs §5.3).
    public static let membershipTolerance = 1e-12

    public init(centre: PlanarPoint, radius: Double, region: SquareRegion) {
        precondition(radius >= 0, "reach radius must be ≥ 0")
        precondition(region.contains(centre, tolerance: 1e-9), "the disk centre must lie in the region")
        self.centre = centre
        self.radius = radius
        self.region = region
    }

    public var isUnbounded: Bool { radius == .infinity }

    @inlinable
    public func contains(_ p: PlanarPoint, tolerance: Double = 0) -> Bool {
        region.contains(p, tolerance: tolerance) && (radius == .infinity || p.distance(to: centre) <= radius + tolerance)
    }

    /// The exact Euclidean projection Π_S(p) (specs/tradeoff.md §5.3). If only one of the two sets were
    /// active at the optimum, the optimum would be the projection onto that set alone (steps 3 and 5);
    /// otherwise it lies on circle ∩ ∂C, a finite set of at most eight points (step 6).
    public func project(_ p: PlanarPoint) -> PlanarPoint {
        let tol = Self.membershipTolerance
        if radius == 0 { return centre }
        if contains(p, tolerance: tol) { return p }
        let b = region.clamp(p)
        if radius == .infinity || b.distance(to: centre) <= radius + tol { return b }
        let offset = p - centre
        let e = centre + (radius / offset.norm) * offset
        if region.contains(e, tolerance: tol) { return e }
        var best = b, bestDistance = Double.infinity
        for z in boundaryVertices() where region.contains(z, tolerance: tol) {
            let d = z.distance(to: p)
            if d < bestDistance { best = z; bestDistance = d }
        }
        // The circle meets ∂C whenever steps 3 and 5 failed (c ∈ C), so `best` is always set here;
        // the clamp is a safe fallback in floating point.
        return best
    }

    /// circle(c, ρ) ∩ the four edge lines x = ±h, y = ±h (before the |·| ≤ h filter).
    public func boundaryVertices() -> [PlanarPoint] {
        guard radius.isFinite else { return [] }
        let h = region.halfSide
        var points: [PlanarPoint] = []
        for s in [-h, h] {
            points += PlanarIntersections.circle(centre, radius: radius, verticalLine: s)
            points += PlanarIntersections.circle(centre, radius: radius, horizontalLine: s)
        }
        return points
    }
}
