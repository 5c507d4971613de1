import LinearAlgebra

/// Primal–dual interior-point method for `LowRankLMI` problems: infeasible-start path following with
/// the HKM search direction, Mehrotra predictor–corrector, separate primal and dual step lengths, and
/// the stopping tests of the general solver (`ConicSettings`, in the same measures).
///
/// Why HKM: with S the slack of the LMI and Z its multiplier, the HKM Schur complement is
/// M_ij = Re tr(F_i·Z·F_j·S⁻¹) = Σ w_r·w_q·Re((v_rᴴẐv_q)·conj(v_rᴴv_q)) (V = L⁻¹U, Ẑ = LᴴZL,
/// S = LLᴴ), two R×R Gram matrices from one Cholesky factor. Nesterov–Todd scaling needs the scaling
/// point of (S, Z), an eigendecomposition per iteration, which alone costs more than a whole HKM
/// iteration at the sizes of the SDR benchmark (`make bench`). HKM is the default direction of SDPT3
/// and the direction of CSDP.
///
/// Why not the homogeneous embedding here: its τ-direction enters ΔS as Δτ·B, and in the scaled basis
/// B̂ = L⁻¹BL⁻ᴴ grows like 1/λ_min(S); the cancellation between Δτ·B̂ and the Σ Δx_j F̂_j terms left
/// the dual residual stuck near 10⁻⁷ (measured on the SDR benchmark). Without τ, ΔŜ = ηR̂_S − Σ Δx_j F̂_j
/// holds no large canceling terms. Infeasibility is not certified on this path: when the iteration
/// does not converge, `ConicSolver` discards the run and the general (embedded) solver decides.
///
/// Linearisation of Z·S = σμI (HKM): ΔZ = σμS⁻¹ − Z − sym(Z·ΔS·S⁻¹) − sym(ΔZₐ·ΔSₐ·S⁻¹), the last
/// term Mehrotra's second-order correction. Steps: a fraction 0.9 + 0.09·min(α_p, α_d) (at most
/// `stepFraction`) of the distance to the boundary, from Cholesky-confirmed Lanczos estimates
/// (`PSDStepLength`) on ΔŜ and L̂⁻¹ΔẐL̂⁻ᴴ.
final class LowRankSDPSolver<T: PSDScalar> {
    private var workspace: LowRankSDPWorkspace<T>?
    var hasBest = false
    /// μ and ⟨B, Z⟩ of the current iterate.
    var mu = 0.0, beta1 = 0.0
    /// A full primal step has been taken: R_S = 0 and r_l = 0 from then on (see the residuals).
    var primalFeasible = false

    func solve(_ lmi: LowRankLMI<T>, problem: ConicProblem, settings: ConicSettings,
               callback: ((ConicIterationInfo) -> Void)?) -> ConicSolution {
        let w: LowRankSDPWorkspace<T>
        if let existing = workspace, existing.matches(lmi) { w = existing } else {
            w = LowRankSDPWorkspace<T>(order: lmi.order, variables: lmi.variables, lpRows: lmi.lpRows.count, rank: lmi.rank)
            workspace = w
        }
        lmi.factors.withUnsafeBufferPointer { w.u.update(from: $0.baseAddress!, count: $0.count) }
        lmi.b.withUnsafeBufferPointer { w.bMat.update(from: $0.baseAddress!, count: $0.count) }
        return iterate(lmi, w, problem: problem, settings: settings, callback: callback)
    }

