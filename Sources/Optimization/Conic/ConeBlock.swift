/// Which Nesterov–Todd scaling operator to apply: W, Wᵀ, W⁻¹ or W⁻ᵀ, where W·z = W⁻ᵀ·s = λ.
enum ScalingOp { case w, wT, wInv, wInvT }

/// One block of the inequality cone (everything except the zero cone) as the interior-point loop sees
/// it. Pointers passed in are the *base* of a global inequality vector; a block reads and writes only
/// its own segment `offset ..< offset + dimension`.
protocol ConeBlock: AnyObject {
    var offset: Int { get }
    var dimension: Int { get }
    var degree: Int { get }

    /// v ← e (the identity of the Jordan algebra).
    func setIdentity(_ v: UnsafeMutablePointer<Double>)
    /// Smallest t with v + t·e on the boundary of the cone (negative when v is interior).
    func boundaryShift(_ v: UnsafePointer<Double>) -> Double
    /// Computes the NT scaling and λ from interior s, z. Returns false when s or z is not interior.
    func updateScaling(s: UnsafePointer<Double>, z: UnsafePointer<Double>) -> Bool
    /// out ← λ (scaled point).
    func writeLambda(_ out: UnsafeMutablePointer<Double>)
    /// out ← op(v). `v` and `out` may be the same buffer.
    func applyScaling(_ op: ScalingOp, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>)
    /// out ← λ ∘ v.
    func lambdaProduct(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>)
    /// out ← λ \ v (the solution of λ ∘ out = v).
    func lambdaDivide(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>)
    /// out ← u ∘ v.
    func jordanProduct(_ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>)
    /// Largest α ∈ [0, cap] with λ + α·d in the cone (up to the block's documented accuracy);
    /// `accurate == false` allows a cheaper estimate (used for the affine step, which only sets σ).
    func maxStep(_ d: UnsafePointer<Double>, cap: Double, accurate: Bool) -> Double
    /// Forms the scaled columns Ĝ_b = W⁻ᵀ·G_b for the current scaling and adds Ĝ_bᵀ·Ĝ_b to the lower
    /// triangle of the n×n matrix H (leading dimension ld).
    func addSchur(_ h: UnsafeMutablePointer<Double>, ld: Int)
    /// out[segment] ← Ĝ_b·v (v has n entries); uses the Ĝ_b of the last `addSchur`.
    func scaledMultiply(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>)
    /// out (n entries) ← out + Ĝ_bᵀ·u[segment].
    func scaledTransposeMultiplyAdd(_ u: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>)

    // Hooks for nonsymmetric cones (defaults serve the symmetric ones).

    /// The current complementarity measure μ, set before `updateScaling`.
    func setMu(_ mu: Double)
    /// Step length for a scaled direction; `dual` tells whether d is Δz̃ (else Δs̃).
    func maxStepDirection(_ d: UnsafePointer<Double>, cap: Double, accurate: Bool, dual: Bool) -> Double
    /// out[segment] ← the scaled centring direction, which multiplies σμ in the corrector (e for
    /// symmetric cones, where λ \ (σμe) is the centring term).
    func centeringDirection(_ out: UnsafeMutablePointer<Double>)
    /// Replaces non-interior segments of s and z by a central point (starting points).
    func ensureInterior(s: UnsafeMutablePointer<Double>, z: UnsafeMutablePointer<Double>)
}

extension ConeBlock {
    func setMu(_ mu: Double) {}
    func maxStepDirection(_ d: UnsafePointer<Double>, cap: Double, accurate: Bool, dual: Bool) -> Double {
        maxStep(d, cap: cap, accurate: accurate)
    }
    func centeringDirection(_ out: UnsafeMutablePointer<Double>) { setIdentity(out) }
    func ensureInterior(s: UnsafeMutablePointer<Double>, z: UnsafeMutablePointer<Double>) {}
}

/// Rows of the inequality matrix G restricted to one block, as dense local columns: the block touches
/// `columns` (sorted global column indices) and `values` is dimension × columns.count, column-major.
struct LocalColumns {
    let columns: [Int]
    let values: [Double]

    init(rows range: Range<Int>, of g: RawSparse) {
        // Columns are sorted by row, so the block's entries of a column form one contiguous run.
        var cols: [Int] = []
        var vals: [Double] = []
        let d = range.count
        for j in 0..<g.columns {
            var k = g.starts[j]
            let end = g.starts[j + 1]
            while k < end && g.rowIndex[k] < range.lowerBound { k += 1 }
            if k == end || g.rowIndex[k] >= range.upperBound { continue }
            cols.append(j)
            let base = vals.count
            vals.append(contentsOf: repeatElement(0, count: d))
            while k < end && g.rowIndex[k] < range.upperBound {
                vals[base + g.rowIndex[k] - range.lowerBound] = g.values[k]
                k += 1
            }
        }
        columns = cols
        values = vals
    }
}

