import ComplexModule
import RealModule

/// Hand-written dense kernels for tiny orders (n ≲ 16), where the per-call overhead of LAPACKE/OpenBLAS
/// (argument checks, dispatch, blocking set-up) costs more than the arithmetic. They follow the same
/// conventions as LAPACK (column-major, lower triangle, leading dimension `lda`) and are tested against it.
/// They allocate nothing.
public enum SmallKernels {
    /// Suggested crossover: below this order the hand-written kernels beat LAPACK on this machine class.
    public static let crossoverOrder = 24

    // MARK: real

    /// In-place lower Cholesky factorisation (right-looking). Throws at the first non-positive pivot.
    @inlinable
    public static func choleskyFactor(n: Int, a: UnsafeMutablePointer<Double>, lda: Int) throws(LinearAlgebraError) {
        for k in 0..<n {
            let d = a[k + k * lda]
            guard d > 0, d.isFinite else { throw .notPositiveDefinite(column: k) }
            let l = d.squareRoot()
            a[k + k * lda] = l
            let inv = 1 / l
            for i in (k + 1)..<max(k + 1, n) { a[i + k * lda] *= inv }
            for j in (k + 1)..<max(k + 1, n) {
                let ljk = a[j + k * lda]
                if ljk == 0 { continue }
                let colJ = a + j * lda, colK = a + k * lda
                for i in j..<n { colJ[i] -= colK[i] * ljk }
            }
        }
    }

    /// `true` when the lower triangle of `a` is positive definite; `a` is overwritten by the partial factor.
    @inlinable
    public static func isPositiveDefinite(n: Int, a: UnsafeMutablePointer<Double>, lda: Int) -> Bool {
        do throws(LinearAlgebraError) { try choleskyFactor(n: n, a: a, lda: lda); return true } catch { return false }
    }

    /// Solves L·Lᵀ·x = b in place (`b` has n entries) from a factor produced by `choleskyFactor`.
    @inlinable
    public static func choleskySolve(n: Int, factor l: UnsafePointer<Double>, lda: Int, b: UnsafeMutablePointer<Double>) {
        // Forward: L y = b (column-oriented).
        for k in 0..<n {
            let v = b[k] / l[k + k * lda]
            b[k] = v
            let col = l + k * lda
            for i in (k + 1)..<max(k + 1, n) { b[i] -= col[i] * v }
        }
        // Backward: Lᵀ x = y (row of Lᵀ = column of L: dot products).
        var k = n - 1
        while k >= 0 {
            let col = l + k * lda
            var s = b[k]
            for i in (k + 1)..<max(k + 1, n) { s -= col[i] * b[i] }
            b[k] = s / col[k]
            k -= 1
        }
    }

    // MARK: complex (interleaved re/im, layout of Complex<Double>)

    /// In-place lower Cholesky factorisation A = L·Lᴴ of a Hermitian matrix (lower triangle read).
    @inlinable
    public static func choleskyFactor(n: Int, a: UnsafeMutablePointer<Complex<Double>>, lda: Int) throws(LinearAlgebraError) {
        let p = UnsafeMutableRawPointer(a).assumingMemoryBound(to: Double.self)
        let ld = 2 * lda
        for k in 0..<n {
            let d = p[2 * k + k * ld]
            guard d > 0, d.isFinite else { throw .notPositiveDefinite(column: k) }
            let l = d.squareRoot()
            p[2 * k + k * ld] = l
            p[2 * k + 1 + k * ld] = 0
            let inv = 1 / l
            let colK = p + k * ld
            for i in (k + 1)..<max(k + 1, n) { colK[2 * i] *= inv; colK[2 * i + 1] *= inv }
            for j in (k + 1)..<max(k + 1, n) {
                // a[i, j] -= L[i, k] · conj(L[j, k])
                let br = colK[2 * j], bi = -colK[2 * j + 1]
                if br == 0 && bi == 0 { continue }
                let colJ = p + j * ld
                for i in j..<n {
                    let xr = colK[2 * i], xi = colK[2 * i + 1]
                    colJ[2 * i] -= xr * br - xi * bi
                    colJ[2 * i + 1] -= xr * bi + xi * br
                }
            }
        }
    }

