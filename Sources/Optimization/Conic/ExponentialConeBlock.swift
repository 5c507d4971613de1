import RealModule

/// One exponential cone K_exp = cl{(x, y, z) : y > 0, y·exp(x/y) ≤ z} (dual cone
/// K_exp* = cl{(u, v, w) : u < 0, −u·exp(v/u) ≤ e·w}), handled inside the same primal–dual iteration
/// as the symmetric cones through its logarithmically homogeneous barrier
///
///     F(x, y, z) = −log(y·log(z/y) − x) − log y − log z,   ν = 3.
///
/// Scaling: the primal-barrier scaling WᵀW = (μ∇²F(s))⁻¹ (W = L⁻¹ with L·Lᵀ = μ∇²F(s)), so that the
/// Newton equation of the centrality condition z + σμ∇F(s) = 0,
///
///     Δz + μ∇²F(s)·Δs = −z − σμ∇F(s),
///
/// takes the form Δs̃ + Δz̃ = t with Δs̃ = W⁻ᵀΔs, Δz̃ = WΔz and t = W(−z − σμ∇F(s)). The block therefore
/// reports λ = W·z, acts as the identity in λ∘ and λ\, returns W(−∇F(s)) as centring direction and no
/// second-order (Mehrotra) term. Step lengths are found by bisection on cone membership of the
/// unscaled s + αΔs and z + αΔz (relative precision 10⁻⁴).
final class ExponentialConeBlock: ConeBlock {
    let offset: Int
    let dimension = 3
    var degree: Int { 3 }
    let local: LocalColumns
    /// The central point s = z = −∇F(s) used to start (ECOS's choice).
    static let central: (Double, Double, Double) = (-1.051383945322714, 0.556409619469370, 1.258967884768947)

    private var mu = 1.0
    private var l = [Double](repeating: 0, count: 9)   // lower Cholesky factor of μ∇²F(s), column-major
    private var s = [Double](repeating: 0, count: 3)
    private var z = [Double](repeating: 0, count: 3)
    private var grad = [Double](repeating: 0, count: 3)
    private var lambda = [Double](repeating: 0, count: 3)
    private var scaledG: [Double]

    init(offset: Int, g: RawSparse) {
        self.offset = offset
        local = LocalColumns(rows: offset..<(offset + 3), of: g)
        scaledG = local.values
    }

    // MARK: cone geometry

    static func primalInterior(_ x: Double, _ y: Double, _ z: Double) -> Bool {
        guard y > 0, z > 0, x.isFinite, y.isFinite, z.isFinite else { return false }
        return y * Double.log(z / y) - x > 0
    }

    static func dualInterior(_ u: Double, _ v: Double, _ w: Double) -> Bool {
        guard u < 0, w > 0, u.isFinite, v.isFinite, w.isFinite else { return false }
        return v - u - u * Double.log(w / -u) > 0
    }

    func setIdentity(_ v: UnsafeMutablePointer<Double>) {
        v[offset] = Self.central.0
        v[offset + 1] = Self.central.1
        v[offset + 2] = Self.central.2
    }

    func boundaryShift(_ v: UnsafePointer<Double>) -> Double { -.infinity }

    func ensureInterior(s sv: UnsafeMutablePointer<Double>, z zv: UnsafeMutablePointer<Double>) {
        if !Self.primalInterior(sv[offset], sv[offset + 1], sv[offset + 2]) { setIdentity(sv) }
        if !Self.dualInterior(zv[offset], zv[offset + 1], zv[offset + 2]) { setIdentity(zv) }
    }

    func setMu(_ mu: Double) { self.mu = mu }

