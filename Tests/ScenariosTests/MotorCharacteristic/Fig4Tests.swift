import Foundation
import Testing
import AntennaModels
import SweepEngine

/// EE Fig. 4 through the whole pipeline (YAML → plan → engine → CSV), checked against the closed
/// forms of specs/ee.md §3.2: torque falls monotonically to zero at the no-load speed; power rises to
/// the maximum-power-transfer peak V²/(4R) and falls back to zero.
@Suite("EE Fig. 4: motor characteristics")
struct Fig4Tests {
    func columns(_ csv: String) -> (speed: [Double], value: [Double]) {
        let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
        return (rows.map { $0[0] }, rows.map { $0[1] })
    }

    @Test func curvesHaveThePaperShape() throws {
        let result = try RepositoryFiles.run("experiments/ee/fig4.yaml")
        #expect(result.plan.experiment.isDeterministic)
        let torque = columns(CSVTables.text(result, output: 0))
        let power = columns(CSVTables.text(result, output: 1))
        let motor = StepperMotor.am2224
        #expect(torque.speed.count >= 200)
        #expect(torque.speed.first == 0 && torque.speed.last! >= motor.linearSpeed(angularSpeed: motor.noLoadSpeed))

        // (a) strictly decreasing while positive, then zero.
        #expect(abs(torque.value[0] - 9.6) < 1e-12)
        for i in 1..<torque.value.count {
            #expect(torque.value[i] < torque.value[i - 1] || torque.value[i] == 0)
        }
        #expect(torque.value.last == 0)

        // (b) rises to the peak, then falls to 0 at the no-load speed.
        let peakIndex = power.value.indices.max { power.value[$0] < power.value[$1] }!
        #expect(power.value[0] == 0 && power.value.last == 0)
        for i in 1...peakIndex { #expect(power.value[i] > power.value[i - 1]) }
        for i in (peakIndex + 1)..<power.value.count { #expect(power.value[i] <= power.value[i - 1]) }
        // On a 5 mm/s grid the sampled peak is within ½·|P''|·(Δω)² ≈ 3e-4 W of V²/(4R), at 0.449 m/s ± one step.
        #expect(power.value[peakIndex] <= motor.peakPower)
        #expect(motor.peakPower - power.value[peakIndex] < 1e-3)
        #expect(abs(power.speed[peakIndex] - motor.linearSpeed(angularSpeed: motor.peakPowerSpeed)) <= 0.005)

        // Rows on the §3.2 table speeds equal the model at those speeds exactly.
        for (v, expectedTorque) in [(0.2, 7.2165), (0.4, 4.9532), (0.8, 1.7212), (1.2, 0.1412)] {
            let i = try #require(torque.speed.firstIndex(of: v))
            #expect(abs(torque.value[i] - expectedTorque) < 1e-4)
            #expect(power.value[i] == motor.mechanicalPower(angularSpeed: motor.angularSpeed(linearSpeed: v)))
        }
    }
}
