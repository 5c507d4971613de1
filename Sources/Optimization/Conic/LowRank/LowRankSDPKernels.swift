import LinearAlgebra

/// Dense helpers of `LowRankSDPSolver` on tight column-major buffers.
enum LowRankKernels<T: PSDScalar> {
    /// C (m×p) ← op(A)·op(B), inner dimension k, leading dimensions those of the stored operands.
    @inline(__always)
    static func mul(_ ta: Transpose, _ tb: Transpose, m: Int, p: Int, k: Int,
                    _ a: UnsafePointer<T>, _ b: UnsafePointer<T>, _ c: UnsafeMutablePointer<T>) {
        T.gemmGeneral(ta, tb, m: m, p: p, k: k, a, ld: ta == .none ? m : k, b, ldb: tb == .none ? k : p, c, ldc: m)
    }

    /// dst (n×r) ← src·diag(d).
    @inline(__always)
    static func scaleColumns(n: Int, r: Int, _ src: UnsafePointer<T>, _ d: UnsafePointer<Double>, _ dst: UnsafeMutablePointer<T>) {
        for c in 0..<r {
            let f = d[c], s = src + c * n, t = dst + c * n
            for i in 0..<n { t[i] = T.scaled(s[i], f) }
        }
    }

    /// X ← (X + Xᴴ)/2.
    static func hermitianPart(n: Int, _ x: UnsafeMutablePointer<T>) {
        for j in 0..<n {
            x[j + j * n] = T(realValue: x[j + j * n].realValue)
            for i in (j + 1)..<max(j + 1, n) {
                let a = T.scaled(x[i + j * n] + x[j + i * n].conj, 0.5)
                x[i + j * n] = a
                x[j + i * n] = a.conj
            }
        }
    }

    /// Σ_e Re(conj(x_e)·y_e) = Re tr(X·Y) when X is Hermitian (the vectorised inner product).
    @inline(__always)
    static func inner(_ x: UnsafePointer<T>, _ y: UnsafePointer<T>, count: Int) -> Double {
        var s = 0.0
        for e in 0..<count { s += T.realDot(x[e], y[e]) }
        return s
    }

    static func zeroStrictUpper(n: Int, _ x: UnsafeMutablePointer<T>) {
        for j in 1..<max(1, n) { for i in 0..<j { x[i + j * n] = .zero } }
    }

    static func identity(n: Int, _ x: UnsafeMutablePointer<T>) {
        x.update(repeating: .zero, count: n * n)
        for i in 0..<n { x[i + i * n] = .one }
    }

    /// Frobenius norm (= the norm of the vectorisation).
    static func norm(_ x: UnsafePointer<T>, count: Int) -> Double {
        var scale = 0.0
        for e in 0..<count { scale = max(scale, x[e].magnitudeSquared) }
        guard scale > 0, scale.isFinite else { return scale.squareRoot() }
        var acc = 0.0
        for e in 0..<count { acc += x[e].magnitudeSquared / scale }
        return (acc * scale).squareRoot()
    }

    /// In-place Cholesky of a real K×K matrix; hand-written below the LAPACK crossover.
    static func realCholesky(k: Int, _ a: UnsafeMutablePointer<Double>) -> Bool {
        do throws(LinearAlgebraError) {
            if k <= SmallKernels.crossoverOrder {
                try SmallKernels.choleskyFactor(n: k, a: a, lda: k)
            } else {
                try LAPACK.potrf(.lower, n: k, a: a, lda: k)
            }
            return true
        } catch {
            return false
        }
    }

    static func realCholeskySolve(k: Int, _ l: UnsafePointer<Double>, _ b: UnsafeMutablePointer<Double>) {
        if k <= SmallKernels.crossoverOrder {
            SmallKernels.choleskySolve(n: k, factor: l, lda: k, b: b)
        } else {
            LAPACK.potrs(.lower, n: k, nrhs: 1, factor: l, lda: k, b: b, ldb: k)
        }
    }
}
