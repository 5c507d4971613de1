/// Dense Cholesky factorisation and solve for the tiny (n ≲ 20) normal equations of
/// Levenberg–Marquardt. Row-major n × n storage; LAPACK call overhead would dominate at this size.
enum SmallCholesky {
    /// Factorises the symmetric matrix `a` (only the lower triangle is read) into L Lᵀ in place
    /// (L in the lower triangle). Returns false when a pivot is not positive and finite, i.e. the
    /// matrix is not numerically positive definite; `a` is then garbage.
    static func factorize(_ a: inout [Double], order n: Int) -> Bool {
        for j in 0..<n {
            var pivot = a[j * n + j]
            for k in 0..<j { pivot -= a[j * n + k] * a[j * n + k] }
            guard pivot > 0 && pivot.isFinite else { return false }
            let diagonal = pivot.squareRoot()
            a[j * n + j] = diagonal
            for i in (j + 1)..<max(n, j + 1) {
                var value = a[i * n + j]
                for k in 0..<j { value -= a[i * n + k] * a[j * n + k] }
                a[i * n + j] = value / diagonal
            }
        }
        return true
    }

    /// Solves L Lᵀ x = b in place (`b` becomes x) with the factor from `factorize`.
    static func solve(factor l: [Double], order n: Int, _ b: inout [Double]) {
        for i in 0..<n {  // L y = b
            var value = b[i]
            for k in 0..<i { value -= l[i * n + k] * b[k] }
            b[i] = value / l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {  // Lᵀ x = y
            var value = b[i]
            for k in (i + 1)..<max(n, i + 1) { value -= l[k * n + i] * b[k] }
            b[i] = value / l[i * n + i]
        }
    }
}
