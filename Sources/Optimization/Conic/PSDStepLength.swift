/// Maximum step α with I + α·M ⪰ 0 for a Hermitian M (the PSD step-length problem in scaled
/// coordinates: Λ + α·D ⪰ 0 ⇔ I + α·Λ^{-1/2} D Λ^{-1/2} ⪰ 0), decided by Cholesky tests.
///
/// Procedure (no eigendecomposition):
/// 1. Gershgorin gives a guaranteed-safe α_lo; if it already reaches `cap`, return `cap`.
/// 2. A short Lanczos run (≤ 12 steps, full reorthogonalisation) estimates λ_min(M) from above, which
///    gives an optimistic α_up ≥ α_max; the diagonal of M gives another upper bound.
/// 3. A Cholesky factorisation of I + α·M at the trial point (or at `cap`) confirms the step;
///    only when it fails does a bisection between α_lo and the failed value run (≤ 40 Cholesky
///    tests, relative precision 10⁻³). The trial point is (1 − 10⁻³)·α_up. The returned α is always one at which Cholesky succeeded
///    (or α_lo), so I + α·M is positive definite at the returned value up to rounding.
struct PSDStepLength<T: PSDScalar> {
    let n: Int
    let maxLanczos: Int
    private let work: UnsafeMutablePointer<T>
    private let basis: UnsafeMutablePointer<T>
    private let wv: UnsafeMutablePointer<T>
    private let proj: UnsafeMutablePointer<T>
    private var alphas: [Double]
    private var betas: [Double]
    /// Cholesky tests made by the last call (for diagnostics and tests).
    private(set) var lastTests = 0

    init(order n: Int) {
        self.n = n
        maxLanczos = min(n, 12)
        work = .allocate(capacity: max(1, n * n))
        basis = .allocate(capacity: max(1, n * (maxLanczos + 1)))
        wv = .allocate(capacity: max(1, n))
        proj = .allocate(capacity: max(1, maxLanczos + 1))
        work.initialize(repeating: .zero, count: max(1, n * n))
        basis.initialize(repeating: .zero, count: max(1, n * (maxLanczos + 1)))
        wv.initialize(repeating: .zero, count: max(1, n))
        proj.initialize(repeating: .zero, count: max(1, maxLanczos + 1))
        alphas = [Double](repeating: 0, count: maxLanczos + 1)
        betas = [Double](repeating: 0, count: maxLanczos + 1)
    }

    func release() {
        work.deallocate()
        basis.deallocate()
        wv.deallocate()
        proj.deallocate()
    }

    /// `m` is a full Hermitian n×n matrix (both triangles); it is not modified. With `accurate == false`
    /// (the affine-scaling step, used only to choose the centring parameter) the result is the
    /// estimate of a short Lanczos run without Cholesky confirmation.
    mutating func maxStep(_ m: UnsafePointer<T>, cap: Double, accurate: Bool = true) -> Double {
        lastTests = 0
        var gersh = Double.infinity, dmin = Double.infinity, dminIndex = 0
        for i in 0..<n {
            let d = m[i + i * n].realValue
            var off = 0.0
            for j in 0..<n where j != i { off += m[i + j * n].magnitudeSquared.squareRoot() }
            gersh = min(gersh, d - off)
            if d < dmin { dmin = d; dminIndex = i }
        }
        if gersh >= 0 { return cap }
        let alphaLo = -1 / gersh
        if alphaLo >= cap { return cap }
        var alphaUp = dmin < 0 ? -1 / dmin : Double.infinity
        let theta = lanczosMinimum(m, start: dminIndex, steps: accurate ? maxLanczos : min(maxLanczos, 6))
        if theta < 0 { alphaUp = min(alphaUp, -1 / theta) }
        if !accurate { return max(alphaLo, min(cap, alphaUp)) }

        var bad: Double
        if alphaUp >= cap {
            if isPositiveDefinite(m, alpha: cap) { return cap }
            bad = cap
        } else {
            let trial = max(alphaLo, alphaUp * (1 - 1e-3))
            if isPositiveDefinite(m, alpha: trial) { return trial }
            bad = trial
        }
        var lo = alphaLo
        var iterations = 0
        while bad > lo * (1 + 1e-3) && iterations < 40 {
            let mid = (lo * bad).squareRoot()
            if isPositiveDefinite(m, alpha: mid) { lo = mid } else { bad = mid }
            iterations += 1
        }
        return lo
    }

