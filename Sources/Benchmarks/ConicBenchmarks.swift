import ComplexModule
import Foundation
import LinearAlgebra
import Optimization

enum ConicBenchmarks {
    /// Random SDR beamforming SDPs (minimize tr(W) s.t. tr(H_k W) ≥ 1, K = n users), native Hermitian
    /// cone against the 2n real embedding of the same problems, solved in the same run; then, per n,
    /// the floor that Nesterov–Todd scaling puts under the native solve (see `eigendecompositionFloor`).
    static func run() {
        Bench.section("Conic solver: SDR beamforming SDP, native Hermitian vs 2n real embedding (K = n)")
        // MASWEEP_BENCH_SDR_SIZES=16,64 restricts the sizes (for profiling one of them).
        let sizes = ProcessInfo.processInfo.environment["MASWEEP_BENCH_SDR_SIZES"]
            .map { $0.split(separator: ",").compactMap { Int($0) } } ?? [4, 8, 16, 32, 64]
        // MASWEEP_BENCH_SDR_REPEAT=N solves every instance N times (a longer run for a profiler).
        let repeatOverride = ProcessInfo.processInfo.environment["MASWEEP_BENCH_SDR_REPEAT"].flatMap { Int($0) }
        // MASWEEP_BENCH_SDR_PATH=native (or embedded) times one path only (for a profile of it).
        let path = ProcessInfo.processInfo.environment["MASWEEP_BENCH_SDR_PATH"]
        var nativeTimes: [(n: Int, seconds: Double, iterations: Double)] = []
        for n in sizes {
            let timing = ConicBenchmark.sdr(n: n, instances: n <= 16 ? 8 : 3,
                                            repetitions: repeatOverride ?? (n <= 16 ? 5 : 1), seed: 1,
                                            native: path != "embedded", embedded: path != "native")
            let label = "n = \(n)".padding(toLength: 8, withPad: " ", startingAt: 0)
            print("  \(label) native \(Bench.format(timing.nativeSeconds)) (\(String(format: "%.1f", timing.nativeIterations)) it)"
                + "   embedded \(Bench.format(timing.embeddedSeconds)) (\(String(format: "%.1f", timing.embeddedIterations)) it)"
                + "   → embedded / native \(String(format: "%.2f×", timing.embeddedSeconds / timing.nativeSeconds))"
                + "   |Δobjective| \(String(format: "%.1e", timing.maxObjectiveDifference))"
                + "   fallbacks \(timing.embeddedPathSolves)")
            nativeTimes.append((n, timing.nativeSeconds, timing.nativeIterations))
        }
        guard path != "embedded" else { return }
        Bench.section("Floor under the native solve: one LAPACK Hermitian eigendecomposition (zheevd, vectors) per iteration")
        for (n, seconds, iterations) in nativeTimes {
            let eig = eigendecompositionFloor(n: n)
            print("  n = \(n)".padding(toLength: 10, withPad: " ", startingAt: 0)
                + " zheevd \(Bench.format(eig)) × \(String(format: "%.1f", iterations)) it = \(Bench.format(eig * iterations))"
                + "   → \(String(format: "%.0f %%", 100 * eig * iterations / seconds)) of the native solve")
        }
    }

    /// CPU seconds of one eigendecomposition with vectors of an n×n Hermitian positive definite matrix
    /// (Σ h_k h_kᴴ + I of the benchmark's channels), the step of Nesterov–Todd scaling that no
    /// reformulation of the iteration avoids: it bounds what any tuning of the rest can reach.
    static func eigendecompositionFloor(n: Int) -> Double {
        var a = ComplexMatrix.identity(n)
        for h in ConicBenchmark.channels(n: n, users: n, seed: 1, instance: 0) {
            let outer = ComplexMatrix.outer(h)
            for i in a.elements.indices { a.elements[i] += outer.elements[i] }
        }
        let workspace = HermitianEigenWorkspace(capacity: n)
        var scratch = a.elements
        var w = [Double](repeating: 0, count: n)
        let repetitions = max(20, 20_000 / (n * n))
        let t0 = ConicBenchmark.threadCPUSeconds()
        for _ in 0..<repetitions {
            scratch.withUnsafeMutableBufferPointer { s in
                a.elements.withUnsafeBufferPointer { s.baseAddress!.update(from: $0.baseAddress!, count: n * n) }
                w.withUnsafeMutableBufferPointer { wp in
                    try? workspace.decompose(n: n, a: s.baseAddress!, lda: n, w: wp.baseAddress!, vectors: true)
                }
            }
        }
        return (ConicBenchmark.threadCPUSeconds() - t0) / Double(repetitions)
    }
}
