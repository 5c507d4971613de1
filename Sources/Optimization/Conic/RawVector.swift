import LinearAlgebra

/// Plain pointer arithmetic on `Double` buffers owned by a solver workspace. The interior-point loop
/// works on raw buffers so that it allocates nothing and pays no array bounds/uniqueness checks.
@usableFromInline
struct RawVector {
    @usableFromInline let p: UnsafeMutablePointer<Double>
    @usableFromInline let count: Int

    init(count: Int) {
        self.count = count
        p = .allocate(capacity: max(1, count))
        p.initialize(repeating: 0, count: max(1, count))
    }

    func free() { p.deallocate() }

    @inlinable subscript(i: Int) -> Double {
        get { p[i] }
        nonmutating set { p[i] = newValue }
    }

    func zero() { p.update(repeating: 0, count: count) }
    func copy(from o: RawVector) { p.update(from: o.p, count: count) }
    func copy(from a: [Double]) { a.withUnsafeBufferPointer { p.update(from: $0.baseAddress!, count: min(count, a.count)) } }
    var array: [Double] { Array(UnsafeBufferPointer(start: p, count: count)) }
}

@inline(__always) func rvDot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
    var s = 0.0
    for i in 0..<n { s += a[i] * b[i] }
    return s
}

@inline(__always) func rvDot(_ a: RawVector, _ b: RawVector) -> Double { rvDot(a.p, b.p, a.count) }

@inline(__always) func rvNorm2(_ a: UnsafePointer<Double>, _ n: Int) -> Double {
    // Scaled to avoid overflow for huge iterates.
    var scale = 0.0
    for i in 0..<n { scale = max(scale, abs(a[i])) }
    guard scale > 0, scale.isFinite else { return scale }
    var s = 0.0
    let inv = 1 / scale
    for i in 0..<n { let t = a[i] * inv; s += t * t }
    return scale * s.squareRoot()
}

/// √(a² + b²) without overflow (the norm of a vector split in two parts).
@inline(__always) func rvHypot(_ a: Double, _ b: Double) -> Double {
    let m = max(abs(a), abs(b))
    guard m > 0, m.isFinite else { return m }
    return m * ((a / m) * (a / m) + (b / m) * (b / m)).squareRoot()
}

@inline(__always) func rvNorm2(_ a: RawVector) -> Double { rvNorm2(a.p, a.count) }
@inline(__always) func rvNorm2(_ a: [Double]) -> Double { a.withUnsafeBufferPointer { rvNorm2($0.baseAddress!, a.count) } }

/// y ← y + α·x
@inline(__always) func rvAxpy(_ alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ n: Int) {
    for i in 0..<n { y[i] += alpha * x[i] }
}

@inline(__always) func rvAxpy(_ alpha: Double, _ x: RawVector, _ y: RawVector) { rvAxpy(alpha, x.p, y.p, x.count) }

/// Sparse column-compressed matrix with raw storage for the hot loops (rows are internal row numbers).
/// When more than a quarter of the entries are nonzero, a dense column-major copy is kept and the
/// products go through BLAS `dgemv` instead.
struct RawSparse {
    let rows: Int
    let columns: Int
    let starts: [Int]
    let rowIndex: [Int]
    let values: [Double]
    let dense: [Double]?

    /// `denseCopy: false` skips the dense copy that fast products use (for matrices that are only
    /// scanned entry by entry, e.g. by the equilibration).
    init(rows: Int, columns: Int, starts: [Int], rowIndex: [Int], values: [Double], denseCopy: Bool = true) {
        self.rows = rows
        self.columns = columns
        self.starts = starts
        self.rowIndex = rowIndex
        self.values = values
        if denseCopy && rows > 0 && columns > 0 && values.count * 4 > rows * columns {
            var d = [Double](repeating: 0, count: rows * columns)
            for j in 0..<columns { for k in starts[j]..<starts[j + 1] { d[rowIndex[k] + j * rows] = values[k] } }
            dense = d
        } else {
            dense = nil
        }
    }

    /// y ← y + α·A·x
    func multiplyAdd(_ alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
        if let dense {
            dense.withUnsafeBufferPointer { d in
                BLAS.gemv(.none, m: rows, n: columns, alpha: alpha, a: d.baseAddress!, lda: rows, x: x, beta: 1, y: y)
            }
            return
        }
        starts.withUnsafeBufferPointer { st in
            rowIndex.withUnsafeBufferPointer { ri in
                values.withUnsafeBufferPointer { va in
                    for j in 0..<columns {
                        let xj = alpha * x[j]
                        if xj == 0 { continue }
                        for k in st[j]..<st[j + 1] { y[ri[k]] += va[k] * xj }
                    }
                }
            }
        }
    }

    /// y ← y + α·Aᵀ·x
    func transposeMultiplyAdd(_ alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
        if let dense {
            dense.withUnsafeBufferPointer { d in
                BLAS.gemv(.transpose, m: rows, n: columns, alpha: alpha, a: d.baseAddress!, lda: rows, x: x, beta: 1, y: y)
            }
            return
        }
        starts.withUnsafeBufferPointer { st in
            rowIndex.withUnsafeBufferPointer { ri in
                values.withUnsafeBufferPointer { va in
                    for j in 0..<columns {
                        var s = 0.0
                        for k in st[j]..<st[j + 1] { s += va[k] * x[ri[k]] }
                        y[j] += alpha * s
                    }
                }
            }
        }
    }
}
