import ComplexModule

/// A previous solution used to start the next solve (same row/column layout).
public struct ConicWarmStart: Sendable {
    public var x: [Double]
    public var s: [Double]
    public var y: [Double]
    public init(x: [Double], s: [Double], y: [Double]) {
        self.x = x
        self.s = s
        self.y = y
    }
    public init(_ solution: ConicSolution) { self.init(x: solution.x, s: solution.s, y: solution.y) }
}

/// Primal–dual interior-point solver for `ConicProblem`s (homogeneous self-dual embedding,
/// Nesterov–Todd scaling, Mehrotra predictor–corrector; see `InteriorPointLoop`).
///
/// A `ConicSolver` is a reusable workspace: it keeps its buffers between calls and rebuilds them only
/// when the problem's shape (variables, rows, cones) changes. It is not thread-safe; give each worker
/// its own instance. Results do not depend on which instance or thread solves a problem.
public final class ConicSolver {
    public var settings: ConicSettings
    private var core: SolverCore?
    fileprivate var lowRankReal: LowRankSDPSolver<Double>?
    fileprivate var lowRankComplex: LowRankSDPSolver<Complex<Double>>?

    public init(settings: ConicSettings = ConicSettings()) {
        self.settings = settings
    }

    /// One-shot convenience.
    public static func solve(_ problem: ConicProblem, settings: ConicSettings = ConicSettings()) -> ConicSolution {
        ConicSolver(settings: settings).solve(problem)
    }

    public func solve(
        _ problem: ConicProblem, warmStart: ConicWarmStart? = nil,
        callback: ((ConicIterationInfo) -> Void)? = nil
    ) -> ConicSolution {
        if settings.exploitLowRank, warmStart == nil, let fast = solveLowRank(problem, callback: callback) {
            return fast
        }
        let c: SolverCore
        if let existing = core, existing.matches(problem) {
            existing.load(problem, equilibrate: settings.equilibrate)
            c = existing
        } else {
            c = SolverCore(problem, equilibrate: settings.equilibrate)
            core = c
        }
        return c.run(settings: settings, warmStart: warmStart, callback: callback)
    }
}

extension ConicSolver {
    /// The `LowRankSDPSolver` path when the problem is a `LowRankLMI` (one PSD cone with low-rank
    /// constraint matrices, the rest nonnegative); nil otherwise. A run of that path that does not end
    /// `optimal` (it certifies no infeasibility, and a stall or breakdown may be the problem's doing) is
    /// discarded and the general solver runs instead, so the fast path adds speed, never a worse status.
    fileprivate func solveLowRank(_ problem: ConicProblem, callback: ((ConicIterationInfo) -> Void)?) -> ConicSolution? {
        // `detect` checks the cones (and returns at the first that does not qualify); this only picks
        // the scalar field.
        var solution: ConicSolution
        if problem.cones.contains(where: { if case .hermitianPSD = $0 { return true } else { return false } }) {
            guard let lmi = LowRankLMI<Complex<Double>>.detect(problem) else { return nil }
            let solver = lowRankComplex ?? LowRankSDPSolver<Complex<Double>>()
            lowRankComplex = solver
            solution = solver.solve(lmi, problem: problem, settings: settings, callback: callback)
        } else {
            guard let lmi = LowRankLMI<Double>.detect(problem) else { return nil }
            let solver = lowRankReal ?? LowRankSDPSolver<Double>()
            lowRankReal = solver
            solution = solver.solve(lmi, problem: problem, settings: settings, callback: callback)
        }
        solution.path = .lowRankHKM
        return solution.status == .optimal ? solution : nil
    }
}

