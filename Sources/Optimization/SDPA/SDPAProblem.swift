/// A semidefinite program in SDPA form (the convention of SDPA and SDPLIB):
///
///     minimize cᵀx  subject to  Σᵢ xᵢ·Fᵢ − F₀ ⪰ 0,
///
/// with block-diagonal symmetric Fᵢ. A positive block size k is a dense k×k block, a negative one
/// (−k) a diagonal block (k linear inequalities). The dual is: maximize ⟨F₀, Y⟩ subject to
/// ⟨Fᵢ, Y⟩ = cᵢ, Y ⪰ 0.
public struct SDPAProblem: Sendable {
    /// One nonzero of a constraint matrix: F_matrix[block](i, j) = value (zero-based i ≤ j).
    public struct Entry: Sendable, Equatable {
        public let matrix: Int
        public let block: Int
        public let i: Int
        public let j: Int
        public let value: Double
        public init(matrix: Int, block: Int, i: Int, j: Int, value: Double) {
            self.matrix = matrix
            self.block = block
            self.i = min(i, j)
            self.j = max(i, j)
            self.value = value
        }
    }

    public let constraintCount: Int
    public let blockSizes: [Int]
    public let c: [Double]
    public let entries: [Entry]

    public init(blockSizes: [Int], c: [Double], entries: [Entry]) {
        constraintCount = c.count
        self.blockSizes = blockSizes
        self.c = c
        self.entries = entries
    }

    /// The cones of the equivalent `ConicProblem`, one per block in order.
    public var cones: [Cone] {
        blockSizes.map { $0 < 0 ? .nonnegative(-$0) : .psd($0) }
    }

    /// Row offset of each block in the conic form.
    public var blockOffsets: [Int] {
        var offsets: [Int] = []
        var r = 0
        for cone in cones {
            offsets.append(r)
            r += cone.dimension
        }
        return offsets
    }

    /// Row of entry (i, j) of `block` in the conic form, and the factor (1 or √2) of the vectorisation.
    public func row(block: Int, i: Int, j: Int) -> (row: Int, factor: Double) {
        let size = blockSizes[block]
        if size < 0 { return (blockOffsets[block] + i, 1) }
        let lo = max(i, j), hi = min(i, j)
        return (blockOffsets[block] + SymmetricVectorization.realIndex(lo, hi, order: size),
                lo == hi ? 1 : SymmetricVectorization.sqrt2)
    }

    /// The conic form: x is SDPA's x, s = svec(Σ xᵢFᵢ − F₀) ⪰ 0, so A = −[svec Fᵢ], b = −svec F₀.
    /// The conic dual multiplier y is SDPA's dual matrix Y (vectorised), and cᵀx is SDPA's primal objective.
    public func conicProblem() throws(ConicProblemError) -> ConicProblem {
        let rows = cones.reduce(0) { $0 + $1.dimension }
        var triplets: [(row: Int, column: Int, value: Double)] = []
        var b = [Double](repeating: 0, count: rows)
        for e in entries {
            let (r, f) = row(block: e.block, i: e.i, j: e.j)
            if e.matrix == 0 { b[r] -= f * e.value } else { triplets.append((r, e.matrix - 1, -f * e.value)) }
        }
        let a = SparseMatrix(rows: rows, columns: constraintCount, triplets: triplets)
        return try ConicProblem(c: c, A: a, b: b, cones: cones)
    }
}
