import LinearAlgebra
import Testing

/// Results must not depend on how the process was started. `make test` deliberately does not export
/// OPENBLAS_NUM_THREADS, so on a multi-core machine this checks the module's own pinning, not the
/// environment's (OpenBLAS defaults to one thread per core).
@Suite("BLAS threading")
struct BLASThreadingTests {
    @Test func anyWrapperCallLeavesOpenBLASSingleThreaded() {
        let a = RealMatrix([[2, 1], [1, 3]])
        var c = RealMatrix(rows: 2, columns: 2)
        BLAS.gemm(a, a, into: &c)
        #expect(c[0, 0] == 5 && c[1, 1] == 10)
        #expect(BLASThreading.threadCount == 1)
    }
}
