import AntennaModels
import Testing

/// specs/ee.md §3.2 and §10 check 1: the motor model behind Fig. 4 and F_max.
@Suite("Stepper motor (ee §3.2)")
struct StepperMotorTests {
    let motor = StepperMotor.am2224

    @Test("Holding torque, no-load speed, peak power")
    func characteristicPoints() {
        // T_po(0) = N_r Ψ_M V / R = 6·0.004·5/12.5 = 9.6 mN·m; exact up to rounding (1e-12 relative).
        #expect(abs(motor.pullOutTorque(angularSpeed: 0) - 9.6e-3) <= 1e-12 * 9.6e-3)
        // ω₀ = 314.97 rad/s (specs, 5 significant digits) and T_po(ω₀) = 0 up to the cancellation of two
        // ~1e-2 terms (1e-15 absolute).
        #expect(abs(motor.noLoadSpeed - 314.97) < 5e-3)
        #expect(abs(motor.pullOutTorque(angularSpeed: motor.noLoadSpeed)) < 1e-15)
        // Maximum power transfer: V²/(4R) = 0.5 W at ω_pk = 112.37 rad/s (specs value rounded to 1e-2).
        #expect(abs(motor.peakPower - 0.5) < 1e-15)
        #expect(abs(motor.peakPowerSpeed - 112.37) < 5e-3)
        #expect(abs(motor.mechanicalPower(angularSpeed: motor.peakPowerSpeed) - 0.5) < 1e-12)
        // Δ = 2π/24 · 4 mm = 1.0472 mm.
        #expect(abs(motor.stepSize - 1.0471975511965976e-3) < 1e-18)
        #expect(motor.modelViolation == nil)
    }

    @Test("Reference table of specs §3.2 to 1e-4 relative")
    func referenceTable() {
        // (ω rad/s, T_po mN·m, P_MA W); the table gives 5 significant digits, hence 1e-4 relative
        // (looser only where the tabulated value has fewer digits: 0.1412 and 0.0424, 5e-4).
        let rows: [(Double, Double, Double, Double)] = [
            (50, 7.2165, 0.3608, 1e-4), (100, 4.9532, 0.4953, 1e-4), (150, 3.0956, 0.4643, 1e-4),
            (200, 1.7212, 0.3442, 1e-4), (250, 0.7710, 0.1927, 1e-4), (300, 0.1412, 0.0424, 5e-4),
        ]
        for (omega, torque, power, tolerance) in rows {
            let t = motor.pullOutTorque(angularSpeed: omega) * 1e3
            let p = motor.mechanicalPower(angularSpeed: omega)
            #expect(abs(t - torque) <= tolerance * torque, "T_po(\(omega)) = \(t)")
            #expect(abs(p - power) <= max(tolerance * power, 5e-5), "P_MA(\(omega)) = \(p)")
        }
        // F_max = T_po(ω_max)/r = 0.4303 J/m at v_max = 0.8 m/s.
        #expect(abs(motor.energyPerMetre(linearSpeed: 0.8) - 0.4303) < 5e-5)
    }

    @Test("T_po strictly decreasing on [0, ω₀], slope negative (Proposition 2 relies on it)")
    func monotoneTorque() {
        // Strictly decreasing on 1e5 points of [0, ω₀) (the last point, ω₀ itself, is 0).
        let count = 100_000
        var previous = motor.pullOutTorque(angularSpeed: 0)
        var violations = 0
        for i in 1...count {
            let omega = motor.noLoadSpeed * Double(i) / Double(count)
            let t = motor.pullOutTorque(angularSpeed: omega)
            if !(t < previous) { violations += 1 }
            previous = t
        }
        #expect(violations == 0)
        for omega in stride(from: 1.0, to: 314.0, by: 7.0) {
            #expect(motor.pullOutTorqueSlope(angularSpeed: omega) < 0)
            // The analytic slope agrees with a central difference (h = 1e-4 rad/s: truncation ~h², rounding
            // ~1e-16·T/h ≈ 1e-14, so 1e-9 absolute is generous against a slope of order 1e-5 N·m·s).
            let h = 1e-4
            let numeric = (motor.pullOutTorque(angularSpeed: omega + h) - motor.pullOutTorque(angularSpeed: omega - h)) / (2 * h)
            #expect(abs(numeric - motor.pullOutTorqueSlope(angularSpeed: omega)) < 1e-9)
        }
    }
}
