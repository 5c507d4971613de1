import Testing
@testable import Optimization
import Randomness

@Suite("Assignment")
struct AssignmentTests {
    @Test func smallKnownExamples() throws {
        // Min-sum optimum 1+2+... : rows → (1, 0, 2) with total 5; bottleneck optimum 2.
        let costs = AssignmentCosts([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
        let sum = try #require(LinearAssignment.solve(costs))
        #expect(sum.columnOfRow == [1, 0, 2] && sum.totalCost == 5)
        let bottleneck = try #require(BottleneckAssignment.solve(costs))
        #expect(bottleneck.bottleneckCost == 2 && bottleneck.totalCost == 5)
        #expect(BottleneckAssignment.optimalValue(costs) == 2)

        // Min-sum and min-max disagree here: sum-optimal {0→0, 1→1} has max 10; bottleneck picks 6+6.
        let conflict = AssignmentCosts([[0, 6], [6, 10]])
        #expect(LinearAssignment.solve(conflict)?.columnOfRow == [0, 1])
        #expect(BottleneckAssignment.solve(conflict)?.columnOfRow == [1, 0])

        // Rectangular: one row, pick its cheapest column.
        let single = AssignmentCosts([[3, 1, 2]])
        #expect(LinearAssignment.solve(single)?.columnOfRow == [1])
        #expect(BottleneckAssignment.solve(single, tieBreak: .lexicographic)?.columnOfRow == [1])

        // Forbidden pairs that leave no assignment.
        let blocked = AssignmentCosts([[1, .infinity], [2, .infinity]])
        #expect(LinearAssignment.solve(blocked) == nil)
        #expect(BottleneckAssignment.solve(blocked) == nil)
        #expect(try AssignmentMILP.minSum(blocked) == nil)
        #expect(try AssignmentMILP.bottleneck(blocked) == nil)
    }

    @Test func tieBreaksDifferWhereTheyShould() throws {
        // Bottleneck 5 is forced (row 0). Among bottleneck-optimal assignments: {0→0,1→1,2→2} sums
        // 5+5+1 = 11, {0→0,1→2,2→1} sums 5+4+4 = 13 but has sorted costs (5,4,4) < (5,5,1).
        let costs = AssignmentCosts([[5, 9, 9], [9, 5, 4], [9, 4, 1]])
        let minSum = try #require(BottleneckAssignment.solve(costs, tieBreak: .minSum))
        #expect(minSum.columnOfRow == [0, 1, 2] && minSum.totalCost == 11)
        let lexicographic = try #require(BottleneckAssignment.solve(costs, tieBreak: .lexicographic))
        #expect(lexicographic.columnOfRow == [0, 2, 1] && lexicographic.sortedCosts(costs) == [5, 4, 4])
    }

    @Test func bipartiteMatchingFindsMaximumCardinality() {
        // Greedy would match row 0 to column 0 and get stuck; the maximum matching has size 3.
        let matching = BipartiteMatching(columns: 3, adjacency: [[0, 1], [0], [1, 2]])
        #expect(matching.size == 3 && matching.matchesEveryRow)
        #expect(matching.columnOfRow == [1, 0, 2])
        let deficient = BipartiteMatching(columns: 3, adjacency: [[0], [0], [1, 2]])
        #expect(deficient.size == 2 && !deficient.matchesEveryRow)
    }

    /// ≥ 1000 random instances, sizes 1…8, square and rectangular, with ties and forbidden pairs:
    /// the fast algorithms and GLPK agree on every optimal value; for n ≤ 6 also brute force does.
    @Test func fastAlgorithmsAgreeWithGLPKAndBruteForce() throws {
        var stream = RandomStream(seed: 2024, purpose: StreamPurpose("assignment-agreement"), realization: 0)
        var instances = 0, bruteForceChecked = 0, infeasibleSeen = 0, rectangularSeen = 0
        for trial in 0..<1000 {
            let rows = 1 + stream.integer(below: 8)
            let columns = stream.uniform() < 0.5 ? rows : rows + stream.integer(below: 9 - rows)
            let family = CostFamily.allCases[trial % CostFamily.allCases.count]
            let costs = randomCosts(&stream, rows: rows, columns: columns, family: family)
            instances += 1
            if columns > rows { rectangularSeen += 1 }

            let fastSum = LinearAssignment.solve(costs)
            let fastBottleneck = BottleneckAssignment.solve(costs, tieBreak: .none)
            let fastBottleneckSum = BottleneckAssignment.solve(costs, tieBreak: .minSum)
            let fastLexicographic = BottleneckAssignment.solve(costs, tieBreak: .lexicographic)
            let glpkSum = try AssignmentMILP.minSum(costs)
            let glpkBottleneck = try AssignmentMILP.bottleneck(costs, tieBreak: .none)
            let glpkBottleneckSum = try AssignmentMILP.bottleneck(costs, tieBreak: .minSum)

            let feasible = fastSum != nil
            #expect([fastBottleneck, fastBottleneckSum, fastLexicographic, glpkSum, glpkBottleneck,
                     glpkBottleneckSum].allSatisfy { ($0 != nil) == feasible }, "trial \(trial)")
            guard let fastSum, let fastBottleneck, let fastBottleneckSum, let fastLexicographic,
                  let glpkSum, let glpkBottleneck, let glpkBottleneckSum else {
                infeasibleSeen += 1
                continue
            }
            for a in [fastSum, fastBottleneck, fastBottleneckSum, fastLexicographic, glpkSum, glpkBottleneck,
                      glpkBottleneckSum] {
                #expect(isValidAssignment(a, costs), "trial \(trial)")
            }
            #expect(sumsAgree(fastSum.totalCost, glpkSum.totalCost), "trial \(trial)")
            #expect(fastBottleneck.bottleneckCost == glpkBottleneck.bottleneckCost, "trial \(trial)")
            #expect(fastBottleneckSum.bottleneckCost == glpkBottleneck.bottleneckCost, "trial \(trial)")
            #expect(glpkBottleneckSum.bottleneckCost == glpkBottleneck.bottleneckCost, "trial \(trial)")
            #expect(sumsAgree(fastBottleneckSum.totalCost, glpkBottleneckSum.totalCost), "trial \(trial)")
            #expect(fastLexicographic.bottleneckCost == fastBottleneck.bottleneckCost, "trial \(trial)")
            #expect(fastBottleneck.totalCost >= fastBottleneckSum.totalCost - 1e-12, "trial \(trial)")

            if rows <= 6 {
                bruteForceChecked += 1
                let reference = BruteForceAssignment(costs)
                #expect(sumsAgree(fastSum.totalCost, reference.minimumSum), "trial \(trial)")
                #expect(fastBottleneck.bottleneckCost == reference.minimumBottleneck, "trial \(trial)")
                #expect(sumsAgree(fastBottleneckSum.totalCost, reference.minimumSumAtBottleneck), "trial \(trial)")
                #expect(fastLexicographic.sortedCosts(costs) == reference.lexicographic, "trial \(trial)")
            }
        }
        #expect(instances == 1000 && bruteForceChecked > 600 && infeasibleSeen > 0 && rectangularSeen > 300)
    }

