import Foundation
import Optimization
import Testing

/// The short-step retry of `SolverCore.run` (`ConicSettings.retryStepFraction`) on a captured EE SCA
/// subproblem that jams with the default steps.
@Suite("Conic solver: short-step retry after a breakdown (SCA subproblem at low power)")
struct ExponentialConeRetryTests {
    @Test func capturedLowPowerInstanceNeedsTheRetry() throws {
        let p = try CapturedLowPowerSCAInstance.problem()
        var withoutRetry = ConicSettings()
        withoutRetry.retryStepFraction = withoutRetry.stepFraction
        #expect(ConicSolver(settings: withoutRetry).solve(p).status == .numericalFailure,
                "the instance must still jam without the retry, or this test checks nothing")
    }

    @Test func capturedLowPowerInstanceIsOptimalWithTheRetry() throws {
        let p = try CapturedLowPowerSCAInstance.problem()
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .optimal)
        // KKT conditions recomputed here from (x, s, y), not taken from the solver's status.
        let k = KKTCheck(p, sol)
        #expect(k.primalResidual < 1e-8)
        #expect(k.dualResidual < 1e-8)
        #expect(k.sConeViolation < 1e-9 && k.yConeViolation < 1e-9)
        #expect(k.gap < 1e-7 && k.complementarity < 1e-7)
        // Same optimum from an independent route: without equilibration the default steps converge.
        var plain = ConicSettings()
        plain.equilibrate = false
        let other = ConicSolver(settings: plain).solve(p)
        #expect(other.status == .optimal)
        #expect(abs(sol.primalObjective - other.primalObjective) < 1e-7 * (1 + abs(sol.primalObjective)))
    }

    /// A run that converges the first time never reaches the retry: its result is bit-identical
    /// whatever the retry's step fraction.
    @Test func successfulRunsDoNotDependOnTheRetry() throws {
        let p = try CapturedSCAInstance.problem(triplets: CapturedSCAInstance.triplets.filter { $0.1 != 50 }
            + [(37, 50, 0.5), (38, 50, -1), (41, 50, -ExponentialConeRobustnessTests.starvedGamma)])
        var other = ConicSettings()
        other.retryStepFraction = 0.5
        let a = ConicSolver.solve(p), b = ConicSolver(settings: other).solve(p)
        #expect(a.status == .optimal)
        #expect(a.x == b.x && a.y == b.y && a.s == b.s && a.iterations == b.iterations)
    }
}
