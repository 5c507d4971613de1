/// `--shard i/n`: the i-th of n disjoint parts of a sweep (1-based, as SLURM array indices usually are).
public struct ShardSpec: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (1...count).contains(index))
        self.index = index
        self.count = count
    }

    /// Parses "i/n" with 1 ≤ i ≤ n; nil otherwise.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else { return nil }
        self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }
}

/// The work units one process runs, in increasing unit order.
///
/// Sharding rule (deterministic, balanced by cost): the realizations of every sweep point are split
/// into n contiguous blocks of near-equal size, so each shard gets ~1/n of every point and therefore
/// ~1/n of the total cost whatever the per-point cost is. Where a point has fewer realizations than
/// shards (deterministic figures: one), its units go to the shards with the least accumulated
/// estimated cost (`Scenario.estimatedCost`), ties to the lowest index.
public struct UnitSchedule: Sendable {
    public let shard: ShardSpec?
    private let storage: Storage

    private enum Storage: Sendable {
        case all(Int)
        case list([Int])
    }

    public static func all(_ plan: SweepPlan) -> UnitSchedule { UnitSchedule(shard: nil, storage: .all(plan.unitCount)) }

    public static func shard(_ spec: ShardSpec, of plan: SweepPlan) -> UnitSchedule {
        UnitSchedule(shard: spec, storage: .list(assignment(plan, shards: spec.count)[spec.index - 1]))
    }

    /// Units of every shard, each sorted.
    static func assignment(_ plan: SweepPlan, shards n: Int) -> [[Int]] {
        var lists = [[Int]](repeating: [], count: n)
        var load = [Double](repeating: 0, count: n)
        let r = plan.realizations
        for point in plan.points {
            let cost = plan.experiment.scenario.estimatedCost(point.series)
            let base = point.index * r
            if r >= n {
                for shard in 0..<n {
                    let lower = shard * r / n, upper = (shard + 1) * r / n
                    lists[shard].append(contentsOf: (base + lower)..<(base + upper))
                    load[shard] += cost * Double(upper - lower)
                }
            } else {
                for realization in 0..<r {
                    let shard = load.indices.min { load[$0] < load[$1] || (load[$0] == load[$1] && $0 < $1) }!
                    lists[shard].append(base + realization)
                    load[shard] += cost
                }
            }
        }
        return lists
    }

    public var count: Int {
        switch storage {
        case .all(let n): return n
        case .list(let units): return units.count
        }
    }

    public subscript(position: Int) -> Int {
        switch storage {
        case .all: return position
        case .list(let units): return units[position]
        }
    }
}