/// The nonnegative orthant (all `.nonnegative` rows merged into one block).
final class NonnegativeBlock: ConeBlock {
    let offset: Int
    let dimension: Int
    var degree: Int { dimension }
    /// Compressed rows of G for this block: rowStarts has dimension + 1 entries.
    let rowStarts: [Int]
    let rowColumns: [Int]
    let rowValues: [Double]
    private var d: [Double]       // W = diag(d), d = sqrt(s/z)
    private var lambda: [Double]  // λ = sqrt(s z)

    init(offset: Int, dimension: Int, g: RawSparse) {
        self.offset = offset
        self.dimension = dimension
        var counts = [Int](repeating: 0, count: dimension + 1)
        for k in 0..<g.rowIndex.count {
            let r = g.rowIndex[k] - offset
            if r >= 0 && r < dimension { counts[r + 1] += 1 }
        }
        for r in 0..<dimension { counts[r + 1] += counts[r] }
        var next = counts
        var cols = [Int](repeating: 0, count: counts[dimension])
        var vals = [Double](repeating: 0, count: counts[dimension])
        for j in 0..<g.columns {
            for k in g.starts[j]..<g.starts[j + 1] {
                let r = g.rowIndex[k] - offset
                if r >= 0 && r < dimension {
                    cols[next[r]] = j
                    vals[next[r]] = g.values[k]
                    next[r] += 1
                }
            }
        }
        rowStarts = counts
        rowColumns = cols
        rowValues = vals
        d = [Double](repeating: 1, count: dimension)
        lambda = [Double](repeating: 1, count: dimension)
    }

    func setIdentity(_ v: UnsafeMutablePointer<Double>) {
        for i in 0..<dimension { v[offset + i] = 1 }
    }

    func boundaryShift(_ v: UnsafePointer<Double>) -> Double {
        var t = -Double.infinity
        for i in 0..<dimension { t = max(t, -v[offset + i]) }
        return t
    }

    func updateScaling(s: UnsafePointer<Double>, z: UnsafePointer<Double>) -> Bool {
        for i in 0..<dimension {
            let si = s[offset + i], zi = z[offset + i]
            guard si > 0, zi > 0, si.isFinite, zi.isFinite else { return false }
            d[i] = (si / zi).squareRoot()
            lambda[i] = (si * zi).squareRoot()
        }
        return true
    }

    func writeLambda(_ out: UnsafeMutablePointer<Double>) {
        for i in 0..<dimension { out[offset + i] = lambda[i] }
    }

    func applyScaling(_ op: ScalingOp, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        switch op {
        case .w, .wT: for i in 0..<dimension { out[offset + i] = d[i] * v[offset + i] }
        case .wInv, .wInvT: for i in 0..<dimension { out[offset + i] = v[offset + i] / d[i] }
        }
    }

    func lambdaProduct(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        for i in 0..<dimension { out[offset + i] = lambda[i] * v[offset + i] }
    }

    func lambdaDivide(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        for i in 0..<dimension { out[offset + i] = v[offset + i] / lambda[i] }
    }

    func jordanProduct(_ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        for i in 0..<dimension { out[offset + i] = u[offset + i] * v[offset + i] }
    }

    func maxStep(_ dv: UnsafePointer<Double>, cap: Double, accurate: Bool) -> Double {
        var a = cap
        for i in 0..<dimension {
            let di = dv[offset + i]
            if di < 0 { a = min(a, -lambda[i] / di) }
        }
        return max(a, 0)
    }

    func scaledMultiply(_ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        rowStarts.withUnsafeBufferPointer { rs in
            rowColumns.withUnsafeBufferPointer { rc in
                rowValues.withUnsafeBufferPointer { rv in
                    for r in 0..<dimension {
                        var acc = 0.0
                        for a in rs[r]..<rs[r + 1] { acc += rv[a] * v[rc[a]] }
                        out[offset + r] = acc / d[r]
                    }
                }
            }
        }
    }

    func scaledTransposeMultiplyAdd(_ u: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        rowStarts.withUnsafeBufferPointer { rs in
            rowColumns.withUnsafeBufferPointer { rc in
                rowValues.withUnsafeBufferPointer { rv in
                    for r in 0..<dimension {
                        let f = u[offset + r] / d[r]
                        if f == 0 { continue }
                        for a in rs[r]..<rs[r + 1] { out[rc[a]] += rv[a] * f }
                    }
                }
            }
        }
    }

    func addSchur(_ h: UnsafeMutablePointer<Double>, ld: Int) {
        rowStarts.withUnsafeBufferPointer { rs in
            rowColumns.withUnsafeBufferPointer { rc in
                rowValues.withUnsafeBufferPointer { rv in
                    for r in 0..<dimension {
                        let w = 1 / (d[r] * d[r])
                        let lo = rs[r], hi = rs[r + 1]
                        for a in lo..<hi {
                            let ca = rc[a], va = w * rv[a]
                            for b in lo..<hi {
                                let cb = rc[b]
                                if cb >= ca { h[cb + ca * ld] += va * rv[b] }
                            }
                        }
                    }
                }
            }
        }
    }
}
