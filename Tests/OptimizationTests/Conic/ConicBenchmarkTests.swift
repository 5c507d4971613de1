import Foundation
import Optimization
import Testing

/// CPU time of the calling thread in seconds (robust against other load on the machine).
func threadCPUTime() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Timing of SDR beamforming SDPs (not a correctness test; runs only with MASWEEP_BENCH=1, meant for
/// `swift test -c release`). Prints per-solve thread CPU time for the native Hermitian cone and the real embedding.
@Suite("Conic benchmark")
struct ConicBenchmarkTests {
    @Test func sdrTiming() throws {
        guard ProcessInfo.processInfo.environment["MASWEEP_BENCH"] != nil else { return }
        let only = ProcessInfo.processInfo.environment["MASWEEP_BENCH_N"].flatMap { Int($0) }
        for n in [4, 8, 16, 32, 64] where only == nil || only == n {
            let instances = (0..<8).map { SDRInstance.channels(n: n, k: n, seed: UInt64(1000 + $0)) }
            let native = try instances.map { try SDRInstance.hermitian($0) }
            let embedded = try instances.map { try SDRInstance.realEmbedding($0) }
            let reps = max(2, 400 / (n * n / 4 + 1))
            func time(_ problems: [ConicProblem]) -> (Double, Double, Double) {
                let solver = ConicSolver()
                var its = 0
                var obj = 0.0
                let t0 = threadCPUTime()
                for _ in 0..<reps {
                    for p in problems {
                        let s = solver.solve(p)
                        its += s.iterations
                        obj += s.primalObjective
                    }
                }
                let count = Double(reps * problems.count)
                return ((threadCPUTime() - t0) / count, Double(its) / count, obj / count)
            }
            let (tn, itn, on) = time(native)
            let nativeOnly = ProcessInfo.processInfo.environment["MASWEEP_BENCH_NATIVE_ONLY"] != nil
            let (te, ite, oe) = nativeOnly ? (0, 0, 0) : time(embedded)
            print(String(format: "SDR n=%2d K=%2d  native %8.3f ms (%4.1f it)  embedding %8.3f ms (%4.1f it)  ratio %.2f  obj %.6f / %.6f",
                         n, n, tn * 1e3, itn, te * 1e3, ite, te / tn, on, oe))
        }
    }
}