    private func iterate(_ lmi: LowRankLMI<T>, _ w: LowRankSDPWorkspace<T>, problem: ConicProblem,
                         settings: ConicSettings, callback: ((ConicIterationInfo) -> Void)?) -> ConicSolution {
        typealias K = LowRankKernels<T>
        let n = w.n, k = w.k, l = w.l, nn = n * n
        let nu = Double(n + l)
        let normB = rvNorm2(problem.b), normC = rvNorm2(problem.c)
        // Cold start x = 0, S = Z = I, s_l = z_l = 1 (the general solver's `.identity` start).
        w.x.update(repeating: 0, count: k)
        K.identity(n: n, w.s)
        K.identity(n: n, w.z)
        w.sl.update(repeating: 1, count: l)
        w.zl.update(repeating: 1, count: l)
        hasBest = false
        primalFeasible = false
        var best = Double.infinity, bestIteration = -1, bestProgress = Double.infinity, mu0 = 1.0
        var bestMeasures = SolverCore.Measures()
        var lastStep = 0.0, lastSigma = 0.0
        for iteration in 0...settings.maxIterations {
            // Residuals: R_S = B − S − Σ x_j F_j, r_l = b_l − s_l − A_l x, r_x = ⟨F, Z⟩ + A_lᵀz_l + c.
            // (B, S, Z and every update are exactly Hermitian: unpacked, filled by conjugation, or
            // symmetrised after a product; sums of them stay so.)
            K.mul(.none, .none, m: n, p: w.r, k: n, w.z, w.u, w.zu)
            w.fz.update(repeating: 0, count: k)
            for q in 0..<w.r {
                let uc = w.u + q * n, zc = w.zu + q * n
                var s = 0.0
                for i in 0..<n { s += T.realDot(uc[i], zc[i]) }
                w.fz[lmi.owner[q]] += lmi.weights[q] * s
            }
            for q in 0..<w.r { w.dR[q] = lmi.weights[q] * w.x[lmi.owner[q]] }
            K.signedGram(n: n, r: w.r, w.u, w.dR, w.wu, w.w1)                      // Σ x_j F_j
            lpMultiply(lmi, w.x, into: w.tmpL)                                       // A_l x
            if primalFeasible {
                // After a full primal step R_S = 0 up to rounding; S and s_l are then taken as
                // exactly B − Σ x_j F_j and b_l − A_l x, and every later primal step keeps them so.
                for e in 0..<nn { w.s[e] = w.bMat[e] - w.w1[e] }
                w.rs.update(repeating: .zero, count: nn)
                for i in 0..<l { w.sl[i] = lmi.bLP[i] - w.tmpL[i]; w.rl[i] = 0 }
            } else {
                for e in 0..<nn { w.rs[e] = w.bMat[e] - w.s[e] - w.w1[e] }
                for i in 0..<l { w.rl[i] = lmi.bLP[i] - w.sl[i] - w.tmpL[i] }
            }
            lpTransposeMultiply(lmi, w.zl, into: w.tmpK)
            for j in 0..<k { w.tmpK[j] += w.fz[j] }                                // Aᵀz
            for j in 0..<k { w.rx[j] = w.tmpK[j] + lmi.c[j] }
            var cx = 0.0
            for j in 0..<k { cx += lmi.c[j] * w.x[j] }
            beta1 = K.inner(w.bMat, w.z, count: nn)
            let bz = beta1 + rvDot(lmi.bLP, w.zl, l)
            let sz = K.inner(w.s, w.z, count: nn) + rvDot(w.sl, w.zl, l)
            mu = sz / nu

            var ms = SolverCore.Measures()
            ms.cx = cx
            ms.by = bz
            let normAx = rvHypot(K.norm(w.w1, count: nn), rvNorm2(w.tmpL, l))
            let normS = rvHypot(K.norm(w.s, count: nn), rvNorm2(w.sl, l))
            let normATz = rvNorm2(w.tmpK, k)
            let primalScale = max(1, normB, normAx, normS)
            let dualScale = max(1, normC, normATz)
            ms.pres = rvHypot(K.norm(w.rs, count: nn), rvNorm2(w.rl, l)) / primalScale
            ms.dres = rvNorm2(w.rx, k) / dualScale
            ms.pobj = cx
            ms.dobj = -bz
            ms.gap = sz
            let denom = min(abs(ms.pobj), abs(ms.dobj))
            ms.relGap = denom > 0 ? ms.gap / denom : .infinity
            callback?(ConicIterationInfo(
                iteration: iteration, primalObjective: ms.pobj, dualObjective: ms.dobj, gap: ms.gap,
                primalResidual: ms.pres, dualResidual: ms.dres, tau: 1, kappa: 0, mu: mu,
                stepLength: lastStep, sigma: lastSigma))

            if !(ms.pres.isFinite && ms.dres.isFinite && mu.isFinite) {
                return finishBest(lmi, w, problem, settings, bestMeasures, iteration: iteration, limit: false)
            }
            if ms.pres <= settings.feasibilityTolerance && ms.dres <= settings.feasibilityTolerance
                && (ms.gap <= settings.absoluteGapTolerance || ms.relGap <= settings.relativeGapTolerance) {
                return finish(.optimal, lmi, w, problem, iterations: iteration)
            }
            // Best iterate and stall rule as in `InteriorPointLoop`.
            let merit = max(ms.pres / settings.feasibilityTolerance, ms.dres / settings.feasibilityTolerance,
                            min(ms.gap / settings.absoluteGapTolerance, ms.relGap / settings.relativeGapTolerance))
            if merit < best {
                best = merit
                bestMeasures = ms
                saveBest(w)
            }
            if iteration == 0 { mu0 = mu }
            let progress = max(ms.pres * primalScale / max(1, normB), ms.dres * dualScale / max(1, normC),
                               min(ms.gap / settings.absoluteGapTolerance, ms.relGap / settings.relativeGapTolerance)
                                   * settings.feasibilityTolerance)
            if progress < 0.9 * bestProgress {
                bestProgress = progress
                bestIteration = iteration
            }
            if iteration == settings.maxIterations { break }
            // Stall, or iterates running off to infinity (an infeasible problem): leave it to the
            // general solver, which certifies infeasibility.
            if (iteration - bestIteration >= settings.stallIterations && mu < 1e-6 * mu0)
                || iteration - bestIteration >= 3 * settings.stallIterations {
                return finishBest(lmi, w, problem, settings, bestMeasures, iteration: iteration, limit: false)
            }

            guard prepareScaling(lmi, w) else {
                return finishBest(lmi, w, problem, settings, bestMeasures, iteration: iteration, limit: false)
            }
            // Predictor (σ = 0) into the ₐ buffers.
            for i in 0..<l { w.tl[i] = -w.sl[i] * w.zl[i] }
            direction(lmi, w, sigma: 0, corrector: false, dx: w.dxa, ds: w.dsa, dz: w.dza, dsl: w.dsla, dzl: w.dzla)
            let (apA, adA) = stepLengths(w, cap: 1, accurate: false, ds: w.dsa, dz: w.dza, dsl: w.dsla, dzl: w.dzla)
            let alphaA = min(apA, adA)
            let sigma = min(1, max(0, (1 - alphaA) * (1 - alphaA) * (1 - alphaA)))
            // Corrector with centring σμ and the second-order term Q̂ = ΔẐₐ·ΔŜₐ (scaled ΔZₐ·ΔSₐ·S⁻¹).
            K.mul(.none, .none, m: n, p: n, k: n, w.dza, w.dsa, w.q)
            for i in 0..<l { w.tl[i] = sigma * mu - w.sl[i] * w.zl[i] - w.dsla[i] * w.dzla[i] }
            direction(lmi, w, sigma: sigma, corrector: true, dx: w.dx, ds: w.ds, dz: w.dz, dsl: w.dsl, dzl: w.dzl)
            let (ap, ad) = stepLengths(w, cap: 1 / settings.stepFraction, accurate: true,
                                       ds: w.ds, dz: w.dz, dsl: w.dsl, dzl: w.dzl)
            // Step fraction as in SDPT3: 0.9 + 0.09·min(α_p, α_d) (capped by `stepFraction`). Short steps
            // mean an iterate near the boundary, where the full fraction would push it closer still
            // (measured: on the real embedding of SDR instances, steps of 10⁻² near a gap of 10⁻⁷).
            let fraction = min(settings.stepFraction, 0.9 + 0.09 * min(ap, ad, 1))
            let alphaP = min(1, fraction * ap), alphaD = min(1, fraction * ad)
            lastStep = min(alphaP, alphaD)
            lastSigma = sigma
            guard lastStep > 1e-12 else {
                return finishBest(lmi, w, problem, settings, bestMeasures, iteration: iteration + 1, limit: false)
            }
            update(lmi, w, primalStep: alphaP, dualStep: alphaD)
            if alphaP == 1 { primalFeasible = true }
        }
        return finishBest(lmi, w, problem, settings, bestMeasures, iteration: settings.maxIterations, limit: true)
    }

    /// out (L) ← A_l·v.
    func lpMultiply(_ lmi: LowRankLMI<T>, _ v: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        for t in 0..<lmi.lpRows.count {
            var s = 0.0
            for e in lmi.lpRowStarts[t]..<lmi.lpRowStarts[t + 1] { s += lmi.lpRowValues[e] * v[lmi.lpRowColumns[e]] }
            out[t] = s
        }
    }

    /// out (K) ← A_lᵀ·v.
    func lpTransposeMultiply(_ lmi: LowRankLMI<T>, _ v: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        out.update(repeating: 0, count: lmi.variables)
        for t in 0..<lmi.lpRows.count {
            let f = v[t]
            for e in lmi.lpRowStarts[t]..<lmi.lpRowStarts[t + 1] { out[lmi.lpRowColumns[e]] += lmi.lpRowValues[e] * f }
        }
    }
}
