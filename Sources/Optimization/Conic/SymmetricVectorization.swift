import ComplexModule
import LinearAlgebra
import RealModule

/// The vectorisation of symmetric and Hermitian matrices used by `Cone.psd` and `Cone.hermitianPSD`.
///
/// Real symmetric X (order n) ↦ n(n+1)/2 numbers: the lower triangle column by column
/// (X₀₀, X₁₀, …, X_{n−1,0}, X₁₁, X₂₁, …), off-diagonal entries multiplied by √2.
///
/// Complex Hermitian X (order n) ↦ n² numbers: for each column j, the real diagonal X_jj followed by
/// √2·Re X_ij, √2·Im X_ij for i = j+1, …, n−1 (lower triangle).
///
/// With these scalings the Euclidean inner product of two vectorisations equals tr(X·Y), so the
/// cone is self-dual in the ordinary dot product.
public enum SymmetricVectorization {
    public static let sqrt2 = 2.0.squareRoot()

    /// Length of the vectorisation of a real symmetric matrix of order n.
    @inlinable public static func realLength(_ n: Int) -> Int { n * (n + 1) / 2 }
    /// Length of the vectorisation of a complex Hermitian matrix of order n.
    @inlinable public static func hermitianLength(_ n: Int) -> Int { n * n }

    /// Position of entry (i, j), i ≥ j, in a real vectorisation.
    @inlinable public static func realIndex(_ i: Int, _ j: Int, order n: Int) -> Int {
        j * n - j * (j - 1) / 2 + (i - j)
    }

    /// Position of the diagonal (i = j) or of Re X_ij (i > j, Im follows) in a Hermitian vectorisation.
    @inlinable public static func hermitianIndex(_ i: Int, _ j: Int, order n: Int) -> Int {
        let start = j * (2 * n - j)
        return i == j ? start : start + 1 + 2 * (i - j - 1)
    }

    /// Order n of a real symmetric matrix whose vectorisation has `length` entries, or nil.
    public static func realOrder(length: Int) -> Int? {
        var n = 0
        while realLength(n) < length { n += 1 }
        return realLength(n) == length ? n : nil
    }

    public static func pack(_ x: RealMatrix) -> [Double] {
        precondition(x.isSquare)
        let n = x.rows
        var v = [Double](repeating: 0, count: realLength(n))
        var k = 0
        for j in 0..<n {
            v[k] = x[j, j]
            k += 1
            for i in (j + 1)..<max(j + 1, n) {
                v[k] = sqrt2 * 0.5 * (x[i, j] + x[j, i])
                k += 1
            }
        }
        return v
    }

    public static func unpack(_ v: [Double], order n: Int) -> RealMatrix {
        precondition(v.count == realLength(n))
        var x = RealMatrix(rows: n, columns: n)
        var k = 0
        for j in 0..<n {
            x[j, j] = v[k]
            k += 1
            for i in (j + 1)..<max(j + 1, n) {
                x[i, j] = v[k] / sqrt2
                x[j, i] = x[i, j]
                k += 1
            }
        }
        return x
    }

    /// Vectorises the Hermitian part of `x` (lower triangle and upper triangle averaged).
    public static func pack(_ x: ComplexMatrix) -> [Double] {
        precondition(x.isSquare)
        let n = x.rows
        var v = [Double](repeating: 0, count: hermitianLength(n))
        var k = 0
        for j in 0..<n {
            v[k] = x[j, j].real
            k += 1
            for i in (j + 1)..<max(j + 1, n) {
                let lo = x[i, j], up = x[j, i]
                let e = Complex(0.5 * (lo.real + up.real), 0.5 * (lo.imaginary - up.imaginary))
                v[k] = sqrt2 * e.real
                v[k + 1] = sqrt2 * e.imaginary
                k += 2
            }
        }
        return v
    }

    public static func unpackHermitian(_ v: [Double], order n: Int) -> ComplexMatrix {
        precondition(v.count == hermitianLength(n))
        var x = ComplexMatrix(rows: n, columns: n)
        var k = 0
        for j in 0..<n {
            x[j, j] = Complex(v[k], 0)
            k += 1
            for i in (j + 1)..<max(j + 1, n) {
                let e = Complex(v[k] / sqrt2, v[k + 1] / sqrt2)
                x[i, j] = e
                x[j, i] = e.conjugate
                k += 2
            }
        }
        return x
    }
}
