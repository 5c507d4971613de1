import ComplexModule
import Foundation
import LinearAlgebra
import Optimization

enum ConicBenchmarks {
    /// Random SDR beamforming SDPs (minimize tr(W) s.t. tr(H_k W) ≥ 1, K = n users): the native Hermitian
    /// cone against the 2n real embedding of the same problems on the default (factored HKM) path, and
    /// the native cone on the embedded NT path beside it; then the arithmetic floors of both paths.
    /// Every time is the best of three passes over the same instances (thread CPU time): the host's
    /// load moves single passes by up to 1.7×, and the minimum is the pass least disturbed by it.
    static func run() {
        Bench.section("Conic solver: SDR beamforming SDP (K = n), factored HKM path: native Hermitian vs 2n real embedding; embedded NT path beside")
        // MASWEEP_BENCH_SDR_SIZES=16,64 restricts the sizes (for profiling one of them).
        let sizes = ProcessInfo.processInfo.environment["MASWEEP_BENCH_SDR_SIZES"]
            .map { $0.split(separator: ",").compactMap { Int($0) } } ?? [4, 8, 16, 32, 64]
        // MASWEEP_BENCH_SDR_REPEAT=N solves every instance N times (a longer run for a profiler).
        let repeatOverride = ProcessInfo.processInfo.environment["MASWEEP_BENCH_SDR_REPEAT"].flatMap { Int($0) }
        // MASWEEP_BENCH_SDR_PATH=native (or embedded) times one formulation alone, on the default path.
        let path = ProcessInfo.processInfo.environment["MASWEEP_BENCH_SDR_PATH"]
        var ntSettings = ConicSettings()
        ntSettings.exploitLowRank = false
        var floors: [String] = []
        for n in sizes {
            let instances = n <= 16 ? 8 : 3, repetitions = repeatOverride ?? (n <= 16 ? 5 : 1)
            let passes = repeatOverride == nil ? 3 : 1
            let timing = (0..<passes).map { _ in
                ConicBenchmark.sdr(n: n, instances: instances, repetitions: repetitions, seed: 1,
                                   native: path != "embedded", embedded: path != "native")
            }
            let native = timing.map(\.nativeSeconds).min()!, embedded = timing.map(\.embeddedSeconds).min()!
            let t = timing[0]
            let label = "n = \(n)".padding(toLength: 8, withPad: " ", startingAt: 0)
            var line = "  \(label) native \(Bench.format(native)) (\(String(format: "%.1f", t.nativeIterations)) it)"
                + "   embedded \(Bench.format(embedded)) (\(String(format: "%.1f", t.embeddedIterations)) it)"
                + "   → embedded / native \(String(format: "%.2f×", embedded / native))"
                + "   |Δobjective| \(String(format: "%.1e", t.maxObjectiveDifference))"
                + "   fallbacks \(t.embeddedPathSolves)"
            if path == nil {
                let nt = (0..<passes).map { _ in
                    ConicBenchmark.sdr(n: n, instances: instances, repetitions: repetitions, seed: 1, embedded: false,
                                       settings: ntSettings)
                }
                let ntSeconds = nt.map(\.nativeSeconds).min()!, ntIterations = nt[0].nativeIterations
                line += "   | NT path native \(Bench.format(ntSeconds)) (\(String(format: "%.1f", ntIterations)) it)"
                    + " → NT / HKM \(String(format: "%.2f×", ntSeconds / native))"
                // Floors timed right after the solves of this n (the host's speed drifts over a run).
                let gemm = gemmTime(n: n), eig = eigendecompositionFloor(n: n)
                let hkmFloor = gemm * Double(hkmProductsPerIteration) * t.nativeIterations
                floors.append("  n = \(n)".padding(toLength: 10, withPad: " ", startingAt: 0)
                    + " zgemm \(Bench.format(gemm)) × \(hkmProductsPerIteration) × \(String(format: "%.1f", t.nativeIterations)) it = \(Bench.format(hkmFloor))"
                    + " (\(String(format: "%.0f %%", 100 * hkmFloor / native)) of the HKM solve)"
                    + "   zheevd \(Bench.format(eig)) × \(String(format: "%.1f", ntIterations)) it = \(Bench.format(eig * ntIterations))"
                    + " (\(String(format: "%.0f %%", 100 * eig * ntIterations / ntSeconds)) of the NT solve)")
            }
            print(line)
        }
        guard path == nil else { return }
        Bench.section("Arithmetic floors: HKM ≈ \(hkmProductsPerIteration) n³ complex products per iteration (zgemm n×n×n); NT + one zheevd (vectors) per iteration")
        floors.forEach { print($0) }
    }

    /// n³-sized complex products of one iteration of `LowRankSDPSolver` with R = K = n once the iterate
    /// is primal feasible (from the second iteration on here), in zgemm equivalents (a triangular solve,
    /// triangular product or rank-k update of order n counts ½, a Cholesky ⅓): residual 1.5 (ZU, Σx_jF_j),
    /// scaling 4.2 (Cholesky of S and Ẑ, L⁻¹U, Φ, Ẑ, G), predictor 2.5, corrector 5.2 (Q̂, Q̂V, ΔŜ, ẐΔŜ,
    /// Z-step, two Cholesky confirmations), update 1 (ΔZ); the first iterations add ≈ 3.5 for R_S.
    static let hkmProductsPerIteration = 14

    /// CPU seconds of one C ← A·B of n×n complex matrices (best of the timed batches).
    static func gemmTime(n: Int) -> Double {
        let h = ConicBenchmark.channels(n: n, users: 2 * n, seed: 1, instance: 0)
        var a = [Complex<Double>](repeating: .zero, count: n * n), b = a, c = a
        for j in 0..<n { for i in 0..<n { a[i + j * n] = h[j][i]; b[i + j * n] = h[n + j][i] } }
        let repetitions = max(50, 2_000_000 / (n * n * n))
        var best = Double.infinity
        for _ in 0..<3 {
            let t0 = ConicBenchmark.threadCPUSeconds()
            for _ in 0..<repetitions {
                BLAS.gemm(.none, .none, m: n, n: n, k: n, alpha: .one, a: a, lda: n, b: b, ldb: n, beta: .zero, c: &c, ldc: n)
            }
            best = min(best, (ConicBenchmark.threadCPUSeconds() - t0) / Double(repetitions))
        }
        return best
    }

    /// CPU seconds of one eigendecomposition with vectors of an n×n Hermitian positive definite matrix
    /// (Σ h_k h_kᴴ + I of the benchmark's channels), the step of Nesterov–Todd scaling that no
    /// reformulation of the NT iteration avoids: it bounds what any tuning of that path can reach.
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
