import AntennaModels
import Foundation
import Randomness
import Scenarios

/// Shared helpers for the `tradeoff` tests. Solutions of the main scenario are expensive in a debug build
/// (≈ 4 s per OTGM), so the ones several tests need are computed once per test run (`static let`).
enum TradeoffTest {
    typealias Settings = MovementTradeoff.Settings

    static func settings(_ modify: (inout Settings) -> Void = { _ in }) -> Settings {
        var s = Settings()
        modify(&s)
        return s
    }

    static func relativeDifference(_ a: Double, _ b: Double) -> Double {
        abs(a - b) / max(abs(a), abs(b), 1e-300)
    }

    static func stream(_ name: String) -> RandomStream {
        RandomStream(seed: 20_260_422, purpose: StreamPurpose(name), realization: 0)
    }

    /// Every scheme of the main scenario under one setting.
    struct Outcome: Sendable {
        var general: MovementTradeoff.GeneralMethod.Result
        var fitting: MovementTradeoff.FittingMethod.Result
        var unconstrained: MovementTradeoff.UnconstrainedOptimum
        var saturation: Double
        var threshold: MovementTradeoff.StationarityThreshold
        var settings: Settings

        var otgm: Double { general.best.throughput(interval: settings.interval) }
        var otfm: Double { fitting.point.throughput(interval: settings.interval) }
        var fmd: Double { general.fixedDuration.throughput(interval: settings.interval) }
        var upperBound: Double { settings.interval * rate(trace: unconstrained.trace) }
        var stationary: Double { settings.interval * threshold.initialRate }
        func rate(trace: Double) -> Double { MovementTradeoff.RateModel(referenceSNR: settings.referenceSNR).rate(trace: trace) }
    }

    static func solve(_ settings: Settings) -> Outcome {
        var solver = MovementTradeoff.Solver()
        return Outcome(general: solver.generalMethod(settings).0, fitting: solver.fittingMethod(settings).0,
                       unconstrained: solver.unconstrainedOptimum(settings), saturation: solver.saturationDuration(settings),
                       threshold: solver.threshold(settings), settings: settings)
    }

    /// The Fig. 4(b) speeds at which the tests check orderings and convergence (specs §13 checks 12–15).
    static let speeds: [Double] = [0.5, 1, 2, 5, 10, 20, 40]
    static let speedSweep: [Outcome] = speeds.map { v in solve(settings { $0.speed = v }) }
}

/// A committed golden CSV of a `tradeoff` experiment (Tests/Golden/tradeoff), read as numbers. The golden
/// test proves these files are exactly what the code produces, so claims checked on them are claims about
/// the code at paper scale, without paying for the sweep twice in a debug build.
struct GoldenTable {
    let header: [String]
    let rows: [[Double]]

    init(_ file: String) throws {
        let url = RepositoryFiles.root.appendingPathComponent("Tests/Golden/tradeoff/\(file).csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        header = lines[0].split(separator: ",").map(String.init)
        rows = lines.dropFirst().map { $0.split(separator: ",").map { Double($0) ?? .nan } }
    }

    func column(_ name: String) -> [Double] {
        guard let j = header.firstIndex(of: name) else { preconditionFailure("no column \(name)") }
        return rows.map { $0[j] }
    }
}
