import LinearAlgebra

/// Scaling, Schur complement and search directions of `LowRankSDPSolver`.
///
/// Everything is formed in the basis scaled by the Cholesky factor S = LLᴴ: Ŝ = I, Ẑ = LᴴZL,
/// F̂_j = L⁻¹F_jL⁻ᴴ = Σ w_r v_r v_rᴴ (V = L⁻¹U), R̂_S = L⁻¹R_SL⁻ᴴ. Near the optimum S and Z are nearly
/// singular on complementary subspaces; Z·ΔS·S⁻¹ formed in the original basis carries rounding errors
/// of order ε·‖Z‖·‖ΔS‖·‖S⁻¹‖ in every entry, far above the small eigenvalues of Z, and the Z-step
/// collapses (measured: steps of 10⁻³ with the residuals stuck at 10⁻⁸). In the scaled basis the
/// HKM equation reads ΔẐ = Γ̂ − sym(Ẑ·ΔŜ) with Ẑ ≈ μI, all of whose entries are of the size of μ.
///
/// Elimination (η = 1: both directions aim at full feasibility, as in SDPT3):
///     ΔŜ = ηR̂_S − Σ_j Δx_j F̂_j,   Δs_l = ηr_l − A_lΔx,
///     M·Δx = −ηr_x − ⟨F, Γ⟩ + η·h − A_lᵀ(t_l/s_l − ηD r_l),   M = M_psd + A_lᵀDA_l,  D = z_l/s_l,
/// with h_j = Σ_{r∈j} w_r·Re(v_rᴴẐR̂_S v_r) = ⟨F_j, sym(Z·R_S·S⁻¹)⟩ and Γ̂ = σμI − Ẑ − sym(Q̂).
extension LowRankSDPSolver {
    /// Factors S and Ẑ and forms everything that depends on the scaling only. False when S or Z is not
    /// numerically positive definite or M cannot be factored.
    func prepareScaling(_ lmi: LowRankLMI<T>, _ w: LowRankSDPWorkspace<T>) -> Bool {
        typealias K = LowRankKernels<T>
        let n = w.n, r = w.r, k = w.k, l = w.l, nn = n * n
        w.lc.update(from: w.s, count: nn)
        guard T.cholesky(n: n, w.lc) else { return false }
        w.v.update(from: w.u, count: n * r)
        T.trsmLower(.left, .none, m: n, p: r, w.lc, w.v)                    // V = L⁻¹U
        K.mul(T.adjointOp, .none, m: r, p: r, k: n, w.v, w.v, w.phi)         // Φ = VᴴV = UᴴS⁻¹U
        w.zHat.update(from: w.z, count: nn)
        K.congruenceByAdjoint(n: n, w.lc, w.zHat, w.w1)                      // Ẑ = LᴴZL
        w.lzHat.update(from: w.zHat, count: nn)
        guard T.cholesky(n: n, w.lzHat) else { return false }
        K.mul(T.adjointOp, .none, m: r, p: r, k: n, w.u, w.zu, w.g)          // G = UᴴZU (ZU from the residual)
        // R̂_S and h (zero once the iterate is primal feasible).
        w.h.update(repeating: 0, count: k)
        if primalFeasible {
            w.rHat.update(repeating: .zero, count: nn)
        } else {
            w.rHat.update(from: w.rs, count: nn)
            K.congruenceByInverse(n: n, w.lc, w.rHat, w.w1)                  // R̂_S = L⁻¹R_SL⁻ᴴ
            K.mul(.none, .none, m: n, p: r, k: n, w.rHat, w.v, w.rHatV)
            K.mul(.none, .none, m: n, p: r, k: n, w.zHat, w.v, w.qu)         // ẐV
            for q in 0..<r {
                let zc = w.qu + q * n, rc = w.rHatV + q * n
                var s = 0.0
                for i in 0..<n { s += T.realDot(zc[i], rc[i]) }
                w.h[lmi.owner[q]] += lmi.weights[q] * s
            }
        }
        // M_psd from the two Gram matrices.
        w.mPSD.update(repeating: 0, count: k * k)
        for q in 0..<r {
            let jq = lmi.owner[q], wq = lmi.weights[q]
            for p in 0..<r {
                let e = p + q * r
                w.mPSD[lmi.owner[p] + jq * k] += lmi.weights[p] * wq * T.realDot(w.g[e], w.phi[e])
            }
        }
        for i in 0..<l { w.dScale[i] = w.zl[i] / w.sl[i] }
        return factorSchur(lmi, w)
    }

