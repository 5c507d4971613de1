import ComplexModule
import LinearAlgebra
import Optimization
import RealModule

/// Deterministic SplitMix64 for test instances.
struct TestRNG {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) * 2 - 1 }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func normal() -> Double {
        let u1 = max(unit(), 1e-300), u2 = unit()
        return (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
    }
    mutating func complexNormal() -> Complex<Double> { Complex(normal(), normal()) }
}

/// Independent checks of a returned solution, computed by the test from x, s, y only.
struct KKTCheck {
    var primalResidual = 0.0   // ‖Ax + s − b‖ / (1 + ‖b‖)
    var dualResidual = 0.0     // ‖Aᵀy + c‖ / (1 + ‖c‖)
    var gap = 0.0              // |cᵀx + bᵀy| / (1 + |cᵀx|)
    var sConeViolation = 0.0   // distance-type violation of s ∈ K (relative)
    var yConeViolation = 0.0   // violation of y ∈ K*
    var complementarity = 0.0  // |sᵀy| / (1 + |cᵀx|)

    init(_ problem: ConicProblem, _ sol: ConicSolution) {
        var r = problem.A.multiply(sol.x)
        for i in r.indices { r[i] += sol.s[i] - problem.b[i] }
        primalResidual = norm(r) / (1 + norm(problem.b))
        var d = problem.A.transposeMultiply(sol.y)
        for i in d.indices { d[i] += problem.c[i] }
        dualResidual = norm(d) / (1 + norm(problem.c))
        let cx = zip(problem.c, sol.x).reduce(0) { $0 + $1.0 * $1.1 }
        let by = zip(problem.b, sol.y).reduce(0) { $0 + $1.0 * $1.1 }
        gap = abs(cx + by) / (1 + abs(cx))
        complementarity = abs(zip(sol.s, sol.y).reduce(0) { $0 + $1.0 * $1.1 }) / (1 + abs(cx))
        sConeViolation = coneViolation(problem.cones, sol.s, dual: false) / (1 + norm(sol.s))
        yConeViolation = coneViolation(problem.cones, sol.y, dual: true) / (1 + norm(sol.y))
    }
}

func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

/// How far v is outside K (dual = K*, where the zero cone's dual is free): 0 when inside.
func coneViolation(_ cones: [Cone], _ v: [Double], dual: Bool) -> Double {
    var worst = 0.0
    var r = 0
    for cone in cones {
        let seg = Array(v[r..<(r + cone.dimension)])
        switch cone {
        case .zero: if !dual { worst = max(worst, seg.reduce(0) { max($0, abs($1)) }) }
        case .nonnegative: worst = max(worst, seg.reduce(0) { max($0, -$1) })
        case .secondOrder: worst = max(worst, norm(Array(seg.dropFirst())) - seg[0])
        case .psd(let n):
            let e = (try? SymmetricVectorization.unpack(seg, order: n).symmetricEigenvalues()) ?? [-.infinity]
            worst = max(worst, -(e.first ?? 0))
        case .hermitianPSD(let n):
            let e = (try? SymmetricVectorization.unpackHermitian(seg, order: n).hermitianEigenvalues()) ?? [-.infinity]
            worst = max(worst, -(e.first ?? 0))
        case .exponential:
            worst = max(worst, exponentialViolation(seg[0], seg[1], seg[2], dual: dual))
        }
        r += cone.dimension
    }
    return worst
}

/// Dense (row-major rows) → SparseMatrix.
func sparse(_ rows: [[Double]]) -> SparseMatrix {
    let m = rows.count, n = rows.first?.count ?? 0
    var t: [(row: Int, column: Int, value: Double)] = []
    for i in 0..<m { for j in 0..<n where rows[i][j] != 0 { t.append((i, j, rows[i][j])) } }
    return SparseMatrix(rows: m, columns: n, triplets: t)
}

/// Violation of (x, y, z) ∈ K_exp (or (u, v, w) ∈ K_exp* when dual): 0 inside, otherwise the
/// amount by which the defining inequality fails (boundary points with y = 0 or u = 0 included).
func exponentialViolation(_ a: Double, _ b: Double, _ c: Double, dual: Bool) -> Double {
    if !dual {
        // y·exp(x/y) ≤ z, y ≥ 0, z ≥ 0 (y = 0: x ≤ 0).
        if b < 0 || c < 0 { return max(-b, -c) }
        if b == 0 { return max(0, a) }
        return max(0, b * Double.exp(a / b) - c)
    }
    // −u·exp(v/u) ≤ e·w, u ≤ 0, w ≥ 0 (u = 0: v ≥ 0).
    if a > 0 || c < 0 { return max(a, -c) }
    if a == 0 { return max(0, -b) }
    return max(0, -a * Double.exp(b / a) - Double.exp(1) * c)
}
