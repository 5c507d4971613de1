import Foundation
import Scenarios
import SweepEngine

enum EngineBenchmarks {
    /// The sweep engine on a real figure (EE Fig. 5 at 40 realizations = 240 units of 5 schemes):
    /// jobs = 2 against jobs = 1 measures the scheduler's parallel efficiency on this machine.
    static func run() {
        Bench.section("Sweep engine: experiments/ee/fig5.yaml at 40 realizations (240 units × 5 schemes)")
        guard let plan = try? SweepPlan(ExperimentLoader(registry: StandardScenarios.registry)
            .load(path: "experiments/ee/fig5.yaml", realizationsOverride: 40)) else {
            print("  (skipped: run from the repository root)")
            return
        }
        var times: [Int: Double] = [:]
        for jobs in [1, 2] {
            times[jobs] = Bench.measure("whole sweep, --jobs \(jobs)") {
                _ = try! SweepEngine.run(plan, options: RunOptions(jobs: jobs, quiet: true))
            }
        }
        Bench.ratio("speed-up jobs 2 vs 1 (ideal 2 on 2 idle cores)", times[1]!, times[2]!)
        let perUnit = times[1]! / Double(plan.unitCount)
        print("  per work unit (jobs 1): \(Bench.format(perUnit))")
    }
}
