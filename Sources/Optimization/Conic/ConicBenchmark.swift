import ComplexModule
import Foundation
import LinearAlgebra
import Randomness
import RealModule

/// SDR beamforming SDPs for benchmarks (`make bench`) and tests: minimize tr W s.t. h_kᴴ W h_k ≥ 1,
/// W ⪰ 0, posed through its dual with K variables (see `sdrProblem`), on random channels
/// h_k ~ CN(0, I) drawn from the project's counter-based streams.
public enum ConicBenchmark {
    /// The dual SDR problem  minimize −Σ y_k  s.t.  Σ y_k h_k h_kᴴ + S = I, S ⪰ 0, y ≥ 0  with a native
    /// Hermitian cone, or (embedding = true) with the real 2n×2n embedding [[Re, −Im], [Im, Re]].
    /// The optimal W is the dual multiplier of the PSD block; −(optimal value) = tr W*.
    public static func sdrProblem(channels h: [[Complex<Double>]], embedding: Bool = false) -> ConicProblem {
        let n = h[0].count, k = h.count
        let order = embedding ? 2 * n : n
        let dim = embedding ? order * (order + 1) / 2 : n * n
        var t: [(row: Int, column: Int, value: Double)] = []
        for (j, hk) in h.enumerated() {
            let outer = ComplexMatrix.outer(hk)
            let v = embedding ? SymmetricVectorization.pack(outer.realEmbedding) : SymmetricVectorization.pack(outer)
            for (r, x) in v.enumerated() where x != 0 { t.append((r, j, x)) }
            t.append((dim + j, j, -1))
        }
        let identity = embedding ? SymmetricVectorization.pack(RealMatrix.identity(order))
                                 : SymmetricVectorization.pack(ComplexMatrix.identity(n))
        let b = identity + [Double](repeating: 0, count: k)
        // Dimensions are consistent by construction.
        return try! ConicProblem(c: [Double](repeating: -1, count: k), A: SparseMatrix(rows: dim + k, columns: k, triplets: t),
                                 b: b, cones: [embedding ? .psd(order) : .hermitianPSD(n), .nonnegative(k)])
    }

    /// K random CN(0, I) channels of length n.
    public static func channels(n: Int, users k: Int, seed: UInt64, instance: Int) -> [[Complex<Double>]] {
        var rng = RandomStream(seed: seed, purpose: StreamPurpose("sdr-benchmark"), realization: instance)
        return (0..<k).map { _ in
            (0..<n).map { _ in
                let z = rng.complexNormal()
                return Complex(z.re, z.im)
            }
        }
    }

    public struct SDRTiming: Sendable {
        public let n: Int
        /// Mean CPU seconds of the calling thread per solve.
        public let nativeSeconds: Double
        public let embeddedSeconds: Double
        public let nativeIterations: Double
        public let embeddedIterations: Double
        /// Largest |native − embedded| optimal value over the instances (agreement check).
        public let maxObjectiveDifference: Double
        /// Solves (of either formulation) that ran on the embedded NT path, not the factored one.
        public let embeddedPathSolves: Int
    }

    /// Times the native Hermitian cone and the real embedding on the same `instances` random SDR
    /// problems with K = n, each solved `repetitions` times with one reused `ConicSolver` (`settings`
    /// chooses the interior-point path, `ConicSettings.exploitLowRank`). A formulation left out
    /// (`native` or `embedded` false, e.g. to profile the other alone) reports NaN.
    public static func sdr(n: Int, instances: Int = 8, repetitions: Int = 10, seed: UInt64 = 20251122,
                           native runNative: Bool = true, embedded runEmbedded: Bool = true,
                           settings: ConicSettings = ConicSettings()) -> SDRTiming {
        let chans = (0..<instances).map { channels(n: n, users: n, seed: seed, instance: $0) }
        let native = runNative ? chans.map { sdrProblem(channels: $0) } : []
        let embedded = runEmbedded ? chans.map { sdrProblem(channels: $0, embedding: true) } : []
        var embeddedPath = 0
        func run(_ problems: [ConicProblem]) -> (Double, Double, [Double]) {
            guard !problems.isEmpty else { return (.nan, .nan, [Double](repeating: .nan, count: instances)) }
            let solver = ConicSolver(settings: settings)
            var iterations = 0
            var objectives = [Double](repeating: 0, count: problems.count)
            let t0 = threadCPUSeconds()
            for _ in 0..<repetitions {
                for (i, p) in problems.enumerated() {
                    let s = solver.solve(p)
                    iterations += s.iterations
                    objectives[i] = s.primalObjective
                    if s.path == .embedded { embeddedPath += 1 }
                }
            }
            let count = Double(repetitions * problems.count)
            return ((threadCPUSeconds() - t0) / count, Double(iterations) / count, objectives)
        }
        let (tn, itn, on) = run(native)
        let (te, ite, oe) = run(embedded)
        let diff = runNative && runEmbedded ? zip(on, oe).reduce(0) { max($0, abs($1.0 - $1.1)) } : .nan
        return SDRTiming(n: n, nativeSeconds: tn, embeddedSeconds: te, nativeIterations: itn, embeddedIterations: ite,
                         maxObjectiveDifference: diff, embeddedPathSolves: embeddedPath)
    }

    /// CPU time of the calling thread (insensitive to other load on the machine).
    public static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