/// Problem data permuted into the solver's internal order (equality rows, then the nonnegative
/// orthant, second-order cones, PSD cones) plus all iteration buffers.
final class SolverCore {
    let n: Int
    let rows: Int
    let cones: [Cone]
    let p: Int
    let m: Int
    let degree: Int
    /// Internal equality row k ← original row eqRows[k]; internal inequality row k ← ineqRows[k].
    let eqRows: [Int]
    let ineqRows: [Int]
    /// `Cone.internalKind` of every caller row (−1: equality).
    let kindOfRow: [Int]
    /// Internal index of every caller row: ≥ 0 inequality row, < 0 equality row −(k + 1).
    let internalOfRow: [Int]
    var c: [Double] = []
    var bEq: [Double] = []
    var h: [Double] = []
    var blocks: [ConeBlock] = []
    var kkt: KKTSystem!
    var problem: ConicProblem

    // Iterates and work vectors.
    let x, y, s, z, lam: RawVector
    let dx, dy, dz, dsScaled, dzScaled, dsUnscaled: RawVector
    let x1, y1, z1, z1s: RawVector
    let rx, ry, rz: RawVector
    let bx, by, bz: RawVector
    let t1, t2, t3: RawVector
    let hScaled, rzScaled: RawVector
    let cVec, bEqVec, hVec: RawVector
    /// Equilibration scales (D, E) as vectors for the hot loop, and the full record.
    let colScale, eqScale, ineqScale: RawVector
    var scaling: Equilibration
    var tau = 1.0, kappa = 1.0
    let tn1, tp1: RawVector
    let xBest, yBest, sBest, zBest: RawVector
    var tauBest = 1.0, kappaBest = 1.0, hasBest = false

    init(_ problem: ConicProblem, equilibrate: Bool) {
        self.problem = problem
        n = problem.variableCount
        rows = problem.rowCount
        cones = problem.cones
        var kinds: [Int] = []
        for cone in problem.cones { kinds += [Int](repeating: cone.internalKind, count: cone.dimension) }
        kindOfRow = kinds
        eqRows = kinds.indices.filter { kinds[$0] < 0 }
        ineqRows = (0..<Cone.internalKindCount).flatMap { k in kinds.indices.filter { kinds[$0] == k } }
        var position = [Int](repeating: 0, count: rows)
        for (k, r) in ineqRows.enumerated() { position[r] = k }
        for (k, r) in eqRows.enumerated() { position[r] = -k - 1 }
        internalOfRow = position
        p = eqRows.count
        m = ineqRows.count
        degree = problem.degree
        x = RawVector(count: n); y = RawVector(count: p); s = RawVector(count: m); z = RawVector(count: m)
        lam = RawVector(count: m)
        dx = RawVector(count: n); dy = RawVector(count: p); dz = RawVector(count: m)
        dsScaled = RawVector(count: m); dzScaled = RawVector(count: m); dsUnscaled = RawVector(count: m)
        x1 = RawVector(count: n); y1 = RawVector(count: p); z1 = RawVector(count: m); z1s = RawVector(count: m)
        rx = RawVector(count: n); ry = RawVector(count: p); rz = RawVector(count: m)
        bx = RawVector(count: n); by = RawVector(count: p); bz = RawVector(count: m)
        t1 = RawVector(count: m); t2 = RawVector(count: m); t3 = RawVector(count: m)
        hScaled = RawVector(count: m); rzScaled = RawVector(count: m)
        cVec = RawVector(count: n); bEqVec = RawVector(count: p); hVec = RawVector(count: m)
        tn1 = RawVector(count: n); tp1 = RawVector(count: p)
        xBest = RawVector(count: n); yBest = RawVector(count: p); sBest = RawVector(count: m); zBest = RawVector(count: m)
        colScale = RawVector(count: n); eqScale = RawVector(count: p); ineqScale = RawVector(count: m)
        scaling = .identity(n: n, p: p, m: m)
        load(problem, equilibrate: equilibrate)
    }

    deinit {
        for v in [x, y, s, z, lam, dx, dy, dz, dsScaled, dzScaled, dsUnscaled, x1, y1, z1, z1s, rx, ry, rz, bx, by, bz,
                  t1, t2, t3, hScaled, rzScaled, cVec, bEqVec, hVec, colScale, eqScale, ineqScale, tn1, tp1, xBest, yBest, sBest, zBest] { v.free() }
    }

