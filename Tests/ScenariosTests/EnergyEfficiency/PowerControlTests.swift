import Foundation
import Numerics
import Randomness
import Scenarios
import Testing

/// specs/ee.md §4.1 and §10 checks 9–10: the single-user inner layer.
@Suite("ee single-user inner layer (Dinkelbach, Lambert W, MRT)")
struct PowerControlTests {
    @Test("Lambert W₀ solves w·eʷ = x")
    func lambertW() {
        #expect(SingleUserPowerControl.LambertW.principal(0) == 0)
        #expect(abs(SingleUserPowerControl.LambertW.principal(M_E) - 1) < 1e-15)
        #expect(SingleUserPowerControl.LambertW.principal(-1 / M_E) == -1)
        var x = -1 / M_E + 1e-12
        while x < 1e8 {
            let w = SingleUserPowerControl.LambertW.principal(x)
            // Residual relative to the terms' size; near the branch point w e^w is flat, so compare there
            // to the size of x (≈ 1/e) rather than of the tiny distance to −1/e.
            #expect(abs(w * exp(w) - x) <= 4e-15 * max(abs(x), 1e-300) + 1e-16, "x = \(x)")
            #expect(w >= -1)
            x = x < 0 ? x / 2 + 1e-3 : x * 1.7 + 1e-3
        }
    }

    /// Random instances over the ranges the scenario meets and beyond: γ ∈ [1e-1, 1e8] 1/W,
    /// P̄ ∈ [1e-2, 1e2] W, P_max ∈ {1e-4, 0.1, 1, 10} W.
    func instances(_ count: Int) -> [(gain: Double, staticPower: Double, maxPower: Double)] {
        var stream = RandomStream(seed: 5, purpose: StreamPurpose("test.dinkelbach"), realization: 0)
        return (0..<count).map { i in
            (pow(10, stream.uniform(-1, 8)), pow(10, stream.uniform(-2, 2)), [1e-4, 0.1, 1, 10][i % 4])
        }
    }

    @Test("Check 9: λ non-decreasing, ≤ 10 iterations, equal to the Lambert-W closed form")
    func dinkelbach() {
        for (gain, staticPower, maxPower) in instances(4000) {
            let control = SingleUserPowerControl(maxPower: maxPower)
            var trace: [Double]? = []
            let solution = control.solve(gain: gain, staticPower: staticPower, trace: &trace)
            let lambdas = trace ?? []
            // Dinkelbach's λ_i are EE values of feasible powers and increase monotonically (Xu & Qiu);
            // at convergence consecutive values are equal up to the rounding of one rate and one division
            // (a few ulps), hence the 1e-14 relative slack.
            #expect(zip(lambdas, lambdas.dropFirst()).allSatisfy { $1 >= $0 * (1 - 1e-14) }, "\(gain) \(staticPower) \(maxPower) \(lambdas)")
            #expect(solution.iterations <= 10, "γ = \(gain), P̄ = \(staticPower): \(solution.iterations) iterations")
            let closed = control.closedFormPower(gain: gain, staticPower: staticPower)
            // specs: agreement to 1e-9 relative. Dinkelbach converges superlinearly, so when F < 1e-9 the
            // power error is far smaller; the closed form is exact to a few ulps of W₀.
            #expect(EETest.relativeDifference(solution.power, closed) <= 1e-9,
                    "γ = \(gain), P̄ = \(staticPower), P_max = \(maxPower): \(solution.power) vs \(closed)")
            let unconstrained = SingleUserPowerControl.unconstrainedPower(gain: gain, staticPower: staticPower)
            if unconstrained >= maxPower { #expect(solution.power == maxPower) }
            #expect(solution.energyEfficiency == control.energyEfficiency(power: solution.power, gain: gain,
                                                                          staticPower: staticPower))
        }
    }

    @Test("The Dinkelbach power is optimal on a fine power grid")
    func optimality() {
        for (gain, staticPower, maxPower) in instances(300) {
            let control = SingleUserPowerControl(maxPower: maxPower)
            let best = control.solve(gain: gain, staticPower: staticPower).energyEfficiency
            for i in 0...1000 {
                let p = maxPower * Double(i) / 1000
                // EE values are computed to ~1e-15 relative; the optimum may not be beaten by more.
                #expect(control.energyEfficiency(power: p, gain: gain, staticPower: staticPower) <= best * (1 + 1e-12))
            }
        }
    }

    @Test("Stationarity of the closed form (η ≠ 1 included)")
    func closedFormStationarity() {
        for (gain, staticPower, _) in instances(500) {
            for eta in [1.0, 0.35] {
                let p = SingleUserPowerControl.unconstrainedPower(gain: gain, staticPower: staticPower,
                                                                  amplifierEfficiency: eta)
                // d/dp [ln(1+γp)/(p/η + P̄)] = 0 ⇔ γ(p/η + P̄)/(1+γp) = ln(1+γp)/η.
                let lhs = gain * (p / eta + staticPower) / (1 + gain * p)
                let rhs = log1p(gain * p) / eta
                #expect(abs(lhs - rhs) <= 1e-9 * rhs, "γ = \(gain) P̄ = \(staticPower) η = \(eta)")
                let control = SingleUserPowerControl(maxPower: 1e9, amplifierEfficiency: eta)
                #expect(EETest.relativeDifference(control.solve(gain: gain, staticPower: staticPower).power, p) <= 1e-9)
            }
        }
    }

    @Test("Degenerate inputs give p = 0, EE = 0")
    func degenerate() {
        let control = SingleUserPowerControl(maxPower: 1)
        #expect(control.solve(gain: 0, staticPower: 1) .energyEfficiency == 0)
        #expect(control.solve(gain: 1e4, staticPower: .infinity).energyEfficiency == 0)
    }

    @Test("Check 10: no unit beamformer beats MRT at the same power")
    func mrt() {
        var stream = RandomStream(seed: 6, purpose: StreamPurpose("test.mrt"), realization: 0)
        for _ in 0..<2000 {
            let n = 1 + stream.integer(below: 12)
            let c = (0..<n).map { _ in let z = stream.complexNormal(); return Complex(z.re, z.im) }
            let norm2 = c.reduce(0) { $0 + $1.lengthSquared }
            func gain(_ w: [Complex<Double>]) -> Double { zip(c, w).reduce(Complex.zero) { $0 + $1.0 * $1.1 }.lengthSquared }
            let mrt = c.map { $0.conjugate.divided(by: norm2.squareRoot()) }
            #expect(abs(gain(mrt) - norm2) <= 1e-12 * norm2)
            let w = (0..<n).map { _ in let z = stream.complexNormal(); return Complex(z.re, z.im) }
            let wn = w.reduce(0) { $0 + $1.lengthSquared }.squareRoot()
            #expect(gain(w.map { $0.divided(by: wn) }) <= norm2 * (1 + 1e-12))  // Cauchy–Schwarz
        }
    }
}
