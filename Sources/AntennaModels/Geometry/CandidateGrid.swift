/// The discrete candidate positions of a stepper-driven movable antenna on a line segment [0, A].
///
/// A stepper motor moves its antenna by whole steps of Δ = θ_s·r, so the line is discretised into
/// P = {g·Δ : g = 0..G−1} (EE paper §II; quantisation rules of specs/ee.md §2.1). Every position is an
/// integer grid index g; metres appear only when a distance enters a formula. The small guards (1e-9)
/// keep values such as A = 6λ = 0.6 m from losing or gaining a point to rounding.
public struct CandidateGrid: Sendable, Hashable {
    /// Δ, the distance between neighbouring candidate positions, in m.
    public let stepSize: Double
    /// G = ⌊A/Δ + 1e-9⌋ + 1, the number of candidate positions.
    public let count: Int

    /// The grid covering a segment of `length` metres (A ≥ 0) with step `stepSize` (Δ > 0).
    public init(length: Double, stepSize: Double) {
        precondition(stepSize > 0 && stepSize.isFinite, "step size must be positive")
        precondition(length >= 0 && length.isFinite, "array length must be non-negative")
        self.stepSize = stepSize
        self.count = Int((length / stepSize + 1e-9).rounded(.down)) + 1
    }

    /// Index of the last candidate position, G − 1.
    public var lastIndex: Int { count - 1 }

    /// The position g·Δ in metres.
    @inlinable
    public func position(_ index: Int) -> Double { Double(index) * stepSize }

    /// Whether `index` lies on the grid.
    public func contains(_ index: Int) -> Bool { index >= 0 && index < count }

    /// The grid index nearest to `position` metres (ties away from zero), clamped to the grid.
    public func nearestIndex(to position: Double) -> Int {
        let g = (position / stepSize).rounded(.toNearestOrAwayFromZero)
        if !(g > 0) { return 0 }
        if g >= Double(lastIndex) { return lastIndex }
        return Int(g)
    }

    /// s = ⌈d_min/Δ − 1e-9⌉: the minimum spacing d_min in whole steps, so |x_n − x_m| ≥ d_min becomes
    /// |g_n − g_m| ≥ s. At least 1 (two antennas never share a grid point).
    public func spacingSteps(minimumSpacing: Double) -> Int {
        precondition(minimumSpacing >= 0 && minimumSpacing.isFinite, "minimum spacing must be non-negative")
        return max(1, Int((minimumSpacing / stepSize - 1e-9).rounded(.up)))
    }

    /// M = ⌊v·T/Δ + 1e-9⌋: the coherence-time reach v·T in whole steps, so |x_n − x̃_n| ≤ v·T becomes
    /// |g_n − g̃_n| ≤ M. Capped at G − 1 (any larger reach is the whole grid; also admits T = ∞).
    public func reachSteps(distance: Double) -> Int {
        precondition(distance >= 0, "reach must be non-negative")
        let steps = (distance / stepSize + 1e-9).rounded(.down)
        return steps >= Double(lastIndex) ? lastIndex : Int(steps)
    }

    /// N_max = ⌊(G−1)/s⌋ + 1: the largest number of antennas that fit at spacing s.
    public func maximumAntennaCount(spacingSteps s: Int) -> Int {
        precondition(s >= 1)
        return lastIndex / s + 1
    }

    /// The initial positions g̃ (specs/ee.md §2.1): symmetric about the centre g_c = ⌊(G−1)/2⌋ with spacing
    /// s, g̃_n = g_c + (n−1)·s − ⌊(N−1)·s/2⌋ for n = 1..N (ascending). Nil when they do not fit (N > N_max).
    public func initialPositions(antennas: Int, spacingSteps s: Int) -> [Int]? {
        precondition(antennas >= 1 && s >= 1)
        let centre = lastIndex / 2
        let first = centre - ((antennas - 1) * s) / 2
        let positions = (0..<antennas).map { first + $0 * s }
        guard positions[0] >= 0, positions[antennas - 1] <= lastIndex else { return nil }
        return positions
    }
}
