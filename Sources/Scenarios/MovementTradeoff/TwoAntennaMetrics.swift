extension MovementTradeoff {
    /// Metrics and tables of the two-antenna special case (specs/tradeoff.md §10, Figs. 2–3), all closed form.
    public enum TwoAntennaMetrics {
        /// The fitting method on the closed-form curve: M samples on [0, τ_sat], the fit, τ̂ and true E(τ̂).
        public static func fit(_ settings: Settings) -> (taus: [Double], rates: [Double], fit: GrowthFit, duration: Double,
                                                          saturation: Double) {
            let model = settings.twoAntennaCase
            let saturation = model.saturationDuration
            let method = FittingMethod(interval: settings.interval, sampleCount: settings.fitSamples,
                                       selection: settings.fitSelection, searchPoints: settings.fitSearchPoints)
            let taus = method.sampleDurations(saturation: saturation)
            let rates = taus.map { model.rate(duration: $0) }
            let (fit, duration) = method.fitAndMaximize(taus, rates, saturation: saturation)
            return (taus, rates, fit, duration, saturation)
        }

        public static func values(_ scheme: Scheme, _ settings: Settings) -> [Double] {
            let model = settings.twoAntennaCase
            var values = [Metric: Double]()
            let tau = settings.movementDuration, interval = settings.interval
            values[.saturationDuration] = model.saturationDuration
            switch scheme {
            case .twoAntennaFit:
                let result = fit(settings)
                let rate = tau <= result.saturation ? result.fit.model.value(at: tau) : .nan
                values[.rate] = rate
                values[.throughput] = (interval - tau) * rate
                values[.duration] = tau
                values[.fitModel] = result.fit.model.code
            case .twoAntennaSearch:
                let (best, throughput) = model.optimalDuration(step: settings.specialSearchStep)
                values[.duration] = best
                values[.throughput] = throughput
                values[.rate] = model.rate(duration: best)
            default:
                values[.duration] = tau
                values[.rate] = model.rate(duration: tau)
                values[.throughput] = model.throughput(duration: tau)
            }
            if scheme != .twoAntennaFit {
                let t = model.threshold
                values[.initialRate] = t.initialRate
                values[.gradientNormSum] = t.gradientNormSum
                values[.speedThreshold] = t.speedThreshold
                values[.timeThreshold] = t.timeThreshold
            }
            return Metric.allCases.map { values[$0] ?? .nan }
        }
    }
}
