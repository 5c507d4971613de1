import Dispatch
import Testing
@testable import Optimization
import Randomness

/// Random 0/1 knapsack as a MILP: maximise Σ v x subject to Σ w x ≤ capacity.
private func knapsackModel(values: [Double], weights: [Double], capacity: Double) -> MILPModel {
    var model = MILPModel(sense: .maximize)
    for v in values { model.addVariable(kind: .binary, objective: v) }
    model.addLessEqual(weights.indices.map { ($0, weights[$0]) }, capacity)
    return model
}

private func bruteForceKnapsack(values: [Double], weights: [Double], capacity: Double) -> Double {
    var best = 0.0
    for mask in 0..<(1 << values.count) {
        var w = 0.0, v = 0.0
        for i in values.indices where mask & (1 << i) != 0 { w += weights[i]; v += values[i] }
        if w <= capacity { best = max(best, v) }
    }
    return best
}

private func randomKnapsack(_ stream: inout RandomStream, items: Int) -> ([Double], [Double], Double) {
    let values = (0..<items).map { _ in Double(1 + stream.integer(below: 20)) }
    let weights = (0..<items).map { _ in Double(1 + stream.integer(below: 15)) }
    let capacity = (weights.reduce(0, +) * stream.uniform(0.2, 0.7)).rounded(.down)
    return (values, weights, capacity)
}

@Suite("MILP via GLPK")
struct MILPTests {
    @Test func linearProgramWithKnownOptimum() throws {
        // max 3x + 2y  s.t. x + y ≤ 4, x + 3y ≤ 6, 0 ≤ x ≤ 3, y ≥ 0  →  (3, 1), value 11.
        var model = MILPModel(sense: .maximize)
        let x = model.addVariable(upper: 3, objective: 3)
        let y = model.addVariable(objective: 2)
        model.addLessEqual([(x, 1), (y, 1)], 4)
        model.addLessEqual([(x, 1), (y, 3)], 6)
        let solution = try MILPSolver.solve(model)
        #expect(solution.status == .optimal)
        #expect(!solution.usedBranchAndCut)
        #expect(abs(solution.x[x] - 3) < 1e-9 && abs(solution.x[y] - 1) < 1e-9)
        #expect(abs(solution.objective - 11) < 1e-9)
        #expect(model.maximumViolation(at: solution.x) < 1e-9)
    }

    @Test func boundsOnlyModelWithoutConstraints() throws {
        var model = MILPModel()
        model.addVariable(lower: 2, upper: 5, objective: 1)
        model.addVariable(lower: -.infinity, upper: 7, objective: -2)
        model.objectiveConstant = 0.5
        let solution = try MILPSolver.solve(model)
        #expect(solution.status == .optimal)
        #expect(solution.x == [2, 7])
        #expect(solution.objective == 2 - 14 + 0.5)
    }

    @Test func integerProgramMatchesBruteForce() throws {
        var stream = RandomStream(seed: 11, purpose: StreamPurpose("milp-knapsack"), realization: 0)
        for _ in 0..<40 {
            let (values, weights, capacity) = randomKnapsack(&stream, items: 10)
            let solution = try MILPSolver.solve(knapsackModel(values: values, weights: weights, capacity: capacity))
            #expect(solution.status == .optimal)
            #expect(solution.usedBranchAndCut)
            #expect(solution.objective == bruteForceKnapsack(values: values, weights: weights, capacity: capacity))
            #expect(solution.x.allSatisfy { $0 == 0 || $0 == 1 })
        }
    }

    @Test func fixedBinaryBoundsAreRespected() throws {
        var model = knapsackModel(values: [10, 1, 1], weights: [1, 1, 1], capacity: 2)
        model.setBounds(ofVariable: 0, lower: 0, upper: 0)
        let solution = try MILPSolver.solve(model)
        #expect(solution.status == .optimal)
        #expect(solution.x == [0, 1, 1])
    }

    @Test func infeasibleAndUnboundedLPs() throws {
        var infeasible = MILPModel()
        let a = infeasible.addVariable(objective: 1)
        infeasible.addGreaterEqual([(a, 1)], 3)
        infeasible.addLessEqual([(a, 1)], 2)
        #expect(try MILPSolver.solve(infeasible).status == .infeasible)

        var unbounded = MILPModel(sense: .maximize)
        let b = unbounded.addVariable(objective: 1)
        let c = unbounded.addVariable(objective: 1)
        unbounded.addLessEqual([(b, 1), (c, -1)], 1)
        let result = try MILPSolver.solve(unbounded)
        #expect(result.status == .unbounded)
        #expect(!result.hasSolution && result.objective.isNaN)
    }

    @Test func infeasibleAndUnboundedMIPs() throws {
        // 2x = 1 with x integer: the relaxation is feasible, the MIP is not.
        var parity = MILPModel()
        let x = parity.addVariable(upper: 10, kind: .integer, objective: 1)
        parity.addEqual([(x, 2)], 1)
        #expect(try MILPSolver.solve(parity).status == .infeasible)

        // Unbounded MIP: max x + y, x integer ≥ 0, y ≤ x / 2.
        var unbounded = MILPModel(sense: .maximize)
        let u = unbounded.addVariable(kind: .integer, objective: 1)
        let v = unbounded.addVariable(objective: 1)
        unbounded.addLessEqual([(v, 1), (u, -0.5)], 0)
        #expect(try MILPSolver.solve(unbounded).status == .unbounded)

        // Unbounded relaxation but infeasible MIP: max y with y free, 2x = 1, x integer.
        var tricky = MILPModel(sense: .maximize)
        let p = tricky.addVariable(lower: 0, upper: 5, kind: .integer)
        let q = tricky.addVariable(lower: -.infinity, objective: 1)
        tricky.addEqual([(p, 2)], 1)
        tricky.addGreaterEqual([(q, 1)], 0)
        #expect(try MILPSolver.solve(tricky).status == .infeasible)

        // Fractional bounds with no integer inside: decided in Swift, still "infeasible".
        var empty = MILPModel()
        empty.addVariable(lower: 0.2, upper: 0.8, kind: .integer, objective: 1)
        #expect(try MILPSolver.solve(empty).status == .infeasible)
    }

