import Foundation
import Scenarios
import Testing

/// specs/tradeoff.md §10 and §13 checks 7–9: the special case N = K = 2.
@Suite("tradeoff: two-antenna special case")
struct TwoAntennaTests {
    static func model(_ d0: Double, speed: Double = 0.5) -> MovementTradeoff.TwoAntennaCase {
        TradeoffTest.settings { $0.speed = speed; $0.specialInitialSpacing = d0 }.twoAntennaCase
    }

    /// Check 7 and the §10.3 table. Tolerances: 1e-4 absolute on τ* (the search grid step) and on the values
    /// printed to 4–6 digits; derived closed forms to their printed precision.
    @Test("Check 7: τ_sat, v_th, T_th, R0, S, τ*, E* of §10.3")
    func referenceNumbers() {
        let one = Self.model(0.3), two = Self.model(0.02)
        #expect(abs(one.saturationDuration - 0.2) < 1e-12 && abs(two.saturationDuration - 0.48) < 1e-12)
        #expect(abs(one.sinr(spacing: 0.3) - 6.545085) < 1e-6 && abs(two.sinr(spacing: 0.02) - 0.0394265) < 1e-7)
        #expect(abs(one.initialRate - 2.915537) < 1e-6 && abs(two.initialRate - 0.0557877) < 1e-7)
        #expect(abs(one.gradientNormSum - 11.426063) < 1e-6 && abs(two.gradientNormSum - 10.930169) < 1e-6)
        #expect(abs(one.threshold.speedThreshold - 0.255166) < 1e-6 && abs(two.threshold.speedThreshold - 0.0051040) < 1e-7)
        #expect(abs(one.threshold.timeThreshold - 0.51033) < 1e-5 && abs(two.threshold.timeThreshold - 0.010208) < 1e-6)
        let (tau1, e1) = one.optimalDuration(step: 1e-4), (tau2, e2) = two.optimalDuration(step: 1e-4)
        #expect(abs(tau1 - 0.0707) < 1e-4 && abs(e1 - 3.00962) < 1e-4)
        #expect(abs(tau2 - 0.3161) < 1e-4 && abs(e2 - 2.12017) < 1e-4)
        // Static and the v = ∞ bound.
        #expect(abs(one.throughput(duration: 0) - 2.91554) < 1e-5 && abs(one.rate(duration: 1) - log2(11.0)) < 1e-12)
        // The fitting method on the closed form (specs §10.3 last row): τ̂ and the true E(τ̂).
        for (d0, tauHat, eHat) in [(0.3, 0.0716, 3.0096), (0.02, 0.3088, 2.1194)] {
            let fit = MovementTradeoff.TwoAntennaMetrics.fit(TradeoffTest.settings { $0.speed = 0.5; $0.specialInitialSpacing = d0 })
            #expect(abs(fit.duration - tauHat) < 1e-4, "d0 = \(d0): τ̂ = \(fit.duration)")
            #expect(abs(Self.model(d0).throughput(duration: fit.duration) - eHat) < 1e-4)
        }
    }

    /// The Fig. 3 table of specs §10.3 (dense search), 1e-4 s.
    @Test("Fig. 3 reference τ*(v) (1e-4 s)")
    func figure3Table() {
        let caseOne: [(Double, Double)] = [(0.1, 0), (0.25, 0), (0.26, 0.0037), (0.30, 0.0278), (0.40, 0.0592), (0.50, 0.0707)]
        let caseTwo: [(Double, Double)] = [(0.005, 0), (0.01, 0.3176), (0.02, 0.4751), (0.05, 0.5385), (0.10, 0.5138),
                                           (0.25, 0.4201), (0.50, 0.3161)]
        for (d0, table) in [(0.3, caseOne), (0.02, caseTwo)] {
            for (v, expected) in table {
                let tau = Self.model(d0, speed: v).optimalDuration(step: 1e-4).duration
                #expect(abs(tau - expected) < 1e-4, "d0 = \(d0), v = \(v): τ* = \(tau), expected \(expected)")
            }
        }
    }

    /// Check 8: stationary iff v < v_th: τ*(0.99 v_th) = 0 exactly, τ*(1.01 v_th) > 0; a bisection on v for the
    /// onset of τ* > 0 agrees with (28) to 1 %.
    @Test("Check 8: τ* = 0 below v_th, > 0 above; bisected onset within 1 % of (28)")
    func stationaryBelowThreshold() {
        for d0 in [0.3, 0.02] {
            let threshold = Self.model(d0).threshold.speedThreshold
            #expect(Self.model(d0, speed: 0.99 * threshold).optimalDuration(step: 1e-4).duration == 0)
            #expect(Self.model(d0, speed: 1.01 * threshold).optimalDuration(step: 1e-4).duration > 0)
            var lo = 0.5 * threshold, hi = 2 * threshold
            for _ in 0..<30 {
                let mid = (lo + hi) / 2
                if Self.model(d0, speed: mid).optimalDuration(step: 1e-4).duration > 0 { hi = mid } else { lo = mid }
            }
            #expect(abs(hi / threshold - 1) < 0.01, "d0 = \(d0): onset \(hi) vs v_th \(threshold)")
        }
    }

    /// Check 9: E(τ) is unimodal on [0, T] (the discrete derivative changes sign at most once, + to −) for
    /// every v of the Fig. 3 grid, on a 1001-point τ grid. Differences below 1e-13 (rounding on the flat
    /// stretch beyond τ_sat where E is linear) count as no sign.
    @Test("Check 9: E(τ) unimodal for every v of the Fig. 3 grid")
    func unimodal() {
        for d0 in [0.3, 0.02] {
            for i in 0...500 {
                let model = Self.model(d0, speed: Double(i) * 0.001)
                var previous = model.throughput(duration: 0), falling = false, violations = 0
                for j in 1...1000 {
                    let value = model.throughput(duration: Double(j) / 1000)
                    let delta = value - previous
                    if delta < -1e-13 { falling = true } else if delta > 1e-13 && falling { violations += 1 }
                    previous = value
                }
                #expect(violations == 0, "d0 = \(d0), v = \(Double(i) * 0.001)")
            }
        }
    }

    @Test("Reachable spacings respect the segment ends; the best spacing is d* = λ/2 once reachable")
    func geometry() {
        let model = Self.model(0.3, speed: 10)
        let start = model.spacingRange(duration: 0)
        #expect(abs(start.lowerBound - 0.3) < 1e-15 && start.lowerBound == start.upperBound)
        #expect(model.spacingRange(duration: 1) == -2...2)
        #expect(model.bestSpacing(duration: 0.01) == 0.5)
        #expect(Self.model(0.3, speed: 0).rate(duration: 1) == Self.model(0.3).initialRate)
    }
}