    private mutating func isPositiveDefinite(_ m: UnsafePointer<T>, alpha: Double) -> Bool {
        lastTests += 1
        for j in 0..<n {
            for i in j..<n { work[i + j * n] = T.scaled(m[i + j * n], alpha) }
            work[j + j * n] = work[j + j * n] + .one
        }
        return T.cholesky(n: n, work)
    }

    /// Smallest Ritz value of a Lanczos run on M (an upper bound on λ_min(M) up to rounding).
    private mutating func lanczosMinimum(_ m: UnsafePointer<T>, start: Int, steps: Int) -> Double {
        let k = steps
        guard k > 0 else { return 0 }
        // Deterministic start: the unit vector of the smallest diagonal plus a small uniform part.
        let base = 0.1 / Double(n).squareRoot()
        var nrm = 0.0
        for i in 0..<n {
            let x = i == start ? 1 + base : base
            basis[i] = T(realValue: x)
            nrm += x * x
        }
        nrm = nrm.squareRoot()
        for i in 0..<n { basis[i] = T.scaled(basis[i], 1 / nrm) }
        var steps = 0
        for j in 0..<k {
            let qj = basis + j * n
            if n <= 32 {
                // Hand-written product: a BLAS call costs more than the arithmetic at this size.
                for i in 0..<n { wv[i] = .zero }
                for c in 0..<n {
                    let x = qj[c], col = m + c * n
                    for i in 0..<n { wv[i] = wv[i] + col[i] * x }
                }
            } else {
                T.gemmRect(.none, m: n, p: 1, k: n, m, qj, wv)
            }
            var a = 0.0
            for i in 0..<n { a += T.realDot(qj[i], wv[i]) }
            alphas[j] = a
            steps = j + 1
            if j == k - 1 { break }
            // Full reorthogonalisation against q_0 … q_j (one modified Gram–Schmidt pass).
            for l in 0...j {
                let ql = basis + l * n
                var c = T.zero
                for i in 0..<n { c = c + ql[i].conj * wv[i] }
                for i in 0..<n { wv[i] = wv[i] - ql[i] * c }
            }
            var bnorm = 0.0
            for i in 0..<n { bnorm += wv[i].magnitudeSquared }
            bnorm = bnorm.squareRoot()
            if bnorm <= 1e-12 * max(1, abs(a)) { break }
            betas[j] = bnorm
            let next = basis + (j + 1) * n
            for i in 0..<n { next[i] = T.scaled(wv[i], 1 / bnorm) }
        }
        return tridiagonalMinimum(count: steps)
    }

    /// Smallest eigenvalue of the symmetric tridiagonal (alphas, betas) by Sturm-count bisection.
    private func tridiagonalMinimum(count k: Int) -> Double {
        var lo = Double.infinity, hi = -Double.infinity
        for i in 0..<k {
            let r = (i > 0 ? abs(betas[i - 1]) : 0) + (i < k - 1 ? abs(betas[i]) : 0)
            lo = min(lo, alphas[i] - r)
            hi = max(hi, alphas[i] + r)
        }
        let scale = max(abs(lo), abs(hi), 1e-300)
        // 10⁻⁷ relative is ample: the result is only a trial point confirmed by Cholesky.
        for _ in 0..<60 {
            if hi - lo <= 1e-7 * scale { break }
            let mid = 0.5 * (lo + hi)
            // Number of eigenvalues < mid.
            var count = 0
            var d = 1.0
            for i in 0..<k {
                let b2 = i > 0 ? betas[i - 1] * betas[i - 1] : 0
                d = alphas[i] - mid - (i > 0 ? b2 / d : 0)
                if d == 0 { d = -1e-300 }
                if d < 0 { count += 1 }
            }
            if count >= 1 { hi = mid } else { lo = mid }
        }
        return hi
    }
}
