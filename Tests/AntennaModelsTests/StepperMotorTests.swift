import Foundation
import Testing
@testable import AntennaModels

@Suite("Stepper motor (EE eqs. (9), (10))")
struct StepperMotorTests {
    let motor = StepperMotor.am2224

    /// specs/ee.md §3.2 reference table (ω rad/s, T_po mN·m, P_MA W), printed to 4 decimals: a
    /// tolerance of 1e-4 covers the rounding of the printed values and nothing more.
    @Test func matchesReferenceTable() {
        let table: [(Double, Double, Double)] = [
            (0, 9.600, 0), (50, 7.2165, 0.3608), (100, 4.9532, 0.4953), (150, 3.0956, 0.4643),
            (200, 1.7212, 0.3442), (250, 0.7710, 0.1927), (300, 0.1412, 0.0424),
        ]
        for (omega, torque, power) in table {
            #expect(abs(1e3 * motor.pullOutTorque(angularSpeed: omega) - torque) < 1e-4, "T_po at \(omega)")
            #expect(abs(motor.mechanicalPower(angularSpeed: omega) - power) < 1e-4, "P_MA at \(omega)")
        }
    }

    @Test func derivedConstants() {
        #expect(motor.rotorTeeth == 6)
        #expect(abs(motor.stepAngle - Double.pi / 12) < 1e-15)
        #expect(abs(motor.stepSize - 1.0471975511965976e-3) < 1e-15)
        // Holding torque N_r Ψ_M V / R, exactly.
        #expect(abs(motor.pullOutTorque(angularSpeed: 0) - 6 * 4e-3 * 5 / 12.5) < 1e-15)
        #expect(abs(motor.noLoadSpeed - 314.97) < 5e-3)
        #expect(abs(motor.linearSpeed(angularSpeed: motor.noLoadSpeed) - 1.26) < 5e-4)
        #expect(abs(motor.peakPowerSpeed - 112.37) < 5e-3)
        #expect(abs(motor.energyPerMetre(linearSpeed: 0.8) - 0.4303) < 1e-4)
    }

    /// The closed forms for ω₀ and the power peak are checked against the torque formula itself.
    @Test func noLoadSpeedAndPeakPowerClosedForms() {
        let w0 = motor.noLoadSpeed
        // The unclamped formula crosses zero at ω₀; one ulp-scale step either side shows the sign change.
        #expect(motor.pullOutTorque(angularSpeed: w0 * (1 - 1e-9)) > 0)
        #expect(motor.pullOutTorque(angularSpeed: w0 * (1 + 1e-9)) == 0)
        #expect(abs(motor.peakPower - 0.5) < 1e-15)
        #expect(abs(motor.mechanicalPower(angularSpeed: motor.peakPowerSpeed) - motor.peakPower) < 1e-12)
        // No point of a fine grid exceeds the maximum-power-transfer bound V²/(4R).
        var best = 0.0
        for i in 0...100_000 {
            best = max(best, motor.mechanicalPower(angularSpeed: w0 * Double(i) / 100_000))
        }
        #expect(best <= motor.peakPower * (1 + 1e-12))
        #expect(best > motor.peakPower * (1 - 1e-8))
    }

    /// Proposition 2 needs T_po strictly decreasing on [0, ω₀] (checked on 1e5 points, as the spec says).
    @Test func torqueStrictlyDecreasingAndSlopeMatchesFiniteDifferences() {
        let w0 = motor.noLoadSpeed
        var previous = motor.pullOutTorque(angularSpeed: 0)
        for i in 1...100_000 {
            let t = motor.pullOutTorque(angularSpeed: w0 * Double(i) / 100_000)
            #expect(t < previous || (t == 0 && i == 100_000))
            previous = t
        }
        for omega in stride(from: 5.0, to: 310, by: 15) {
            let h = 1e-4
            let fd = (motor.pullOutTorque(angularSpeed: omega + h) - motor.pullOutTorque(angularSpeed: omega - h)) / (2 * h)
            // Central difference error O(h²·T''') ≈ 1e-12 against slopes of order 1e-5.
            #expect(abs(motor.pullOutTorqueSlope(angularSpeed: omega) - fd) < 1e-9 * abs(fd) + 1e-12)
            #expect(motor.pullOutTorqueSlope(angularSpeed: omega) < 0)
        }
    }

    @Test func modelValidity() {
        #expect(motor.modelViolation == nil)
        var weak = motor
        weak.fluxLinkage = 1e-4
        #expect(weak.modelViolation?.contains("never reach zero") == true)
        var odd = motor
        odd.stepsPerRevolution = 25
        #expect(odd.modelViolation != nil)
    }
}
