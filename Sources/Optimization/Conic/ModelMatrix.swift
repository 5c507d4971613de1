import ComplexModule
import LinearAlgebra
import RealModule

/// A complex matrix-valued affine expression M(x) = M₀ + Σⱼ xⱼ·Mⱼ in the real variables of a
/// `ConicModel` (vectors are n×1, scalars 1×1). Coefficient matrices are stored sparsely.
/// Hermitian matrix variables, complex vectors, congruences Gᴴ·W·G, block matrices and traces are
/// all built from these, and an `AffineMatrix` that is Hermitian can be constrained to be PSD.
public struct AffineMatrix: Sendable {
    public let rows: Int
    public let columns: Int
    public var constant: ComplexMatrix
    /// variable index → (linear entry index i + j·rows → coefficient)
    public var terms: [Int: [Int: Complex<Double>]]

    public init(constant: ComplexMatrix) {
        rows = constant.rows
        columns = constant.columns
        self.constant = constant
        terms = [:]
    }

    public init(constant: RealMatrix) { self.init(constant: ComplexMatrix(constant)) }

    public init(rows: Int, columns: Int) { self.init(constant: ComplexMatrix(rows: rows, columns: columns)) }

    /// A 1×1 expression from a real affine scalar.
    public init(_ a: Affine) {
        self.init(rows: 1, columns: 1)
        constant[0, 0] = Complex(a.constant, 0)
        for (k, v) in a.terms { terms[k] = [0: Complex(v, 0)] }
    }

    /// Value at the variable assignment `x`.
    public func value(_ x: [Double]) -> ComplexMatrix {
        var m = constant
        for (k, entries) in terms { for (e, c) in entries { m.elements[e] += c * Complex(x[k], 0) } }
        return m
    }

    /// Entry (i, j) as a 1×1 expression.
    public subscript(i: Int, j: Int) -> AffineMatrix {
        let e = i + j * rows
        var r = AffineMatrix(rows: 1, columns: 1)
        r.constant[0, 0] = constant.elements[e]
        for (k, entries) in terms { if let c = entries[e] { r.terms[k] = [0: c] } }
        return r
    }

    /// Entry i of a vector.
    public subscript(i: Int) -> AffineMatrix {
        precondition(columns == 1 || rows == 1)
        return columns == 1 ? self[i, 0] : self[0, i]
    }

    /// Real part of entry (i, j) (default: of a 1×1 expression).
    public func real(_ i: Int = 0, _ j: Int = 0) -> Affine { part(i, j) { $0.real } }
    /// Imaginary part of entry (i, j).
    public func imaginary(_ i: Int = 0, _ j: Int = 0) -> Affine { part(i, j) { $0.imaginary } }

    private func part(_ i: Int, _ j: Int, _ f: (Complex<Double>) -> Double) -> Affine {
        let e = i + j * rows
        var a = Affine(constant: f(constant.elements[e]))
        for (k, entries) in terms { if let c = entries[e], f(c) != 0 { a.terms[k] = f(c) } }
        return a
    }

    /// All entries of a vector as (real, imaginary) affine pairs, in order.
    public var realAndImaginaryParts: [Affine] {
        var out: [Affine] = []
        for j in 0..<columns { for i in 0..<rows { out.append(real(i, j)); out.append(imaginary(i, j)) } }
        return out
    }

    /// Conjugate transpose.
    public var adjoint: AffineMatrix {
        var r = AffineMatrix(constant: constant.adjoint)
        for (k, entries) in terms {
            var t: [Int: Complex<Double>] = [:]
            for (e, c) in entries { t[(e / rows) + (e % rows) * columns] = c.conjugate }
            r.terms[k] = t
        }
        return r
    }

    /// Re tr(C·M) as a real affine expression (for Hermitian C and M this is tr(C·M)).
    public func realTrace(with c: ComplexMatrix) -> Affine {
        precondition(c.rows == columns && c.columns == rows, "trace: shape mismatch")
        var a = Affine()
        // tr(C M) = Σ_{i,j} C[j, i]·M[i, j]
        var cst = Complex<Double>.zero
        for j in 0..<columns { for i in 0..<rows { cst += c[j, i] * constant[i, j] } }
        a.constant = cst.real
        for (k, entries) in terms {
            var s = Complex<Double>.zero
            for (e, v) in entries { s += c[e / rows, e % rows] * v }
            if s.real != 0 { a.terms[k] = s.real }
        }
        return a
    }

    /// tr(M) (real part).
    public var realTrace: Affine { realTrace(with: ComplexMatrix.identity(rows)) }

