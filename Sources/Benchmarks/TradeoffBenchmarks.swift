import Randomness
import ScenarioKit
import Scenarios

enum TradeoffBenchmarks {
    /// The paper's general method (τ grid + penalty AO per τ) against the fitting method (M samples,
    /// curve fit, one evaluation at τ̂), at the defaults (v = 5 λ/s, N = 6, K = 4): the issue asks
    /// that OTFM be measurably cheaper.
    static func run() {
        Bench.section("tradeoff: one solve at the defaults (v = 5 λ/s)")
        let scenario = MovementTradeoffScenario()
        let parameters = scenario.defaultParameters
        var times: [String: Double] = [:]
        for scheme in ["static", "otfm", "otgm"] {
            let series = [SeriesRequest(index: 0, label: scheme, scheme: scheme, parameters: parameters)]
            var workspace = scenario.makeWorkspace()
            times[scheme] = Bench.measure(scheme) {
                _ = scenario.evaluate(series, streams: UnitStreams(seed: 1, realization: 0, point: 0), workspace: &workspace)
            }
        }
        Bench.ratio("OTGM / OTFM (general vs fitting method)", times["otgm"]!, times["otfm"]!)
    }
}
