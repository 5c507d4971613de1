import Dispatch
import Foundation
import LinearAlgebra
import Optimization
import Testing

/// Every status path, certificates checked independently, warm start, workspace reuse and thread safety.
@Suite("Conic solver: statuses, warm start, determinism")
struct ConicStatusTests {
    /// x ≥ 1 and x ≤ 0.
    @Test func infeasibleLP() throws {
        let p = try ConicProblem(c: [1], A: sparse([[-1], [1]]), b: [-1, 0], cones: [.nonnegative(2)])
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .primalInfeasible)
        checkPrimalCertificate(p, sol)
    }

    /// x₀ ≥ ‖(x₁, x₂)‖ and x₀ ≤ −1.
    @Test func infeasibleSOCP() throws {
        let p = try ConicProblem(c: [0, 1, 1], A: sparse([[-1, 0, 0], [0, -1, 0], [0, 0, -1], [1, 0, 0]]), b: [0, 0, 0, -1],
                                 cones: [.secondOrder(3), .nonnegative(1)])
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .primalInfeasible)
        checkPrimalCertificate(p, sol)
    }

    /// x·I ⪰ 0 (Hermitian 2×2) and x ≤ −1.
    @Test func infeasibleHermitianSDP() throws {
        let id = SymmetricVectorization.pack(ComplexMatrix.identity(2))
        let a = SparseMatrix(rows: 5, columns: 1, dense: id.map { -$0 } + [1])
        let p = try ConicProblem(c: [1], A: a, b: [0, 0, 0, 0, -1], cones: [.hermitianPSD(2), .nonnegative(1)])
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .primalInfeasible)
        checkPrimalCertificate(p, sol)
    }

    /// min −x s.t. x ≥ 0: unbounded, so the dual is infeasible.
    @Test func unboundedLP() throws {
        let p = try ConicProblem(c: [-1, 0], A: sparse([[-1, 0], [0, -1], [1, -1]]), b: [0, 0, 5], cones: [.nonnegative(3)])
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .dualInfeasible)
        checkDualCertificate(p, sol)
    }

    /// min −t s.t. ‖x‖ ≤ t with x₁ = 1: unbounded.
    @Test func unboundedSOCP() throws {
        let p = try ConicProblem(c: [-1, 0, 0], A: sparse([[0, 1, 0], [-1, 0, 0], [0, -1, 0], [0, 0, -1]]), b: [1, 0, 0, 0],
                                 cones: [.zero(1), .secondOrder(3)])
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .dualInfeasible)
        checkDualCertificate(p, sol)
    }

    @Test func iterationLimit() throws {
        let inst = try KnownOptimum.make(cones: [.psd(6), .nonnegative(5)], variables: 8, seed: 7)
        var settings = ConicSettings()
        settings.maxIterations = 2
        let sol = ConicSolver.solve(inst.problem, settings: settings)
        #expect(sol.status == .iterationLimit)
        #expect(sol.iterations == 2)
    }

    /// Unattainable tolerances: the run stalls and returns its best iterate, which meets the reduced
    /// tolerances.
    @Test func inaccurateWhenTolerancesAreUnattainable() throws {
        let inst = try KnownOptimum.make(cones: [.secondOrder(5), .nonnegative(6)], variables: 6, seed: 11)
        var settings = ConicSettings()
        settings.feasibilityTolerance = 1e-30
        settings.absoluteGapTolerance = 1e-30
        settings.relativeGapTolerance = 1e-30
        let sol = ConicSolver.solve(inst.problem, settings: settings)
        #expect(sol.status == .inaccurate)
        #expect(abs(sol.primalObjective - inst.optimalValue) < 1e-6 * (1 + abs(inst.optimalValue)))
        #expect(sol.status.hasSolution)
    }

    /// A step fraction so small that no progress is possible is reported as a numerical failure.
    @Test func numericalFailureWhenNoProgress() throws {
        let inst = try KnownOptimum.make(cones: [.nonnegative(8)], variables: 4, seed: 3)
        var settings = ConicSettings()
        settings.stepFraction = 1e-14
        let sol = ConicSolver.solve(inst.problem, settings: settings)
        #expect(sol.status == .numericalFailure)
        #expect(!sol.status.hasSolution)
    }

    @Test func invalidProblemsAreRejected() {
        #expect(throws: ConicProblemError.self) {
            try ConicProblem(c: [1], A: sparse([[1], [1]]), b: [1, 1], cones: [.nonnegative(3)])
        }
        #expect(throws: ConicProblemError.self) {
            try ConicProblem(c: [.nan], A: sparse([[1]]), b: [1], cones: [.nonnegative(1)])
        }
        #expect(throws: ConicProblemError.self) {
            try ConicProblem(c: [1], A: sparse([[1]]), b: [1], cones: [.secondOrder(0), .nonnegative(1)])
        }
    }

    /// Warm start from the solution of a nearby problem converges to the new optimum.
    @Test func warmStartConverges() throws {
        let base = try KnownOptimum.make(cones: [.psd(5), .secondOrder(4), .nonnegative(6)], variables: 10, seed: 21)
        let solver = ConicSolver()
        let first = solver.solve(base.problem)
        #expect(first.status == .optimal)
        var b = base.problem.b
        for i in b.indices { b[i] += 1e-3 * Double((i * 7) % 5 - 2) }
        let perturbed = try ConicProblem(c: base.problem.c, A: base.problem.A, b: b, cones: base.problem.cones)
        let cold = ConicSolver.solve(perturbed)
        let warm = solver.solve(perturbed, warmStart: ConicWarmStart(first))
        #expect(cold.status == .optimal && warm.status == .optimal)
        #expect(abs(cold.primalObjective - warm.primalObjective) < 1e-7 * (1 + abs(cold.primalObjective)))
        #expect(warm.iterations <= cold.iterations, "warm start: cold \(cold.iterations) iterations, warm \(warm.iterations)")
    }

    /// Reusing one solver and solving from several threads at once give bitwise identical results.
    @Test func deterministicAcrossReuseAndThreads() throws {
        let problems = try (0..<8).map { try KnownOptimum.make(cones: [.hermitianPSD(4), .secondOrder(3), .nonnegative(4)],
                                                               variables: 9, seed: UInt64(300 + $0)).problem }
        let reference = problems.map { ConicSolver.solve($0) }
        let reused = ConicSolver()
        for (p, r) in zip(problems, reference) {
            let again = reused.solve(p)
            #expect(again.x == r.x && again.y == r.y && again.s == r.s && again.iterations == r.iterations)
        }
        let results = ResultBox(count: problems.count)
        DispatchQueue.concurrentPerform(iterations: problems.count) { i in
            results.set(i, ConicSolver.solve(problems[i]))
        }
        for (i, r) in reference.enumerated() {
            let c = results.get(i)
            #expect(c.x == r.x && c.y == r.y && c.s == r.s)
        }
    }
}