    func updateScaling(s sv: UnsafePointer<Double>, z zv: UnsafePointer<Double>) -> Bool {
        let x = sv[offset], y = sv[offset + 1], w = sv[offset + 2]
        guard Self.primalInterior(x, y, w), Self.dualInterior(zv[offset], zv[offset + 1], zv[offset + 2]) else { return false }
        for i in 0..<3 { s[i] = sv[offset + i]; z[i] = zv[offset + i] }
        let lg = Double.log(w / y)
        let psi = y * lg - x
        // ∇ψ and the barrier gradient.
        let g0 = -1.0, g1 = lg - 1, g2 = y / w
        grad[0] = -g0 / psi
        grad[1] = -g1 / psi - 1 / y
        grad[2] = -g2 / psi - 1 / w
        // ∇²F = vvᵀ + M with v = ∇ψ/ψ and M = −∇²ψ/ψ + diag(0, 1/y², 1/z²), whose first row and
        // column vanish. Its Cholesky factor is therefore L = [±v | (0; chol M̄)] exactly, and chol M̄
        // has the closed form below (no cancellation even when ψ → 0 near the boundary).
        let v0 = g0 / psi, v1 = g1 / psi, v2 = g2 / psi
        let m11 = 1 / (y * psi) + 1 / (y * y)
        let l11 = m11.squareRoot()
        let l21 = -1 / (w * psi) / l11
        let r = psi / y
        let l22 = ((2 + r) / (1 + r)).squareRoot() / w
        let sm = mu.squareRoot()
        // column 0 = −v (so that L₀₀ = 1/ψ > 0)
        l = [-v0 * sm, -v1 * sm, -v2 * sm, 0, l11 * sm, l21 * sm, 0, 0, l22 * sm]
        guard l.allSatisfy(\.isFinite), l[0] > 0, l[4] > 0, l[8] > 0 else { return false }
        // λ = W z = L⁻¹ z
        forward(z, &lambda)
        return lambda.allSatisfy(\.isFinite)
    }

    /// Distance of the trial point (s + αΔs, z + αΔz) from the central path of this block at the
    /// trial complementarity μₐ: ‖z/μₐ + ∇F(s)‖ in the norm of ∇²F(s)⁻¹ (0 on the path; ∞ outside
    /// the cone). The primal-barrier scaling linearises z + μ∇F(s) = 0 around s, which is only a good
    /// model near the path: far from it, s and z can both approach their boundaries with sᵀz ≈ μ,
    /// and every later direction is cut to a vanishing step (observed on EE SCA subproblems).
    func proximity(s sv: UnsafePointer<Double>, ds: UnsafePointer<Double>, z zv: UnsafePointer<Double>,
                   dz: UnsafePointer<Double>, alpha: Double, mu trialMu: Double) -> Double {
        let o = offset
        let x = sv[o] + alpha * ds[o], y = sv[o + 1] + alpha * ds[o + 1], w = sv[o + 2] + alpha * ds[o + 2]
        let u0 = zv[o] + alpha * dz[o], u1 = zv[o + 1] + alpha * dz[o + 1], u2 = zv[o + 2] + alpha * dz[o + 2]
        guard trialMu > 0, Self.primalInterior(x, y, w), Self.dualInterior(u0, u1, u2) else { return .infinity }
        let lg = Double.log(w / y)
        let psi = y * lg - x
        // r = z/μ + ∇F(s), then ‖L⁻¹r‖ with L Lᵀ = ∇²F(s) (the factor of `updateScaling` at μ = 1).
        let r0 = u0 / trialMu + 1 / psi
        let r1 = u1 / trialMu - (lg - 1) / psi - 1 / y
        let r2 = u2 / trialMu - (y / w) / psi - 1 / w
        let v0 = -1 / psi, v1 = (lg - 1) / psi, v2 = (y / w) / psi
        let l11 = (1 / (y * psi) + 1 / (y * y)).squareRoot()
        let l21 = -1 / (w * psi) / l11
        let rr = psi / y
        let l22 = ((2 + rr) / (1 + rr)).squareRoot() / w
        let o0 = r0 / (-v0)
        let o1 = (r1 + v1 * o0) / l11
        let o2 = (r2 + v2 * o0 - l21 * o1) / l22
        let d = (o0 * o0 + o1 * o1 + o2 * o2).squareRoot()
        return d.isFinite ? d : .infinity
    }

    /// out = L⁻¹ v
    private func forward(_ v: [Double], _ out: inout [Double]) {
        let o0 = v[0] / l[0]
        let o1 = (v[1] - l[1] * o0) / l[4]
        let o2 = (v[2] - l[2] * o0 - l[5] * o1) / l[8]
        out = [o0, o1, o2]
    }

