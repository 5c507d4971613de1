import ComplexModule
import LinearAlgebra
import RealModule

/// Deterministic SplitMix64 generator for test matrices (the test target does not depend on Randomness).
struct TestRNG {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [-1, 1).
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) * 2 - 1 }
    mutating func complex() -> Complex<Double> { Complex(uniform(), uniform()) }

    mutating func matrix(_ r: Int, _ c: Int) -> RealMatrix {
        RealMatrix(rows: r, columns: c, elements: (0..<(r * c)).map { _ in uniform() })
    }
    mutating func complexMatrix(_ r: Int, _ c: Int) -> ComplexMatrix {
        ComplexMatrix(rows: r, columns: c, elements: (0..<(r * c)).map { _ in complex() })
    }
    /// A symmetric positive definite matrix B·Bᵀ + n·I.
    mutating func spd(_ n: Int) -> RealMatrix {
        let b = matrix(n, n)
        return b * b.transposed + Double(n) * RealMatrix.identity(n)
    }
    mutating func hpd(_ n: Int) -> ComplexMatrix {
        let b = complexMatrix(n, n)
        return b * b.adjoint + ComplexMatrix(Double(n) * RealMatrix.identity(n))
    }
}

func naiveProduct(_ a: RealMatrix, _ b: RealMatrix) -> RealMatrix {
    var c = RealMatrix(rows: a.rows, columns: b.columns)
    for i in 0..<a.rows { for j in 0..<b.columns { for k in 0..<a.columns { c[i, j] += a[i, k] * b[k, j] } } }
    return c
}

func naiveProduct(_ a: ComplexMatrix, _ b: ComplexMatrix) -> ComplexMatrix {
    var c = ComplexMatrix(rows: a.rows, columns: b.columns)
    for i in 0..<a.rows { for j in 0..<b.columns { for k in 0..<a.columns { c[i, j] += a[i, k] * b[k, j] } } }
    return c
}

func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

func maxDifference(_ a: [Complex<Double>], _ b: [Complex<Double>]) -> Double {
    zip(a, b).reduce(0) { max($0, ($1.0 - $1.1).length) }
}
