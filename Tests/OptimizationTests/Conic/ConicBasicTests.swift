import LinearAlgebra
import Optimization
import Testing

@Suite("Conic solver: small problems")
struct ConicBasicTests {
    /// min −x₁ − x₂ s.t. x₁ + 2x₂ ≤ 4, 3x₁ + x₂ ≤ 6, x ≥ 0 → x = (1.6, 1.2), value −2.8.
    @Test func tinyLP() throws {
        let a = sparse([[1, 2], [3, 1], [-1, 0], [0, -1]])
        let p = try ConicProblem(c: [-1, -1], A: a, b: [4, 6, 0, 0], cones: [.nonnegative(4)])
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .optimal)
        #expect(abs(sol.primalObjective + 2.8) < 1e-7)
        #expect(abs(sol.x[0] - 1.6) < 1e-6 && abs(sol.x[1] - 1.2) < 1e-6)
        let k = KKTCheck(p, sol)
        #expect(k.primalResidual < 1e-8 && k.dualResidual < 1e-8 && k.gap < 1e-7)
    }

    /// min x₀ s.t. ‖(3, 4) − (x₁, x₂)‖… simple SOCP: min t s.t. ‖(x₁ − 3, x₂ − 4)‖ ≤ t, x₁ + x₂ = 1.
    @Test func tinySOCP() throws {
        // variables (t, x1, x2); rows: zero: x1 + x2 = 1; soc: (t, x1 − 3, x2 − 4) ∈ Q³.
        // Ax + s = b: zero row: [0 1 1] x = 1; SOC rows: s = (t, x1 − 3, x2 − 4) ⇒ −[t; x1; x2] + s = [0; −3; −4].
        let a = sparse([[0, 1, 1], [-1, 0, 0], [0, -1, 0], [0, 0, -1]])
        let p = try ConicProblem(c: [1, 0, 0], A: a, b: [1, 0, -3, -4], cones: [.zero(1), .secondOrder(3)])
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .optimal)
        // Distance from (3,4) to the line x1 + x2 = 1: |3 + 4 − 1| / √2 = 6/√2.
        #expect(abs(sol.primalObjective - 6 / 2.0.squareRoot()) < 1e-7)
        let k = KKTCheck(p, sol)
        #expect(k.primalResidual < 1e-8 && k.dualResidual < 1e-8 && k.sConeViolation < 1e-9 && k.yConeViolation < 1e-9)
    }

    /// max λ_min-type SDP: min −t s.t. X − tI ⪰ 0 for X = diag(1, 2) + offdiag → value λ_min(X).
    @Test func tinySDP() throws {
        // ConicVariable t; constraint: t·I + S = X (S ⪰ 0), i.e. A = svec(I), b = svec(X).
        let x = [[2.0, 1.0], [1.0, 3.0]]
        let sv = SymmetricVectorization.pack(RealMatrix(x))
        let a = SparseMatrix(rows: 3, columns: 1, dense: SymmetricVectorization.pack(RealMatrix.identity(2)))
        let p = try ConicProblem(c: [-1], A: a, b: sv, cones: [.psd(2)])
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .optimal)
        let lmin = (5 - 5.0.squareRoot()) / 2
        #expect(abs(sol.x[0] - lmin) < 1e-7)
    }
}

@Suite("Conic solver: edge cases")
struct ConicEdgeCaseTests {
    /// A variable that appears nowhere (singular Schur complement) gets value 0.
    @Test func unusedVariable() throws {
        let p = try ConicProblem(c: [1, 0], A: sparse([[-1, 0]]), b: [-1], cones: [.nonnegative(1)])
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .optimal)
        #expect(abs(sol.x[0] - 1) < 1e-7 && abs(sol.x[1]) < 1e-7)
    }

    /// Only equality constraints: min cᵀx s.t. Ax = b with c in the row space of A.
    @Test func equalitiesOnly() throws {
        let p = try ConicProblem(c: [1, 1], A: sparse([[1, 1]]), b: [3], cones: [.zero(1)])
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .optimal)
        #expect(abs(sol.primalObjective - 3) < 1e-7)
        #expect(abs(sol.x[0] + sol.x[1] - 3) < 1e-7)
    }

    /// Redundant (duplicated) equality rows.
    @Test func redundantEqualities() throws {
        let p = try ConicProblem(c: [1, 2], A: sparse([[1, 1], [2, 2], [-1, 0], [0, -1]]), b: [1, 2, 0, 0],
                                 cones: [.zero(2), .nonnegative(2)])
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .optimal)
        #expect(abs(sol.primalObjective - 1) < 1e-7)
    }

    /// A cone-only feasibility problem with zero objective.
    @Test func feasibilityProblem() throws {
        let inst = try KnownOptimum.make(cones: [.psd(3), .secondOrder(3)], variables: 4, seed: 99)
        let p = try ConicProblem(c: [0, 0, 0, 0], A: inst.problem.A, b: inst.problem.b, cones: inst.problem.cones)
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .optimal)
        let k = KKTCheck(p, sol)
        #expect(k.primalResidual < 1e-8 && k.sConeViolation < 1e-12)
    }
}
