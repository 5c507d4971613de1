@testable import Optimization
import Testing

/// The solver's internal G is the caller's A with rows permuted into cone-kind order (nonnegative,
/// second-order, PSD, exponential; each kind in the caller's order) and equality rows split off. Every
/// product in the iteration assumes each column sorted by internal row, so this is checked directly on
/// interleaved cone layouts, entry by entry.
@Suite("Conic solver: problem loading")
struct ConicLoadTests {
    static let layouts: [[Cone]] = [
        [.secondOrder(3), .nonnegative(2), .secondOrder(4), .zero(1), .exponential, .nonnegative(1), .psd(2)],
        [.exponential, .hermitianPSD(2), .zero(2), .secondOrder(3), .exponential, .nonnegative(3), .secondOrder(2)],
        [.nonnegative(4)],
    ]

    @Test(arguments: 0..<3)
    func internalColumnsArePermutedRowsSortedByInternalRow(_ layout: Int) throws {
        let cones = Self.layouts[layout]
        let rows = cones.reduce(0) { $0 + $1.dimension }
        let n = 5
        var rng = TestRNG(UInt64(40 + layout))
        var triplets: [(row: Int, column: Int, value: Double)] = []
        var dense = [Double](repeating: 0, count: rows * n)
        for j in 0..<n {
            for i in 0..<rows where rng.uniform() > -0.2 {
                let v = rng.uniform() + 2
                triplets.append((i, j, v))
                dense[i + j * rows] = v
            }
        }
        let problem = try ConicProblem(c: [Double](repeating: 1, count: n),
                                       A: SparseMatrix(rows: rows, columns: n, triplets: triplets),
                                       b: [Double](repeating: 0, count: rows), cones: cones)
        let core = SolverCore(problem, equilibrate: false)
        let g = core.kkt.g
        #expect(g.rows == core.ineqRows.count && g.columns == n)
        // ineqRows lists the caller's rows kind by kind, each kind in the caller's order.
        var kindOfRow: [Int] = []
        for cone in cones {
            let kind: Int
            switch cone {
            case .zero: kind = -1
            case .nonnegative: kind = 0
            case .secondOrder: kind = 1
            case .psd, .hermitianPSD: kind = 2
            case .exponential: kind = 3
            }
            kindOfRow += [Int](repeating: kind, count: cone.dimension)
        }
        let internalKinds = core.ineqRows.map { kindOfRow[$0] }
        #expect(internalKinds == internalKinds.sorted())
        for k in 1..<max(1, core.ineqRows.count) where internalKinds[k] == internalKinds[k - 1] {
            #expect(core.ineqRows[k] > core.ineqRows[k - 1])
        }
        for j in 0..<n {
            let range = g.starts[j]..<g.starts[j + 1]
            let internalRows = range.map { g.rowIndex[$0] }
            #expect(zip(internalRows, internalRows.dropFirst()).allSatisfy { $0 < $1 }, "column \(j) sorted")
            var expected: [(Int, Double)] = []
            for (k, r) in core.ineqRows.enumerated() where dense[r + j * rows] != 0 { expected.append((k, dense[r + j * rows])) }
            #expect(internalRows == expected.map(\.0))
            #expect(range.map { g.values[$0] } == expected.map(\.1))
            for (k, r) in core.eqRows.enumerated() { #expect(core.kkt.aEq[k + j * core.p] == dense[r + j * rows]) }
        }
    }
}