    @Test func integerBoundsAreTightened() throws {
        var model = MILPModel(sense: .maximize)
        model.addVariable(lower: -1.5, upper: 2.7, kind: .integer, objective: 1)
        model.addVariable(lower: -1.5, upper: 2.7, kind: .integer, objective: -1)
        let solution = try MILPSolver.solve(model)
        #expect(solution.status == .optimal)
        #expect(solution.x == [2, -1])
    }

    @Test func invalidModelsAreRejectedBeforeGLPK() {
        func kind(_ model: MILPModel) -> MILPModelError.Kind? {
            do { _ = try MILPSolver.solve(model); return nil } catch { return error.kind }
        }
        #expect(kind(MILPModel()) == .noVariables)

        var duplicate = MILPModel()
        duplicate.addVariable()
        duplicate.addVariable()
        duplicate.addLessEqual([(0, 1), (1, 2), (0, 3)], 1)
        #expect(kind(duplicate) == .duplicateVariable(constraint: 0, index: 0))

        var outOfRange = MILPModel()
        outOfRange.addVariable()
        outOfRange.addLessEqual([(0, 1)], 1)
        outOfRange.addLessEqual([(1, 1)], 1)
        #expect(kind(outOfRange) == .variableIndexOutOfRange(constraint: 1, index: 1))
        var negative = MILPModel()
        negative.addVariable()
        negative.addLessEqual([(-1, 1)], 1)
        #expect(kind(negative) == .variableIndexOutOfRange(constraint: 0, index: -1))

        var nanCoefficient = MILPModel()
        nanCoefficient.addVariable()
        nanCoefficient.addLessEqual([(0, .nan)], 1)
        #expect(kind(nanCoefficient) == .nonFiniteCoefficient(constraint: 0, index: 0))

        var infiniteObjective = MILPModel()
        infiniteObjective.addVariable(objective: .infinity)
        #expect(kind(infiniteObjective) == .nonFiniteObjective(variable: 0))

        var inverted = MILPModel()
        inverted.addVariable(lower: 2, upper: 1)
        #expect(kind(inverted) == .invalidVariableBounds(variable: 0))
        var infiniteLower = MILPModel()
        infiniteLower.addVariable(lower: .infinity, upper: .infinity)
        #expect(kind(infiniteLower) == .invalidVariableBounds(variable: 0))

        var binary = MILPModel()
        binary.addVariable(lower: 0, upper: 2, kind: .binary)
        #expect(kind(binary) == .invalidBinaryBounds(variable: 0))

        var rowBounds = MILPModel()
        rowBounds.addVariable()
        rowBounds.addConstraint([(0, 1)], lower: 3, upper: 1)
        #expect(kind(rowBounds) == .invalidConstraintBounds(constraint: 0))
        var nanRow = MILPModel()
        nanRow.addVariable()
        nanRow.addConstraint([(0, 1)], lower: .nan, upper: 1)
        #expect(kind(nanRow) == .invalidConstraintBounds(constraint: 0))
    }

    /// A 30 × 30 bottleneck-assignment MILP (900 binaries, weak relaxation) needs far more than 1 ms
    /// (a 12 × 12 one takes ~6 ms here), so a 1 ms limit must stop it.
    @Test func timeLimitIsReported() throws {
        var stream = RandomStream(seed: 3, purpose: StreamPurpose("milp-time-limit"), realization: 0)
        let n = 30
        var model = MILPModel()
        let costs = (0..<(n * n)).map { _ in stream.uniform(0, 100) }
        for _ in 0..<(n * n) { model.addVariable(kind: .binary) }
        let tau = model.addVariable(objective: 1)
        for i in 0..<n {
            model.addEqual((0..<n).map { (i * n + $0, 1) }, 1)
            model.addEqual((0..<n).map { ($0 * n + i, 1) }, 1)
            model.addLessEqual((0..<n).map { (i * n + $0, costs[i * n + $0]) } + [(tau, -1)], 0)
        }
        let solution = try MILPSolver.solve(model, options: MILPOptions(timeLimit: 0.001))
        #expect(solution.status == .timeLimit)
        if solution.hasSolution {
            #expect(model.maximumViolation(at: solution.x) < 1e-6)
        }
    }

    @Test func concurrentSolvesAgreeWithSerialSolves() throws {
        let count = 24
        var stream = RandomStream(seed: 5, purpose: StreamPurpose("milp-concurrent"), realization: 0)
        let instances = (0..<count).map { _ in randomKnapsack(&stream, items: 12) }
        let serial = try instances.map {
            try MILPSolver.solve(knapsackModel(values: $0.0, weights: $0.1, capacity: $0.2))
        }
        let results = ConcurrentResults(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let instance = instances[i]
            let solution = try? MILPSolver.solve(
                knapsackModel(values: instance.0, weights: instance.1, capacity: instance.2))
            results.store(solution, at: i)
        }
        for i in 0..<count {
            let concurrent = try #require(results.value(at: i))
            #expect(concurrent.status == .optimal)
            #expect(concurrent.x == serial[i].x)
            #expect(concurrent.objective.bitPattern == serial[i].objective.bitPattern)
            #expect(concurrent.objective
                == bruteForceKnapsack(values: instances[i].0, weights: instances[i].1, capacity: instances[i].2))
        }
    }
}
