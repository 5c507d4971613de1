import ComplexModule
import Foundation
import LinearAlgebra
@testable import Optimization
import Testing

/// The factored HKM path (`LowRankSDPSolver`) against the general embedded NT path on the same
/// problems, against SDPLIB (mcp100 and gpp100 take this path; `SDPLIBTests` checks their published
/// optima and residuals), and its routing rules.
///
/// Tolerance of the cross-check: both paths stop at relative gap and feasibility 1e-8, so their
/// optimal values may differ by about 2e-8 relative; 1e-7 leaves a factor of five for the conditioning
/// of the optimum.
@Suite("Low-rank SDP path")
struct LowRankSDPTests {
    static let embeddedOnly: ConicSettings = {
        var s = ConicSettings()
        s.exploitLowRank = false
        return s
    }()

    static func agree(_ a: ConicSolution, _ b: ConicSolution) -> Bool {
        abs(a.primalObjective - b.primalObjective) <= 1e-7 * (1 + abs(b.primalObjective))
    }

    @Test func detectsTheFactorsOfTheSDRConstraints() throws {
        let h = SDRInstance.channels(n: 5, k: 4, seed: 11)
        let lmi = try #require(LowRankLMI<Complex<Double>>.detect(try SDRInstance.hermitian(h)))
        #expect(lmi.rank == 4 && lmi.lpRows.count == 4)
        #expect(lmi.owner == [0, 1, 2, 3] && lmi.weights == [1, 1, 1, 1])
        // Each factor reproduces h_k·h_kᴴ to rounding.
        for k in 0..<4 {
            let u = Array(lmi.factors[(k * 5)..<(k * 5 + 5)])
            for i in 0..<5 {
                for j in 0..<5 {
                    let want = h[k][i] * h[k][j].conjugate, got = u[i] * u[j].conjugate
                    #expect((want - got).length <= 1e-13 * (1 + want.length))
                }
            }
        }
        // The real embedding has rank two per column.
        let real = try #require(LowRankLMI<Double>.detect(try SDRInstance.realEmbedding(h)))
        #expect(real.rank == 8)
        // The Hermitian problem is not a real LMI, and a second-order cone disqualifies.
        #expect(LowRankLMI<Double>.detect(try SDRInstance.hermitian(h)) == nil)
        let p = try SDRInstance.hermitian(h)
        let withSOC = try ConicProblem(c: p.c, A: p.A, b: p.b, cones: [.hermitianPSD(5), .secondOrder(4)])
        #expect(LowRankLMI<Complex<Double>>.detect(withSOC) == nil)
    }

    @Test(arguments: [(2, 2), (3, 5), (5, 5), (8, 6), (12, 12), (16, 16)])
    func sdrAgreesWithTheEmbeddedPath(_ size: (Int, Int)) throws {
        for seed in UInt64(1)...4 {
            let h = SDRInstance.channels(n: size.0, k: size.1, seed: seed * 97 + UInt64(size.0))
            for problem in [try SDRInstance.hermitian(h), try SDRInstance.realEmbedding(h)] {
                let fast = ConicSolver.solve(problem)
                let reference = ConicSolver.solve(problem, settings: Self.embeddedOnly)
                #expect(fast.path == .lowRankHKM && reference.path == .embedded)
                #expect(fast.status == .optimal && reference.status == .optimal)
                #expect(Self.agree(fast, reference), "\(fast.primalObjective) vs \(reference.primalObjective)")
                let k = KKTCheck(problem, fast)
                #expect(k.primalResidual <= 1e-8 && k.dualResidual <= 1e-8 && k.gap <= 1e-7)
                #expect(k.sConeViolation <= 1e-12 && k.yConeViolation <= 1e-12)
            }
        }
    }