    /// Larger sizes than GLPK should be asked to do in a test: min-sum optimality certified by the
    /// dual potentials, bottleneck value certified by the threshold just below it having no matching.
    @Test func largerInstancesAreCertified() throws {
        var stream = RandomStream(seed: 7, purpose: StreamPurpose("assignment-large"), realization: 0)
        for size in [20, 40, 60] {
            let costs = randomCosts(&stream, rows: size, columns: size + 5, family: .euclidean)
            let sum = try #require(LinearAssignment.solve(costs))
            let duals = try #require(ShortestAugmentingPath.solve(
                rows: costs.rows, columns: costs.columns, costs: costs.values))
            var dualObjective = duals.rowPotential.reduce(0, +)
            for j in 0..<costs.columns {
                #expect(duals.columnPotential[j] <= 0)
                dualObjective += duals.columnPotential[j]
                for i in 0..<costs.rows {
                    #expect(costs[i, j] - duals.rowPotential[i] - duals.columnPotential[j] >= -1e-9)
                }
            }
            #expect(sumsAgree(sum.totalCost, dualObjective))

            let bottleneck = try #require(BottleneckAssignment.solve(costs))
            let tau = bottleneck.bottleneckCost
            let below = (0..<costs.rows).map { i in (0..<costs.columns).filter { costs[i, $0] < tau } }
            #expect(!BipartiteMatching(columns: costs.columns, adjacency: below).matchesEveryRow)
            #expect(bottleneck.totalCost <= (BottleneckAssignment.solve(costs, tieBreak: .none)?.totalCost ?? 0))
            let lexicographic = try #require(BottleneckAssignment.solve(costs, tieBreak: .lexicographic))
            #expect(lexicographic.bottleneckCost == tau)
            #expect(!bottleneck.sortedCosts(costs).lexicographicallyPrecedes(lexicographic.sortedCosts(costs)))
        }
    }
}
