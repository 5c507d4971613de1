import Foundation

/// Finite-difference Jacobian J_ij = ∂r_i/∂β_j, row-major, respecting the box bounds: a perturbation
/// that would leave the box is taken on the other side (one-sided), so r is never evaluated outside.
struct FiniteDifferenceJacobian {
    let problem: LeastSquaresProblem
    let scheme: LevenbergMarquardtOptions.FiniteDifferences
    private var plus: [Double]
    private var minus: [Double]

    init(problem: LeastSquaresProblem, scheme: LevenbergMarquardtOptions.FiniteDifferences) {
        self.problem = problem
        self.scheme = scheme
        plus = [Double](repeating: 0, count: problem.residualCount)
        minus = plus
    }

    /// Fills `jacobian` at `parameters` whose residuals are `residuals`; returns the number of
    /// residual evaluations used.
    mutating func evaluate(at parameters: [Double], residuals: [Double], into jacobian: inout [Double]) -> Int {
        let n = problem.parameterCount, m = problem.residualCount
        let relative = scheme == .forward ? Double.ulpOfOne.squareRoot() : cbrt(Double.ulpOfOne)
        var evaluations = 0
        var point = parameters
        for j in 0..<n {
            let lower = problem.lowerBounds?[j] ?? -.infinity
            let upper = problem.upperBounds?[j] ?? .infinity
            let step = relative * (parameters[j] != 0 ? abs(parameters[j]) : 1)
            let canGoUp = parameters[j] + step <= upper
            let canGoDown = parameters[j] - step >= lower
            if scheme == .central && canGoUp && canGoDown {
                point[j] = parameters[j] + step
                problem.residuals(point, &plus)
                point[j] = parameters[j] - step
                problem.residuals(point, &minus)
                evaluations += 2
                let width = (parameters[j] + step) - (parameters[j] - step)
                for i in 0..<m { jacobian[i * n + j] = (plus[i] - minus[i]) / width }
            } else {
                let signed = canGoUp || !canGoDown ? step : -step
                point[j] = parameters[j] + signed
                problem.residuals(point, &plus)
                evaluations += 1
                let width = point[j] - parameters[j]
                for i in 0..<m { jacobian[i * n + j] = (plus[i] - residuals[i]) / width }
            }
            point[j] = parameters[j]
        }
        return evaluations
    }
}
