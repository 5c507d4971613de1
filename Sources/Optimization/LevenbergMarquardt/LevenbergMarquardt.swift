/// Levenberg–Marquardt for nonlinear least squares, with Nielsen's damping update and optional box
/// bounds.
///
/// Each iteration solves (JᵀJ + μD) h = −Jᵀr by Cholesky on the free parameters. A parameter on a
/// bound whose descent direction −(Jᵀr)_j points out of the box is held (h_j = 0); a free parameter
/// whose step would leave the box is clipped onto the bound and the remaining ones are re-solved with
/// that displacement, so the step stays a Gauss–Newton step in the face of the box. The step s is
/// accepted when the gain ratio ρ = (F(β) − F(β + s)) / (L(0) − L(s)) is positive (F = ½‖r‖², L the
/// Gauss–Newton model; F(β) − F(β + s) is summed as ½Σ(r_i − r'_i)(r_i + r'_i) so that it keeps its
/// accuracy when a large residual component is unchanged). Nielsen's rule: on acceptance
/// μ ← μ·max(⅓, 1 − (2ρ − 1)³), ν ← 2; on rejection (or a system that is not numerically positive
/// definite, or non-finite trial residuals) μ ← μν, ν ← 2ν. The starting point is projected onto the
/// box, and residuals are never evaluated outside it (finite differences included).
/// Stopping tests and their tolerances are documented on `LevenbergMarquardtOptions`; the initial
/// damping is μ₀ = `initialDampingFactor` for Marquardt scaling (D = diag JᵀJ makes μ dimensionless)
/// and `initialDampingFactor`·max_j (JᵀJ)_jj for identity scaling (Nielsen).
public enum LevenbergMarquardt {
    public static func minimize(
        _ problem: LeastSquaresProblem, start: [Double],
        options: LevenbergMarquardtOptions = LevenbergMarquardtOptions()
    ) -> LevenbergMarquardtResult {
        precondition(start.count == problem.parameterCount, "start has the wrong length")
        let n = problem.parameterCount, m = problem.residualCount
        var beta = start
        problem.project(&beta)
        var r = [Double](repeating: 0, count: m)
        problem.residuals(beta, &r)
        var result = LevenbergMarquardtResult(
            parameters: beta, residuals: r, sumOfSquares: sumOfSquares(r), status: .iterationLimit,
            iterations: 0, acceptedSteps: 0, residualEvaluations: 1, jacobianEvaluations: 0, scaledGradient: .nan)
        guard result.sumOfSquares.isFinite else {
            result.status = .nonFiniteStart
            return result
        }

        var differences = FiniteDifferenceJacobian(problem: problem, scheme: options.finiteDifferences)
        var jacobian = [Double](repeating: 0, count: m * n)
        var normal = [Double](repeating: 0, count: n * n)  // A = JᵀJ
        var gradient = [Double](repeating: 0, count: n)    // g = Jᵀr
        var scale = [Double](repeating: 0, count: n)        // running max of diag(A)
        func linearize() {
            if let analytic = problem.jacobian {
                analytic(beta, &jacobian)
            } else {
                result.residualEvaluations += differences.evaluate(at: beta, residuals: r, into: &jacobian)
            }
            result.jacobianEvaluations += 1
            for a in 0..<n {
                for b in 0...a {
                    var sum = 0.0
                    for i in 0..<m { sum += jacobian[i * n + a] * jacobian[i * n + b] }
                    normal[a * n + b] = sum
                    normal[b * n + a] = sum
                }
                var g = 0.0
                for i in 0..<m { g += jacobian[i * n + a] * r[i] }
                gradient[a] = g
                scale[a] = max(scale[a], normal[a * n + a])
            }
        }
        linearize()

        let dampingReference = options.dampingScale == .marquardt ? 1 : max(scale.max() ?? 1, .leastNormalMagnitude)
        var mu = options.initialDampingFactor * dampingReference
        var nu = 2.0
        var blocked = [Bool](repeating: false, count: n)
        // Blocked: at a bound with the descent direction −g pointing out of the box.
        func markBlocked() {
            for j in 0..<n {
                let atLower = problem.lowerBounds.map { beta[j] <= $0[j] } ?? false
                let atUpper = problem.upperBounds.map { beta[j] >= $0[j] } ?? false
                blocked[j] = (atLower && gradient[j] > 0) || (atUpper && gradient[j] < 0)
            }
        }
        var system = [Double](repeating: 0, count: n * n)
        var rhs = [Double](repeating: 0, count: n)
        var step = [Double](repeating: 0, count: n)
        var trial = beta
        var trialResiduals = r
        var fixed = blocked
        var clippedTo = [Double](repeating: 0, count: n)

        /// Solves (A + μD) h = −g on the free parameters. Blocked parameters keep h_j = 0; a free
        /// parameter whose step would leave the box is clipped to the bound, fixed there, and the
        /// others re-solved with that displacement (at most n rounds). Leaves trial = β + h (inside
        /// the box, clipped parameters exactly on their bound) and step = trial − β.
        func computeStep() -> Bool {
            for j in 0..<n { fixed[j] = blocked[j]; clippedTo[j] = beta[j] }
            let floor = 1e-12 * max(scale.max() ?? 0, .leastNormalMagnitude)
            for _ in 0...n {
                let free = (0..<n).filter { !fixed[$0] }
                let k = free.count
                for j in 0..<n where fixed[j] { step[j] = clippedTo[j] - beta[j] }
                if k > 0 {
                    for (a, ja) in free.enumerated() {
                        for (b, jb) in free.enumerated() { system[a * k + b] = normal[ja * n + jb] }
                        let d = options.dampingScale == .marquardt ? max(scale[ja], floor) : 1
                        system[a * k + a] += mu * d
                        var value = -gradient[ja]
                        for c in 0..<n where fixed[c] { value -= normal[ja * n + c] * step[c] }
                        rhs[a] = value
                    }
                    var factor = Array(system[0..<(k * k)])
                    var solution = Array(rhs[0..<k])
                    guard SmallCholesky.factorize(&factor, order: k) else { return false }
                    SmallCholesky.solve(factor: factor, order: k, &solution)
                    for (a, j) in free.enumerated() { step[j] = solution[a] }
                }
                var clipped = false
                for j in 0..<n {
                    trial[j] = fixed[j] ? clippedTo[j] : beta[j] + step[j]
                    let lower = problem.lowerBounds?[j] ?? -.infinity
                    let upper = problem.upperBounds?[j] ?? .infinity
                    if !fixed[j] && (trial[j] < lower || trial[j] > upper) {
                        fixed[j] = true
                        clippedTo[j] = trial[j] < lower ? lower : upper
                        clipped = true
                    }
                }
                if !clipped { break }
            }
            for j in 0..<n {
                if fixed[j] { trial[j] = clippedTo[j] }
                step[j] = trial[j] - beta[j]
            }
            return true
        }

        while true {
            let sse = result.sumOfSquares
            if sse == 0 {
                result.status = .zeroResidual
                break
            }
            markBlocked()
            result.scaledGradient = scaledGradient(gradient, normal: normal, blocked: blocked, sse: sse, n: n)
            if result.scaledGradient <= options.gradientTolerance {
                result.status = .gradientTolerance
                break
            }
            if result.iterations >= options.maxIterations {
                result.status = .iterationLimit
                break
            }
            result.iterations += 1

            var accepted = false
            if computeStep() {
                if norm(step) <= options.stepTolerance * (norm(beta) + options.stepTolerance) {
                    result.status = .stepTolerance
                    break
                }
                // Predicted decrease of F = ½ SSE by the Gauss–Newton model: −gᵀs − ½ sᵀAs.
                var predicted = 0.0
                for a in 0..<n {
                    var row = 0.0
                    for b in 0..<n { row += normal[a * n + b] * step[b] }
                    predicted -= gradient[a] * step[a] + 0.5 * step[a] * row
                }
                problem.residuals(trial, &trialResiduals)
                result.residualEvaluations += 1
                let trialSSE = sumOfSquares(trialResiduals)
                // SSE − SSE' as Σ (r_i − r'_i)(r_i + r'_i): no cancellation when a large residual
                // component is unchanged by the step.
                var decrease = 0.0
                for i in 0..<m { decrease += (r[i] - trialResiduals[i]) * (r[i] + trialResiduals[i]) }
                if trialSSE.isFinite && predicted > 0 {
                    let rho = 0.5 * decrease / predicted
                    if rho > 0 {
                        accepted = true
                        swap(&beta, &trial)
                        swap(&r, &trialResiduals)
                        result.sumOfSquares = trialSSE
                        result.acceptedSteps += 1
                        linearize()
                        let t = 2 * rho - 1
                        mu *= max(1.0 / 3.0, 1 - t * t * t)
                        nu = 2
                        if decrease <= options.reductionTolerance * sse
                            && 2 * predicted <= options.reductionTolerance * sse {
                            result.status = .reductionTolerance
                            break
                        }
                    }
                }
            }
            if !accepted {
                mu *= nu
                nu *= 2
                if mu > 1e32 * dampingReference || !mu.isFinite {
                    result.status = .dampingLimit
                    break
                }
            }
        }
        result.parameters = beta
        result.residuals = r
        if result.status != .gradientTolerance {
            markBlocked()
            result.scaledGradient = scaledGradient(gradient, normal: normal, blocked: blocked,
                                                   sse: result.sumOfSquares, n: n)
        }
        return result
    }

    private static func sumOfSquares(_ r: [Double]) -> Double {
        var sum = 0.0
        for value in r { sum += value * value }
        return sum
    }

    private static func norm(_ v: [Double]) -> Double { sumOfSquares(v).squareRoot() }

    /// max over free j of |g_j| / (‖J_j‖·‖r‖) (0 when r = 0 or a column of J vanishes).
    private static func scaledGradient(_ g: [Double], normal: [Double], blocked: [Bool], sse: Double,
                                       n: Int) -> Double {
        guard sse > 0 else { return 0 }
        var worst = 0.0
        for j in 0..<n where !blocked[j] && normal[j * n + j] > 0 {
            worst = max(worst, abs(g[j]) / (normal[j * n + j] * sse).squareRoot())
        }
        return worst
    }
}