    @inlinable
    public static func isPositiveDefinite(n: Int, a: UnsafeMutablePointer<Complex<Double>>, lda: Int) -> Bool {
        do throws(LinearAlgebraError) { try choleskyFactor(n: n, a: a, lda: lda); return true } catch { return false }
    }

    /// Solves L·Lᴴ·x = b in place from a complex factor.
    @inlinable
    public static func choleskySolve(n: Int, factor: UnsafePointer<Complex<Double>>, lda: Int, b: UnsafeMutablePointer<Complex<Double>>) {
        let l = UnsafeRawPointer(factor).assumingMemoryBound(to: Double.self)
        let x = UnsafeMutableRawPointer(b).assumingMemoryBound(to: Double.self)
        let ld = 2 * lda
        for k in 0..<n {
            let col = l + k * ld
            let inv = 1 / col[2 * k]
            let vr = x[2 * k] * inv, vi = x[2 * k + 1] * inv
            x[2 * k] = vr
            x[2 * k + 1] = vi
            for i in (k + 1)..<max(k + 1, n) {
                let cr = col[2 * i], ci = col[2 * i + 1]
                x[2 * i] -= cr * vr - ci * vi
                x[2 * i + 1] -= cr * vi + ci * vr
            }
        }
        var k = n - 1
        while k >= 0 {
            let col = l + k * ld
            var sr = x[2 * k], si = x[2 * k + 1]
            for i in (k + 1)..<max(k + 1, n) {
                // s -= conj(L[i, k]) · x[i]
                let cr = col[2 * i], ci = -col[2 * i + 1]
                let yr = x[2 * i], yi = x[2 * i + 1]
                sr -= cr * yr - ci * yi
                si -= cr * yi + ci * yr
            }
            let inv = 1 / col[2 * k]
            x[2 * k] = sr * inv
            x[2 * k + 1] = si * inv
            k -= 1
        }
    }

    // MARK: convenience (allocating) front ends

    /// Solves A·x = b for a small Hermitian positive definite A with the hand-written kernel.
    public static func choleskySolve(_ a: ComplexMatrix, _ b: [Complex<Double>]) throws(LinearAlgebraError) -> [Complex<Double>] {
        guard a.isSquare, b.count == a.rows else { throw .dimensionMismatch("choleskySolve: A \(a.rows)×\(a.columns), b \(b.count)") }
        var f = a.elements
        var x = b
        let n = a.rows
        try f.withUnsafeMutableBufferPointer { (pf: inout UnsafeMutableBufferPointer<Complex<Double>>) throws(LinearAlgebraError) in
            guard n > 0 else { return }
            try choleskyFactor(n: n, a: pf.baseAddress!, lda: n)
            x.withUnsafeMutableBufferPointer { px in choleskySolve(n: n, factor: pf.baseAddress!, lda: n, b: px.baseAddress!) }
        }
        return x
    }

    /// Solves A·x = b for a small symmetric positive definite A with the hand-written kernel.
    public static func choleskySolve(_ a: RealMatrix, _ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard a.isSquare, b.count == a.rows else { throw .dimensionMismatch("choleskySolve: A \(a.rows)×\(a.columns), b \(b.count)") }
        var f = a.elements
        var x = b
        let n = a.rows
        try f.withUnsafeMutableBufferPointer { (pf: inout UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) in
            guard n > 0 else { return }
            try choleskyFactor(n: n, a: pf.baseAddress!, lda: n)
            x.withUnsafeMutableBufferPointer { px in choleskySolve(n: n, factor: pf.baseAddress!, lda: n, b: px.baseAddress!) }
        }
        return x
    }
}