    /// M = M_psd + A_lᵀDA_l into `mFull` and its Cholesky factor into `mFactor`; on breakdown, retried
    /// with a diagonal shift of 10⁻¹⁴, 10⁻¹², 10⁻¹⁰ times the largest diagonal (near the optimum M is
    /// nearly singular when the constraints are degenerate). `solveSchur` refines against the unshifted M.
    private func factorSchur(_ lmi: LowRankLMI<T>, _ w: LowRankSDPWorkspace<T>) -> Bool {
        let k = w.k
        w.mFull.update(from: w.mPSD, count: k * k)
        for t in 0..<w.l {
            let lo = lmi.lpRowStarts[t], hi = lmi.lpRowStarts[t + 1], d = w.dScale[t]
            for a in lo..<hi {
                let ca = lmi.lpRowColumns[a], fa = d * lmi.lpRowValues[a]
                for b in lo..<hi { w.mFull[ca + lmi.lpRowColumns[b] * k] += fa * lmi.lpRowValues[b] }
            }
        }
        var maxDiagonal = 0.0
        for j in 0..<k { maxDiagonal = max(maxDiagonal, w.mFull[j + j * k]) }
        for attempt in 0..<4 {
            w.mFactor.update(from: w.mFull, count: k * k)
            if attempt > 0 {
                let shift = maxDiagonal * [0, 1e-14, 1e-12, 1e-10][attempt]
                for j in 0..<k { w.mFactor[j + j * k] += shift }
            }
            if Double.cholesky(n: k, w.mFactor) { return true }
        }
        return false
    }

    /// out ← M⁻¹·rhs with one step of iterative refinement against the unshifted M.
    func solveSchur(_ w: LowRankSDPWorkspace<T>, rhs: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        let k = w.k
        out.update(from: rhs, count: k)
        LowRankKernels<T>.realCholeskySolve(k: k, w.mFactor, out)
        for i in 0..<k {
            var s = rhs[i]
            for j in 0..<k { s -= w.mFull[i + j * k] * out[j] }
            w.tmpK[i] = s
        }
        LowRankKernels<T>.realCholeskySolve(k: k, w.mFactor, w.tmpK)
        for j in 0..<k { out[j] += w.tmpK[j] }
    }

    /// One search direction: Δx into `dx`, the scaled ΔŜ, ΔẐ into `ds`, `dz`, and Δs_l, Δz_l. `w.tl`
    /// holds t_l; with `corrector`, `w.q` holds Q̂ = ΔẐₐ·ΔŜₐ.
    func direction(_ lmi: LowRankLMI<T>, _ w: LowRankSDPWorkspace<T>, sigma: Double, corrector: Bool,
                   dx: UnsafeMutablePointer<Double>, ds: UnsafeMutablePointer<T>, dz: UnsafeMutablePointer<T>,
                   dsl: UnsafeMutablePointer<Double>, dzl: UnsafeMutablePointer<Double>) {
        typealias K = LowRankKernels<T>
        let n = w.n, r = w.r, k = w.k, l = w.l, nn = n * n
        // Γ̂ = σμI − Ẑ − sym(Q̂) and ⟨F, Γ⟩ = Σ w_r v_rᴴΓ̂v_r (v_rᴴẐv_r = G_rr, v_rᴴv_r = Φ_rr).
        for j in 0..<k { w.fGamma[j] = 0 }
        for q in 0..<r { w.fGamma[lmi.owner[q]] -= lmi.weights[q] * w.g[q + q * r].realValue }
        if corrector {
            let sm = sigma * mu
            K.hermitianPart(n: n, w.q)
            K.mul(.none, .none, m: n, p: r, k: n, w.q, w.v, w.wu)
            for q in 0..<r {
                let vc = w.v + q * n, qc = w.wu + q * n
                var s = 0.0
                for i in 0..<n { s += T.realDot(vc[i], qc[i]) }
                w.fGamma[lmi.owner[q]] += lmi.weights[q] * (sm * w.phi[q + q * r].realValue - s)
            }
            for e in 0..<nn { w.gamma[e] = T.scaled(w.zHat[e], -1) - w.q[e] }
            for i in 0..<n { w.gamma[i + i * n] = w.gamma[i + i * n] + T(realValue: sm) }
        } else {
            for e in 0..<nn { w.gamma[e] = T.scaled(w.zHat[e], -1) }
        }
        for i in 0..<l { w.tmpL[i] = w.tl[i] / w.sl[i] - w.dScale[i] * w.rl[i] }
        lpTransposeMultiply(lmi, w.tmpL, into: w.rhs)
        for j in 0..<k { w.rhs[j] = -w.rx[j] - w.fGamma[j] + w.h[j] - w.rhs[j] }
        solveSchur(w, rhs: w.rhs, into: dx)
        // ΔŜ = R̂_S − V·diag(w_r Δx_{owner(r)})·Vᴴ, ΔẐ = Γ̂ − sym(Ẑ·ΔŜ).
        for q in 0..<r { w.dR[q] = lmi.weights[q] * dx[lmi.owner[q]] }
        K.signedGram(n: n, r: r, w.v, w.dR, w.wu, w.w1)
        for e in 0..<nn { ds[e] = w.rHat[e] - w.w1[e] }
        K.mul(.none, .none, m: n, p: n, k: n, w.zHat, ds, w.w2)
        K.hermitianPart(n: n, w.w2)
        for e in 0..<nn { dz[e] = w.gamma[e] - w.w2[e] }
        lpMultiply(lmi, dx, into: w.tmpL)
        for i in 0..<l {
            dsl[i] = w.rl[i] - w.tmpL[i]
            dzl[i] = (w.tl[i] - w.zl[i] * dsl[i]) / w.sl[i]
        }
    }