final class ResultBox: @unchecked Sendable {
    private var values: [ConicSolution?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: ConicSolution) { lock.lock(); values[i] = v; lock.unlock() }
    func get(_ i: Int) -> ConicSolution { lock.lock(); defer { lock.unlock() }; return values[i]! }
}

/// y ∈ K*, Aᵀy ≈ 0, bᵀy = −1.
func checkPrimalCertificate(_ p: ConicProblem, _ sol: ConicSolution) {
    let by = zip(p.b, sol.y).reduce(0) { $0 + $1.0 * $1.1 }
    #expect(abs(by + 1) < 1e-9)
    #expect(norm(p.A.transposeMultiply(sol.y)) <= 1e-8 * max(1, norm(p.c)))
    #expect(coneViolation(p.cones, sol.y, dual: true) <= 1e-12 * (1 + norm(sol.y)))
}

/// A x + s ≈ 0, s ∈ K, cᵀx = −1.
func checkDualCertificate(_ p: ConicProblem, _ sol: ConicSolution) {
    let cx = zip(p.c, sol.x).reduce(0) { $0 + $1.0 * $1.1 }
    #expect(abs(cx + 1) < 1e-9)
    var r = p.A.multiply(sol.x)
    for i in r.indices { r[i] += sol.s[i] }
    #expect(norm(r) <= 1e-8 * max(1, norm(p.b)))
    #expect(coneViolation(p.cones, sol.s, dual: false) <= 1e-12 * (1 + norm(sol.s)))
}
