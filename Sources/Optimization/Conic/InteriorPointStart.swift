/// Starting points and the construction of the returned `ConicSolution`.
extension SolverCore {
    /// Cold start (CVXOPT `conelp`): with W = I, x minimises ‖Gx − h‖ subject to Ax = b and s = h − Gx;
    /// (y, z) minimises ‖z‖ subject to Aᵀy + Gᵀz + c = 0; s and z are then shifted into the cone
    /// interior when needed; τ = κ = 1. Warm start: the given point with s and z pushed inside.
    func initialize(warmStart: ConicWarmStart?, settings: ConicSettings) -> Bool {
        hasBest = false
        tau = 1
        kappa = 1
        if let w = warmStart {
            loadExternal(x: w.x, s: w.s, y: w.y)
            shiftInside(s, margin: 1e-2)
            shiftInside(z, margin: 1e-2)
            for b in blocks { b.ensureInterior(s: s.p, z: z.p) }
            kappa = max(rvDot(s, z) / max(1, Double(degree)), 1e-10)
            return true
        }
        t1.zero()
        for b in blocks { b.setIdentity(t1.p) }
        if settings.initialPoint == .identity {
            x.zero()
            y.zero()
            s.copy(from: t1)
            z.copy(from: t1)
            return true
        }
        // W = I at s = z = e needs μ = 1 in the exponential blocks (their scaling is √μ·∇²F^{1/2}); a
        // reused solver core still holds the final μ of its previous solve.
        for b in blocks { b.setMu(1) }
        for b in blocks where !b.updateScaling(s: t1.p, z: t1.p) { return false }
        guard kkt.factor(staticRegularization: settings.staticRegularization) else { return false }
        // Primal: KKT·(x, y, z̃) = (0, b, h), s = −z̃ (WᵀW = I here, so s = −W⁻¹·(W z̃)).
        bx.zero()
        by.copy(from: bEqVec)
        bz.copy(from: hVec)
        for b in blocks { b.applyScaling(.wInvT, bz.p, bz.p) }
        kkt.solve(bx: bx, by: by, tz: bz, dx: x, dy: y1, dzs: z1s)
        for b in blocks { b.applyScaling(.wInv, z1s.p, z1.p) }
        for i in 0..<m { s[i] = -z1[i] }
        // Dual: KKT·(x̃, y, z) = (−c, 0, 0).
        for i in 0..<n { bx[i] = -cVec[i] }
        by.zero()
        bz.zero()
        kkt.solve(bx: bx, by: by, tz: bz, dx: x1, dy: y, dzs: z1s)
        for b in blocks { b.applyScaling(.wInv, z1s.p, z.p) }
        shiftInside(s, margin: 0)
        shiftInside(z, margin: 0)
        for b in blocks { b.ensureInterior(s: s.p, z: z.p) }
        return true
    }

    /// v ← v + (1 + α)e when v is not safely interior, α = inf{t : v + t e ∈ K}.
    private func shiftInside(_ v: RawVector, margin: Double) {
        var alpha = -Double.infinity
        for b in blocks { alpha = max(alpha, b.boundaryShift(v.p)) }
        guard m > 0, alpha.isFinite || alpha == .infinity else { return }
        var vmax = 0.0
        for i in 0..<m { vmax = max(vmax, abs(v[i])) }
        let threshold = -max(margin, 1e-8) * max(1, vmax)
        if alpha >= threshold {
            t1.zero()
            for b in blocks { b.setIdentity(t1.p) }
            let target = margin > 0 ? margin * max(1, vmax) : 1
            let shift = (alpha.isFinite ? alpha : 0) + target
            rvAxpy(shift, t1, v)
        }
    }

    func finish(_ status: ConicStatus, iterations: Int) -> ConicSolution {
        let f = tau > 0 ? 1 / tau : 1
        let sol = externalSolution(scalePrimal: f, scaleDual: f)
        return makeSolution(status, sol, iterations: iterations,
                            pobj: dotArray(problem.c, sol.x), dobj: -dotArray(problem.b, sol.y))
    }

    /// Certificates are normalised in the original problem: bᵀy = −1 or cᵀx = −1.
    func finishCertificate(_ status: ConicStatus, iterations: Int) -> ConicSolution {
        let f = tau > 0 ? 1 / tau : 1
        let plain = externalSolution(scalePrimal: f, scaleDual: f)
        let raw = externalSolution(scalePrimal: 1, scaleDual: 1)
        if status == .primalInfeasible {
            let k = -1 / dotArray(problem.b, raw.y)
            return makeSolution(status, (plain.x, plain.s, raw.y.map { $0 * k }), iterations: iterations,
                                pobj: .infinity, dobj: .infinity)
        }
        let k = -1 / dotArray(problem.c, raw.x)
        return makeSolution(status, (raw.x.map { $0 * k }, raw.s.map { $0 * k }, plain.y), iterations: iterations,
                            pobj: -.infinity, dobj: -.infinity)
    }

    /// Stopped without meeting the full tolerances (iteration limit, stall, breakdown): return the
    /// best iterate seen, `inaccurate` when it meets the reduced tolerances.
    func finishBest(_ settings: ConicSettings, _ ms: Measures, iteration: Int, limit: Bool) -> ConicSolution {
        if hasBest { restoreBest() }
        let ok = ms.pres <= settings.reducedFeasibilityTolerance && ms.dres <= settings.reducedFeasibilityTolerance
            && (ms.gap <= settings.reducedGapTolerance || ms.relGap <= settings.reducedGapTolerance)
        return finish(ok ? .inaccurate : (limit ? .iterationLimit : .numericalFailure), iterations: iteration)
    }

    func saveBest(iteration: Int) {
        xBest.copy(from: x); yBest.copy(from: y); sBest.copy(from: s); zBest.copy(from: z)
        tauBest = tau
        kappaBest = kappa
        hasBest = true
    }

    func restoreBest() {
        x.copy(from: xBest); y.copy(from: yBest); s.copy(from: sBest); z.copy(from: zBest)
        tau = tauBest
        kappa = kappaBest
    }

    private func dotArray(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in 0..<min(a.count, b.count) { s += a[i] * b[i] }
        return s
    }

    private func makeSolution(_ status: ConicStatus, _ sol: (x: [Double], s: [Double], y: [Double]), iterations: Int,
                              pobj: Double, dobj: Double) -> ConicSolution {
        problem.assembleSolution(status, x: sol.x, s: sol.s, y: sol.y, iterations: iterations,
                                 primalObjective: pobj, dualObjective: dobj)
    }
}

extension ConicProblem {
    /// A solution with the residual measures of `ConicSolution` recomputed from the problem data.
    func assembleSolution(_ status: ConicStatus, x: [Double], s: [Double], y: [Double], iterations: Int,
                          primalObjective: Double, dualObjective: Double) -> ConicSolution {
        var pr = A.multiply(x)
        for i in 0..<rowCount { pr[i] += s[i] - b[i] }
        var dr = A.transposeMultiply(y)
        for i in 0..<variableCount { dr[i] += c[i] }
        var gap = 0.0
        for i in 0..<min(s.count, y.count) { gap += s[i] * y[i] }
        return ConicSolution(
            status: status, x: x, s: s, y: y, primalObjective: primalObjective, dualObjective: dualObjective,
            iterations: iterations, primalResidual: rvNorm2(pr) / max(1, rvNorm2(b)),
            dualResidual: rvNorm2(dr) / max(1, rvNorm2(c)), gap: gap)
    }
}
