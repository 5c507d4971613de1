import Foundation
import Numerics
import Optimization

/// Solves the SCA subproblem (38) with our conic interior-point solver, stated through the modelling
/// layer in real variables w_j = u_j + i·v_j (specs/ee.md §5.2 a):
///
///     maximise  Σ_k log2(1 + γ_k) − (λ/η)·s
///     ‖((c̃_k w_j)_{j≠k}, 1)‖² ≤ β_k                      (36), rotated second-order cone
///     Re{c̃_k w_k} ≥ ρ_k γ_k + ς_k β_k                   (37), active users; γ_k = 0 for inactive ones
///     ‖W‖² ≤ s ≤ P_max,   γ_k ≥ 0
///
/// with the log kept exactly through one exponential cone per user, not approximated.
///
/// Scaling. The channel is normalised by the noise, so SINRs reach 1e5 at the defaults and an
/// unscaled statement leaves the interior-point method with cone entries spanning ten orders of
/// magnitude (it fails numerically). Every user's quantities are therefore expressed relative to the
/// linearisation point (γ̄, β̄, ā = Re c̃_k w̄_k = √(γ̄β̄), from step 1 of the SCA):
///     γ_k = γ̄_k·g_k,  β_k = β̄_k·b_k,  (36) ÷ β̄_k,  (37) ÷ ā_k   (ς_k β̄_k = ā_k/2, ρ_k γ̄_k = ā_k/2),
/// so (37) reads Re{c̃_k ŵ_k}·√P_max/ā_k ≥ (g_k + b_k)/2, and the log as
///     log(1 + γ_k) = log m_k + log((1 + γ̄_k g_k)/m_k),   m_k = max(γ̄_k, 1)   (constant dropped),
/// whose exponential-cone row (t_k, 1, (1 + γ̄_k g_k)/m_k) has entries ≤ 1. The precoder and power are
/// measured in units of P_max (W = √P_max·Ŵ, s = P_max·ŝ, ‖Ŵ‖² ≤ ŝ ≤ 1), so variables and coefficients
/// are O(1) at the start point.
/// Starved users (γ̄ ≪ 1, e.g. SINR 1e-12 behind a strong interferer, frequent at low P_max) are why γ
/// is scaled by γ̄ itself and not by max(γ̄, 1): with γ unscaled their (37) coefficient on γ is 1/(2γ̄)
/// (up to 1e13), beyond what the solver's equilibration can balance (its scales are clamped to
/// [1e-4, 1e4]); the dual residual in that column, measured in the caller's units, then lags μ by the
/// same factor and the solve stalled (`numericalFailure`) or ended `inaccurate`. Scaled by γ̄, the only
/// small entry left is γ̄/m in the exponential cone, which costs nothing in the residuals.
/// The solver's defaults (1e-8 feasibility and gap, relative to these O(1) quantities) are far below
/// the SCA driver's 1e-7 feasibility check and 1e-5 progress rule.
public struct ConicSCASubproblemSolver: SCAConvexSolver {
    public var settings: ConicSettings

    public init(settings: ConicSettings = ConicSettings()) {
        self.settings = settings
    }

    public func solve(_ problem: SCASubproblem) throws(PrecoderStepError) -> SCAPoint {
        let users = problem.channel.users, antennas = problem.channel.antennas
        let model = ConicModel()
        // u[n][j], v[n][j]: real and imaginary parts of W's entry (n, j).
        let u = (0..<antennas).map { _ in model.variables(users) }
        let v = (0..<antennas).map { _ in model.variables(users) }
        let g = model.variables(users), b = model.variables(users), t = model.variables(users)
        let s = model.variable()

        let amplitude = problem.maxPower.squareRoot()
        /// c̃_k w_j · factor as (real, imaginary) affine expressions of Ŵ (w = √P_max·ŵ).
        func gain(_ k: Int, _ j: Int, _ factor: Double) -> (re: Affine, im: Affine) {
            var re = Affine(), im = Affine()
            for n in 0..<antennas {
                let c = problem.channel[k, n] * (factor * amplitude)
                re = re + c.real * Affine(u[n][j]) - c.imaginary * Affine(v[n][j])
                im = im + c.imaginary * Affine(u[n][j]) + c.real * Affine(v[n][j])
            }
            return (re, im)
        }

        var objective = (problem.ratio * problem.maxPower / problem.amplifierEfficiency) * Affine(s)
        for k in 0..<users {
            let betaBar = problem.start.beta[k]
            let rootBeta = betaBar.squareRoot()
            var interference: [Affine] = [Affine(1 / rootBeta)]
            for j in 0..<users where j != k {
                let gk = gain(k, j, 1 / rootBeta)
                interference += [gk.re, gk.im]
            }
            model.add(squaredNorm(interference) <= b[k])
            if problem.active[k] {
                let gammaBar = problem.start.gamma[k]
                let m = max(gammaBar, 1)
                let a = (gammaBar * betaBar).squareRoot()
                model.add(gain(k, k, 1 / a).re >= 0.5 * Affine(g[k]) + 0.5 * Affine(b[k]))
                model.add(g[k] >= 0)
                model.add(.logarithm(Affine(t[k]), lessThanLogOf: (1 + gammaBar * Affine(g[k])) / m))
                objective = objective - Affine(t[k]) / M_LN2
            } else {
                model.add(g[k] == 0)
                model.add(t[k] == 0)
            }
        }
        let all = u.flatMap { $0.map(Affine.init) } + v.flatMap { $0.map(Affine.init) }
        model.add(squaredNorm(all) <= s)
        model.add(s <= 1)
        model.minimize(objective)

        let solution: ConicModelSolution
        do {
            solution = try model.solve(using: ConicSolver(settings: settings))
        } catch {
            throw PrecoderStepError("SCA subproblem (38) could not be stated: \(error)")
        }
        guard solution.status.hasSolution else {
            throw PrecoderStepError("SCA subproblem (38): conic solver \(solution.status)")
        }
        var precoder = Precoder(antennas: antennas, users: users)
        for n in 0..<antennas {
            for j in 0..<users {
                precoder[n, j] = Complex(solution.value(u[n][j]), solution.value(v[n][j])) * amplitude
            }
        }
        let gamma = (0..<users).map { problem.active[$0] ? max(0, problem.start.gamma[$0] * solution.value(g[$0])) : 0 }
        let beta = (0..<users).map { problem.start.beta[$0] * solution.value(b[$0]) }
        return SCAPoint(precoder: precoder, gamma: gamma, beta: beta)
    }
}