    func matches(_ other: ConicProblem) -> Bool {
        other.variableCount == n && other.rowCount == rows && other.cones == cones
    }

    /// (Re)loads the numbers of a problem of the same shape: permutes rows, rebuilds blocks.
    func load(_ problem: ConicProblem, equilibrate: Bool) {
        self.problem = problem
        c = problem.c
        bEq = eqRows.map { problem.b[$0] }
        h = ineqRows.map { problem.b[$0] }
        var aEq = [Double](repeating: 0, count: p * n)
        let a = problem.A
        // Row-permute the inequality part in one sequential pass per column. Within one cone kind the
        // caller's row order is the internal order (`ineqRows`), so placing a column's entries kind by
        // kind (a counting sort on `internalKindCount` keys) leaves it sorted by internal row, in
        // O(nnz + 4n) whatever the number of cones.
        let groupCount = Cone.internalKindCount, groupOfRow = kindOfRow
        var starts = [Int](repeating: 0, count: n + 1)
        for j in 0..<n {
            var count = 0
            for kk in a.columnStarts[j]..<a.columnStarts[j + 1] where groupOfRow[a.rowIndices[kk]] >= 0 { count += 1 }
            starts[j + 1] = starts[j] + count
        }
        let nnzG = starts[n]
        var gRows = [Int](repeating: 0, count: nnzG)
        var gValues = [Double](repeating: 0, count: nnzG)
        var cursor = [Int](repeating: 0, count: groupCount + 1)
        for j in 0..<n {
            let lo = a.columnStarts[j], hi = a.columnStarts[j + 1]
            for q in 0...groupCount { cursor[q] = 0 }
            for kk in lo..<hi {
                let grp = groupOfRow[a.rowIndices[kk]]
                if grp >= 0 { cursor[grp + 1] += 1 }
            }
            cursor[0] = starts[j]
            for q in 0..<groupCount { cursor[q + 1] += cursor[q] }
            for kk in lo..<hi {
                let ir = internalOfRow[a.rowIndices[kk]]
                if ir >= 0 {
                    let grp = groupOfRow[a.rowIndices[kk]]
                    gRows[cursor[grp]] = ir
                    gValues[cursor[grp]] = a.values[kk]
                    cursor[grp] += 1
                } else {
                    aEq[(-ir - 1) + j * p] = a.values[kk]
                }
            }
        }
        let g0 = RawSparse(rows: m, columns: n, starts: starts, rowIndex: gRows, values: gValues, denseCopy: false)

        // Equilibrate (cone-preserving) and scale c, b.
        let lpDim = problem.cones.reduce(0) { if case .nonnegative(let d) = $1 { return $0 + d } else { return $0 } }
        var groups: [Range<Int>] = []
        var off = lpDim
        for cone in problem.cones {
            if case .secondOrder(let d) = cone { groups.append(off..<(off + d)); off += d }
        }
        for cone in problem.cones {
            switch cone {
            case .psd, .hermitianPSD: groups.append(off..<(off + cone.dimension)); off += cone.dimension
            default: break
            }
        }
        for cone in problem.cones where cone == .exponential { groups.append(off..<(off + 3)); off += 3 }
        var eq = equilibrate
            ? Equilibration.compute(n: n, p: p, m: m, aEq: aEq, g: g0, groups: groups)
            : Equilibration.identity(n: n, p: p, m: m)
        eq.setObjectiveScales(c: c, bEq: bEq, h: h)
        scaling = eq
        for j in 0..<n {
            for i in 0..<p { aEq[i + j * p] *= eq.eqRows[i] * eq.columns[j] }
            for k in starts[j]..<starts[j + 1] { gValues[k] *= eq.ineqRows[gRows[k]] * eq.columns[j] }
        }
        let g = RawSparse(rows: m, columns: n, starts: starts, rowIndex: gRows, values: gValues)
        for j in 0..<n { c[j] *= eq.columns[j] * eq.costScale }
        for i in 0..<p { bEq[i] *= eq.eqRows[i] * eq.rhsScale }
        for i in 0..<m { h[i] *= eq.ineqRows[i] * eq.rhsScale }
        for j in 0..<n { colScale[j] = eq.columns[j] }
        for i in 0..<p { eqScale[i] = eq.eqRows[i] }
        for i in 0..<m { ineqScale[i] = eq.ineqRows[i] }

        var bl: [ConeBlock] = []
        var offset = 0
        let lpCount = problem.cones.reduce(0) { if case .nonnegative(let d) = $1 { return $0 + d } else { return $0 } }
        if lpCount > 0 { bl.append(NonnegativeBlock(offset: 0, dimension: lpCount, g: g)) }
        offset = lpCount
        for cone in problem.cones { if case .secondOrder(let d) = cone { bl.append(SecondOrderBlock(offset: offset, dimension: d, g: g)); offset += d } }
        for cone in problem.cones {
            switch cone {
            case .psd(let k): bl.append(RealPSDBlock(offset: offset, order: k, g: g)); offset += cone.dimension
            case .hermitianPSD(let k): bl.append(HermitianPSDBlock(offset: offset, order: k, g: g)); offset += cone.dimension
            default: break
            }
        }
        for cone in problem.cones where cone == .exponential {
            bl.append(ExponentialConeBlock(offset: offset, g: g))
            offset += 3
        }
        blocks = bl
        kkt = KKTSystem(n: n, p: p, m: m, aEq: aEq, g: g, blocks: bl)
        cVec.copy(from: c)
        bEqVec.copy(from: bEq)
        hVec.copy(from: h)
    }

