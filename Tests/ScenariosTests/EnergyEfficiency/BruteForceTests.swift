import AntennaModels
import Foundation
import Scenarios
import Testing

/// The sequential update against exhaustive search over every feasible position set on small grids.
///
/// With x̃ ascending, the sorted matching is optimal for every destination set (Lemma 1), so the
/// maximum of EE*(x) over all ascending feasible vectors is the global optimum of (P1) (single user,
/// v = v_max). It upper-bounds the sequential update, which is a coordinate search: for N = 1 one
/// round enumerates the whole feasible set, so the two must coincide.
@Suite("ee sequential update vs brute force")
struct BruteForceTests {
    /// Every ascending feasible vector (spacing s, reach M around the ascending x̃, grid).
    func allFeasible(_ geometry: MovableArrayGeometry) -> [[Int]] {
        var result: [[Int]] = []
        var current: [Int] = []
        func extend(_ n: Int) {
            if n == geometry.antennaCount {
                result.append(current)
                return
            }
            let window = geometry.reachWindow(antenna: n)
            let lowest = max(window.lowerBound, (current.last ?? Int.min / 2) + geometry.spacingSteps)
            guard lowest <= window.upperBound else { return }
            for g in lowest...window.upperBound {
                current.append(g)
                extend(n + 1)
                current.removeLast()
            }
        }
        extend(0)
        return result
    }

    func globalOptimum(_ problem: SingleUserOptimizer) -> Double {
        let initial = problem.geometry.initialPositions
        var best = 0.0
        for x in allFeasible(problem.geometry) {
            let gain = x.reduce(0) { $0 + problem.gains[$1] }
            let staticPower = problem.energy.effectiveStaticPower(StepDisplacement(from: initial, to: x))
            best = max(best, problem.powerControl.solve(gain: gain, staticPower: staticPower).energyEfficiency)
        }
        return best
    }

    @Test("N = 1: the sequential update is exact", arguments: [0.2, 1.0])
    func single(coherenceTime: Double) throws {
        var parameters = EnergyEfficiencyParameters.singleUser
        parameters.antennas = 1
        parameters.coherenceTime = coherenceTime
        for r in 0..<20 {
            let problem = try EETest.problem(parameters, realization: r)
            let proposed = problem.solve(.sequentialUpdate)
            // Same candidates, same formula: only the 1e-12 move threshold separates them.
            #expect(EETest.relativeDifference(proposed.energyEfficiency, globalOptimum(problem)) <= 1e-12)
        }
    }

    @Test("N = 2, 3 on a 1.5λ array: brute force upper-bounds the sequential update", arguments: [2, 3])
    func several(antennas: Int) throws {
        var parameters = EnergyEfficiencyParameters.singleUser
        parameters.antennas = antennas
        parameters.arrayLengthInWavelengths = 1.5  // G = 144: 4.6k pairs, 19.6k triples
        var exact = 0, gapSum = 0.0
        let realizations = 40
        for r in 0..<realizations {
            let problem = try EETest.problem(parameters, realization: r)
            let proposed = problem.solve(.sequentialUpdate).energyEfficiency
            let optimum = globalOptimum(problem)
            #expect(optimum >= proposed * (1 - 1e-12))
            if EETest.relativeDifference(proposed, optimum) <= 1e-12 { exact += 1 }
            gapSum += (optimum - proposed) / optimum
        }
        // The spec gives no figure for a coordinate search's optimality. Measured at this seed: N = 2 finds
        // the optimum in 29/40 realizations (mean gap 0.27 %), N = 3 in 28/40 (0.46 %). The bounds below
        // leave ample room for other seeds yet fail for a broken search: a search that never leaves x̃
        // (i.e. FPA) is exact in 2/40 and 3/40 with mean gaps of 11 % and 6 %.
        #expect(exact * 2 >= realizations, "exact in \(exact)/\(realizations)")
        #expect(gapSum / Double(realizations) < 0.02, "mean relative gap \(gapSum / Double(realizations))")
    }
}
