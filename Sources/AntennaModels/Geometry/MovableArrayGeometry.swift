/// The discrete geometry of one movable linear array within one coherence block: the candidate grid,
/// the minimum spacing s (eq. (2)), the coherence reach M (eq. (4)) and the initial positions g̃ (the
/// current position vector, ascending). All positions are grid indices.
public struct MovableArrayGeometry: Sendable, Hashable {
    public let grid: CandidateGrid
    /// s: minimum |g_n − g_m| between distinct antennas.
    public let spacingSteps: Int
    /// M: maximum |g_n − g̃_n| for every antenna.
    public let reachSteps: Int
    /// g̃, ascending, spaced by s (the FPA configuration).
    public let initialPositions: [Int]

    public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
        /// (N−1)·s > G−1: the array is too short for N antennas at spacing s.
        case tooManyAntennas(antennas: Int, maximum: Int)

        public var description: String {
            switch self {
            case .tooManyAntennas(let n, let maximum):
                return "\(n) antennas do not fit on the array at the minimum spacing (at most \(maximum))"
            }
        }
    }

    /// Builds the geometry of specs/ee.md §2.1 from physical quantities.
    /// - Parameters:
    ///   - length: A in m; stepSize: Δ in m; minimumSpacing: d_min in m;
    ///   - reach: v·T in m (the largest distance an antenna may travel within the coherence time);
    ///   - antennas: N.
    public init(length: Double, stepSize: Double, minimumSpacing: Double, reach: Double,
                antennas: Int) throws(ConfigurationError) {
        let grid = CandidateGrid(length: length, stepSize: stepSize)
        let s = grid.spacingSteps(minimumSpacing: minimumSpacing)
        guard let initial = grid.initialPositions(antennas: antennas, spacingSteps: s) else {
            throw .tooManyAntennas(antennas: antennas, maximum: grid.maximumAntennaCount(spacingSteps: s))
        }
        self.init(grid: grid, spacingSteps: s, reachSteps: grid.reachSteps(distance: reach), initialPositions: initial)
    }

    /// Memberwise form, for tests and hand-made instances; `initialPositions` must be ascending and feasible.
    public init(grid: CandidateGrid, spacingSteps: Int, reachSteps: Int, initialPositions: [Int]) {
        precondition(spacingSteps >= 1 && reachSteps >= 0 && !initialPositions.isEmpty)
        self.grid = grid
        self.spacingSteps = spacingSteps
        self.reachSteps = reachSteps
        self.initialPositions = initialPositions
        precondition(zip(initialPositions, initialPositions.dropFirst()).allSatisfy { $1 - $0 >= spacingSteps }
                     && initialPositions.allSatisfy(grid.contains), "initial positions must be ascending and feasible")
    }

    public var antennaCount: Int { initialPositions.count }

    /// N_max for this grid and spacing.
    public var maximumAntennaCount: Int { grid.maximumAntennaCount(spacingSteps: spacingSteps) }

    /// The positions antenna n may reach within the coherence time, ignoring the others:
    /// [max(0, g̃_n − M), min(G−1, g̃_n + M)].
    public func reachWindow(antenna n: Int) -> ClosedRange<Int> {
        let centre = initialPositions[n]
        return max(0, centre - reachSteps)...min(grid.lastIndex, centre + reachSteps)
    }

    /// The feasible set S_n of eq. (28) for antenna n with the others held at `positions` (entry n is
    /// ignored): grid points in the reach window at least s away from every other antenna. Returned as
    /// disjoint ascending closed ranges, so enumerating them visits candidates in ascending order.
    public func feasibleRanges(antenna n: Int, positions: [Int]) -> [ClosedRange<Int>] {
        precondition(positions.count == antennaCount)
        let window = reachWindow(antenna: n)
        var blocked: [(Int, Int)] = []
        blocked.reserveCapacity(antennaCount - 1)
        for (m, g) in positions.enumerated() where m != n {
            blocked.append((g - spacingSteps + 1, g + spacingSteps - 1))
        }
        blocked.sort { $0.0 < $1.0 }
        var ranges: [ClosedRange<Int>] = []
        var next = window.lowerBound
        for (lo, hi) in blocked {
            if lo > next { ranges.append(next...min(lo - 1, window.upperBound)) }
            next = max(next, hi + 1)
            if next > window.upperBound { break }
        }
        if next <= window.upperBound { ranges.append(next...window.upperBound) }
        return ranges
    }

    /// Whether `positions` (one per antenna, antenna n keeps index n, any order) satisfies grid
    /// membership, the spacing constraint (2) and the coherence reach (4).
    public func isFeasible(_ positions: [Int]) -> Bool {
        guard positions.count == antennaCount else { return false }
        for (n, g) in positions.enumerated() {
            guard grid.contains(g), abs(g - initialPositions[n]) <= reachSteps else { return false }
        }
        let sorted = positions.sorted()
        return zip(sorted, sorted.dropFirst()).allSatisfy { $1 - $0 >= spacingSteps }
    }
}
