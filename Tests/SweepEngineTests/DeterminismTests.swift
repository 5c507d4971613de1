import Foundation
import Testing
import Randomness
import ScenarioKit
@testable import SweepEngine

let stochasticYAML = """
    scenario: random-test
    figure: t
    seed: 20251122
    realizations: 400
    parameters: {scale: 2}
    sweep:
      offset: [0, 1.5, -3]
      dimension: {range: {start: 1, stop: 3, step: 1}}
    series:
      - {label: G, scheme: gaussian}
      - {label: U, scheme: uniform}
      - {label: Sq, scheme: gaussian, parameters: {mode: squared, failure_rate: 0.25}}
    outputs:
      - {metric: value, file: t}
    """

@Suite("Determinism")
struct DeterminismTests {
    @Test func jobsOneAndTwoAndSevenAreByteIdentical() throws {
        let one = try runCSV(stochasticYAML, jobs: 1)
        #expect(try runCSV(stochasticYAML, jobs: 2) == one)
        #expect(try runCSV(stochasticYAML, jobs: 7) == one)
        #expect(one.split(separator: "\n").count == 1 + 9)
    }

    @Test func sameSeedReproducesDifferentSeedChanges() throws {
        let a = try runCSV(stochasticYAML, jobs: 2)
        #expect(try runCSV(stochasticYAML, jobs: 2) == a)
        let other = try runCSV(stochasticYAML.replacingOccurrences(of: "seed: 20251122", with: "seed: 20251123"), jobs: 2)
        #expect(other != a)
        // Only the values change: the header and sweep columns are the same.
        #expect(other.split(separator: "\n")[0] == a.split(separator: "\n")[0])
    }

    /// Common random numbers: series at different sweep points see the same channel draws, so the
    /// "uniform" series differs between offsets by exactly the offset difference.
    @Test func commonRandomNumbersAcrossPoints() throws {
        let plan = try SweepPlan(loadExperiment(stochasticYAML))
        let result = try SweepEngine.run(plan, options: RunOptions(jobs: 2, quiet: true))
        let uniform = 1
        let atZero = result.curves[0][0][uniform].mean, atOnePointFive = result.curves[0][3][uniform].mean
        #expect(abs((atOnePointFive - atZero) - 1.5) < 1e-12)
    }
}

@Suite("Reduction against direct formulas")
struct ReductionTests {
    /// Recomputes every per-realization value with the scenario's own function, then the mean, the
    /// failure count and the 95 % half-width by the textbook two-pass formulas.
    @Test func meansFailuresAndCI95MatchDirectComputation() throws {
        let plan = try SweepPlan(loadExperiment(stochasticYAML))
        let result = try SweepEngine.run(plan, options: RunOptions(jobs: 2, quiet: true))
        let scenario = RandomMetricsScenario()
        var totalFailures = [Int](repeating: 0, count: 3)
        for point in plan.points {
            for series in point.series {
                var values: [Double] = []
                var failed = 0
                for r in 0..<plan.realizations {
                    let streams = UnitStreams(seed: plan.experiment.seed, realization: r, point: point.index)
                    switch RandomMetricsScenario.outcome(series, streams: streams) {
                    case .success(let v): values.append(v[scenario.metricIndex(named: "value")!])
                    case .failure: failed += 1
                    }
                }
                totalFailures[series.index] += failed
                #expect(result.failures[point.index][series.index] == failed)
                let n = Double(values.count)
                let mean = values.reduce(0, +) / n
                let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
                let t = StudentT.quantile975(degreesOfFreedom: values.count - 1)
                let moments = result.curves[0][point.index][series.index]
                #expect(moments.count == values.count)
                // Welford and two-pass agree to a few ulps of the data's magnitude.
                #expect(abs(moments.mean - mean) <= 1e-12 * max(1, abs(mean)))
                #expect(abs(moments.ci95 - t * (variance / n).squareRoot()) <= 1e-10 * moments.ci95)
            }
        }
        #expect(totalFailures[0] == 0 && totalFailures[1] == 0)
        // 25 % forced failures over 9 × 400 units: expect ≈ 900, certainly neither none nor all.
        #expect(totalFailures[2] > 700 && totalFailures[2] < 1100)
        #expect(result.failuresBySeries[2] == SeriesFailures(count: totalFailures[2], statuses: ["test:forced": totalFailures[2]]))
    }

