import AntennaModels
import Randomness
import Testing

/// specs/ee.md §2.1: grid and quantisation rules, initial positions, N_max.
@Suite("Candidate grid and array geometry (ee §2.1)")
struct GeometryTests {
    let step = StepperMotor.am2224.stepSize  // Δ = 1.0472 mm
    let lambda = 0.1

    @Test("Default grid: G = 573, s = 48, N_max = 12")
    func defaultGrid() {
        let grid = CandidateGrid(length: 6 * lambda, stepSize: step)
        #expect(grid.count == 573)
        #expect(grid.spacingSteps(minimumSpacing: lambda / 2) == 48)
        #expect(grid.maximumAntennaCount(spacingSteps: 48) == 12)
        // Unquantised rule ⌊A/d_min⌋ + 1 would give 13; the quantised one reproduces "approaches 12".
        #expect(grid.initialPositions(antennas: 13, spacingSteps: 48) == nil)
    }

    @Test("Initial positions: symmetric about the centre, λ/2 apart")
    func initialPositions() throws {
        let grid = CandidateGrid(length: 6 * lambda, stepSize: step)
        #expect(grid.initialPositions(antennas: 4, spacingSteps: 48) == [214, 262, 310, 358])
        #expect(grid.initialPositions(antennas: 6, spacingSteps: 48) == [166, 214, 262, 310, 358, 406])
        let twelve = try #require(grid.initialPositions(antennas: 12, spacingSteps: 48))
        #expect(twelve.first == 22 && twelve.last == 550 && twelve.count == 12)
        #expect(grid.initialPositions(antennas: 1, spacingSteps: 48) == [286])
    }

    @Test("Array-length sweep: N = 6 needs A/λ ≥ 2.52; N = 12 needs A ≥ 528Δ")
    func lengthLimits() throws {
        for ratio in [3.0, 4, 5, 6, 7, 8] {
            let g = try MovableArrayGeometry(length: ratio * lambda, stepSize: step, minimumSpacing: lambda / 2,
                                             reach: 0.8, antennas: 6)
            #expect(g.initialPositions.count == 6)
        }
        #expect(throws: MovableArrayGeometry.ConfigurationError.self) {
            try MovableArrayGeometry(length: 2.5 * lambda, stepSize: step, minimumSpacing: lambda / 2,
                                     reach: 0.8, antennas: 6)
        }
        #expect(CandidateGrid(length: 528 * step, stepSize: step).maximumAntennaCount(spacingSteps: 48) == 12)
        #expect(CandidateGrid(length: 527 * step, stepSize: step).maximumAntennaCount(spacingSteps: 48) == 11)
    }

    @Test("Movement limit M = ⌊v_max·T/Δ⌋, capped at G − 1")
    func reach() {
        let grid = CandidateGrid(length: 6 * lambda, stepSize: step)
        #expect(grid.reachSteps(distance: 0.8 * 0.2) == 152)  // 0.16 m / 1.0472 mm = 152.79
        #expect(grid.reachSteps(distance: 0.8 * 1.0) == 572)  // 763 steps > G − 1
        #expect(grid.reachSteps(distance: 0.8 * 1e-3) == 0)   // below one step: nobody can move
        #expect(grid.reachSteps(distance: 10 * step) == 10)    // exact multiples survive rounding
        #expect(grid.reachSteps(distance: .infinity) == 572)
    }

    @Test("Feasible set (28) equals its definition on random instances")
    func feasibleRanges() {
        var stream = RandomStream(seed: 7, purpose: StreamPurpose("test.geometry"), realization: 0)
        for _ in 0..<300 {
            let grid = CandidateGrid(length: Double(40 + stream.integer(below: 200)) * step, stepSize: step)
            let s = 1 + stream.integer(below: 12)
            let maxN = grid.maximumAntennaCount(spacingSteps: s)
            let n = 1 + stream.integer(below: min(maxN, 6))
            guard let initial = grid.initialPositions(antennas: n, spacingSteps: s) else { continue }
            let geometry = MovableArrayGeometry(grid: grid, spacingSteps: s, reachSteps: stream.integer(below: 80),
                                                initialPositions: initial)
            // A random feasible current vector: perturb and keep only feasible ones.
            var positions = initial
            for _ in 0..<20 {
                var trial = positions
                let k = stream.integer(below: n)
                trial[k] = max(0, min(grid.lastIndex, trial[k] + stream.integer(below: 41) - 20))
                if geometry.isFeasible(trial) { positions = trial }
            }
            for antenna in 0..<n {
                let fromRanges = geometry.feasibleRanges(antenna: antenna, positions: positions).flatMap { Array($0) }
                let brute = (0..<grid.count).filter { q in
                    abs(q - initial[antenna]) <= geometry.reachSteps
                        && positions.indices.allSatisfy { $0 == antenna || abs(positions[$0] - q) >= s }
                }
                #expect(fromRanges == brute)
                #expect(fromRanges.contains(positions[antenna]))  // the current position is always in S
            }
        }
    }

    @Test("Nearest grid index clamps to the grid")
    func nearest() {
        let grid = CandidateGrid(length: 0.6, stepSize: step)
        #expect(grid.nearestIndex(to: 0.6) == 572)  // 572.96 would round to 573, off the grid
        #expect(grid.nearestIndex(to: -1) == 0)
        #expect(grid.nearestIndex(to: grid.position(100) + 0.49 * step) == 100)
    }
}
