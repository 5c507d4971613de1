import Foundation
import Testing
@testable import Optimization
import Randomness

/// Principal branch W₀ of Lambert's W for x ≥ −1/e (Halley's iteration).
private func lambertW0(_ x: Double) -> Double {
    var w = x < 1 ? (x > -0.25 ? x : -1 + (2 * (1 + M_E * x)).squareRoot()) : log(x) - log(log(x) + 1)
    for _ in 0..<100 {
        let e = exp(w), f = w * e - x
        let next = w - f / (e * (w + 1) - (w + 2) * f / (2 * w + 2))
        if abs(next - w) <= 1e-15 * max(1, abs(w)) { return next }
        w = next
    }
    return w
}

private struct NoSolution: Error {}

@Suite("Dinkelbach")
struct DinkelbachTests {
    /// Single-user EE of specs/ee.md §4.1: max_p log2(1 + γp)/(p/η + P̄), 0 ≤ p ≤ P_max, with the
    /// closed-form inner solution (25)/(26), checked against the Lambert-W closed form.
    @Test func energyEfficiencyMatchesLambertWClosedForm() {
        var stream = RandomStream(seed: 17, purpose: StreamPurpose("dinkelbach-ee"), realization: 0)
        var binding = 0
        for _ in 0..<200 {
            let gamma = exp(stream.uniform(log(0.1), log(1e4)))
            let eta = stream.uniform(0.2, 1)
            let staticPower = stream.uniform(0.05, 3)
            let maximumPower = stream.uniform(0.01, 2)
            let efficiency = { (p: Double) in log2(1 + gamma * p) / (p / eta + staticPower) }
            let result = Dinkelbach.maximize(
                numerator: { p in log2(1 + gamma * p) }, denominator: { p in p / eta + staticPower },
                subproblem: { lambda in min(maximumPower, max(0, eta / (lambda * M_LN2) - 1 / gamma)) })
            #expect(result.status == .converged)
            #expect(result.iterations <= 12, "\(result.iterations)")
            // Non-decreasing up to rounding of the last, converged step (a few ulps of N/D).
            #expect(zip(result.ratios, result.ratios.dropFirst()).allSatisfy { $1 >= $0 - 1e-15 * abs($0) },
                    "\(result.ratios)")
            #expect(result.ratios.dropLast().allSatisfy { $0 <= result.ratio })
            #expect(result.parametricValues.allSatisfy { $0 >= -1e-12 })

            // EE(p) = η·log2(1+γp)/(p + ηP̄): stationary at u = 1 + γp = c₀/W₀(c₀/e), c₀ = γηP̄ − 1.
            let c0 = gamma * eta * staticPower - 1
            let unconstrained = (c0 / lambertW0(c0 / M_E) - 1) / gamma
            let closedForm = min(maximumPower, unconstrained)
            if unconstrained > maximumPower { binding += 1 }
            let p = try! #require(result.point)
            #expect(abs(p - closedForm) <= 1e-6 * max(closedForm, 1e-3), "p \(p) vs \(closedForm)")
            #expect(abs(result.ratio - efficiency(closedForm)) <= 1e-9 * efficiency(closedForm))
        }
        #expect(binding > 20 && binding < 180)  // both regimes were exercised
    }

    /// Over a finite grid with an exact (enumerating) inner solver, Dinkelbach must land exactly on
    /// the grid point of maximum ratio found by brute force.
    @Test func oneDimensionalProblemMatchesBruteForceGrid() throws {
        let grid = (0...30_000).map { Double($0) * 1e-4 }
        let n = { (x: Double) in 2 + sin(3 * x) + x }
        let d = { (x: Double) in 1 + x * x }
        let best = grid.max { n($0) / d($0) < n($1) / d($1) }!
        for start in [0.0, -5.0, 0.5] {
            let result = Dinkelbach.maximize(
                initialRatio: start, options: DinkelbachOptions(tolerance: 0),
                numerator: n, denominator: d,
                subproblem: { lambda in grid.max { n($0) - lambda * d($0) < n($1) - lambda * d($1) }! })
            #expect(result.status == .converged)
            #expect(result.point == best)
            #expect(result.ratio == n(best) / d(best))
            #expect(zip(result.ratios, result.ratios.dropFirst()).allSatisfy { $1 >= $0 }, "\(result.ratios)")
            #expect(result.ratios.count == result.iterations + 1)
        }
    }

    @Test func ratioIncreaseStoppingAndLimits() throws {
        let gamma = 50.0, staticPower = 0.5
        let n = { (p: Double) in log2(1 + gamma * p) }
        let d = { (p: Double) in p + staticPower }
        let inner = { (lambda: Double) in min(10, max(0, 1 / (lambda * M_LN2) - 1 / gamma)) }
        let loose = Dinkelbach.maximize(
            initialRatio: n(10) / d(10), options: DinkelbachOptions(stopping: .ratioIncrease, tolerance: 1e-6),
            numerator: n, denominator: d, subproblem: inner)
        let tight = Dinkelbach.maximize(numerator: n, denominator: d, subproblem: inner)
        #expect(loose.status == .converged && tight.status == .converged)
        #expect(abs(loose.ratio - tight.ratio) <= 1e-6 * tight.ratio)
        #expect(loose.ratio <= tight.ratio)

        let limited = Dinkelbach.maximize(
            options: DinkelbachOptions(maxIterations: 2), numerator: n, denominator: d, subproblem: inner)
        #expect(limited.status == .iterationLimit && limited.iterations == 2 && limited.ratio < tight.ratio)

        let invalid = Dinkelbach.maximize(
            numerator: { (x: Double) in x }, denominator: { (x: Double) in x - 1 }, subproblem: { _ in 0.5 })
        #expect(invalid.status == .invalidPoint && invalid.point == nil)

        #expect(throws: NoSolution.self) {
            _ = try Dinkelbach.maximize(
                numerator: n, denominator: d, subproblem: { (_: Double) throws(NoSolution) -> Double in
                    throw NoSolution()
                })
        }
    }
}
