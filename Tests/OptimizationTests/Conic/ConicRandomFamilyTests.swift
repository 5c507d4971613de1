import Foundation
import ComplexModule
import LinearAlgebra
import Optimization
import Testing

/// Random LP / SOCP / SDP / Hermitian-SDP families with optima known from their construction.
@Suite("Conic solver: random families with known optima")
struct ConicRandomFamilyTests {
    static let families: [(name: String, cones: [Cone], n: Int)] = [
        ("LP", [.nonnegative(30)], 12),
        ("LP+eq", [.zero(4), .nonnegative(25)], 10),
        ("SOCP", [.secondOrder(4), .secondOrder(6), .secondOrder(3), .nonnegative(5)], 9),
        ("SOCP+eq", [.zero(2), .secondOrder(5), .secondOrder(5), .secondOrder(1)], 8),
        ("SDP", [.psd(5), .nonnegative(4)], 10),
        ("SDP2", [.psd(3), .psd(6), .secondOrder(3)], 14),
        ("HSDP", [.hermitianPSD(4), .nonnegative(3)], 12),
        ("mixed", [.zero(2), .nonnegative(6), .secondOrder(4), .psd(4), .hermitianPSD(3)], 16),
        ("EXP", [.exponential, .exponential, .exponential, .nonnegative(4)], 6),
        ("EXP+SOC", [.zero(1), .exponential, .secondOrder(4), .exponential, .psd(3)], 9),
    ]

    @Test(arguments: 0..<families.count)
    func familySolvesToKnownOptimum(_ index: Int) throws {
        let f = Self.families[index]
        let solver = ConicSolver()
        for seed in 0..<6 {
            let inst = try KnownOptimum.make(cones: f.cones, variables: f.n, seed: UInt64(100 * index + seed))
            let sol = solver.solve(inst.problem)
            let k = KKTCheck(inst.problem, sol)
            #expect(sol.status == .optimal, "\(f.name) seed \(seed): \(sol.status)")
            let relErr = abs(sol.primalObjective - inst.optimalValue) / (1 + abs(inst.optimalValue))
            #expect(relErr < 1e-7, "\(f.name) seed \(seed): objective \(sol.primalObjective) vs \(inst.optimalValue)")
            #expect(k.primalResidual < 1e-8 && k.dualResidual < 1e-8, "\(f.name) seed \(seed): residuals \(k.primalResidual) \(k.dualResidual)")
            #expect(k.complementarity < 1e-7 && k.gap < 1e-7)
            #expect(k.sConeViolation < 1e-12 && k.yConeViolation < 1e-12)
        }
    }

    /// The identity starting point (x = 0, s = z = e) reaches the same optima.
    @Test func identityStart() throws {
        var settings = ConicSettings()
        settings.initialPoint = .identity
        for (i, f) in Self.families.enumerated() {
            let inst = try KnownOptimum.make(cones: f.cones, variables: f.n, seed: UInt64(7000 + i))
            let sol = ConicSolver.solve(inst.problem, settings: settings)
            #expect(sol.status == .optimal, "\(f.name)")
            #expect(abs(sol.primalObjective - inst.optimalValue) / (1 + abs(inst.optimalValue)) < 1e-7, "\(f.name)")
        }
    }

    /// Sparse A (about 30 % nonzeros) exercises the sparse LMI paths.
    @Test func sparseSDP() throws {
        for seed in 0..<4 {
            let inst = try KnownOptimum.make(cones: [.psd(8), .hermitianPSD(5), .nonnegative(6)], variables: 20,
                                             seed: UInt64(900 + seed), density: 0.3)
            let sol = ConicSolver.solve(inst.problem)
            #expect(sol.status == .optimal)
            #expect(abs(sol.primalObjective - inst.optimalValue) / (1 + abs(inst.optimalValue)) < 1e-7)
            let k = KKTCheck(inst.problem, sol)
            #expect(k.primalResidual < 1e-8 && k.dualResidual < 1e-8)
        }
    }

    /// Native Hermitian cones and the real 2n×2n embedding give the same optimum.
    @Test func hermitianAgreesWithRealEmbedding() throws {
        for seed in 0..<5 {
            let inst = try KnownOptimum.make(cones: [.hermitianPSD(4), .hermitianPSD(2), .nonnegative(3)], variables: 10,
                                             seed: UInt64(500 + seed))
            let native = ConicSolver.solve(inst.problem)
            let embedded = ConicSolver.solve(try realEmbedding(of: inst.problem))
            #expect(native.status == .optimal && embedded.status == .optimal)
            #expect(abs(native.primalObjective - embedded.primalObjective) / (1 + abs(native.primalObjective)) < 1e-7)
            // (x itself need not be unique, so only the optimal values and feasibility are compared.)
            let ke = KKTCheck(try realEmbedding(of: inst.problem), embedded)
            #expect(ke.primalResidual < 1e-8 && ke.dualResidual < 1e-8)
        }
    }

    /// SDR beamforming: native and embedded agree; the returned W (dual of the PSD block) is feasible
    /// (h_kᴴ W h_k ≥ 1 − tol, W ⪰ 0) and tr W equals the optimal value.
    @Test(arguments: [4, 8, 12])
    func sdrNativeMatchesEmbedding(n: Int) throws {
        let h = SDRInstance.channels(n: n, k: n, seed: UInt64(n))
        let pn = try SDRInstance.hermitian(h)
        let pe = try SDRInstance.realEmbedding(h)
        let sn = ConicSolver.solve(pn), se = ConicSolver.solve(pe)
        #expect(sn.status == .optimal && se.status == .optimal)
        #expect(abs(sn.primalObjective - se.primalObjective) < 1e-7 * (1 + abs(sn.primalObjective)))
        let w = SymmetricVectorization.unpackHermitian(Array(sn.y[0..<(n * n)]), order: n)
        var trace = 0.0
        for i in 0..<n { trace += w[i, i].real }
        #expect(abs(trace + sn.primalObjective) < 1e-7)
        for hk in h {
            let wh = w * hk
            let q = zip(hk, wh).reduce(0.0) { $0 + ($1.0.conjugate * $1.1).real }
            #expect(q >= 1 - 1e-7)
        }
        #expect(try w.hermitianEigenvalues().first! >= -1e-9)
    }
}
