import ComplexModule
import LinearAlgebra
import RealModule
import Testing

@Suite("Factorizations")
struct FactorizationTests {
    @Test(arguments: [1, 2, 5, 12, 40])
    func choleskySolvesSPD(n: Int) throws {
        var rng = TestRNG(UInt64(10 + n))
        let a = rng.spd(n)
        let chol = try CholeskyFactorization(a)
        let b = (0..<n).map { _ in rng.uniform() }
        let x = chol.solve(b)
        #expect(maxDifference(a * x, b) < 1e-11)
        // L·Lᵀ reproduces A.
        #expect(maxDifference((chol.factor * chol.factor.transposed).elements, a.elements) < 1e-11)
        let det = try LUFactorization(a).determinant
        #expect(abs(chol.logDeterminant - Double.log(det)) < 1e-9)
    }

    @Test func choleskyReportsFailingColumn() {
        // Leading 2×2 minor is PD, the 3×3 one is not.
        let a = RealMatrix([[4, 2, 0], [2, 2, 3], [0, 3, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(column: 2)) { try CholeskyFactorization(a) }
        #expect(throws: LinearAlgebraError.notPositiveDefinite(column: 2)) {
            var e = a.elements
            try e.withUnsafeMutableBufferPointer { (p: inout UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) in
                try SmallKernels.choleskyFactor(n: 3, a: p.baseAddress!, lda: 3)
            }
        }
        #expect(throws: LinearAlgebraError.notPositiveDefinite(column: 0)) {
            try ComplexCholeskyFactorization(ComplexMatrix(RealMatrix([[-1]])))
        }
    }

    @Test(arguments: [1, 3, 8, 16])
    func complexCholeskySolves(n: Int) throws {
        var rng = TestRNG(UInt64(20 + n))
        let a = rng.hpd(n)
        let chol = try ComplexCholeskyFactorization(a)
        let b = (0..<n).map { _ in rng.complex() }
        #expect(maxDifference(a * chol.solve(b), b) < 1e-11)
    }

    /// The hand-written kernels agree with LAPACK (factor entries and solutions).
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8, 12, 16])
    func smallKernelsAgreeWithLAPACK(n: Int) throws {
        var rng = TestRNG(UInt64(30 + n))
        let a = rng.spd(n)
        let b = (0..<n).map { _ in rng.uniform() }
        let lapack = try CholeskyFactorization(a)
        let small = try SmallKernels.choleskySolve(a, b)
        #expect(maxDifference(small, lapack.solve(b)) < 1e-12)
        var f = a.elements
        try f.withUnsafeMutableBufferPointer { (p: inout UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) in
            try SmallKernels.choleskyFactor(n: n, a: p.baseAddress!, lda: n)
        }
        for j in 0..<n { for i in j..<n { #expect(abs(f[i + j * n] - lapack.factor[i, j]) < 1e-12) } }

        let h = rng.hpd(n)
        let hb = (0..<n).map { _ in rng.complex() }
        let hl = try ComplexCholeskyFactorization(h)
        let hs = try SmallKernels.choleskySolve(h, hb)
        #expect(maxDifference(hs, hl.solve(hb)) < 1e-12)
        var hf = h.elements
        try hf.withUnsafeMutableBufferPointer { (p: inout UnsafeMutableBufferPointer<Complex<Double>>) throws(LinearAlgebraError) in
            try SmallKernels.choleskyFactor(n: n, a: p.baseAddress!, lda: n)
        }
        for j in 0..<n { for i in j..<n { #expect((hf[i + j * n] - hl.factor[i, j]).length < 1e-12) } }
    }

    @Test func luSolveInverseAndSingularity() throws {
        var rng = TestRNG(40)
        let a = rng.matrix(6, 6)
        let b = (0..<6).map { _ in rng.uniform() }
        let x = try a.solve(b)
        #expect(maxDifference(a * x, b) < 1e-10)
        let inv = try a.inverse()
        #expect(maxDifference((a * inv).elements, RealMatrix.identity(6).elements) < 1e-10)
        let lu = try LUFactorization(a)
        let xt = lu.solve(RealMatrix(rows: 6, columns: 1, elements: b), transpose: true).elements
        #expect(maxDifference(a.transposed * xt, b) < 1e-10)
        #expect(throws: LinearAlgebraError.singular(column: 1)) { try RealMatrix([[1, 2], [2, 4]]).inverse() }

        let c = rng.complexMatrix(5, 5)
        let cinv = try c.inverse()
        #expect(maxDifference((c * cinv).elements, ComplexMatrix.identity(5).elements) < 1e-10)
    }

    @Test func symmetricAndHermitianEigen() throws {
        var rng = TestRNG(50)
        let a = rng.spd(7) - 7 * RealMatrix.identity(7)
        let e = try SymmetricEigendecomposition(a)
        let v = e.eigenvectors
        let av = a * v
        let vl = v * RealMatrix.diagonal(e.eigenvalues)
        #expect(maxDifference(av.elements, vl.elements) < 1e-10)
        #expect(maxDifference((v.transposed * v).elements, RealMatrix.identity(7).elements) < 1e-12)
        #expect(e.eigenvalues == e.eigenvalues.sorted())

        let h = rng.hpd(6)
        let he = try HermitianEigendecomposition(h, workspace: HermitianEigenWorkspace(capacity: 8))
        let hv = he.eigenvectors
        let lhs = h * hv
        let rhs = hv * ComplexMatrix(RealMatrix.diagonal(he.eigenvalues))
        #expect(maxDifference(lhs.elements, rhs.elements) < 1e-10)
        #expect(he.eigenvalues.allSatisfy { $0 > 0 })
    }

    @Test func leastSquaresMatchesNormalEquations() throws {
        var rng = TestRNG(60)
        let a = rng.matrix(10, 4)
        let b = (0..<10).map { _ in rng.uniform() }
        let x = try LeastSquares.solve(a, b)
        let normal = try CholeskyFactorization(a.transposed * a).solve(a.transposed * b)
        #expect(maxDifference(x, normal) < 1e-10)
        // Underdetermined: minimum-norm solution satisfies the equations exactly.
        let u = rng.matrix(3, 6)
        let ub = [1.0, -2, 0.5]
        let ux = try LeastSquares.solve(u, ub)
        #expect(maxDifference(u * ux, ub) < 1e-12)

        let ca = rng.complexMatrix(8, 3)
        let cb = rng.complexMatrix(8, 1)
        let cx = try LeastSquares.solve(ca, cb)
        let cn = try ComplexCholeskyFactorization(ca.adjoint * ca).solve(ca.adjoint * cb)
        #expect(maxDifference(cx.elements, cn.elements) < 1e-10)
    }
}
