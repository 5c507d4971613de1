import Foundation

/// Where journals live: beside the results, hidden, named after the experiment's figure (one journal
/// per experiment file, since all its outputs are reduced from the same work units).
public enum JournalLocation {
    public static func directory(root: URL, experiment: Experiment) -> URL {
        root.appendingPathComponent(experiment.scenarioName, isDirectory: true)
    }

    /// `.<figure>.journal`, or `.<figure>.shard-<i>-of-<n>.journal`.
    public static func url(root: URL, experiment: Experiment, shard: ShardSpec?) -> URL {
        let name = shard.map { ".\(experiment.figure).shard-\($0.index)-of-\($0.count).journal" } ?? ".\(experiment.figure).journal"
        return directory(root: root, experiment: experiment).appendingPathComponent(name)
    }

    /// Every shard journal of the experiment present on disk, with the shard its file name claims.
    public static func shardJournals(root: URL, experiment: Experiment) -> [(shard: ShardSpec, url: URL)] {
        let directory = directory(root: root, experiment: experiment)
        let prefix = ".\(experiment.figure).shard-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.compactMap { name -> (ShardSpec, URL)? in
            guard name.hasPrefix(prefix), name.hasSuffix(".journal") else { return nil }
            let middle = name.dropFirst(prefix.count).dropLast(".journal".count)
            let parts = middle.components(separatedBy: "-of-")
            guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else { return nil }
            return (ShardSpec(index: i, count: n), directory.appendingPathComponent(name))
        }.sorted { ($0.0.count, $0.0.index) < ($1.0.count, $1.0.index) }
    }
}
