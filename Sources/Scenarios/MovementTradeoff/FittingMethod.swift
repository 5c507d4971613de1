import AntennaModels

extension MovementTradeoff {
    /// The fitting method OTFM (specs/tradeoff.md §7, the paper's Algorithm 2): M samples of R(τ) on
    /// [0, τ_sat], a quadratic or sigmoid growth model fitted to them, τ̂ maximising the fitted
    /// (T − τ)·R̂(τ), and the *true* optimised rate at τ̂ (ASSUMED: the fitted value is not achievable).
    public struct FittingMethod: Sendable {
        public struct Result: Sendable {
            public var samples: [CurvePoint]
            public var fit: GrowthFit
            /// τ̂.
            public var duration: Double
            /// The true optimised deployment at τ̂.
            public var point: CurvePoint
            /// (T − τ̂)·R̂(τ̂).
            public var fittedThroughput: Double
        }

        public let interval: Double
        public let sampleCount: Int
        public let selection: FitSelection
        public let searchPoints: Int

        public init(interval: Double, sampleCount: Int, selection: FitSelection, searchPoints: Int) {
            self.interval = interval
            self.sampleCount = sampleCount
            self.selection = selection
            self.searchPoints = searchPoints
        }

        /// M uniform sample durations on [0, τ_sat], both ends included.
        public func sampleDurations(saturation: Double) -> [Double] {
            GeneralMethod.uniform(0, saturation, sampleCount)
        }

        /// The fit and τ̂ from samples, shared with the two-antenna special case.
        public func fitAndMaximize(_ taus: [Double], _ rates: [Double], saturation: Double) -> (fit: GrowthFit, duration: Double) {
            let fit = GrowthFit.select(taus, rates, saturation: saturation, selection: selection)
            guard saturation > 0 else { return (fit, 0) }
            return (fit, fit.bestDuration(interval: interval, saturation: saturation, points: searchPoints))
        }

        public func solve(engine: inout CurveEngine, saturation: Double, objective: inout TraceObjective) -> Result {
            let samples = engine.curve(at: sampleDurations(saturation: saturation), objective: &objective)
            let (fit, duration) = fitAndMaximize(samples.map(\.duration), samples.map(\.rate), saturation: saturation)
            let point: CurvePoint
            if let exact = samples.first(where: { $0.duration == duration }) {
                point = exact
            } else {
                let previous = samples.last { $0.duration <= duration }
                point = engine.point(at: duration, after: previous, objective: &objective)
            }
            return Result(samples: samples, fit: fit, duration: duration, point: point,
                          fittedThroughput: (interval - duration) * fit.model.value(at: duration))
        }
    }
}
