/// Cone-preserving Ruiz equilibration of the internal data [A_eq; G]:
///
///     Â = E·[A_eq; G]·D,  ĉ = γ_c·D·c,  b̂ = γ_b·E·b,
///
/// D (columns) arbitrary positive, E (rows) positive and constant on each second-order and PSD cone
/// (so E maps each cone onto itself), γ_b, γ_c positive scalars bringing ‖b̂‖∞, ‖ĉ‖∞ down to ≤ 1.
/// A solution (x̂, ŝ, ŷ) of the scaled problem gives x = D·x̂/γ_b, s = E⁻¹·ŝ/γ_b, y = E·ŷ/γ_c.
struct Equilibration {
    var columns: [Double]
    var eqRows: [Double]
    var ineqRows: [Double]
    var costScale = 1.0
    var rhsScale = 1.0

    static func identity(n: Int, p: Int, m: Int) -> Equilibration {
        Equilibration(columns: .init(repeating: 1, count: n), eqRows: .init(repeating: 1, count: p),
                      ineqRows: .init(repeating: 1, count: m))
    }

    /// `groups` lists inequality row ranges that must share one scale (SOC and PSD cones); rows not in
    /// any group are scaled individually.
    static func compute(n: Int, p: Int, m: Int, aEq: [Double], g: RawSparse, groups: [Range<Int>],
                        iterations: Int = 12) -> Equilibration {
        var e = identity(n: n, p: p, m: m)
        var groupOf = [Int](repeating: -1, count: m)
        for (k, r) in groups.enumerated() { for i in r { groupOf[i] = k } }
        for iteration in 0..<iterations {
            // Column pass.
            var colMax = [Double](repeating: 0, count: n)
            for j in 0..<n {
                var mx = 0.0
                for i in 0..<p { mx = max(mx, abs(aEq[i + j * p]) * e.eqRows[i]) }
                for k in g.starts[j]..<g.starts[j + 1] { mx = max(mx, abs(g.values[k]) * e.ineqRows[g.rowIndex[k]]) }
                colMax[j] = mx * e.columns[j]
            }
            // Converged when every column's largest entry is already within a factor 2 of 1 (the
            // row pass of the previous iteration left the rows there as well).
            if iteration > 0 && colMax.allSatisfy({ $0 == 0 || ($0 >= 0.5 && $0 <= 2) }) { break }
            for j in 0..<n where colMax[j] > 0 { e.columns[j] = clamp(e.columns[j] / colMax[j].squareRoot()) }
            // Row pass.
            var eqMax = [Double](repeating: 0, count: p)
            var rowMax = [Double](repeating: 0, count: m)
            for j in 0..<n {
                let cj = e.columns[j]
                for i in 0..<p { eqMax[i] = max(eqMax[i], abs(aEq[i + j * p]) * cj) }
                for k in g.starts[j]..<g.starts[j + 1] { rowMax[g.rowIndex[k]] = max(rowMax[g.rowIndex[k]], abs(g.values[k]) * cj) }
            }
            for i in 0..<p where eqMax[i] > 0 { e.eqRows[i] = clamp(e.eqRows[i] / (eqMax[i] * e.eqRows[i]).squareRoot()) }
            var groupMax = [Double](repeating: 0, count: groups.count)
            for i in 0..<m where groupOf[i] >= 0 { groupMax[groupOf[i]] = max(groupMax[groupOf[i]], rowMax[i]) }
            for i in 0..<m {
                let mx = groupOf[i] >= 0 ? groupMax[groupOf[i]] : rowMax[i]
                if mx > 0 { e.ineqRows[i] = clamp(e.ineqRows[i] / (mx * e.ineqRows[i]).squareRoot()) }
            }
        }
        return e
    }

    private static func clamp(_ v: Double) -> Double { min(max(v, 1e-4), 1e4) }

    /// Finishes with the scalar cost and right-hand-side scales from the scaled c and b.
    mutating func setObjectiveScales(c: [Double], bEq: [Double], h: [Double]) {
        var cmax = 0.0
        for j in 0..<c.count { cmax = max(cmax, abs(c[j] * columns[j])) }
        var bmax = 0.0
        for i in 0..<bEq.count { bmax = max(bmax, abs(bEq[i] * eqRows[i])) }
        for i in 0..<h.count { bmax = max(bmax, abs(h[i] * ineqRows[i])) }
        costScale = 1 / max(1, cmax)
        rhsScale = 1 / max(1, bmax)
    }
}
