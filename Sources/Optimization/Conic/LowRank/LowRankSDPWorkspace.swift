/// Buffers of `LowRankSDPSolver`, allocated once per shape (order n, variables K, nonnegative rows L,
/// total rank R) and reused by every solve of that shape.
final class LowRankSDPWorkspace<T: PSDScalar> {
    let n: Int, k: Int, l: Int, r: Int

    // n×n (full, column-major): iterates S, Z; L (S = LLᴴ, lower triangle); the scaled
    // Ẑ = LᴴZL with its factor L̂; R̂_S = L⁻¹R_SL⁻ᴴ (`rHat`) and the residual R_S; scaled directions
    // ΔŜ = L⁻¹ΔSL⁻ᴴ, ΔẐ = LᴴΔZL (predictor ₐ and corrector); Γ̂, Q̂ = ΔẐₐΔŜₐ; work matrices.
    let s, z, lc, zHat, lzHat, rHat, rs, ds, dz, dsa, dza, gamma, q, w1, w2, trial: UnsafeMutablePointer<T>
    let sBest, zBest, bMat: UnsafeMutablePointer<T>
    // n×R: U, ZU, V = L⁻¹U, R̂_S·V, work.
    let u, zu, v, rHatV, wu, qu: UnsafeMutablePointer<T>
    // R×R
    let g, phi: UnsafeMutablePointer<T>
    /// Per factor: the coefficient d_r of u_r·u_rᴴ in the current direction's ΔS.
    let dR: UnsafeMutablePointer<Double>
    // K×K real: M_psd, M = M_psd + A_lᵀDA_l (full), its (shifted) Cholesky factor.
    let mPSD, mFull, mFactor: UnsafeMutablePointer<Double>
    // K: x, directions, r_x, ⟨F, Z⟩, h, right-hand side, ⟨F, Γ⟩, best x, work.
    let x, dx, dxa, rx, fz, h, rhs, fGamma, xBest, tmpK: UnsafeMutablePointer<Double>
    // L
    let sl, zl, dsl, dzl, dsla, dzla, rl, tl, dScale, tmpL, slBest, zlBest: UnsafeMutablePointer<Double>
    var stepLength: PSDStepLength<T>

    private var complexBuffers: [UnsafeMutablePointer<T>] = []
    private var realBuffers: [UnsafeMutablePointer<Double>] = []

    init(order n: Int, variables k: Int, lpRows l: Int, rank r: Int) {
        self.n = n; self.k = k; self.l = l; self.r = r
        var cb: [UnsafeMutablePointer<T>] = [], rb: [UnsafeMutablePointer<Double>] = []
        func cm(_ count: Int) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, count))
            p.initialize(repeating: .zero, count: max(1, count))
            cb.append(p)
            return p
        }
        func rm(_ count: Int) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(1, count))
            p.initialize(repeating: 0, count: max(1, count))
            rb.append(p)
            return p
        }
        let nn = n * n, nr = n * r
        s = cm(nn); z = cm(nn); lc = cm(nn); zHat = cm(nn); lzHat = cm(nn)
        rHat = cm(nn); rs = cm(nn); ds = cm(nn); dz = cm(nn); dsa = cm(nn); dza = cm(nn)
        gamma = cm(nn); q = cm(nn); w1 = cm(nn); w2 = cm(nn); trial = cm(nn)
        sBest = cm(nn); zBest = cm(nn); bMat = cm(nn)
        u = cm(nr); zu = cm(nr); v = cm(nr); rHatV = cm(nr); wu = cm(nr); qu = cm(nr)
        g = cm(r * r); phi = cm(r * r)
        dR = rm(r)
        mPSD = rm(k * k); mFull = rm(k * k); mFactor = rm(k * k)
        x = rm(k); dx = rm(k); dxa = rm(k); rx = rm(k); fz = rm(k); h = rm(k)
        rhs = rm(k); fGamma = rm(k); xBest = rm(k); tmpK = rm(k)
        sl = rm(l); zl = rm(l); dsl = rm(l); dzl = rm(l); dsla = rm(l); dzla = rm(l); rl = rm(l); tl = rm(l)
        dScale = rm(l); tmpL = rm(l); slBest = rm(l); zlBest = rm(l)
        stepLength = PSDStepLength<T>(order: n)
        complexBuffers = cb
        realBuffers = rb
    }

    deinit {
        for p in complexBuffers { p.deallocate() }
        for p in realBuffers { p.deallocate() }
        stepLength.release()
    }

    func matches(_ lmi: LowRankLMI<T>) -> Bool {
        lmi.order == n && lmi.variables == k && lmi.lpRows.count == l && lmi.rank == r
    }
}
