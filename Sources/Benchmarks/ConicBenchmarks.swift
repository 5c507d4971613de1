import Foundation
import Optimization

enum ConicBenchmarks {
    /// Random SDR beamforming SDPs (minimize tr(W) s.t. tr(H_k W) ≥ 1, K = n users), native Hermitian
    /// cone against the 2n real embedding of the same problems, solved in the same run.
    static func run() {
        Bench.section("Conic solver: SDR beamforming SDP, native Hermitian vs 2n real embedding (K = n)")
        // MASWEEP_BENCH_SDR_SIZES=16,64 restricts the sizes (for profiling one of them).
        let sizes = ProcessInfo.processInfo.environment["MASWEEP_BENCH_SDR_SIZES"]
            .map { $0.split(separator: ",").compactMap { Int($0) } } ?? [4, 8, 16, 32, 64]
        // MASWEEP_BENCH_SDR_REPEAT=N solves every instance N times (a longer run for a profiler).
        let repeatOverride = ProcessInfo.processInfo.environment["MASWEEP_BENCH_SDR_REPEAT"].flatMap { Int($0) }
        for n in sizes {
            let timing = ConicBenchmark.sdr(n: n, instances: n <= 16 ? 8 : 3,
                                            repetitions: repeatOverride ?? (n <= 16 ? 5 : 1), seed: 1)
            let label = "n = \(n)".padding(toLength: 8, withPad: " ", startingAt: 0)
            print("  \(label) native \(Bench.format(timing.nativeSeconds)) (\(String(format: "%.1f", timing.nativeIterations)) it)"
                + "   embedded \(Bench.format(timing.embeddedSeconds)) (\(String(format: "%.1f", timing.embeddedIterations)) it)"
                + "   → embedded / native \(String(format: "%.2f×", timing.embeddedSeconds / timing.nativeSeconds))"
                + "   |Δobjective| \(String(format: "%.1e", timing.maxObjectiveDifference))")
        }
    }
}
