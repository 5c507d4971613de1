import Foundation
import Testing
@testable import Optimization

/// Logistic growth model of the tradeoff paper (21): c + (R_max − c) / (1 + e^{−k(τ − τ₀)}),
/// parameters β = (R_max, c, k, τ₀).
private func sigmoid(_ tau: Double, _ beta: [Double]) -> Double {
    let s = 1 / (1 + exp(-beta[2] * (tau - beta[3])))
    return beta[1] + (beta[0] - beta[1]) * s
}

private func sigmoidGradient(_ tau: Double, _ beta: [Double], _ g: inout [Double]) {
    let s = 1 / (1 + exp(-beta[2] * (tau - beta[3])))
    let spread = beta[0] - beta[1]
    g[0] = s
    g[1] = 1 - s
    g[2] = spread * s * (1 - s) * (tau - beta[3])
    g[3] = -spread * s * (1 - s) * beta[2]
}

/// Quadratic growth model (20): c − a(τ − τ_q)², parameters β = (a, τ_q, c).
private func quadratic(_ tau: Double, _ beta: [Double]) -> Double {
    beta[2] - beta[0] * (tau - beta[1]) * (tau - beta[1])
}

private func relativeError(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) / max(abs($1), 1e-300) }.max() ?? 0
}

@Suite("Levenberg–Marquardt")
struct LevenbergMarquardtTests {
    @Test(arguments: [true, false])
    func recoversQuadraticGrowthModel(analytic: Bool) {
        let truth = [13.578, 0.2, 3.462]
        let tau = (0...5).map { Double($0) * 0.04 }
        let y = tau.map { quadratic($0, truth) }
        let problem = LeastSquaresProblem.curveFit(
            x: tau, y: y, parameterCount: 3, model: quadratic,
            gradient: analytic ? { t, b, g in
                g[0] = -(t - b[1]) * (t - b[1])
                g[1] = 2 * b[0] * (t - b[1])
                g[2] = 1
            } : nil)
        let result = LevenbergMarquardt.minimize(problem, start: [1, 0.5, 3])
        #expect(result.status.converged, "\(result.status)")
        #expect(relativeError(result.parameters, truth) < 1e-9, "\(result.parameters)")
        #expect(result.sumOfSquares < 1e-20)
    }

    @Test func recoversSigmoidGrowthModelFromTheSpecInitialGuess() {
        // Case ii of the tradeoff paper's special case: τ_sat = 0.48, M = 6 samples.
        let truth = [3.5678, -1.4149, 9.948, 0.0875]
        let tauSat = 0.48
        let tau = (0...5).map { Double($0) * tauSat / 5 }
        let y = tau.map { sigmoid($0, truth) }
        let problem = LeastSquaresProblem.curveFit(
            x: tau, y: y, parameterCount: 4, model: sigmoid, gradient: sigmoidGradient)
        // Initial guess rule of specs/tradeoff.md §7.3.
        let start = [y[5] + 0.05 * (y[5] - y[0]) + 1e-6, y[0] - 1e-6, 8 / tauSat, tauSat / 2]
        let result = LevenbergMarquardt.minimize(problem, start: start)
        #expect(result.status.converged, "\(result.status)")
        #expect(relativeError(result.parameters, truth) < 1e-8, "\(result.parameters)")
        #expect(result.iterations < 100)
    }

    @Test func sigmoidFitOfTheSpecsRoundedSamples() {
        // specs/tradeoff.md §10.3, Case ii: the published 4-decimal samples and the published fit.
        let tau = (0...5).map { Double($0) * 0.096 }
        let y = [0.0558, 1.1829, 2.2683, 2.9602, 3.3388, 3.4594]
        let problem = LeastSquaresProblem.curveFit(
            x: tau, y: y, parameterCount: 4, model: sigmoid, gradient: sigmoidGradient)
        let start = [y[5] + 0.05 * (y[5] - y[0]) + 1e-6, y[0] - 1e-6, 8 / 0.48, 0.24]
        let result = LevenbergMarquardt.minimize(problem, start: start)
        #expect(result.status.converged)
        #expect(relativeError(result.parameters, [3.5678, -1.4149, 9.948, 0.0875]) < 2e-3, "\(result.parameters)")
    }

