import AntennaModels
import Randomness
import Testing

/// specs/ee.md §3.3 and §10 checks 7–8: delay, coherence constraint, Proposition 1 and Lemma 1.
@Suite("Movement and renumbering (ee §3.3)")
struct MovementTests {
    @Test("Delays, displacements and trajectory (1), (3), (5)")
    func delays() {
        let move = LinearMovement(from: [0.1, 0.2, 0.3], to: [0.1, 0.05, 0.5], speed: 0.8)
        #expect(move.displacements == [0, 0.15000000000000002, 0.2])
        #expect(abs(move.totalDisplacement - 0.35) < 1e-15)
        #expect(abs(move.delay - 0.25) < 1e-15)
        #expect(move.fitsCoherenceTime(0.25) && !move.fitsCoherenceTime(0.2499))
        // x̃ ± v·t in floating point: exact to a few ulps.
        #expect(abs(move.position(antenna: 1, at: 0.1) - 0.12) < 1e-15)
        #expect(move.position(antenna: 1, at: 1) == 0.05)
        #expect(abs(move.position(antenna: 2, at: 0.1) - 0.38) < 1e-15)
        #expect(move.position(antenna: 0, at: 0.1) == 0.1)
        let steps = StepDisplacement(from: [10, 20, 30], to: [12, 15, 30])
        #expect(steps == StepDisplacement(total: 7, maximum: 5))
    }

    @Test("Renumbering sorts and carries the rows")
    func renumbering() {
        let (positions, permutation) = Renumbering.sorted([300, 100, 200])
        #expect(positions == [100, 200, 300] && permutation == [1, 2, 0])
        let (p2, rows) = Renumbering.renumber(destinations: [300, 100, 200], rows: ["a", "b", "c"])
        #expect(p2 == [100, 200, 300] && rows == ["b", "c", "a"])
    }

    /// Random feasible grid destinations: N sorted points with gaps ≥ s, randomly permuted.
    func randomInstance(_ stream: inout RandomStream, n: Int, s: Int, g: Int) -> (start: [Int], destination: [Int]) {
        func sortedSet() -> [Int] {
            let free = g - (n - 1) * s  // y_1 ≤ … ≤ y_N in [0, free), g_i = y_i + (i−1)·s
            let y = (0..<n).map { _ in stream.integer(below: free) }.sorted()
            return y.enumerated().map { $1 + $0 * s }
        }
        let start = sortedSet()
        var destination = sortedSet()
        for i in stride(from: n - 1, to: 0, by: -1) { destination.swapAt(i, stream.integer(below: i + 1)) }
        return (start, destination)
    }

    @Test("Lemma 1: the sorted matching minimises max and total displacement (brute force over matchings)")
    func lemma1() {
        var stream = RandomStream(seed: 11, purpose: StreamPurpose("test.lemma1"), realization: 0)
        func permutations(_ n: Int) -> [[Int]] {
            if n == 1 { return [[0]] }
            return permutations(n - 1).flatMap { p in (0...p.count).map { var q = p; q.insert(n - 1, at: $0); return q } }
        }
        for trial in 0..<400 {
            let n = 2 + trial % 5
            let (start, destination) = randomInstance(&stream, n: n, s: 1 + stream.integer(below: 48), g: 573)
            let sorted = StepDisplacement(from: start, to: destination.sorted())
            let before = StepDisplacement(from: start, to: destination)
            // Check 7: renumbering never increases either quantity, so EE can only go up.
            #expect(sorted.total <= before.total && sorted.maximum <= before.maximum)
            for p in permutations(n) {
                let other = StepDisplacement(from: start, to: p.map { destination[$0] })
                #expect(sorted.total <= other.total && sorted.maximum <= other.maximum)
            }
        }
    }

    @Test("Check 8: sorted straight-line trajectories never swap or come closer than s·Δ (20 000 instances)")
    func collisionFree() {
        var stream = RandomStream(seed: 12, purpose: StreamPurpose("test.trajectories"), realization: 0)
        let step = StepperMotor.am2224.stepSize
        let s = 48
        let minimumGap = Double(s) * step
        var failures = 0
        for trial in 0..<20_000 {
            let n = 2 + trial % 11  // up to N_max = 12
            let (start, destination) = randomInstance(&stream, n: n, s: s, g: 573)
            let move = LinearMovement(from: start.map { Double($0) * step }, to: destination.sorted().map { Double($0) * step },
                                      speed: 0.8)
            // The gaps are piecewise linear in t with kinks only at the τ_n, so the fine grid plus the
            // kinks covers the minimum exactly; 32 interior samples catch any swap in between.
            var times = move.delays
            times += (0...32).map { move.delay * Double($0) / 32 }
            for t in times {
                let x = move.positions(at: t)
                for i in 0..<(n - 1) {
                    let gap = x[i + 1] - x[i]
                    let floor = min(move.start[i + 1] - move.start[i], move.destination[i + 1] - move.destination[i])
                    // 1e-12 m absorbs the rounding of x̃ ± v·t (positions ≤ 0.6 m, a few ulps).
                    if gap < floor - 1e-12 || gap < minimumGap - 1e-12 { failures += 1 }
                }
            }
        }
        #expect(failures == 0)
    }
}
