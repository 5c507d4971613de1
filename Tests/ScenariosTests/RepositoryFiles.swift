import Foundation
import Scenarios
import SweepEngine

/// Paths inside the source checkout (tests run from it, locally and in CI).
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func experiment(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    /// Every experiment file, sorted: experiments/<scenario>/<figure>.yaml.
    static var experimentFiles: [String] {
        let base = root.appendingPathComponent("experiments")
        let enumerator = FileManager.default.enumerator(atPath: base.path)
        return (enumerator?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { "experiments/" + $0 }
    }

    static func run(_ relativePath: String, realizations: Int? = nil, jobs: Int = 2) throws -> RunResult {
        let experiment = try ExperimentLoader(registry: StandardScenarios.registry)
            .load(path: experiment(relativePath).path, realizationsOverride: realizations)
        return try SweepEngine.run(SweepPlan(experiment), options: RunOptions(jobs: jobs, quiet: true))
    }
}
