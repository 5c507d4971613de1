import Foundation
import Scenarios
import Testing

/// specs/tradeoff.md §13 check 6 and the fitting rules of §7.3.
@Suite("tradeoff: growth models and fits")
struct GrowthModelTests {
    typealias Fit = MovementTradeoff.GrowthFit

    static func samples(initialSpacing: Double) -> (taus: [Double], rates: [Double], saturation: Double) {
        let model = TradeoffTest.settings { $0.speed = 0.5; $0.specialInitialSpacing = initialSpacing }.twoAntennaCase
        let saturation = model.saturationDuration
        let taus = (0..<6).map { saturation * Double($0) / 5 }
        return (taus, taus.map { model.rate(duration: $0) }, saturation)
    }

    /// Relative agreement to 1e-3 (specs): the references are printed to 4–5 significant digits.
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-3 * max(abs(b), 1e-3) }

    @Test("Check 6: sigmoid LM on Case ii reproduces (3.5678, −1.4149, 9.948, 0.0875); quadratic on Case i (13.578, 0.2, 3.462)")
    func references() throws {
        let two = Self.samples(initialSpacing: 0.02)
        // The sample rates of specs §10.3.
        for (a, b) in zip(two.rates, [0.0558, 1.1829, 2.2683, 2.9602, 3.3388, 3.4594]) { #expect(abs(a - b) < 5e-5) }
        let sigmoid = try #require(Fit.sigmoid(two.taus, two.rates, saturation: two.saturation))
        guard case .sigmoid(let maximum, let offset, let k, let inflection) = sigmoid.model else { Issue.record("not a sigmoid"); return }
        #expect(Self.close(maximum, 3.5678) && Self.close(offset, -1.4149) && Self.close(k, 9.948) && Self.close(inflection, 0.0875),
                "\(sigmoid.model)")
        #expect(abs(sigmoid.sumOfSquares - 5.8e-4) < 0.05e-4)

        let one = Self.samples(initialSpacing: 0.3)
        for (a, b) in zip(one.rates, [2.9155, 3.1176, 3.2698, 3.3759, 3.4387, 3.4594]) { #expect(abs(a - b) < 5e-5) }
        let quadratic = Fit.quadratic(one.taus, one.rates, saturation: one.saturation)
        guard case .quadratic(let c, let a, let vertex) = quadratic.model else { Issue.record("not a quadratic"); return }
        #expect(Self.close(a, 13.578) && Self.close(vertex, 0.2) && Self.close(c, 3.462), "\(quadratic.model)")
        #expect(abs(quadratic.sumOfSquares - 4.2e-5) < 0.05e-5)
        // The fitted ceiling exceeds the achievable one, log2(11) = 3.4594 (why OTFM reports the true rate).
        #expect(c > log2(11.0))
    }

    @Test("Model choice (SSE rule): quadratic for Case i, sigmoid for Case ii; forced choices honoured")
    func selection() {
        let one = Self.samples(initialSpacing: 0.3), two = Self.samples(initialSpacing: 0.02)
        #expect(Fit.select(one.taus, one.rates, saturation: one.saturation, selection: .sse).model.code == 0)
        #expect(Fit.select(two.taus, two.rates, saturation: two.saturation, selection: .sse).model.code == 1)
        #expect(Fit.select(two.taus, two.rates, saturation: two.saturation, selection: .quadratic).model.code == 0)
        #expect(Fit.select(one.taus, one.rates, saturation: one.saturation, selection: .sigmoid).model.code == 1)
    }

    @Test("Quadratic rules: constant data → constant model; an unconstrained vertex beyond τ_sat is kept; a < 0 → a = 0")
    func quadraticRules() {
        let taus = [0, 0.1, 0.2, 0.3]
        let flat = Fit.quadratic(taus, [2, 2, 2, 2], saturation: 0.3)
        #expect(flat.model == .quadratic(c: 2, a: 0, vertex: 0.3))
        // Exact parabola with vertex 0.5 > τ_sat = 0.3: recovered exactly.
        let parabola = taus.map { 4 - 3 * ($0 - 0.5) * ($0 - 0.5) }
        guard case .quadratic(let c, let a, let vertex) = Fit.quadratic(taus, parabola, saturation: 0.3).model else { return }
        #expect(abs(c - 4) < 1e-10 && abs(a - 3) < 1e-10 && abs(vertex - 0.5) < 1e-10)
        // Decreasing data: the constrained fit would need a < 0 → the constant model at the mean.
        let falling = Fit.quadratic(taus, [3, 2, 1, 0], saturation: 0.3)
        #expect(falling.model == .quadratic(c: 1.5, a: 0, vertex: 0.3))
    }
}
