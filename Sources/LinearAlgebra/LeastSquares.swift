import CLAPACK
import ComplexModule
import RealModule

/// Linear least squares via QR (LAPACK `dgels`): minimises ‖A·x − b‖₂ for a full-column-rank A (m ≥ n),
/// or returns the minimum-norm solution of an underdetermined full-row-rank system (m < n).
public enum LeastSquares {
    /// Solves for every column of `b` (rows = A.rows); the result has A.columns rows.
    public static func solve(_ a: RealMatrix, _ b: RealMatrix) throws(LinearAlgebraError) -> RealMatrix {
        guard b.rows == a.rows else { throw .dimensionMismatch("least squares: A is \(a.rows)×\(a.columns), b has \(b.rows) rows") }
        let m = a.rows, n = a.columns, nrhs = b.columns
        let ldb = max(1, m, n)
        var work = a
        var rhs = [Double](repeating: 0, count: ldb * nrhs)
        for j in 0..<nrhs { for i in 0..<m { rhs[i + j * ldb] = b[i, j] } }
        if m > 0 && n > 0 && nrhs > 0 {
            BLASThreading.ensurePinned()
            // Workspace query, then the solve.
            var query = 0.0
            var info = work.elements.withUnsafeMutableBufferPointer { pa in
                rhs.withUnsafeMutableBufferPointer { pb in
                    LAPACKE_dgels_work(colMajor, lapackChar("N"), Int32(m), Int32(n), Int32(nrhs), pa.baseAddress!, Int32(m),
                                       pb.baseAddress!, Int32(ldb), &query, -1)
                }
            }
            try checkInfo(info) { .noConvergence(info: $0) }
            var scratch = [Double](repeating: 0, count: max(1, Int(query)))
            info = work.elements.withUnsafeMutableBufferPointer { pa in
                rhs.withUnsafeMutableBufferPointer { pb in
                    scratch.withUnsafeMutableBufferPointer { pw in
                        LAPACKE_dgels_work(colMajor, lapackChar("N"), Int32(m), Int32(n), Int32(nrhs), pa.baseAddress!, Int32(m),
                                           pb.baseAddress!, Int32(ldb), pw.baseAddress!, Int32(pw.count))
                    }
                }
            }
            try checkInfo(info) { .rankDeficient(index: $0 - 1) }
        }
        var x = RealMatrix(rows: n, columns: nrhs)
        for j in 0..<nrhs { for i in 0..<n { x[i, j] = rhs[i + j * ldb] } }
        return x
    }

    public static func solve(_ a: RealMatrix, _ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        try solve(a, RealMatrix(rows: b.count, columns: 1, elements: b)).elements
    }

    /// Complex least squares (LAPACK `zgels`).
    public static func solve(_ a: ComplexMatrix, _ b: ComplexMatrix) throws(LinearAlgebraError) -> ComplexMatrix {
        guard b.rows == a.rows else { throw .dimensionMismatch("least squares: A is \(a.rows)×\(a.columns), b has \(b.rows) rows") }
        let m = a.rows, n = a.columns, nrhs = b.columns
        let ldb = max(1, m, n)
        var work = a
        var rhs = [Complex<Double>](repeating: .zero, count: ldb * nrhs)
        for j in 0..<nrhs { for i in 0..<m { rhs[i + j * ldb] = b[i, j] } }
        if m > 0 && n > 0 && nrhs > 0 {
            BLASThreading.ensurePinned()
            var query = [Complex<Double>](repeating: .zero, count: 1)
            var info = work.elements.withUnsafeMutableBufferPointer { pa in
                rhs.withUnsafeMutableBufferPointer { pb in
                    query.withUnsafeMutableBufferPointer { pq in
                        LAPACKE_zgels_work(colMajor, lapackChar("N"), Int32(m), Int32(n), Int32(nrhs), asLapack(pa.baseAddress!), Int32(m),
                                           asLapack(pb.baseAddress!), Int32(ldb), asLapack(pq.baseAddress!), -1)
                    }
                }
            }
            try checkInfo(info) { .noConvergence(info: $0) }
            var scratch = [Complex<Double>](repeating: .zero, count: max(1, Int(query[0].real)))
            info = work.elements.withUnsafeMutableBufferPointer { pa in
                rhs.withUnsafeMutableBufferPointer { pb in
                    scratch.withUnsafeMutableBufferPointer { pw in
                        LAPACKE_zgels_work(colMajor, lapackChar("N"), Int32(m), Int32(n), Int32(nrhs), asLapack(pa.baseAddress!), Int32(m),
                                           asLapack(pb.baseAddress!), Int32(ldb), asLapack(pw.baseAddress!), Int32(pw.count))
                    }
                }
            }
            try checkInfo(info) { .rankDeficient(index: $0 - 1) }
        }
        var x = ComplexMatrix(rows: n, columns: nrhs)
        for j in 0..<nrhs { for i in 0..<n { x[i, j] = rhs[i + j * ldb] } }
        return x
    }
}