    /// One real LMI with signed rank-one and rank-two columns, dense nonnegative rows and a box, a
    /// general B: the path's nonnegative-row and B ≠ I algebra against the embedded path.
    @Test func signedFactorsAndDenseRowsAgreeWithTheEmbeddedPath() throws {
        var rng = TestRNG(5)
        for trial in 0..<6 {
            let n = 4 + trial, k = 3 + trial % 3
            var t: [(row: Int, column: Int, value: Double)] = []
            let dim = n * (n + 1) / 2
            for j in 0..<k {
                var f = RealMatrix(rows: n, columns: n)
                for term in 0..<(1 + j % 2) {
                    let u = (0..<n).map { _ in rng.normal() }
                    let w: Double = (j + term) % 3 == 0 ? -1 : 1
                    for a in 0..<n { for b in 0..<n { f[a, b] += w * u[a] * u[b] } }
                }
                for (r, x) in SymmetricVectorization.pack(f).enumerated() where x != 0 { t.append((r, j, x)) }
            }
            // B = I + GGᵀ/n keeps x = 0 strictly feasible; rows: −1 ≤ x ≤ 1 and two dense ones.
            var b0 = RealMatrix.identity(n)
            let g = (0..<(n * n)).map { _ in rng.normal() }
            for a in 0..<n { for b in 0..<n { for c in 0..<n { b0[a, b] += g[a + c * n] * g[b + c * n] / Double(n) } } }
            var bl: [Double] = []
            var row = dim
            for j in 0..<k {
                t.append((row, j, 1)); t.append((row + 1, j, -1)); row += 2
                bl += [1, 1]
            }
            for _ in 0..<2 {
                for j in 0..<k { t.append((row, j, rng.normal())) }
                bl.append(1 + rng.unit())
                row += 1
            }
            let c = (0..<k).map { _ in rng.normal() }
            let problem = try ConicProblem(c: c, A: SparseMatrix(rows: row, columns: k, triplets: t),
                                           b: SymmetricVectorization.pack(b0) + bl, cones: [.psd(n), .nonnegative(2 * k + 2)])
            #expect(LowRankLMI<Double>.detect(problem) != nil)
            let fast = ConicSolver.solve(problem)
            let reference = ConicSolver.solve(problem, settings: Self.embeddedOnly)
            #expect(fast.path == .lowRankHKM, "trial \(trial): \(fast.status)")
            #expect(fast.status == .optimal && reference.status == .optimal)
            #expect(Self.agree(fast, reference), "trial \(trial): \(fast.primalObjective) vs \(reference.primalObjective)")
            let check = KKTCheck(problem, fast)
            #expect(check.primalResidual <= 1e-8 && check.dualResidual <= 1e-8 && check.gap <= 1e-7)
        }
    }

    @Test(arguments: ["mcp100", "gpp100"])
    func sdplibRankOneProblemsTakeTheFactoredPath(_ name: String) throws {
        let problem = try SDPAReader.read(contentsOf: SDPLIB.url(name)).conicProblem()
        let sol = ConicSolver.solve(problem)
        #expect(sol.path == .lowRankHKM && sol.status == .optimal)
    }

    /// The path certifies nothing: infeasible problems of its form go to the embedded path, which does.
    @Test func infeasibleProblemsFallBackToTheCertifyingPath() throws {
        let h = SDRInstance.channels(n: 4, k: 3, seed: 3)
        let p = try SDRInstance.hermitian(h)
        // Σ y_k h_k h_kᴴ + S = −I with y ≥ 0 has no solution: primal infeasible.
        var b = p.b
        for i in 0..<4 { b[SymmetricVectorization.hermitianIndex(i, i, order: 4)] = -1 }
        let primalInfeasible = try ConicProblem(c: p.c, A: p.A, b: b, cones: p.cones)
        let s1 = ConicSolver.solve(primalInfeasible)
        #expect(s1.status == .primalInfeasible && s1.path == .embedded)
        // A user with h = 0 lets y_k grow without bound: the objective −Σ y is unbounded below.
        var hz = h
        hz[1] = [Complex<Double>](repeating: .zero, count: 4)
        let s2 = ConicSolver.solve(try SDRInstance.hermitian(hz))
        #expect(s2.status == .dualInfeasible && s2.path == .embedded)
    }

