import AntennaModels

/// An objective the sequential position update maximises, evaluated incrementally: before the
/// candidates of antenna n are enumerated, `focus` caches everything that depends only on the other
/// antennas, so `value(candidate:)` costs O(1) plus the inner problem instead of a full re-evaluation.
public protocol CandidateObjective {
    /// Prepares to move antenna `n` while every other antenna m stays at `positions[m]`
    /// (`positions[n]` is antenna n's current position).
    mutating func focus(antenna n: Int, positions: [Int])
    /// The objective with antenna n (the focused one) at grid index `candidate`, the others as focused.
    func value(candidate: Int) -> Double
}

/// The multi-round sequential update of the antenna positions over the grid (Algorithm 2, eqs.
/// (28)–(29); also the x-step of the multi-user AO).
///
/// Each antenna keeps its identity n during the search (its movement is measured to its own x̃_n).
/// Round j updates n = 1..N in turn: antenna n moves to the best candidate of the feasible set (28) —
/// grid points within its coherence reach of x̃_n and at least s steps from every other antenna — given
/// the others' latest positions. The current position is always feasible; a move happens only if it
/// is better by more than 1e-12 relative (ties keep the current position, and among equal candidates
/// the lowest index wins), so the objective is non-decreasing. The search stops after a round in which
/// no antenna moved, or after `maxRounds` rounds. Renumbering is the caller's job.
public struct SequentialPositionUpdate: Sendable {
    public let geometry: MovableArrayGeometry
    public let maxRounds: Int

    /// A move must beat the current value by more than this, relative.
    public static let relativeImprovement = 1e-12

    public init(geometry: MovableArrayGeometry, maxRounds: Int) {
        precondition(maxRounds >= 1)
        self.geometry = geometry
        self.maxRounds = maxRounds
    }

    public struct Result: Sendable, Hashable {
        /// Antenna n's final grid index at entry n (not renumbered).
        public var positions: [Int]
        /// The objective at `positions`.
        public var value: Double
        /// Rounds run, including the last one (which moved nothing unless `maxRounds` was hit).
        public var rounds: Int
        /// The objective at the start, then after each round: non-decreasing.
        public var trace: [Double]
        /// Antenna moves accepted.
        public var moves: Int
        /// Candidate evaluations (a measure of work).
        public var evaluations: Int
    }

    /// Runs the update from `start` (feasible, one grid index per antenna).
    public func run<Objective: CandidateObjective>(from start: [Int], objective: inout Objective) -> Result {
        precondition(geometry.isFeasible(start), "the start of the sequential update must be feasible")
        var positions = start
        let n = positions.count
        objective.focus(antenna: 0, positions: positions)
        var current = objective.value(candidate: positions[0])
        var trace = [current]
        var rounds = 0, moves = 0, evaluations = 1
        while rounds < maxRounds {
            rounds += 1
            var moved = false
            for antenna in 0..<n {
                objective.focus(antenna: antenna, positions: positions)
                let here = positions[antenna]
                let stay = objective.value(candidate: here)
                evaluations += 1
                var best = here, bestValue = stay
                for range in geometry.feasibleRanges(antenna: antenna, positions: positions) {
                    for candidate in range where candidate != here {
                        let value = objective.value(candidate: candidate)
                        if value > bestValue {
                            best = candidate
                            bestValue = value
                        }
                    }
                    evaluations += range.count - (range.contains(here) ? 1 : 0)
                }
                if best != here, bestValue > stay + Self.relativeImprovement * abs(stay) {
                    positions[antenna] = best
                    current = bestValue
                    moves += 1
                    moved = true
                } else {
                    current = stay
                }
            }
            trace.append(current)
            if !moved { break }
        }
        return Result(positions: positions, value: current, rounds: rounds, trace: trace, moves: moves,
                      evaluations: evaluations)
    }
}
