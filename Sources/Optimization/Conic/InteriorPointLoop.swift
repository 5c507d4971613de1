/// The interior-point iteration on the homogeneous self-dual embedding
///
///     0 = Aᵀy + Gᵀz + c·τ,   0 = −A·x + b·τ,   s = −G·x + h·τ,   κ = −cᵀx − bᵀy − hᵀz,
///     (s, z) ∈ K × K,  τ, κ ≥ 0,
///
/// (A, b: equality rows; G, h: cone rows) following Vandenberghe's CVXOPT `conelp` formulation:
/// Nesterov–Todd scaling W (W·z = W⁻ᵀ·s = λ), a Mehrotra predictor (σ = 0) and a combined
/// corrector with centring σ = (1 − α_aff)³ and the second-order term Δs̃ₐ∘Δz̃ₐ, steps of
/// `stepFraction` times the distance to the boundary. Each direction costs one solve of the KKT system
/// (`KKTSystem`) plus one per iteration for the τ-column.
extension SolverCore {
    struct Measures {
        var pres = 0.0, dres = 0.0, pobj = 0.0, dobj = 0.0, gap = 0.0, relGap = Double.infinity
        var pinf = Double.infinity, dinf = Double.infinity, cx = 0.0, by = 0.0
    }

    /// Solves; when the problem has exponential cones and the iteration breaks down (`numericalFailure`
    /// or `iterationLimit`), solves once more from the same start with the exponential-cone
    /// neighbourhood safeguard on (`ConicSettings.exponentialNeighbourhood`). The safeguard is not on by
    /// default because it shortens steps on most instances (some then run into the iteration limit);
    /// on the instances where the unguarded iteration jams (steps → 0 with both s and z of one block
    /// at their boundaries, e.g. EE SCA subproblems) it restores convergence.
    ///
    /// If that breaks down too, a third run from the same start takes shorter steps
    /// (`ConicSettings.retryStepFraction` of the distance to the boundary instead of `stepFraction`).
    /// Measured on EE SCA subproblems at P_max = −10 dBm (4 jammed subproblems in 90 realizations of
    /// one scheme, the dual residual stuck near 1 after ~20 iterations, with or without the
    /// neighbourhood): every one converged with a step fraction of 0.95, in as many iterations. Runs
    /// that succeed the first time never reach the retries, so their results do not depend on them.
    /// The callback sees every run (iteration numbers restart at 0).
    func run(settings: ConicSettings, warmStart: ConicWarmStart?, callback: ((ConicIterationInfo) -> Void)?) -> ConicSolution {
        let first = iterate(settings: settings, radius: .infinity, warmStart: warmStart, callback: callback)
        guard first.status == .numericalFailure || first.status == .iterationLimit,
              blocks.contains(where: { $0 is ExponentialConeBlock }) else {
            return first
        }
        func conclusive(_ s: ConicSolution) -> Bool {
            s.status.hasSolution || s.status == .primalInfeasible || s.status == .dualInfeasible
        }
        if settings.exponentialNeighbourhood.isFinite {
            let second = iterate(settings: settings, radius: settings.exponentialNeighbourhood, warmStart: warmStart,
                                 callback: callback)
            if conclusive(second) { return second }
        }
        guard settings.retryStepFraction < settings.stepFraction else { return first }
        var shorter = settings
        shorter.stepFraction = settings.retryStepFraction
        let third = iterate(settings: shorter, radius: .infinity, warmStart: warmStart, callback: callback)
        return conclusive(third) ? third : first
    }

