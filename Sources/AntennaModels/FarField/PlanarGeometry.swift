import Foundation

/// A point of the antenna plane (or a 2-D displacement), in wavelengths λ.
public struct PlanarPoint: Sendable, Hashable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    @inlinable
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    public static let zero = PlanarPoint(0, 0)

    @inlinable public static func + (a: PlanarPoint, b: PlanarPoint) -> PlanarPoint { PlanarPoint(a.x + b.x, a.y + b.y) }
    @inlinable public static func - (a: PlanarPoint, b: PlanarPoint) -> PlanarPoint { PlanarPoint(a.x - b.x, a.y - b.y) }
    @inlinable public static func * (s: Double, a: PlanarPoint) -> PlanarPoint { PlanarPoint(s * a.x, s * a.y) }
    @inlinable public static prefix func - (a: PlanarPoint) -> PlanarPoint { PlanarPoint(-a.x, -a.y) }

    @inlinable public func dot(_ b: PlanarPoint) -> Double { x * b.x + y * b.y }
    @inlinable public var squaredNorm: Double { x * x + y * y }
    /// Euclidean norm. Plain √(x² + y²), not `hypot`: coordinates are a few wavelengths, far from overflow,
    /// and this sits in the innermost loops of the position optimisers.
    @inlinable public var norm: Double { (x * x + y * y).squareRoot() }
    @inlinable public func distance(to b: PlanarPoint) -> Double { (self - b).norm }
    /// The vector turned by +90°.
    @inlinable public var perpendicular: PlanarPoint { PlanarPoint(-y, x) }

    public var description: String { "(\(x), \(y))" }
}

/// The square movable region C = [−A/2, A/2]², centred on the reference point o (specs/tradeoff.md §2.1),
/// side A in wavelengths.
public struct SquareRegion: Sendable, Hashable {
    /// A/2.
    public let halfSide: Double

    public init(side: Double) {
        precondition(side >= 0 && side.isFinite, "the region side must be finite and ≥ 0")
        halfSide = side / 2
    }

    public var side: Double { 2 * halfSide }

    /// Whether p lies in C, allowing `tolerance` outside each edge.
    @inlinable
    public func contains(_ p: PlanarPoint, tolerance: Double = 0) -> Bool {
        abs(p.x) <= halfSide + tolerance && abs(p.y) <= halfSide + tolerance
    }

    /// The Euclidean projection onto C (component-wise clamp).
    @inlinable
    public func clamp(_ p: PlanarPoint) -> PlanarPoint {
        PlanarPoint(min(max(p.x, -halfSide), halfSide), min(max(p.y, -halfSide), halfSide))
    }

    /// The four corners, counter-clockwise from (−h, −h).
    public var corners: [PlanarPoint] {
        let h = halfSide
        return [PlanarPoint(-h, -h), PlanarPoint(h, -h), PlanarPoint(h, h), PlanarPoint(-h, h)]
    }

    /// Half-width of the smallest centred square holding every point: C holds them iff A ≥ 2·this.
    public static func requiredHalfSide(_ points: [PlanarPoint]) -> Double {
        points.reduce(0) { max($0, abs($1.x), abs($1.y)) }
    }
}

/// Intersections of circles and axis-parallel lines: the vertices where two boundary pieces of the
/// sets of specs/tradeoff.md §5.3–5.4 meet.
public enum PlanarIntersections {
    /// Points of the circle ‖z − c‖ = r on the vertical line x = a (0, 1 or 2 points).
    public static func circle(_ c: PlanarPoint, radius r: Double, verticalLine a: Double) -> [PlanarPoint] {
        let dx = a - c.x
        let s = r * r - dx * dx
        guard s >= 0, r.isFinite else { return [] }
        let h = s.squareRoot()
        return h == 0 ? [PlanarPoint(a, c.y)] : [PlanarPoint(a, c.y - h), PlanarPoint(a, c.y + h)]
    }

    /// Points of the circle ‖z − c‖ = r on the horizontal line y = b.
    public static func circle(_ c: PlanarPoint, radius r: Double, horizontalLine b: Double) -> [PlanarPoint] {
        circle(PlanarPoint(c.y, c.x), radius: r, verticalLine: b).map { PlanarPoint($0.y, $0.x) }
    }

    /// Points common to two circles (0, 1 or 2 points; none for concentric circles).
    public static func circles(_ c1: PlanarPoint, radius r1: Double, _ c2: PlanarPoint, radius r2: Double) -> [PlanarPoint] {
        let delta = c2 - c1
        let d = delta.norm
        guard d > 0, r1.isFinite, r2.isFinite, d <= r1 + r2, d >= abs(r1 - r2) else { return [] }
        // Distance from c1 along the centre line to the chord, and the half-chord.
        let a = (r1 * r1 - r2 * r2 + d * d) / (2 * d)
        let h = max(r1 * r1 - a * a, 0).squareRoot()
        let e = (1 / d) * delta
        let mid = c1 + a * e
        return h == 0 ? [mid] : [mid + h * e.perpendicular, mid - h * e.perpendicular]
    }
}