    /// C·M for a constant matrix C.
    public static func * (c: ComplexMatrix, m: AffineMatrix) -> AffineMatrix {
        precondition(c.columns == m.rows, "product shape mismatch")
        var r = AffineMatrix(constant: c * m.constant)
        for (k, entries) in m.terms {
            var t: [Int: Complex<Double>] = [:]
            for (e, v) in entries {
                let row = e % m.rows, col = e / m.rows
                for i in 0..<c.rows {
                    let x = c[i, row] * v
                    if x != .zero { t[i + col * c.rows, default: .zero] += x }
                }
            }
            r.terms[k] = t
        }
        return r
    }

    /// M·C for a constant matrix C.
    public static func * (m: AffineMatrix, c: ComplexMatrix) -> AffineMatrix {
        (c.adjoint * m.adjoint).adjoint
    }

    /// Gᴴ·M·G.
    public func congruence(_ g: ComplexMatrix) -> AffineMatrix { g.adjoint * self * g }

    public static func + (a: AffineMatrix, b: AffineMatrix) -> AffineMatrix { a.adding(b, .one) }
    public static func - (a: AffineMatrix, b: AffineMatrix) -> AffineMatrix { a.adding(b, Complex(-1, 0)) }
    public static prefix func - (a: AffineMatrix) -> AffineMatrix { a.scaled(Complex(-1, 0)) }
    public static func * (f: Complex<Double>, a: AffineMatrix) -> AffineMatrix { a.scaled(f) }
    public static func * (f: Double, a: AffineMatrix) -> AffineMatrix { a.scaled(Complex(f, 0)) }
    public static func + (a: AffineMatrix, c: ComplexMatrix) -> AffineMatrix { a + AffineMatrix(constant: c) }
    public static func - (a: AffineMatrix, c: ComplexMatrix) -> AffineMatrix { a - AffineMatrix(constant: c) }

    func scaled(_ f: Complex<Double>) -> AffineMatrix {
        var r = AffineMatrix(constant: f * constant)
        for (k, entries) in terms { r.terms[k] = entries.mapValues { $0 * f } }
        return r
    }

    func adding(_ b: AffineMatrix, _ f: Complex<Double>) -> AffineMatrix {
        precondition(rows == b.rows && columns == b.columns, "sum shape mismatch")
        var r = self
        r.constant = constant + f * b.constant
        for (k, entries) in b.terms {
            var t = r.terms[k] ?? [:]
            for (e, v) in entries { t[e, default: .zero] += f * v }
            r.terms[k] = t
        }
        return r
    }

    /// Block matrix from rows of blocks with matching heights and widths.
    public static func block(_ blocks: [[AffineMatrix]]) -> AffineMatrix {
        let heights = blocks.map { $0[0].rows }
        let widths = blocks[0].map(\.columns)
        let total = (heights.reduce(0, +), widths.reduce(0, +))
        var r = AffineMatrix(rows: total.0, columns: total.1)
        var r0 = 0
        for (bi, row) in blocks.enumerated() {
            precondition(row.count == widths.count, "ragged block rows")
            var c0 = 0
            for (bj, b) in row.enumerated() {
                precondition(b.rows == heights[bi] && b.columns == widths[bj], "block shape mismatch")
                for j in 0..<b.columns { for i in 0..<b.rows { r.constant[r0 + i, c0 + j] = b.constant[i, j] } }
                for (k, entries) in b.terms {
                    var t = r.terms[k] ?? [:]
                    for (e, v) in entries { t[(r0 + e % b.rows) + (c0 + e / b.rows) * total.0] = v }
                    r.terms[k] = t
                }
                c0 += b.columns
            }
            r0 += heights[bi]
        }
        return r
    }

    /// Σᵢ cᵢ·vᵢ for a constant vector c and an expression vector v (no conjugation): cᵀv.
    public static func dot(_ c: [Complex<Double>], _ v: AffineMatrix) -> AffineMatrix {
        precondition(v.columns == 1 && v.rows == c.count)
        return ComplexMatrix(rows: 1, columns: c.count, elements: c) * v
    }
}

/// Scalar affine times a constant matrix: a(x)·C.
public func * (a: Affine, c: ComplexMatrix) -> AffineMatrix {
    var r = AffineMatrix(constant: Complex(a.constant, 0) * c)
    for (k, v) in a.terms {
        var t: [Int: Complex<Double>] = [:]
        for (e, x) in c.elements.enumerated() where x != .zero { t[e] = x * Complex(v, 0) }
        r.terms[k] = t
    }
    return r
}
