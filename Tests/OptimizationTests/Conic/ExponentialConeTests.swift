import Foundation
import Optimization
import RealModule
import Testing

@Suite("Conic solver: exponential cone")
struct ExponentialConeTests {
    /// max log(1 + γ) − cγ, γ ≥ 0: γ* = 1/c − 1, value −log c − 1 + c.
    @Test(arguments: [0.1, 0.5, 0.9])
    func logOfOnePlus(c: Double) throws {
        // variables (t, γ); rows: (t, 1, 1 + γ) ∈ K_exp; γ ≥ 0.
        let a = sparse([[-1, 0], [0, 0], [0, -1], [0, -1]])
        let p = try ConicProblem(c: [-1, c], A: a, b: [0, 1, 1, 0], cones: [.exponential, .nonnegative(1)])
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .optimal)
        #expect(abs(sol.x[1] - (1 / c - 1)) < 1e-5 * (1 + 1 / c))
        #expect(abs(-sol.primalObjective - (-Double.log(c) - 1 + c)) < 1e-7)
        let k = KKTCheck(p, sol)
        #expect(k.primalResidual < 1e-8 && k.dualResidual < 1e-8 && k.yConeViolation < 1e-9 && k.sConeViolation < 1e-9)
    }

    /// t = log Σ exp(xᵢ): min t s.t. (xᵢ − t, 1, uᵢ) ∈ K_exp, Σ uᵢ ≤ 1.
    @Test func logSumExp() throws {
        let xs = [0.3, -1.2, 2.0, 0.7, -0.1]
        let n = xs.count
        // variables (t, u₁…u_n)
        var rows: [[Double]] = []
        var b: [Double] = []
        var cones: [Cone] = []
        for i in 0..<n {
            var r0 = [Double](repeating: 0, count: n + 1); r0[0] = 1       // s₀ = xᵢ − t
            let r1 = [Double](repeating: 0, count: n + 1)                    // s₁ = 1
            var r2 = [Double](repeating: 0, count: n + 1); r2[1 + i] = -1   // s₂ = uᵢ
            rows += [r0, r1, r2]
            b += [xs[i], 1, 0]
            cones.append(.exponential)
        }
        var sumRow = [Double](repeating: 1, count: n + 1); sumRow[0] = 0     // 1 − Σu ≥ 0
        rows.append(sumRow)
        b.append(1)
        cones.append(.nonnegative(1))
        var c = [Double](repeating: 0, count: n + 1); c[0] = 1
        let p = try ConicProblem(c: c, A: sparse(rows), b: b, cones: cones)
        let sol = ConicSolver.solve(p)
        #expect(sol.status == .optimal)
        let lse = Double.log(xs.reduce(0) { $0 + Double.exp($1) })
        #expect(abs(sol.primalObjective - lse) < 1e-7)
        let k = KKTCheck(p, sol)
        #expect(k.primalResidual < 1e-8 && k.dualResidual < 1e-8 && k.yConeViolation < 1e-9)
    }

    /// Water-filling: max Σ log(1 + aᵢpᵢ) s.t. Σ pᵢ ≤ P, p ≥ 0 → pᵢ = max(0, ν − 1/aᵢ).
    @Test func waterFilling() throws {
        let gains = [2.0, 0.5, 1.0, 4.0, 0.1]
        let total = 1.5
        let m = ConicModel()
        let pw = m.variables(gains.count)
        let t = m.variables(gains.count)
        for i in gains.indices {
            m.add(.logarithm(Affine(t[i]), lessThanLogOf: 1 + gains[i] * pw[i]))
            m.add(pw[i] >= 0)
        }
        m.add(Affine.sum(pw.map(Affine.init)) <= total)
        m.maximize(Affine.sum(t.map(Affine.init)))
        let s = try m.solve()
        #expect(s.status == .optimal)
        // Closed form: bisection on the water level ν.
        var lo = 0.0, hi = 100.0
        for _ in 0..<200 {
            let nu = 0.5 * (lo + hi)
            let used = gains.reduce(0) { $0 + max(0, nu - 1 / $1) }
            if used > total { hi = nu } else { lo = nu }
        }
        let expected = gains.reduce(0) { $0 + Double.log(1 + $1 * max(0, lo - 1 / $1)) }
        #expect(abs(s.objectiveValue - expected) < 1e-7)
        for i in gains.indices { #expect(abs(s.value(pw[i]) - max(0, lo - 1 / gains[i])) < 1e-5) }
    }

    /// t ≥ 1 and t ≤ log u with u ≤ 1 is infeasible.
    @Test func infeasibleLog() throws {
        let m = ConicModel()
        let t = m.variable(), u = m.variable()
        m.add(.logarithm(Affine(t), lessThanLogOf: Affine(u)))
        m.add(t >= 1)
        m.add(u <= 1)
        m.minimize(Affine(t))
        let s = try m.solve()
        #expect(s.status == .primalInfeasible)
        let (p, _) = try m.problem()
        checkPrimalCertificate(p, s.conic)
    }

    /// exp(x) ≤ t epigraph: min t − 2x has x* = log 2, value 2 − 2 log 2.
    @Test func exponentialEpigraph() throws {
        let m = ConicModel()
        let x = m.variable(), t = m.variable()
        m.add(.exponentialBound(Affine(x), Affine(t)))
        m.minimize(t - 2 * x)
        let s = try m.solve()
        #expect(s.status == .optimal)
        #expect(abs(s.value(x) - Double.log(2)) < 1e-4)  // flat (quadratic) optimum: x is accurate to ~√gap
        #expect(abs(s.objectiveValue - (2 - 2 * Double.log(2))) < 1e-8)
    }
}