    private func apply(_ op: ScalingOp, _ v0: Double, _ v1: Double, _ v2: Double) -> (Double, Double, Double) {
        switch op {
        case .w:      // L⁻¹ v
            let o0 = v0 / l[0]
            let o1 = (v1 - l[1] * o0) / l[4]
            return (o0, o1, (v2 - l[2] * o0 - l[5] * o1) / l[8])
        case .wT:     // L⁻ᵀ v
            let o2 = v2 / l[8]
            let o1 = (v1 - l[5] * o2) / l[4]
            return ((v0 - l[1] * o1 - l[2] * o2) / l[0], o1, o2)
        case .wInv:   // L v
            return (l[0] * v0, l[1] * v0 + l[4] * v1, l[2] * v0 + l[5] * v1 + l[8] * v2)
        case .wInvT:  // Lᵀ v
            return (l[0] * v0 + l[1] * v1 + l[2] * v2, l[4] * v1 + l[5] * v2, l[8] * v2)
        }
    }

    func writeLambda(_ out: UnsafeMutablePointer<Double>) {
        for i in 0..<3 { out[offset + i] = lambda[i] }
    }

    func applyScaling(_ op: ScalingOp, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        let r = apply(op, v[offset], v[offset + 1], v[offset + 2])
        out[offset] = r.0
        out[offset + 1] = r.1
        out[offset + 2] = r.2
    }

    func lambdaProduct(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        for i in 0..<3 { out[offset + i] = v[offset + i] }
    }

    func lambdaDivide(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        for i in 0..<3 { out[offset + i] = v[offset + i] }
    }

    func jordanProduct(_ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        for i in 0..<3 { out[offset + i] = 0 }
    }

    func centeringDirection(_ out: UnsafeMutablePointer<Double>) {
        let r = apply(.w, -grad[0], -grad[1], -grad[2])
        out[offset] = r.0
        out[offset + 1] = r.1
        out[offset + 2] = r.2
    }

    func maxStep(_ d: UnsafePointer<Double>, cap: Double, accurate: Bool) -> Double {
        maxStepDirection(d, cap: cap, accurate: accurate, dual: false)
    }

    func maxStepDirection(_ d: UnsafePointer<Double>, cap: Double, accurate: Bool, dual: Bool) -> Double {
        // Unscaled direction: Δs = Wᵀ Δs̃, Δz = W⁻¹ Δz̃.
        let u = apply(dual ? .wInv : .wT, d[offset], d[offset + 1], d[offset + 2])
        let base = dual ? z : s
        func inside(_ a: Double) -> Bool {
            let p0 = base[0] + a * u.0, p1 = base[1] + a * u.1, p2 = base[2] + a * u.2
            return dual ? Self.dualInterior(p0, p1, p2) : Self.primalInterior(p0, p1, p2)
        }
        if inside(cap) { return cap }
        var lo = 0.0, hi = cap
        let precision = accurate ? 1e-4 : 1e-2
        while hi - lo > precision * hi {
            let mid = 0.5 * (lo + hi)
            if inside(mid) { lo = mid } else { hi = mid }
        }
        return lo
    }

    func addSchur(_ h: UnsafeMutablePointer<Double>, ld: Int) {
        let k = local.columns.count
        guard k > 0 else { return }
        local.values.withUnsafeBufferPointer { g in
            for j in 0..<k {
                let r = apply(.wInvT, g[3 * j], g[3 * j + 1], g[3 * j + 2])
                scaledG[3 * j] = r.0
                scaledG[3 * j + 1] = r.1
                scaledG[3 * j + 2] = r.2
            }
        }
        let cols = local.columns
        for j in 0..<k {
            for i in j..<k {
                let v = scaledG[3 * i] * scaledG[3 * j] + scaledG[3 * i + 1] * scaledG[3 * j + 1] + scaledG[3 * i + 2] * scaledG[3 * j + 2]
                h[cols[i] + cols[j] * ld] += v
            }
        }
    }

    func scaledMultiply(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        var o = (0.0, 0.0, 0.0)
        for (j, col) in local.columns.enumerated() {
            let f = v[col]
            o.0 += scaledG[3 * j] * f
            o.1 += scaledG[3 * j + 1] * f
            o.2 += scaledG[3 * j + 2] * f
        }
        out[offset] = o.0
        out[offset + 1] = o.1
        out[offset + 2] = o.2
    }

    func scaledTransposeMultiplyAdd(_ u: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        for (j, col) in local.columns.enumerated() {
            out[col] += scaledG[3 * j] * u[offset] + scaledG[3 * j + 1] * u[offset + 1] + scaledG[3 * j + 2] * u[offset + 2]
        }
    }
}