    /// NIST StRD Misra1a (lower difficulty), both certified starts; certified values to 11 digits.
    @Test(arguments: [[500.0, 1e-4], [250.0, 5e-4]])
    func nistMisra1a(start: [Double]) {
        let x = [77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3, 536.8, 593.1, 689.1, 760.0]
        let y = [10.07, 14.73, 17.94, 23.93, 29.61, 35.18, 40.02, 44.82, 50.76, 55.05, 61.01, 66.40, 75.47, 81.78]
        let certified = [2.3894212918e2, 5.5015643181e-4]
        let certifiedSSE = 1.2455138894e-1
        for analytic in [true, false] {
            let problem = LeastSquaresProblem.curveFit(
                x: x, y: y, parameterCount: 2, model: { t, b in b[0] * (1 - exp(-b[1] * t)) },
                gradient: analytic ? { t, b, g in
                    g[0] = 1 - exp(-b[1] * t)
                    g[1] = b[0] * t * exp(-b[1] * t)
                } : nil)
            let result = LevenbergMarquardt.minimize(problem, start: start)
            #expect(result.status.converged, "\(result.status)")
            // Tolerance 1e-8 relative on the parameters: the certified values carry 11 digits, and
            // with central differences (Jacobian error ~1e-10) the stationary point moves by about
            // that error times the conditioning of JᵀJ — still well inside 1e-8 here.
            #expect(relativeError(result.parameters, certified) < 1e-8, "\(result.parameters)")
            #expect(abs(result.sumOfSquares - certifiedSSE) < 1e-9 * certifiedSSE)
        }
    }

    @Test func rosenbrockResiduals() {
        let problem = LeastSquaresProblem(
            parameterCount: 2, residualCount: 2,
            residuals: { b, r in
                r[0] = 10 * (b[1] - b[0] * b[0])
                r[1] = 1 - b[0]
            },
            jacobian: { b, j in
                j[0] = -20 * b[0]; j[1] = 10
                j[2] = -1; j[3] = 0
            })
        for scale in [LevenbergMarquardtOptions.DampingScale.marquardt, .identity] {
            var options = LevenbergMarquardtOptions()
            options.dampingScale = scale
            let result = LevenbergMarquardt.minimize(problem, start: [-1.2, 1], options: options)
            #expect(result.status.converged, "\(result.status)")
            #expect(abs(result.parameters[0] - 1) < 1e-10 && abs(result.parameters[1] - 1) < 1e-10)
            #expect(result.acceptedSteps <= result.iterations)
        }
    }

    @Test func boxBoundsAreRespectedAndActiveAtTheSolution() {
        // Rosenbrock with β₀ ≤ 0.5: the minimiser is (0.5, 0.25) with the bound active.
        var visitedOutside = false
        let problem = LeastSquaresProblem(
            parameterCount: 2, residualCount: 2,
            residuals: { b, r in
                if b[0] > 0.5 || b[1] < -1 { visitedOutside = true }
                r[0] = 10 * (b[1] - b[0] * b[0])
                r[1] = 1 - b[0]
            },
            lowerBounds: [-.infinity, -1], upperBounds: [0.5, .infinity])
        let result = LevenbergMarquardt.minimize(problem, start: [-1.2, 1])
        #expect(result.status.converged, "\(result.status)")
        #expect(result.parameters[0] == 0.5)
        #expect(abs(result.parameters[1] - 0.25) < 1e-10)
        #expect(!visitedOutside)
        #expect(result.scaledGradient <= 1e-10)
    }

    @Test func startIsProjectedAndNonFiniteStartIsReported() {
        let problem = LeastSquaresProblem(
            parameterCount: 1, residualCount: 1,
            residuals: { b, r in r[0] = log(b[0]) },
            lowerBounds: [-1], upperBounds: [10])
        let bad = LevenbergMarquardt.minimize(problem, start: [-5])
        #expect(bad.status == .nonFiniteStart && bad.parameters == [-1])
        let good = LevenbergMarquardt.minimize(problem, start: [20])
        #expect(good.status.converged && abs(good.parameters[0] - 1) < 1e-9, "\(good.parameters)")
    }

    @Test func iterationLimitIsReported() {
        let problem = LeastSquaresProblem(
            parameterCount: 2, residualCount: 2,
            residuals: { b, r in
                r[0] = 10 * (b[1] - b[0] * b[0])
                r[1] = 1 - b[0]
            })
        var options = LevenbergMarquardtOptions()
        options.maxIterations = 3
        let result = LevenbergMarquardt.minimize(problem, start: [-1.2, 1], options: options)
        #expect(result.status == .iterationLimit && result.iterations == 3 && !result.status.converged)
    }
}
