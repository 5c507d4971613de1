import Foundation
import Optimization
import Testing

/// The SDR problems `make bench` times (the timing itself lives in the benchmark, never in a test).
@Suite("Conic benchmark")
struct ConicBenchmarkTests {
    /// The benchmark's problem builder agrees between its two forms (quick check in the normal run).
    @Test func benchmarkProblemsAgree() {
        let h = ConicBenchmark.channels(n: 5, users: 5, seed: 1, instance: 0)
        let a = ConicSolver.solve(ConicBenchmark.sdrProblem(channels: h))
        let b = ConicSolver.solve(ConicBenchmark.sdrProblem(channels: h, embedding: true))
        #expect(a.status == .optimal && b.status == .optimal)
        #expect(abs(a.primalObjective - b.primalObjective) < 1e-7 * (1 + abs(a.primalObjective)))
    }

    /// Timing one path alone (for a profile of it) reports the other as NaN and leaves the timed
    /// path's iterations those of the full run.
    @Test func onePathAlone() {
        let both = ConicBenchmark.sdr(n: 4, instances: 2, repetitions: 1, seed: 3)
        let native = ConicBenchmark.sdr(n: 4, instances: 2, repetitions: 1, seed: 3, embedded: false)
        let embedded = ConicBenchmark.sdr(n: 4, instances: 2, repetitions: 1, seed: 3, native: false)
        #expect(native.embeddedSeconds.isNaN && native.embeddedIterations.isNaN && native.maxObjectiveDifference.isNaN)
        #expect(embedded.nativeSeconds.isNaN && embedded.nativeIterations.isNaN)
        #expect(native.nativeSeconds > 0 && embedded.embeddedSeconds > 0)
        #expect(native.nativeIterations == both.nativeIterations)
        #expect(embedded.embeddedIterations == both.embeddedIterations)
        #expect(both.maxObjectiveDifference < 1e-6)
    }
}