    private func iterate(settings: ConicSettings, radius: Double, warmStart: ConicWarmStart?,
                         callback: ((ConicIterationInfo) -> Void)?) -> ConicSolution {
        kkt.refinementSteps = settings.refinementSteps
        kkt.refinementThreshold = settings.refinementTolerance
        let nu = Double(degree)
        let expBlocks = blocks.compactMap { $0 as? ExponentialConeBlock }
        // Measures refer to the original (unequilibrated) problem.
        let normB = rvNorm2(problem.b), normC = rvNorm2(problem.c)
        let gb = scaling.rhsScale, gc = scaling.costScale

        guard initialize(warmStart: warmStart, settings: settings) else {
            return finish(.numericalFailure, iterations: 0)
        }
        var best = Double.infinity
        var bestIteration = -1
        var bestProgress = Double.infinity
        var mu0 = 1.0
        var bestMeasures = Measures()
        var lastStep = 0.0, lastSigma = 0.0
        for iteration in 0...settings.maxIterations {
            let muNow = (rvDot(s, z) + tau * kappa) / (nu + 1)
            for b in blocks { b.setMu(muNow) }
            for b in blocks where !b.updateScaling(s: s.p, z: z.p) {
                return finishBest(settings, bestMeasures, iteration: iteration, limit: false)
            }
            for b in blocks { b.writeLambda(lam.p) }

            // Residuals of the embedding (Gx and Gᵀz + Aᵀy kept for the norms).
            tn1.zero()
            kkt.g.transposeMultiplyAdd(1, z.p, tn1.p)
            addEqTranspose(1, y, tn1)
            for i in 0..<n { rx[i] = tn1[i] + cVec[i] * tau }
            t2.zero()
            kkt.g.multiplyAdd(1, x.p, t2.p)
            for i in 0..<m { rz[i] = hVec[i] * tau - s[i] - t2[i] }
            for i in 0..<p { tp1[i] = 0 }
            addEq(1, x, tp1)
            for i in 0..<p { ry[i] = bEqVec[i] * tau - tp1[i] }
            let cx = rvDot(cVec, x)
            let bty = rvDot(bEqVec, y) + rvDot(hVec, z)
            let rtau = -cx - bty - kappa
            let sz = rvDot(s, z)
            let mu = (sz + tau * kappa) / (nu + 1)

            // Convergence tests on the de-homogenised point, in original units.
            var ms = Measures()
            ms.cx = cx
            ms.by = bty
            let primalScale = max(1, normB,
                                  rvHypot(weightedNorm(tp1, eqScale, divide: true), weightedNorm(t2, ineqScale, divide: true)) / (gb * tau),
                                  weightedNorm(s, ineqScale, divide: true) / (gb * tau))
            let dualScale = max(1, normC, weightedNorm(tn1, colScale, divide: true) / (gc * tau))
            ms.pres = rvHypot(weightedNorm(ry, eqScale, divide: true), weightedNorm(rz, ineqScale, divide: true)) / (gb * tau) / primalScale
            ms.dres = weightedNorm(rx, colScale, divide: true) / (gc * tau) / dualScale
            ms.pobj = cx / (gb * gc * tau)
            ms.dobj = -bty / (gb * gc * tau)
            ms.gap = sz / (gb * gc * tau * tau)
            let denom = min(abs(ms.pobj), abs(ms.dobj))
            ms.relGap = denom > 0 ? ms.gap / denom : .infinity
            // Infeasibility ratios (scale-free in (x, y, z, s)).
            if bty < 0 {
                ms.pinf = weightedNorm(tn1, colScale, divide: true) * gb / max(1, normC) / (-bty)
            }
            if cx < 0 {
                for i in 0..<m { t3[i] = s[i] + t2[i] }
                ms.dinf = rvHypot(weightedNorm(t3, ineqScale, divide: true), weightedNorm(tp1, eqScale, divide: true)) * gc
                    / max(1, normB) / (-cx)
            }
            callback?(ConicIterationInfo(
                iteration: iteration, primalObjective: ms.pobj, dualObjective: ms.dobj, gap: ms.gap,
                primalResidual: ms.pres, dualResidual: ms.dres, tau: tau, kappa: kappa, mu: mu,
                stepLength: lastStep, sigma: lastSigma))

            if !(ms.pres.isFinite && ms.dres.isFinite && mu.isFinite) {
                return finishBest(settings, bestMeasures, iteration: iteration, limit: false)
            }
            if ms.pres <= settings.feasibilityTolerance && ms.dres <= settings.feasibilityTolerance
                && (ms.gap <= settings.absoluteGapTolerance || ms.relGap <= settings.relativeGapTolerance) {
                return finish(.optimal, iterations: iteration)
            }
            if ms.pinf <= settings.infeasibilityTolerance {
                return finishCertificate(.primalInfeasible, iterations: iteration)
            }
            if ms.dinf <= settings.infeasibilityTolerance {
                return finishCertificate(.dualInfeasible, iterations: iteration)
            }
            // Keep the best iterate so far; stop when it has not improved for a while.
            let merit = max(ms.pres / settings.feasibilityTolerance, ms.dres / settings.feasibilityTolerance,
                            min(ms.gap / settings.absoluteGapTolerance, ms.relGap / settings.relativeGapTolerance))
            if merit < best {
                best = merit
                bestMeasures = ms
                saveBest(iteration: iteration)
            }
            // Stall: the best merit has not dropped by 10 % for `stallIterations` iterations although
            // μ has already fallen by six orders of magnitude (early on, de-homogenised residuals may
            // legitimately stagnate while τ settles).
            // The progress measure normalises residuals by data only: the iterate-relative ones stay
            // ≈ 1 while ‖Aᵀy‖ ≫ ‖c‖, which says nothing about progress.
            if iteration == 0 { mu0 = mu }
            // Progress towards an infeasibility certificate counts as progress too.
            let progress = min(max(ms.pres * primalScale / max(1, normB), ms.dres * dualScale / max(1, normC),
                                   min(ms.gap / settings.absoluteGapTolerance, ms.relGap / settings.relativeGapTolerance)
                                       * settings.feasibilityTolerance),
                               ms.pinf, ms.dinf)
            if progress < 0.9 * bestProgress {
                bestProgress = progress
                bestIteration = iteration
            }
            if iteration == settings.maxIterations { break }
            if iteration - bestIteration >= settings.stallIterations && mu < 1e-6 * mu0 {
                return finishBest(settings, bestMeasures, iteration: iteration, limit: false)
            }

            // Newton system for this scaling.
            guard kkt.factor(staticRegularization: settings.staticRegularization) else {
                return finishBest(settings, bestMeasures, iteration: iteration, limit: false)
            }
            // Scaled h and r_z for this scaling.
            hScaled.copy(from: hVec)
            rzScaled.copy(from: rz)
            for b in blocks {
                b.applyScaling(.wInvT, hScaled.p, hScaled.p)
                b.applyScaling(.wInvT, rzScaled.p, rzScaled.p)
            }
            // τ-column: KKT·(x1, y1, z1) = (−c, b, h), z1 kept scaled (z̃1 = W z1, hᵀz1 = ĥᵀz̃1).
            for i in 0..<n { bx[i] = -cVec[i] }
            by.copy(from: bEqVec)
            kkt.solve(bx: bx, by: by, tz: hScaled, dx: x1, dy: y1, dzs: z1s)
            let tauDenominator = -rvDot(cVec, x1) - rvDot(bEqVec, y1) - rvDot(hScaled, z1s) + kappa / tau

            // Predictor: ds = −λ∘λ, dκ = −τκ, full residuals.
            for b in blocks { b.lambdaProduct(lam.p, t3.p) }
            for i in 0..<m { t3[i] = -t3[i] }
            let (dtauA, dkappaA) = direction(eta: 1, ds: t3, dkappa: -tau * kappa, rtau: rtau, denominator: tauDenominator,
                                             unscaled: false)
            let alphaA = stepLength(dtau: dtauA, dkappa: dkappaA, cap: 1, accurate: false)
            let sigma = min(1, max(0, pow3(1 - alphaA)))

            // Corrector: ds = −λ∘λ + σμe − Δs̃ₐ∘Δz̃ₐ.
            for b in blocks { b.jordanProduct(dsScaled.p, dzScaled.p, t2.p) }
            for b in blocks { b.centeringDirection(t1.p) }
            for b in blocks { b.lambdaProduct(lam.p, t3.p) }
            for i in 0..<m { t3[i] = -t3[i] + sigma * mu * t1[i] - t2[i] }
            let dkappa = -tau * kappa + sigma * mu - dtauA * dkappaA
            let (dtau, dkap) = direction(eta: 1 - sigma, ds: t3, dkappa: dkappa, rtau: rtau, denominator: tauDenominator,
                                         unscaled: true)
            let alphaMax = stepLength(dtau: dtau, dkappa: dkap, cap: 1 / settings.stepFraction, accurate: true)
            let alpha = centralStep(min(1, settings.stepFraction * alphaMax), dtau: dtau, dkappa: dkap,
                                    blocks: expBlocks, radius: radius)
            lastStep = alpha
            lastSigma = sigma
            guard alpha > 1e-12, dtau.isFinite else {
                return finishBest(settings, bestMeasures, iteration: iteration + 1, limit: false)
            }

            rvAxpy(alpha, dx, x)
            rvAxpy(alpha, dy, y)
            rvAxpy(alpha, dsUnscaled, s)
            rvAxpy(alpha, dz, z)
            tau += alpha * dtau
            kappa += alpha * dkap
        }
        return finishBest(settings, bestMeasures, iteration: settings.maxIterations, limit: true)
    }

