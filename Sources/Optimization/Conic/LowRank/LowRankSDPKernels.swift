import LinearAlgebra

/// Dense helpers of `LowRankSDPSolver` on tight column-major buffers.
enum LowRankKernels<T: PSDScalar> {
    /// C (m×p) ← op(A)·op(B), inner dimension k, leading dimensions those of the stored operands.
    @inline(__always)
    static func mul(_ ta: Transpose, _ tb: Transpose, m: Int, p: Int, k: Int,
                    _ a: UnsafePointer<T>, _ b: UnsafePointer<T>, _ c: UnsafeMutablePointer<T>) {
        T.gemmGeneral(ta, tb, m: m, p: p, k: k, a, ld: ta == .none ? m : k, b, ldb: tb == .none ? k : p, c, ldc: m)
    }

    /// out (n×n, full) ← A·diag(d)·Aᴴ for A n×r and signed d, as P·Pᴴ − N·Nᴴ with the columns √|d_c|·a_c
    /// gathered by sign into `work` (n×r): two rank-k updates, half the flops of a general product.
    static func signedGram(n: Int, r: Int, _ a: UnsafePointer<T>, _ d: UnsafePointer<Double>, _ work: UnsafeMutablePointer<T>,
                           _ out: UnsafeMutablePointer<T>) {
        var positive = 0
        for c in 0..<r where d[c] > 0 {
            let f = d[c].squareRoot(), s = a + c * n, t = work + positive * n
            for i in 0..<n { t[i] = T.scaled(s[i], f) }
            positive += 1
        }
        var negative = 0
        for c in 0..<r where d[c] < 0 {
            let f = (-d[c]).squareRoot(), s = a + c * n, t = work + (positive + negative) * n
            for i in 0..<n { t[i] = T.scaled(s[i], f) }
            negative += 1
        }
        if positive > 0 {
            T.rankUpdate(n: n, k: positive, alpha: 1, work, beta: 0, out)
        } else {
            out.update(repeating: .zero, count: n * n)
        }
        if negative > 0 { T.rankUpdate(n: n, k: negative, alpha: -1, work + positive * n, beta: 1, out) }
        fillUpper(n: n, out)
    }

    /// Upper triangle ← conjugate of the lower one.
    static func fillUpper(n: Int, _ x: UnsafeMutablePointer<T>) {
        for j in 0..<n {
            x[j + j * n] = T(realValue: x[j + j * n].realValue)
            for i in (j + 1)..<max(j + 1, n) { x[j + i * n] = x[i + j * n].conj }
        }
    }

    /// dst ← srcᴴ (n×n).
    static func adjoint(n: Int, _ src: UnsafePointer<T>, _ dst: UnsafeMutablePointer<T>) {
        for j in 0..<n { for i in 0..<n { dst[j + i * n] = src[i + j * n].conj } }
    }

    /// X ← L⁻¹·X·L⁻ᴴ for Hermitian X and lower triangular L (two triangular solves; `work` n×n).
    static func congruenceByInverse(n: Int, _ l: UnsafePointer<T>, _ x: UnsafeMutablePointer<T>, _ work: UnsafeMutablePointer<T>) {
        T.trsmLower(.left, .none, m: n, p: n, l, x)        // L⁻¹X
        adjoint(n: n, x, work)                             // X·L⁻ᴴ (X Hermitian)
        T.trsmLower(.left, .none, m: n, p: n, l, work)     // L⁻¹·X·L⁻ᴴ
        x.update(from: work, count: n * n)
        hermitianPart(n: n, x)
    }

    /// X ← L⁻ᴴ·X·L⁻¹ for Hermitian X (two triangular solves; `work` n×n).
    static func congruenceByInverseAdjoint(n: Int, _ l: UnsafePointer<T>, _ x: UnsafeMutablePointer<T>, _ work: UnsafeMutablePointer<T>) {
        T.trsmLower(.left, T.adjointOp, m: n, p: n, l, x)
        adjoint(n: n, x, work)
        T.trsmLower(.left, T.adjointOp, m: n, p: n, l, work)
        x.update(from: work, count: n * n)
        hermitianPart(n: n, x)
    }

    /// X ← Lᴴ·X·L for Hermitian X (two triangular products; `work` n×n).
    static func congruenceByAdjoint(n: Int, _ l: UnsafePointer<T>, _ x: UnsafeMutablePointer<T>, _ work: UnsafeMutablePointer<T>) {
        T.trmmLeftLower(T.adjointOp, n: n, l, x)           // LᴴX
        adjoint(n: n, x, work)                             // X·L
        T.trmmLeftLower(T.adjointOp, n: n, l, work)        // Lᴴ·X·L
        x.update(from: work, count: n * n)
        hermitianPart(n: n, x)
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

    /// Σ_e Re(conj(x_e)·y_e) = Re tr(X·Y) when X is Hermitian (the vectorised inner product): the plain
    /// dot product of the underlying doubles (a Complex is its real and imaginary part in a row).
    @inline(__always)
    static func inner(_ x: UnsafePointer<T>, _ y: UnsafePointer<T>, count: Int) -> Double {
        let d = count * MemoryLayout<T>.stride / MemoryLayout<Double>.stride
        return UnsafeRawPointer(x).withMemoryRebound(to: Double.self, capacity: d) { px in
            UnsafeRawPointer(y).withMemoryRebound(to: Double.self, capacity: d) { py in rvDot(px, py, d) }
        }
    }

    static func identity(n: Int, _ x: UnsafeMutablePointer<T>) {
        x.update(repeating: .zero, count: n * n)
        for i in 0..<n { x[i + i * n] = .one }
    }

    /// Frobenius norm (= the norm of the vectorisation), over the underlying doubles as `inner`.
    static func norm(_ x: UnsafePointer<T>, count: Int) -> Double {
        let d = count * MemoryLayout<T>.stride / MemoryLayout<Double>.stride
        return UnsafeRawPointer(x).withMemoryRebound(to: Double.self, capacity: d) { rvNorm2($0, d) }
    }

    /// Solves with a real K×K Cholesky factor (from `Double.cholesky`); hand-written below the LAPACK
    /// crossover, as that factorisation.
    static func realCholeskySolve(k: Int, _ l: UnsafePointer<Double>, _ b: UnsafeMutablePointer<Double>) {
        if k <= SmallKernels.crossoverOrder {
            SmallKernels.choleskySolve(n: k, factor: l, lda: k, b: b)
        } else {
            LAPACK.potrs(.lower, n: k, nrhs: 1, factor: l, lda: k, b: b, ldb: k)
        }
    }
}