    @Test func failFastStopsWithTheFirstFailure() throws {
        let plan = try SweepPlan(loadExperiment(stochasticYAML))
        #expect(throws: RunError.self) {
            try SweepEngine.run(plan, options: RunOptions(jobs: 2, failFast: true, quiet: true))
        }
    }

    @Test func studentQuantileMatchesReferenceValues() {
        // Reference: scipy.stats.t.ppf(0.975, df), computed once for this table.
        let reference: [(Int, Double)] = [
            (1, 12.706204736174694), (2, 4.302652729749462), (3, 3.1824463052837078), (4, 2.7764451051977934),
            (5, 2.5705818356363146), (9, 2.262157162798205), (10, 2.228138851986274), (19, 2.0930240544083087),
            (30, 2.0422724563012378), (99, 1.9842169515864174), (100, 1.9839715185235518),
            (999, 1.9623414611334493), (1000, 1.9623390808264083), (1001, 1.9623367052808798),
            (5000, 1.9604385517065073), (100_000, 1.9599877075346095),
        ]
        for (df, t) in reference {
            #expect(abs(StudentT.quantile975(degreesOfFreedom: df) - t) < 1e-12 * t, "df = \(df)")
        }
    }

    @Test func deterministicExperimentHasNoCIColumns() throws {
        let csv = try runCSV("""
            scenario: random-test
            figure: d
            sweep: {offset: [1, 2, 3]}
            series: [{label: E, scheme: exact}]
            outputs: [{metric: value, file: d}]
            """, jobs: 2)
        #expect(csv == "offset,E\n1,1\n2,4\n3,9\n")
    }

    @Test func tableOutputHasSweepSeriesAndScenarioColumns() throws {
        let csv = try runCSV("""
            scenario: random-test
            figure: tab
            seed: 5
            realizations: 3
            sweep: {offset: [1, 2]}
            series: [{label: G, scheme: gaussian}]
            outputs:
              - {metric: value, file: curve}
              - {table: draws, file: draws, realization: 2}
            """, jobs: 1, output: 1)
        let lines = csv.split(separator: "\n")
        #expect(lines[0] == "offset,series,index,value")
        #expect(lines.count == 1 + 2 * 3)
        // The same realization's channel at both points: common random numbers.
        #expect(lines[1].split(separator: ",")[3] == lines[4].split(separator: ",")[3])
    }
}

@Suite("Bounded memory")
struct BoundedMemoryTests {
    /// 60 000 units with a deliberately slow unit every 5 000: other workers run ahead, but the reorder
    /// buffer never holds more than the window, and the result equals a single-threaded run.
    @Test func reorderBufferStaysWithinWindow() throws {
        let yaml = """
            scenario: random-test
            figure: big
            seed: 9
            realizations: 30000
            parameters: {dimension: 2}
            sweep: {offset: [0, 1]}
            series: [{label: G, scheme: gaussian}, {label: Slow, scheme: gaussian, parameters: {mode: squared, limit: 7.5}}]
            outputs: [{metric: value, file: big}]
            """
        let plan = try SweepPlan(loadExperiment(yaml))
        let parallel = try SweepEngine.run(plan, options: RunOptions(jobs: 3, quiet: true))
        #expect(parallel.reorderHighWater <= RunResult.reorderWindow(jobs: 3))
        let serial = try SweepEngine.run(plan, options: RunOptions(jobs: 1, quiet: true))
        #expect(serial.reorderHighWater == 1)
        #expect(CSVTables.text(parallel, output: 0) == CSVTables.text(serial, output: 0))
    }
}