    @inline(__always) private func pow3(_ v: Double) -> Double { v * v * v }

    /// ‖v ./ w‖₂ (divide) or ‖v .* w‖₂ over the first t1-sized part of v.
    private func weightedNorm(_ v: RawVector, _ w: RawVector, divide: Bool) -> Double {
        var scale = 0.0
        for i in 0..<w.count { scale = max(scale, abs(divide ? v[i] / w[i] : v[i] * w[i])) }
        guard scale > 0, scale.isFinite else { return scale }
        var acc = 0.0
        for i in 0..<w.count {
            let t = (divide ? v[i] / w[i] : v[i] * w[i]) / scale
            acc += t * t
        }
        return scale * acc.squareRoot()
    }

    /// Solves for one search direction; leaves Δx, Δy in dx, dy and the scaled Δs̃, Δz̃ in dsScaled,
    /// dzScaled; with `unscaled`, also Δs and Δz (for the update) in dsUnscaled, dz. `ds` holds the
    /// complementarity right-hand side (scaled). Uses ĥ = W⁻ᵀh (hScaled) and r̂_z = W⁻ᵀr_z (rzScaled).
    private func direction(eta: Double, ds: RawVector, dkappa: Double, rtau: Double, denominator: Double,
                           unscaled: Bool) -> (Double, Double) {
        // t = λ \ ds ; scaled third-row right-hand side W⁻ᵀ(η r_z − Wᵀt) = η r̂_z − t.
        for b in blocks { b.lambdaDivide(ds.p, bz.p) }
        for i in 0..<m { bz[i] = eta * rzScaled[i] - bz[i] }
        for i in 0..<n { bx[i] = -eta * rx[i] }
        for i in 0..<p { by[i] = eta * ry[i] }
        kkt.solve(bx: bx, by: by, tz: bz, dx: dx, dy: dy, dzs: dzScaled)
        // hᵀΔz = ĥᵀΔz̃.
        let num = -eta * rtau + rvDot(cVec, dx) + rvDot(bEqVec, dy) + rvDot(hScaled, dzScaled) + dkappa / tau
        let dtau = num / denominator
        rvAxpy(dtau, x1, dx)
        rvAxpy(dtau, y1, dy)
        rvAxpy(dtau, z1s, dzScaled)
        // Δs from the linearised primal equation G Δx + Δs = h Δτ + η r_z (exactly, so the primal
        // residual shrinks as designed even when W is ill-conditioned); scaled: Δs̃ = ĥΔτ + η r̂_z − Ĝ Δx.
        for b in blocks { b.scaledMultiply(dx.p, dsScaled.p) }
        for i in 0..<m { dsScaled[i] = hScaled[i] * dtau + eta * rzScaled[i] - dsScaled[i] }
        if unscaled {
            for i in 0..<m { dsUnscaled[i] = hVec[i] * dtau + eta * rz[i] }
            kkt.g.multiplyAdd(-1, dx.p, dsUnscaled.p)
            dz.copy(from: dzScaled)
            for b in blocks { b.applyScaling(.wInv, dz.p, dz.p) }
        }
        let dkap = (dkappa - kappa * dtau) / tau
        return (dtau, dkap)
    }

