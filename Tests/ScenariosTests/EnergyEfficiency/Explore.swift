import AntennaModels
import Foundation
import Randomness
import Scenarios
import Testing

@Suite("ee explore") struct Explore {
    @Test func explore() throws {
        let env = ProcessInfo.processInfo.environment
        guard env["EE_EXPLORE"] != nil else { return }
        var p = EnergyEfficiencyParameters.singleUser
        if let v = env["EE_N"] { p.antennas = Int(v)! }
        if let v = env["EE_A"] { p.arrayLengthInWavelengths = Double(v)! }
        if let v = env["EE_T"] { p.coherenceTime = Double(v)! }
        if let v = env["EE_L"] { p.paths = Int(v)! }
        if let v = env["EE_P"] { p.maxTransmitPowerDBm = Double(v)! }
        let reps = Int(env["EE_R"] ?? "30")!
        var sums: [EnergyEfficiencyScheme: [Double]] = [:]
        let start = Date()
        for r in 0..<reps {
            let streams = UnitStreams(seed: 20251122, realization: r, point: 0)
            let channel = EnergyEfficiencySingleUser.drawChannel(parameters: p, stream: streams.common(.channel))
            let problem = try SingleUserProblem(parameters: p, channel: channel)
            for scheme in EnergyEfficiencyScheme.allCases {
                var s = streams.algorithm(StreamPurpose("ee.pso"), series: 0)
                let sol = problem.solve(scheme, algorithmStream: &s)
                let v = [sol.energyEfficiency, sol.totalDisplacement / p.wavelength, sol.transmitPower, Double(sol.iterations)]
                sums[scheme, default: [0, 0, 0, 0]] = zip(sums[scheme, default: [0, 0, 0, 0]], v).map { $0 + $1 / Double(reps) }
            }
        }
        for scheme in EnergyEfficiencyScheme.allCases { print(scheme.rawValue, sums[scheme]!) }
        print("time", Date().timeIntervalSince(start))
    }
}
