import Foundation
import Optimization
import RealModule
import Testing

/// Regression instances for the exponential-cone path from the EE multi-user SCA subproblem (38).
///
/// `capturedSCA` is one subproblem captured from `masweep run experiments/ee/fig11-sca.yaml` at
/// P_max = 0 dBm (4 users, 6 antennas; 61 variables, 107 rows: per user a rotated SOC (36), two
/// nonnegative rows (37) and γ ≥ 0, one exponential cone; then ‖W‖² ≤ s ≤ 1). User 2 is starved
/// (SINR γ̄ = 1.39e-12 at the linearisation point). In the statement used until then, its (37) row
/// carried the coefficient 1/(2γ̄) = 3.6e11 on g₂ (column 50), which the solver's clamped equilibration
/// cannot balance: it stopped with `numericalFailure` (dual residual 1.9 after 16 iterations) and, with
/// the stall rule off, reached only `inaccurate` (dual residual 2e-8 at μ = 5e-16).
/// `ConicSCASubproblemSolver` now scales g by γ̄ (exact change of variables g_old = γ̄·g_new): column 50
/// becomes (½ in (37), 1 in g ≥ 0, γ̄ in the exponential cone). The test poses that restated instance.
@Suite("Conic solver: exponential-cone robustness (SCA subproblem)")
struct ExponentialConeRobustnessTests {
    /// SINR of the starved user at the linearisation point: 1/(2·3.59299305695768e11).
    static let starvedGamma = 1 / (2 * 359299305695.76874)

    /// The captured instance with column 50 restated as the adapter now states it.
    static func restated() throws -> ConicProblem {
        var triplets = CapturedSCAInstance.triplets.filter { $0.1 != 50 }
        triplets += [(37, 50, 0.5), (38, 50, -1), (41, 50, -starvedGamma)]
        return try CapturedSCAInstance.problem(triplets: triplets)
    }

    @Test func restatedStarvedUserInstanceIsOptimal() throws {
        let p = try Self.restated()
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .optimal)
        // KKT conditions recomputed here from (x, s, y): feasibility, cone membership, zero gap.
        let k = KKTCheck(p, sol)
        #expect(k.primalResidual < 1e-8)
        #expect(k.dualResidual < 1e-8)
        #expect(k.sConeViolation < 1e-9 && k.yConeViolation < 1e-9)
        #expect(k.gap < 1e-7 && k.complementarity < 1e-7)
        // Weak duality: −bᵀy is a lower bound on the (minimised) objective for any dual-feasible y, so
        // the two must agree; the value is the SCA objective (38) up to constants.
        let by = zip(p.b, sol.y).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(sol.primalObjective - (-by)) < 1e-7 * (1 + abs(sol.primalObjective)))
        #expect(abs(sol.primalObjective - (-0.9175208)) < 1e-6)
        // The exponential-cone rows hold with t_k = log(1 + γ̄_k g_k) for the users whose rate is
        // maximised (t_k free, cost −1/ln 2): the cone constraint is tight at the optimum.
        for user in 0..<4 {
            let row = 11 + 14 * user
            let tk = sol.s[row], zk = sol.s[row + 2]
            #expect(sol.s[row + 1] == 1 || abs(sol.s[row + 1] - 1) < 1e-9)
            #expect(abs(tk - Double.log(zk)) < 1e-7)
        }
    }

    /// The same point solves the original statement: mapping g₂ back (g_old = γ̄·g_new) gives a point
    /// that satisfies the original rows to the same accuracy and has the same objective (the
    /// statements are one problem; only the coordinates of g₂ differ).
    @Test func restatedSolutionIsFeasibleForOriginal() throws {
        let original = try CapturedSCAInstance.problem(triplets: CapturedSCAInstance.triplets)
        let sol = ConicSolver.solve(try Self.restated())
        #expect(sol.status == .optimal)
        var x = sol.x
        x[50] *= Self.starvedGamma
        var r = original.A.multiply(x)
        for i in r.indices { r[i] = original.b[i] - r[i] }   // the original slack s = b − Ax
        // Row 38 (g₂ ≥ 0) is the only row whose slack changes coordinates with g₂.
        var worst = 0.0
        for i in r.indices { worst = max(worst, abs(r[i] - (i == 38 ? Self.starvedGamma * sol.s[i] : sol.s[i]))) }
        #expect(worst < 1e-8)
        #expect(coneViolation(original.cones, r, dual: false) < 1e-9)
        let cx = zip(original.c, x).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(cx - sol.primalObjective) < 1e-12)
    }

    /// The jammed instance: without the safeguard the steps collapse to 0 after 12 iterations (one
    /// exponential block has s and z both at their boundaries with sᵀz ≈ μ) and the solve ends in
    /// `numericalFailure`; the retry with the neighbourhood safeguard converges.
    @Test func jammedInstanceConvergesWithNeighbourhoodRetry() throws {
        let p = try JammedSCAInstance.problem()
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .optimal)
        let k = KKTCheck(p, sol)
        #expect(k.primalResidual < 1e-8)
        #expect(k.dualResidual < 1e-8)
        #expect(k.sConeViolation < 1e-9 && k.yConeViolation < 1e-9)
        #expect(k.gap < 1e-7 && k.complementarity < 1e-7)
        let by = zip(p.b, sol.y).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(sol.primalObjective - (-by)) < 1e-7 * (1 + abs(sol.primalObjective)))
        // Every user's log constraint is tight at the optimum (t_k = log of the third entry).
        for user in 0..<4 {
            let row = 11 + 14 * user
            #expect(abs(sol.s[row] - Double.log(sol.s[row + 2])) < 1e-7)
        }
        // A reused solver returns the same result (its start does not depend on the previous solve).
        let solver = ConicSolver()
        _ = solver.solve(try CapturedSCAInstance.problem(triplets: CapturedSCAInstance.triplets))
        let again = solver.solve(p)
        #expect(again.status == .optimal)
        #expect(abs(again.primalObjective - sol.primalObjective) < 1e-7)
    }
}