    @Test func warmStartsAndTheSettingTakeTheEmbeddedPath() throws {
        let p = try SDRInstance.hermitian(SDRInstance.channels(n: 4, k: 4, seed: 8))
        let solver = ConicSolver()
        let cold = solver.solve(p)
        #expect(cold.path == .lowRankHKM)
        let warm = solver.solve(p, warmStart: ConicWarmStart(cold))
        #expect(warm.path == .embedded && warm.status == .optimal && Self.agree(warm, cold))
    }

    /// A reused solver (same workspace, other data in between) returns the bits of a fresh one.
    @Test func reusedWorkspaceGivesTheBitsOfAFreshOne() throws {
        let a = try SDRInstance.hermitian(SDRInstance.channels(n: 6, k: 6, seed: 21))
        let b = try SDRInstance.hermitian(SDRInstance.channels(n: 6, k: 6, seed: 22))
        let solver = ConicSolver()
        let first = solver.solve(a)
        _ = solver.solve(b)
        let again = solver.solve(a)
        let fresh = ConicSolver().solve(a)
        #expect(first.x == again.x && first.y == again.y && again.x == fresh.x && again.s == fresh.s)
    }

    /// Solving from several threads at once gives the bits of the serial solves (`--jobs` workers).
    @Test func concurrentSolvesGiveTheSerialBits() throws {
        let problems = try (0..<8).map { try SDRInstance.hermitian(SDRInstance.channels(n: 6, k: 5, seed: UInt64(40 + $0))) }
        let serial = problems.map { ConicSolver.solve($0) }
        let results = ResultBox(count: problems.count)
        DispatchQueue.concurrentPerform(iterations: problems.count) { i in results.set(i, ConicSolver.solve(problems[i])) }
        for (i, r) in serial.enumerated() {
            let c = results.get(i)
            #expect(r.path == .lowRankHKM && c.x == r.x && c.y == r.y && c.s == r.s && c.iterations == r.iterations)
        }
    }

    /// Nonnegative cones on both sides of the PSD cone: rows are mapped back to the caller's order.
    @Test func conesInAnyOrder() throws {
        let h = SDRInstance.channels(n: 4, k: 4, seed: 77)
        let p = try SDRInstance.hermitian(h)
        let dim = 16
        // Move the last two nonnegative rows in front of the PSD rows: [nonneg(2), psd, nonneg(2)].
        var t: [(row: Int, column: Int, value: Double)] = []
        for j in 0..<p.variableCount {
            for e in p.A.columnStarts[j]..<p.A.columnStarts[j + 1] {
                let r = p.A.rowIndices[e]
                let moved = r >= dim + 2 ? r - dim - 2 : r + 2
                t.append((moved, j, p.A.values[e]))
            }
        }
        var b = [Double](repeating: 0, count: p.rowCount)
        for r in 0..<p.rowCount { b[r >= dim + 2 ? r - dim - 2 : r + 2] = p.b[r] }
        let q = try ConicProblem(c: p.c, A: SparseMatrix(rows: p.rowCount, columns: p.variableCount, triplets: t), b: b,
                                 cones: [.nonnegative(2), .hermitianPSD(4), .nonnegative(2)])
        let fast = ConicSolver.solve(q), reference = ConicSolver.solve(q, settings: Self.embeddedOnly)
        #expect(fast.path == .lowRankHKM && fast.status == .optimal && Self.agree(fast, reference))
        let k = KKTCheck(q, fast)
        #expect(k.primalResidual <= 1e-8 && k.dualResidual <= 1e-8 && k.sConeViolation <= 1e-12 && k.yConeViolation <= 1e-12)
    }

    /// Full-rank constraint matrices do not qualify: the general path solves them.
    @Test func denseColumnsTakeTheEmbeddedPath() throws {
        let problem = try KnownOptimum.make(cones: [.psd(5), .nonnegative(3)], variables: 4, seed: 12).problem
        #expect(LowRankLMI<Double>.detect(problem) == nil)
        #expect(ConicSolver.solve(problem).path == .embedded)
    }
}