    /// Maps an internal (x, y_eq, s, z) back to the caller's row order.
    /// `scalePrimal` multiplies x and s, `scaleDual` multiplies y (after undoing the equilibration).
    func externalSolution(scalePrimal: Double, scaleDual: Double) -> (x: [Double], s: [Double], y: [Double]) {
        let fp = scalePrimal / scaling.rhsScale, fd = scaleDual / scaling.costScale
        var xs = [Double](repeating: 0, count: n)
        for i in 0..<n { xs[i] = x[i] * colScale[i] * fp }
        var ss = [Double](repeating: 0, count: rows), ys = [Double](repeating: 0, count: rows)
        for (k, r) in eqRows.enumerated() { ys[r] = y[k] * eqScale[k] * fd }
        for (k, r) in ineqRows.enumerated() {
            ss[r] = s[k] / ineqScale[k] * fp
            ys[r] = z[k] * ineqScale[k] * fd
        }
        return (xs, ss, ys)
    }

    /// Maps a caller-order (s, y) into internal s, z (and y_eq); used by warm start.
    func loadExternal(x xs: [Double], s ss: [Double], y ys: [Double]) {
        let fp = scaling.rhsScale, fd = scaling.costScale
        for i in 0..<n { x[i] = i < xs.count ? xs[i] / colScale[i] * fp : 0 }
        for (k, r) in eqRows.enumerated() { y[k] = r < ys.count ? ys[r] / eqScale[k] * fd : 0 }
        for (k, r) in ineqRows.enumerated() {
            s[k] = r < ss.count ? ss[r] * ineqScale[k] * fp : 0
            z[k] = r < ys.count ? ys[r] / ineqScale[k] * fd : 0
        }
    }
}

extension Cone {
    /// Position of the cone's kind in the solver's internal row order: nonnegative, second-order,
    /// PSD, exponential (each kind in the caller's order); −1 for equality rows.
    var internalKind: Int {
        switch self {
        case .zero: return -1
        case .nonnegative: return 0
        case .secondOrder: return 1
        case .psd, .hermitianPSD: return 2
        case .exponential: return 3
        }
    }

    static let internalKindCount = 4
}