    /// Largest primal and dual steps ≤ cap along scaled ΔŜ, ΔẐ: S + αΔS ⪰ 0 ⇔ I + αΔŜ ⪰ 0 and
    /// Z + αΔZ ⪰ 0 ⇔ I + α·L̂⁻¹ΔẐL̂⁻ᴴ ⪰ 0.
    func stepLengths(_ w: LowRankSDPWorkspace<T>, cap: Double, accurate: Bool, ds: UnsafePointer<T>,
                     dz: UnsafePointer<T>, dsl: UnsafePointer<Double>, dzl: UnsafePointer<Double>) -> (Double, Double) {
        typealias K = LowRankKernels<T>
        let n = w.n
        var ap = cap, ad = cap
        for i in 0..<w.l {
            if dsl[i] < 0 { ap = min(ap, -w.sl[i] / dsl[i]) }
            if dzl[i] < 0 { ad = min(ad, -w.zl[i] / dzl[i]) }
        }
        ap = min(ap, w.stepLength.maxStep(ds, cap: ap, accurate: accurate))
        w.trial.update(from: dz, count: n * n)
        K.congruenceByInverse(n: n, w.lzHat, w.trial, w.w1)
        ad = min(ad, w.stepLength.maxStep(w.trial, cap: ad, accurate: accurate))
        return (ap, ad)
    }

    /// Takes the corrector step: x, S, s_l by the primal step (ΔS = R_S − Σ Δx_j F_j through the factors
    /// U, so the primal rows stay linear in x exactly as in the residual), Z, z_l by the dual step
    /// (ΔZ = L⁻ᴴΔẐL⁻¹).
    func update(_ lmi: LowRankLMI<T>, _ w: LowRankSDPWorkspace<T>, primalStep ap: Double, dualStep ad: Double) {
        typealias K = LowRankKernels<T>
        let n = w.n, r = w.r, nn = n * n
        if !primalFeasible && ap < 1 {
            // (After a full primal step, and from then on, the residual evaluation sets S from x.)
            K.signedGram(n: n, r: r, w.u, w.dR, w.wu, w.w1)
            for e in 0..<nn { w.s[e] = w.s[e] + T.scaled(w.rs[e] - w.w1[e], ap) }
        }
        w.w2.update(from: w.dz, count: nn)
        K.congruenceByInverseAdjoint(n: n, w.lc, w.w2, w.w1)
        for e in 0..<nn { w.z[e] = w.z[e] + T.scaled(w.w2[e], ad) }
        for j in 0..<w.k { w.x[j] += ap * w.dx[j] }
        for i in 0..<w.l {
            w.sl[i] += ap * w.dsl[i]
            w.zl[i] += ad * w.dzl[i]
        }
    }
}
