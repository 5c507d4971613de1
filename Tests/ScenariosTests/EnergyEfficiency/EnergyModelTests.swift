import AntennaModels
import Foundation
import Randomness
import Scenarios
import Testing

/// specs/ee.md §3.4–3.5 and §10 checks 2, 3, 5, 6.
@Suite("ee energy model and EE (13), (15)")
struct EnergyModelTests {
    let parameters = EnergyEfficiencyParameters.singleUser
    var model: EnergyModel { parameters.energyModel }

    @Test("Defaults: v_max = 0.8 m/s, F_max = 0.4303 J/m, P_MA(v_max) = 0.3442 W")
    func defaults() {
        #expect(abs(parameters.maxSpeed - 0.8) < 1e-15)
        #expect(abs(model.energyPerMetre - 0.4303) < 5e-5)  // specs value has 4 decimals
        #expect(abs(parameters.motor.mechanicalPower(angularSpeed: 200) - 0.3442) < 5e-5)
        #expect(parameters.circuitPower == 1 && parameters.maxTransmitPower == 1)
        #expect(abs(parameters.noisePower - 1e-11) < 1e-26)
        #expect(abs(parameters.referencePathGain - 1e-3) < 1e-18)
        #expect(parameters.violation == nil)
    }

    @Test("Check 2: F_max·Σ|x_n − x̃_n| equals Σ P_MA(v_max)·τ_n")
    func mechanicalEnergyIdentity() {
        var stream = RandomStream(seed: 1, purpose: StreamPurpose("test.emech"), realization: 0)
        let motor = parameters.motor
        let omega = motor.angularSpeed(linearSpeed: parameters.maxSpeed)
        for _ in 0..<1000 {
            let displacements = (0..<6).map { _ in stream.uniform(0, 0.6) }
            let move = LinearMovement(from: Array(repeating: 0, count: 6), to: displacements, speed: parameters.maxSpeed)
            let viaForce = model.mechanicalEnergy(totalDisplacement: move.totalDisplacement)
            let viaPower = move.delays.reduce(0) { $0 + motor.mechanicalPower(angularSpeed: omega) * $1 }
            // Two routes through the same product (T_po/r·d vs T_po·ω·d/v): a few ulps apart.
            #expect(abs(viaForce - viaPower) <= 1e-13 * viaForce)
        }
    }

    @Test("Check 3: without movement EE = Σ R / P_BS, whatever T")
    func noMovement() {
        for t in [1e-3, 0.2, 1, 3, 1e6, .infinity] {
            let m = model.with(coherenceTime: t)
            for (rate, power) in [(5.0, 0.2), (0.0, 0.0), (12.3, 1.0)] {
                let ee = m.energyEfficiency(sumRate: rate, transmitPower: power, totalDisplacement: 0, maximumDisplacement: 0)
                #expect(ee == rate / (power + 1))
                #expect(ee == m.conventionalEnergyEfficiency(sumRate: rate, transmitPower: power))
            }
        }
    }

    @Test("The evaluated form of (13) equals the literal energy form")
    func literalForm() {
        var stream = RandomStream(seed: 2, purpose: StreamPurpose("test.literal"), realization: 0)
        for _ in 0..<1000 {
            let t = stream.uniform(0.05, 5)
            let m = model.with(coherenceTime: t)
            let b = stream.uniform(0, 0.6), a = b * stream.uniform(1, 6)
            let rate = stream.uniform(0, 20), p = stream.uniform(0, 1)
            let x = m.energyEfficiency(sumRate: rate, transmitPower: p, totalDisplacement: a, maximumDisplacement: b)
            let y = m.literalEnergyEfficiency(sumRate: rate, transmitPower: p, totalDisplacement: a, maximumDisplacement: b)
            // Algebraically identical; a handful of roundings apart.
            #expect(abs(x - y) <= 1e-12 * max(x, 1e-300))
        }
    }

    @Test("Check 5 (Proposition 2): EE increases with the speed on (b/T, v_max]")
    func speedMonotonicity() {
        var stream = RandomStream(seed: 3, purpose: StreamPurpose("test.speed"), realization: 0)
        let vMax = parameters.maxSpeed
        for _ in 0..<500 {
            let t = stream.uniform(0.05, 3)
            let m = model.with(coherenceTime: t)
            // Random feasible move: b ≤ v_max·T, a ∈ [b, N·b]; random rate and power.
            let b = stream.uniform(1e-4, 0.6) * min(1, vMax * t / 0.6)
            let a = b * stream.uniform(1, 6)
            let rate = stream.uniform(0.1, 20), p = stream.uniform(1e-3, 1)
            let lowest = b / t
            var previous = -Double.infinity
            for i in 1...100 {
                let v = lowest + (vMax - lowest) * Double(i) / 100
                let ee = m.at(speed: v).energyEfficiency(sumRate: rate, transmitPower: p, totalDisplacement: a,
                                                         maximumDisplacement: b)
                // f(v) = F(v)·a/(T − b/v) is strictly decreasing (both terms of (19) are negative), so EE
                // strictly increases; allow one ulp-level tie.
                #expect(ee >= previous * (1 - 1e-15), "EE fell at v = \(v)")
                previous = ee
            }
        }
    }

    @Test("Check 6: τ ≥ T gives EE = 0; never NaN or negative")
    func edgeCases() {
        let m = model.with(coherenceTime: 0.5)
        let b = 0.8 * 0.5  // τ = T exactly
        #expect(m.energyEfficiency(sumRate: 10, transmitPower: 0.5, totalDisplacement: b, maximumDisplacement: b) == 0)
        #expect(m.energyEfficiency(sumRate: 10, transmitPower: 0.5, totalDisplacement: 2 * b, maximumDisplacement: 1.5 * b) == 0)
        #expect(m.effectiveStaticPower(totalDisplacement: b, maximumDisplacement: b) == .infinity)
        var stream = RandomStream(seed: 4, purpose: StreamPurpose("test.edges"), realization: 0)
        for _ in 0..<5000 {
            let t = [1e-3, 0.1, 1, 1e6][stream.integer(below: 4)]
            let mm = model.with(coherenceTime: t)
            let bb = stream.uniform(0, 0.6), aa = bb * stream.uniform(1, 12)
            let ee = mm.energyEfficiency(sumRate: stream.uniform(0, 30), transmitPower: stream.uniform(0, 1),
                                         totalDisplacement: aa, maximumDisplacement: bb)
            #expect(ee.isFinite && ee >= 0)
        }
    }

    @Test("Check 4 (model level): T → ∞ turns (13) into (15)")
    func longCoherence() {
        let m = model.with(coherenceTime: 1e6)
        let ee = m.energyEfficiency(sumRate: 10, transmitPower: 0.2, totalDisplacement: 3.6, maximumDisplacement: 0.6)
        let conventional = m.conventionalEnergyEfficiency(sumRate: 10, transmitPower: 0.2)
        // E_mech/(T − τ) = 0.43·3.6/1e6 ≈ 1.5e-6 W against P_BS = 1.2 W: 1.3e-6 relative.
        #expect(ee < conventional && (conventional - ee) / conventional < 2e-6)
        #expect(model.with(coherenceTime: .infinity).energyEfficiency(
            sumRate: 10, transmitPower: 0.2, totalDisplacement: 3.6, maximumDisplacement: 0.6) == conventional)
    }
}
