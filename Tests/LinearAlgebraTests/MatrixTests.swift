import ComplexModule
import LinearAlgebra
import RealModule
import Testing

@Suite("Matrices and BLAS")
struct MatrixTests {
    @Test func columnMajorLayoutAndRowInitialiser() {
        let a = RealMatrix([[1, 2, 3], [4, 5, 6]])
        #expect(a.rows == 2 && a.columns == 3)
        #expect(a.elements == [1, 4, 2, 5, 3, 6])
        #expect(a[1, 2] == 6)
        #expect(a.transposed.elements == [1, 2, 3, 4, 5, 6])
        #expect(a.row(1) == [4, 5, 6])
        #expect(a.column(2) == [3, 6])
    }

    @Test(arguments: [(1, 1, 1), (3, 5, 2), (7, 4, 9), (16, 16, 16)])
    func realGemmMatchesNaive(shape: (Int, Int, Int)) {
        var rng = TestRNG(1)
        let a = rng.matrix(shape.0, shape.1), b = rng.matrix(shape.1, shape.2)
        #expect(maxDifference((a * b).elements, naiveProduct(a, b).elements) < 1e-13)
        var c = RealMatrix(rows: shape.1, columns: shape.1)
        BLAS.gemm(a, a, into: &c, transA: .transpose)
        #expect(maxDifference(c.elements, naiveProduct(a.transposed, a).elements) < 1e-13)
        let x = (0..<shape.1).map { _ in rng.uniform() }
        let y = a * x
        let yn = naiveProduct(a, RealMatrix(rows: x.count, columns: 1, elements: x)).elements
        #expect(maxDifference(y, yn) < 1e-13)
    }

    @Test func complexGemmAndAdjoint() {
        var rng = TestRNG(2)
        let a = rng.complexMatrix(5, 3), b = rng.complexMatrix(3, 4)
        #expect(maxDifference((a * b).elements, naiveProduct(a, b).elements) < 1e-13)
        var c = ComplexMatrix(rows: 3, columns: 3)
        BLAS.gemm(a, a, into: &c, transA: .adjoint)
        #expect(maxDifference(c.elements, naiveProduct(a.adjoint, a).elements) < 1e-13)
        let x = (0..<3).map { _ in rng.complex() }
        let y = a * x
        #expect(maxDifference(y, naiveProduct(a, ComplexMatrix(rows: 3, columns: 1, elements: x)).elements) < 1e-13)
    }

    @Test func realEmbeddingPreservesProductsAndSpectrum() throws {
        var rng = TestRNG(3)
        let h = rng.hpd(4)
        let e = h.realEmbedding
        let ev = try h.hermitianEigenvalues()
        let ee = try e.symmetricEigenvalues()
        let doubled = ev.flatMap { [$0, $0] }.sorted()
        #expect(maxDifference(ee, doubled) < 1e-10)
        let a = rng.complexMatrix(3, 3), b = rng.complexMatrix(3, 3)
        #expect(maxDifference((a * b).realEmbedding.elements, (a.realEmbedding * b.realEmbedding).elements) < 1e-13)
    }
}
