extension MovementTradeoff {
    /// Rows of the one-realization tables (`Table`).
    public enum TableRows {
        public static func rows(_ table: Table, _ scheme: Scheme, _ settings: Settings) -> [[Double]] {
            var solver = Solver()
            let interval = settings.interval
            switch table {
            case .positions:
                let d = solver.deployment(scheme, settings)
                return zip(settings.problem.initial, d.positions).enumerated().map { n, pair in
                    [Double(n + 1), pair.0.x, pair.0.y, pair.1.x, pair.1.y]
                }
            case .rateCurve:
                return solver.generalMethod(settings).0.curve.map {
                    [$0.duration, $0.refined ? 1 : 0, $0.rate, $0.throughput(interval: interval)]
                }
            case .fitSamples, .fitModel:
                let taus: [Double], rates: [Double], fit: GrowthFit, duration: Double, saturation: Double, trueThroughput: Double
                if scheme == .twoAntennaFit {
                    let result = TwoAntennaMetrics.fit(settings)
                    (taus, rates, fit, duration, saturation) = (result.taus, result.rates, result.fit, result.duration, result.saturation)
                    trueThroughput = settings.twoAntennaCase.throughput(duration: duration)
                } else {
                    let result = solver.fittingMethod(settings).0
                    taus = result.samples.map(\.duration)
                    rates = result.samples.map(\.rate)
                    (fit, duration, saturation) = (result.fit, result.duration, solver.saturationDuration(settings))
                    trueThroughput = result.point.throughput(interval: interval)
                }
                if table == .fitSamples {
                    return zip(taus, rates).map { [$0, $1, fit.model.value(at: $0)] }
                }
                return [[fit.model.code] + fit.model.parameters
                        + [fit.sumOfSquares, saturation, duration, trueThroughput, (interval - duration) * fit.model.value(at: duration)]]
            }
        }
    }
}
