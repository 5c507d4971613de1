import ComplexModule
import LinearAlgebra
import Optimization
import RealModule
import Testing

@Suite("Conic modelling layer")
struct ConicModelTests {
    @Test func linearProgram() throws {
        let m = ConicModel()
        let x = m.variables(2)
        m.add(x[0] + 2 * x[1] <= 4)
        m.add(3 * x[0] + Affine(x[1]) <= 6)
        m.add(x[0] >= 0)
        m.add(x[1] >= 0)
        m.maximize(x[0] + x[1])
        let s = try m.solve()
        #expect(s.status == .optimal)
        #expect(abs(s.objectiveValue - 2.8) < 1e-7)
        #expect(abs(s.value(x[0]) - 1.6) < 1e-6 && abs(s.value(x[1]) - 1.2) < 1e-6)
    }

    /// min ‖w‖ s.t. Re(hᴴw) ≥ 1 → ‖w‖ = 1/‖h‖, w = h/‖h‖².
    @Test func minimumNormBeamformer() throws {
        var rng = TestRNG(5)
        let h = (0..<5).map { _ in rng.complexNormal() }
        let hn = h.reduce(0.0) { $0 + $1.lengthSquared }.squareRoot()
        let m = ConicModel()
        let t = m.variable()
        let w = m.complexVector(5)
        m.add(norm(w) <= t)
        m.add(AffineMatrix.dot(h.map(\.conjugate), w).real() >= 1)
        m.minimize(Affine(t))
        let s = try m.solve()
        #expect(s.status == .optimal)
        #expect(abs(s.objectiveValue - 1 / hn) < 1e-7)
        let wv = s.value(w)
        for i in 0..<5 { #expect((wv[i, 0] - h[i] * Complex(1 / (hn * hn), 0)).length < 1e-6) }
    }

    /// SDR in LMI (dual) form with few variables, W read from the LMI's dual; the same value as the
    /// primal form with a Hermitian matrix variable.
    @Test func sdrDualAndPrimalFormsAgree() throws {
        let n = 4
        let h = SDRInstance.channels(n: n, k: 5, seed: 77)
        // Dual: maximize Σ μ_k  s.t.  I − Σ μ_k h_k h_kᴴ ⪰ 0, μ ≥ 0.
        let d = ConicModel()
        let mu = d.variables(h.count)
        var lmi = AffineMatrix(constant: ComplexMatrix.identity(n))
        for (k, hk) in h.enumerated() { lmi = lmi - Affine(mu[k]) * ComplexMatrix.outer(hk) }
        let lmiID = d.add(.positiveSemidefinite(lmi))
        for v in mu { d.add(v >= 0) }
        d.maximize(Affine.sum(mu.map(Affine.init)))
        let ds = try d.solve()
        #expect(ds.status == .optimal)
        let w = ds.dualMatrix(lmiID)
        // Primal: minimize tr W s.t. h_kᴴ W h_k ≥ 1, W ⪰ 0.
        let p = ConicModel()
        let wv = p.hermitianMatrix(order: n)
        p.add(.positiveSemidefinite(wv))
        for hk in h { p.add(wv.realTrace(with: ComplexMatrix.outer(hk)) >= 1) }
        p.minimize(wv.realTrace)
        let ps = try p.solve()
        #expect(ps.status == .optimal)
        #expect(abs(ps.objectiveValue - ds.objectiveValue) < 1e-7 * (1 + abs(ds.objectiveValue)))
        var tr = 0.0
        for i in 0..<n { tr += w[i, i].real }
        #expect(abs(tr - ds.objectiveValue) < 1e-7)
        for hk in h {
            let q = zip(hk, w * hk).reduce(0.0) { $0 + ($1.0.conjugate * $1.1).real }
            #expect(q >= 1 - 1e-7)
        }
    }

    /// min t s.t. t·I − A ⪰ 0 gives λ_max(A) through a real PSD cone.
    @Test func realLMIGivesLargestEigenvalue() throws {
        var rng = TestRNG(8)
        var a = RealMatrix(rows: 5, columns: 5)
        for j in 0..<5 { for i in j..<5 { let v = rng.normal(); a[i, j] = v; a[j, i] = v } }
        let m = ConicModel()
        let t = m.variable()
        m.add(.positiveSemidefinite(Affine(t) * ComplexMatrix.identity(5) - ComplexMatrix(a)))
        m.minimize(Affine(t))
        let (problem, _) = try m.problem()
        #expect(problem.cones == [.psd(5)])
        let s = try m.solve()
        #expect(abs(s.objectiveValue - (try a.symmetricEigenvalues().last!)) < 1e-7)
    }

    /// Projection onto the orthant with a squared-norm epigraph: value Σ min(aᵢ, 0)².
    @Test func squaredNormEpigraph() throws {
        let target = [1.5, -2.0, 0.5, -0.25]
        let m = ConicModel()
        let x = m.variables(4)
        let t = m.variable()
        m.add(squaredNorm(zip(x, target).map { Affine($0.0) - $0.1 }) <= t)
        for v in x { m.add(v >= 0) }
        m.minimize(Affine(t))
        let s = try m.solve()
        #expect(s.status == .optimal)
        #expect(abs(s.objectiveValue - (4 + 0.0625)) < 1e-7)
    }

    /// Block matrices, congruences and entries evaluate to what they denote.
    @Test func matrixAlgebraEvaluates() throws {
        var rng = TestRNG(9)
        let m = ConicModel()
        let w = m.hermitianMatrix(order: 3)
        let lam = m.variable()
        let g = ComplexMatrix(rows: 3, columns: 2, elements: (0..<6).map { _ in rng.complexNormal() })
        let blk = AffineMatrix.block([[w.congruence(g), g.adjoint * w], [w * g, Affine(lam) * ComplexMatrix.identity(3)]])
        let x = (0..<m.variableCount).map { _ in rng.normal() }
        let wVal = w.value(x)
        #expect(wVal.frobeniusNorm > 0 && (wVal - wVal.adjoint).frobeniusNorm < 1e-14)
        let b = blk.value(x)
        let top = g.adjoint * wVal * g
        for i in 0..<2 { for j in 0..<2 { #expect((b[i, j] - top[i, j]).length < 1e-12) } }
        let off = wVal * g
        for i in 0..<3 { for j in 0..<2 { #expect((b[2 + i, j] - off[i, j]).length < 1e-12) } }
        #expect(abs(b[4, 4].real - x[lam.index]) < 1e-14)
        #expect(abs(w.realTrace.value(x) - (0..<3).reduce(0.0) { $0 + wVal[$1, $1].real }) < 1e-12)
    }

    @Test func nonHermitianLMIIsRejected() {
        let m = ConicModel()
        let x = m.variable()
        let bad = ComplexMatrix([[Complex(1, 0), Complex(2, 0)], [Complex(0, 0), Complex(1, 0)]])
        m.add(.positiveSemidefinite(Affine(x) * bad))
        #expect(throws: ConicModelError.self) { try m.problem() }
    }
}
