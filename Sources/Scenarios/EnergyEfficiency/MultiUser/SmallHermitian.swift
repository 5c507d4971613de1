import Foundation
import Numerics

/// Dense kernels for the tiny Hermitian K×K matrices of the multi-user precoder (K ≤ 16 users): the
/// Gram matrix C·Cᴴ of the zero-forcing step and the weighted Gram matrix of the WMMSE update. At
/// these sizes hand-written loops beat a LAPACK call; matrices are row-major, `a[i*n + j]`.
enum SmallHermitian {
    /// Lower Cholesky factor L (row-major, upper part zero) of the Hermitian matrix `a` (n×n), or nil
    /// when a pivot is not positive or is below `relativePivot` times the largest diagonal entry
    /// (numerically singular: e.g. N < K or two users with identical channels).
    static func cholesky(_ a: UnsafeMutableBufferPointer<Complex<Double>>, order n: Int,
                         relativePivot: Double = 1e-12) -> Bool {
        var largest = 0.0
        for i in 0..<n { largest = max(largest, a[i * n + i].real) }
        guard largest > 0 else { return false }
        for j in 0..<n {
            var d = a[j * n + j].real
            for k in 0..<j { d -= a[j * n + k].lengthSquared }
            guard d > relativePivot * largest else { return false }
            let l = d.squareRoot()
            a[j * n + j] = Complex(l, 0)
            for i in (j + 1)..<max(j + 1, n) {
                var s = a[i * n + j]
                for k in 0..<j { s -= a[i * n + k] * a[j * n + k].conjugate }
                a[i * n + j] = s / l
            }
            for i in (j + 1)..<max(j + 1, n) { a[j * n + i] = .zero }
        }
        return true
    }

    /// The diagonal of A⁻¹ from A's lower Cholesky factor L (A = L·Lᴴ): [A⁻¹]_kk = ‖L⁻¹e_k‖², the squared
    /// norm of column k of L⁻¹ (forward substitution). `scratch` needs n entries.
    static func inverseDiagonal(choleskyFactor l: UnsafeMutableBufferPointer<Complex<Double>>, order n: Int,
                                into diagonal: UnsafeMutableBufferPointer<Double>,
                                scratch: UnsafeMutableBufferPointer<Complex<Double>>) {
        // Column k of L⁻¹: forward substitution of L·y = e_k (y_i = 0 for i < k).
        for k in 0..<n {
            var sum = 0.0
            for i in k..<n {
                var s: Complex<Double> = i == k ? .one : .zero
                for m in k..<i { s -= l[i * n + m] * scratch[m] }
                let y = s / l[i * n + i].real
                scratch[i] = y
                sum += y.lengthSquared
            }
            diagonal[k] = sum
        }
    }

    /// Solves A·x = b in place (b ← x) with A = L·Lᴴ given by its lower Cholesky factor.
    static func choleskySolve(factor l: UnsafeMutableBufferPointer<Complex<Double>>, order n: Int,
                              _ b: UnsafeMutableBufferPointer<Complex<Double>>) {
        for i in 0..<n {
            var s = b[i]
            for m in 0..<i { s -= l[i * n + m] * b[m] }
            b[i] = s / l[i * n + i].real
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = b[i]
            for m in (i + 1)..<max(i + 1, n) { s -= l[m * n + i].conjugate * b[m] }
            b[i] = s / l[i * n + i].real
        }
    }

    /// Eigen-decomposition A = V·diag(λ)·Vᴴ of the Hermitian matrix `a` (n×n, row-major) by the cyclic
    /// Jacobi method with complex rotations: `a` is overwritten (its diagonal becomes λ), `vectors`
    /// receives V (row-major, column i = eigenvector i), `values` receives λ (unsorted). Sweeps stop when
    /// the off-diagonal mass is below 1e-30 of the total (machine precision) or after 50 sweeps.
    @discardableResult
    static func eigen(_ a: UnsafeMutableBufferPointer<Complex<Double>>, order n: Int,
                      vectors v: UnsafeMutableBufferPointer<Complex<Double>>,
                      values: UnsafeMutableBufferPointer<Double>) -> Int {
        var sweeps = 0
        for i in 0..<n { for j in 0..<n { v[i * n + j] = i == j ? .one : .zero } }
        var total = 0.0
        for i in 0..<(n * n) { total += a[i].lengthSquared }
        if n > 1 && total > 0 {
            for _ in 0..<50 {
                sweeps += 1
                var off = 0.0
                for i in 0..<n { for j in 0..<n where j != i { off += a[i * n + j].lengthSquared } }
                if off <= 1e-30 * total { break }
                for p in 0..<(n - 1) {
                    for q in (p + 1)..<n {
                        let z = a[p * n + q]
                        let r = z.lengthSquared.squareRoot()  // no overflow at these magnitudes; cheaper than hypot
                        if r == 0 || r * r <= 1e-36 * total { continue }
                        // Phase e^{iφ} of a_pq, then the real rotation of [[a_pp, r], [r, a_qq]].
                        let phase = z / r
                        let app = a[p * n + p].real, aqq = a[q * n + q].real
                        let zeta = (aqq - app) / (2 * r)
                        let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                        let c = 1 / (1 + t * t).squareRoot(), s = t * c
                        // U = [[c, s], [−s·e^{−iφ}, c·e^{−iφ}]] acting on coordinates (p, q): A ← Uᴴ·A·U.
                        let upp = Complex(c, 0), upq = Complex(s, 0)
                        let uqp = Complex(-s, 0) * phase.conjugate, uqq = Complex(c, 0) * phase.conjugate
                        for i in 0..<n {  // columns: A ← A·U
                            let aip = a[i * n + p], aiq = a[i * n + q]
                            a[i * n + p] = aip * upp + aiq * uqp
                            a[i * n + q] = aip * upq + aiq * uqq
                            let vip = v[i * n + p], viq = v[i * n + q]
                            v[i * n + p] = vip * upp + viq * uqp
                            v[i * n + q] = vip * upq + viq * uqq
                        }
                        for j in 0..<n {  // rows: A ← Uᴴ·A
                            let apj = a[p * n + j], aqj = a[q * n + j]
                            a[p * n + j] = upp.conjugate * apj + uqp.conjugate * aqj
                            a[q * n + j] = upq.conjugate * apj + uqq.conjugate * aqj
                        }
                        a[p * n + q] = .zero
                        a[q * n + p] = .zero
                        a[p * n + p] = Complex(a[p * n + p].real, 0)
                        a[q * n + q] = Complex(a[q * n + q].real, 0)
                    }
                }
            }
        }
        for i in 0..<n { values[i] = a[i * n + i].real }
        return sweeps
    }
}

/// Scaling by a real number (swift-numerics offers it only as `multiplied(by:)` / `divided(by:)`).
extension Complex where RealType == Double {
    @inline(__always)
    static func * (z: Complex, r: Double) -> Complex { Complex(z.real * r, z.imaginary * r) }

    @inline(__always)
    static func / (z: Complex, r: Double) -> Complex { Complex(z.real / r, z.imaginary / r) }
}