/// The EE multi-user SCA subproblem shape (specs/ee.md (38)): maximize Σ log₂(1 + γ_k) − λ·‖W‖²
/// with SOC interference constraints and the linearised SINR constraint. With one user and the SCA
/// point at the optimum, the linearisation is tight and the optimum is the water-filling solution
/// p* = 1/(λ ln 2) − σ²/‖c‖², γ* = p*‖c‖²/σ².
@Suite("Conic solver: EE SCA subproblem")
struct EESubproblemTests {
    @Test func singleUserMatchesWaterFilling() throws {
        var rng = TestRNG(42)
        let n = 4
        let c = (0..<n).map { _ in rng.complexNormal() }
        let g = c.reduce(0.0) { $0 + $1.lengthSquared }
        let sigma2 = 0.5, lambda = 0.3, pMax = 10.0
        let pStar = min(pMax, max(0, 1 / (lambda * Double.log(2)) - sigma2 / g))
        let gammaStar = pStar * g / sigma2
        let expected = Double.log2(1 + gammaStar) - lambda * pStar
        // SCA point at the optimum: γ̄ = γ*, β̄ = σ².
        let rho = 0.5 * (sigma2 / gammaStar).squareRoot(), varsigma = 0.5 * (gammaStar / sigma2).squareRoot()

        let m = ConicModel()
        let w = m.complexVector(n)
        let gamma = m.variable(), beta = m.variable(), t = m.variable(), q = m.variable()
        m.add(.logarithm(Affine(t), lessThanLogOf: 1 + Affine(gamma)))
        m.add(squaredNorm(w) <= q)
        m.add(q <= pMax)
        m.add(beta >= sigma2)                                        // (36) without interference
        m.add(AffineMatrix.dot(c, w).real() >= rho * gamma + varsigma * beta)   // (37)
        m.add(gamma >= 0)
        m.maximize(Affine(t) / Double.log(2) - lambda * q)
        let s = try m.solve()
        #expect(s.status == .optimal)
        #expect(abs(s.objectiveValue - expected) < 1e-7)
        #expect(abs(s.value(gamma) - gammaStar) < 1e-4 * (1 + gammaStar))
    }
}
