/// Proposition 1 (EE paper, proof in its appendix) and Lemma 1: solve without the collision-avoidance
/// constraint (6), then renumber.
///
/// With the start positions x̃ ascending, re-assign the antenna that starts n-th from the left to the
/// n-th smallest destination, x_(n), and move row π(n) of the precoder with it. Straight-line,
/// equal-speed trajectories are then collision-free (ref. [46]): adjacent antennas never swap and their
/// gap never falls below min(initial gap, final gap). Lemma 1: for ascending x̃ this sorted matching
/// never increases the maximum displacement (hence the delay τ) nor the total displacement (hence the
/// mechanical energy), so the energy efficiency can only go up.
public enum Renumbering {
    /// The sorted assignment of `destinations`: `positions[n] = destinations[permutation[n]]`, ascending.
    /// Ties keep their original order (a stable sort), so the result is deterministic.
    public static func sorted<Position: Comparable>(_ destinations: [Position])
        -> (positions: [Position], permutation: [Int]) {
        let permutation = destinations.indices.sorted {
            destinations[$0] < destinations[$1] || (destinations[$0] == destinations[$1] && $0 < $1)
        }
        return (permutation.map { destinations[$0] }, permutation)
    }

    /// Moves precoder rows with their antennas: new row n = old row `permutation[n]`.
    public static func permuteRows<Row>(_ rows: [Row], by permutation: [Int]) -> [Row] {
        precondition(rows.count == permutation.count)
        return permutation.map { rows[$0] }
    }

    /// Renumbers destinations and the rows that belong to them in one call.
    public static func renumber<Position: Comparable, Row>(destinations: [Position], rows: [Row])
        -> (positions: [Position], rows: [Row]) {
        let (positions, permutation) = sorted(destinations)
        return (positions, permuteRows(rows, by: permutation))
    }

    /// Whether `positions` is ascending (the renumbered form).
    public static func isSorted<Position: Comparable>(_ positions: [Position]) -> Bool {
        zip(positions, positions.dropFirst()).allSatisfy { $0 <= $1 }
    }
}