    /// Neighbourhood safeguard for exponential cones: backtracks α (factor 0.7, at most 20 times) until
    /// every exponential block's trial point is within `radius` of the central path at the trial μ
    /// (`ExponentialConeBlock.proximity`). Symmetric cones need no such control (their NT scaling is
    /// primal–dual), but the exponential block's primal-barrier scaling loses its model of the dual
    /// away from the path. When no trial α qualifies, the one with the smallest proximity is taken, so
    /// the safeguard can only shorten, never block, a step.
    private func centralStep(_ alpha0: Double, dtau: Double, dkappa: Double, blocks eb: [ExponentialConeBlock],
                             radius: Double) -> Double {
        guard !eb.isEmpty, radius.isFinite, alpha0 > 0 else { return alpha0 }
        let sz = rvDot(s, z), sdz = rvDot(s, dz), dsz = rvDot(dsUnscaled, z), dsdz = rvDot(dsUnscaled, dz)
        let nu1 = Double(degree + 1)
        var alpha = alpha0, best = alpha0, bestProximity = Double.infinity
        for _ in 0..<20 {
            let trialMu = (sz + alpha * (sdz + dsz) + alpha * alpha * dsdz
                           + (tau + alpha * dtau) * (kappa + alpha * dkappa)) / nu1
            var worst = 0.0
            for b in eb {
                worst = max(worst, b.proximity(s: s.p, ds: dsUnscaled.p, z: z.p, dz: dz.p, alpha: alpha, mu: trialMu))
            }
            if worst <= radius { return alpha }
            if worst < bestProximity { bestProximity = worst; best = alpha }
            alpha *= 0.7
        }
        return best
    }

