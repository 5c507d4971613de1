import Foundation
import Optimization
import Testing

/// Timing of SDR beamforming SDPs (not a correctness test; runs only with MASWEEP_BENCH=1, meant for
/// `swift test -c release`). Prints per-solve thread CPU time for the native Hermitian cone and the
/// real embedding. MASWEEP_BENCH_N restricts to one size.
@Suite("Conic benchmark")
struct ConicBenchmarkTests {
    @Test func sdrTiming() {
        guard ProcessInfo.processInfo.environment["MASWEEP_BENCH"] != nil else { return }
        let only = ProcessInfo.processInfo.environment["MASWEEP_BENCH_N"].flatMap { Int($0) }
        for n in [4, 8, 16, 32, 64] where only == nil || only == n {
            let r = ConicBenchmark.sdr(n: n, repetitions: max(2, 256 / (n * n / 4 + 1)))
            print(String(format: "SDR n=%2d K=%2d  native %8.3f ms (%4.1f it)  embedding %8.3f ms (%4.1f it)  ratio %.2f  |Δobj| %.1e",
                         n, n, r.nativeSeconds * 1e3, r.nativeIterations, r.embeddedSeconds * 1e3, r.embeddedIterations,
                         r.embeddedSeconds / r.nativeSeconds, r.maxObjectiveDifference))
        }
    }

    /// The benchmark's problem builder agrees between its two forms (quick check in the normal run).
    @Test func benchmarkProblemsAgree() {
        let h = ConicBenchmark.channels(n: 5, users: 5, seed: 1, instance: 0)
        let a = ConicSolver.solve(ConicBenchmark.sdrProblem(channels: h))
        let b = ConicSolver.solve(ConicBenchmark.sdrProblem(channels: h, embedding: true))
        #expect(a.status == .optimal && b.status == .optimal)
        #expect(abs(a.primalObjective - b.primalObjective) < 1e-7 * (1 + abs(a.primalObjective)))
    }
}