    /// Largest α ≤ cap keeping λ + αΔs̃, λ + αΔz̃ in the cone and τ, κ ≥ 0.
    private func stepLength(dtau: Double, dkappa: Double, cap: Double, accurate: Bool) -> Double {
        var a = cap
        if dtau < 0 { a = min(a, -tau / dtau) }
        if dkappa < 0 { a = min(a, -kappa / dkappa) }
        for b in blocks {
            a = min(a, b.maxStepDirection(dsScaled.p, cap: a, accurate: accurate, dual: false))
            a = min(a, b.maxStepDirection(dzScaled.p, cap: a, accurate: accurate, dual: true))
        }
        return a
    }

    private func addEq(_ alpha: Double, _ v: RawVector, _ out: RawVector) {
        guard p > 0 else { return }
        for j in 0..<n {
            let f = alpha * v[j]
            if f == 0 { continue }
            for i in 0..<p { out[i] += kkt.aEq[i + j * p] * f }
        }
    }

    private func addEqTranspose(_ alpha: Double, _ v: RawVector, _ out: RawVector) {
        guard p > 0 else { return }
        for j in 0..<n {
            var acc = 0.0
            for i in 0..<p { acc += kkt.aEq[i + j * p] * v[i] }
            out[j] += alpha * acc
        }
    }
}
