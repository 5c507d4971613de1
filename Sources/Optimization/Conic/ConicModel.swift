import ComplexModule
import LinearAlgebra

/// Handle of a constraint added to a `ConicModel` (for reading its dual).
public struct ConicConstraintID: Hashable, Sendable {
    public let index: Int
}

/// A small modelling layer over `ConicProblem`: real variables, complex vectors and Hermitian matrix
/// variables (as `AffineMatrix`), linear (in)equalities, second-order cones (norms, squared norms),
/// LMIs M(x) ⪰ 0 with real-symmetric or complex-Hermitian data, and exponential-cone constraints
/// (t ≤ log u, exp x ≤ t); linear objective.
///
///     let m = ConicModel()
///     let t = m.variable()
///     let w = m.complexVector(4)
///     m.add(norm(w) <= t)
///     m.add((AffineMatrix.dot(h, w)).real() >= 1)
///     m.minimize(Affine(t))
///     let sol = try m.solve()
///
/// Each constraint becomes one cone, in the order added. For SDPs in "standard form" (a PSD matrix
/// variable with few linear constraints, e.g. SDR beamforming) state the dual LMI instead — it has
/// few variables — and read the matrix from `ConicModelSolution.dualMatrix(_:)` of the LMI.
public final class ConicModel {
    public private(set) var variableCount = 0
    private var constraints: [ConicConstraint] = []
    private var objective = Affine()
    private var maximizing = false

    public init() {}

    public func variable() -> ConicVariable {
        defer { variableCount += 1 }
        return ConicVariable(index: variableCount)
    }

    public func variables(_ n: Int) -> [ConicVariable] { (0..<n).map { _ in variable() } }

    /// A complex n-vector of fresh variables (2n reals: real and imaginary parts).
    public func complexVector(_ n: Int) -> AffineMatrix {
        var v = AffineMatrix(rows: n, columns: 1)
        for i in 0..<n {
            v.terms[variable().index] = [i: .one]
            v.terms[variable().index] = [i: Complex(0, 1)]
        }
        return v
    }

    /// A real n-vector of fresh variables, as an n×1 `AffineMatrix`.
    public func realVector(_ n: Int) -> AffineMatrix {
        var v = AffineMatrix(rows: n, columns: 1)
        for i in 0..<n { v.terms[variable().index] = [i: .one] }
        return v
    }

    /// A Hermitian n×n matrix of fresh variables (n² reals). Not constrained: add
    /// `.positiveSemidefinite(W)` for W ⪰ 0.
    public func hermitianMatrix(order n: Int) -> AffineMatrix {
        var w = AffineMatrix(rows: n, columns: n)
        for j in 0..<n {
            w.terms[variable().index] = [j + j * n: .one]
            for i in (j + 1)..<max(j + 1, n) {
                w.terms[variable().index] = [i + j * n: .one, j + i * n: .one]
                w.terms[variable().index] = [i + j * n: Complex(0, 1), j + i * n: Complex(0, -1)]
            }
        }
        return w
    }

    /// A real symmetric n×n matrix of fresh variables (n(n+1)/2 reals).
    public func symmetricMatrix(order n: Int) -> AffineMatrix {
        var w = AffineMatrix(rows: n, columns: n)
        for j in 0..<n {
            w.terms[variable().index] = [j + j * n: .one]
            for i in (j + 1)..<max(j + 1, n) { w.terms[variable().index] = [i + j * n: .one, j + i * n: .one] }
        }
        return w
    }

    @discardableResult
    public func add(_ c: ConicConstraint) -> ConicConstraintID {
        constraints.append(c)
        return ConicConstraintID(index: constraints.count - 1)
    }

    public func minimize(_ e: Affine) { objective = e; maximizing = false }
    public func maximize(_ e: Affine) { objective = e; maximizing = true }

    /// The conic problem (minimisation; a maximisation is negated) and each constraint's rows.
    public func problem() throws(ConicModelError) -> (problem: ConicProblem, rows: [Range<Int>]) {
        var cones: [Cone] = []
        var ranges: [Range<Int>] = []
        var triplets: [(row: Int, column: Int, value: Double)] = []
        var b: [Double] = []
        func emit(_ e: Affine) {
            // s = e(x): A row = −coefficients, b = constant.
            let r = b.count
            for (k, v) in e.terms where v != 0 { triplets.append((r, k, -v)) }
            b.append(e.constant)
        }
        for (ci, c) in constraints.enumerated() {
            let start = b.count
            switch c.kind {
            case .equal(let e):
                emit(e)
                if case .zero(let d)? = cones.last, ranges.last?.upperBound == start { cones[cones.count - 1] = .zero(d + 1) } else { cones.append(.zero(1)) }
            case .nonnegative(let e):
                emit(e)
                if case .nonnegative(let d)? = cones.last, ranges.last?.upperBound == start { cones[cones.count - 1] = .nonnegative(d + 1) } else { cones.append(.nonnegative(1)) }
            case .secondOrder(let t, let x):
                emit(t)
                for e in x { emit(e) }
                cones.append(.secondOrder(1 + x.count))
            case .psd(let m):
                try emitPSD(m, constraint: ci, triplets: &triplets, b: &b, cones: &cones)
            case .exponential(let x, let y, let z):
                emit(x)
                emit(y)
                emit(z)
                cones.append(.exponential)
            }
            ranges.append(start..<b.count)
        }
        let sign: Double = maximizing ? -1 : 1
        var cvec = [Double](repeating: 0, count: variableCount)
        for (k, v) in objective.terms { cvec[k] = sign * v }
        do {
            let p = try ConicProblem(c: cvec, A: SparseMatrix(rows: b.count, columns: variableCount, triplets: triplets),
                                     b: b, cones: cones)
            return (p, ranges)
        } catch {
            throw .invalidProblem(error.description)
        }
    }

    private func emitPSD(_ m: AffineMatrix, constraint ci: Int, triplets: inout [(row: Int, column: Int, value: Double)],
                         b: inout [Double], cones: inout [Cone]) throws(ConicModelError) {
        guard m.rows == m.columns else { throw .notSquare(constraint: ci, rows: m.rows, columns: m.columns) }
        let n = m.rows
        // Hermitian check and real/complex decision.
        var scale = m.constant.maxAbs, deviation = 0.0, complex = false
        func check(_ get: (Int, Int) -> Complex<Double>) {
            for j in 0..<n {
                for i in j..<n {
                    let lo = get(i, j), up = get(j, i)
                    deviation = max(deviation, (lo - up.conjugate).length)
                    if abs(lo.imaginary) + abs(up.imaginary) > 0 && i != j { complex = true }
                }
            }
        }
        check { m.constant[$0, $1] }
        for (_, entries) in m.terms {
            for (_, v) in entries { scale = max(scale, v.length) }
            check { entries[$0 + $1 * n] ?? .zero }
        }
        if deviation > 1e-10 * max(1, scale) { throw .notHermitian(constraint: ci, deviation: deviation) }
        let r0 = b.count
        func packed(_ get: (Int, Int) -> Complex<Double>) -> [Double] {
            var herm = ComplexMatrix(rows: n, columns: n)
            for j in 0..<n { for i in 0..<n { herm[i, j] = get(i, j) } }
            return complex ? SymmetricVectorization.pack(herm) : SymmetricVectorization.pack(herm.realPart)
        }
        b.append(contentsOf: packed { m.constant[$0, $1] })
        for (k, entries) in m.terms.sorted(by: { $0.key < $1.key }) {
            let v = packed { entries[$0 + $1 * n] ?? .zero }
            for (r, x) in v.enumerated() where x != 0 { triplets.append((r0 + r, k, -x)) }
        }
        cones.append(complex ? .hermitianPSD(n) : .psd(n))
    }

    /// Solves the model. Pass a `ConicSolver` to reuse its workspace across many solves, and a
    /// previous solution of a model of the same shape to warm start.
    public func solve(using solver: ConicSolver = ConicSolver(), warmStart: ConicModelSolution? = nil) throws(ConicModelError) -> ConicModelSolution {
        let (p, ranges) = try problem()
        let ws = warmStart.map { ConicWarmStart($0.conic) }
        let sol = solver.solve(p, warmStart: ws)
        let sign: Double = maximizing ? -1 : 1
        let value = sol.status.hasSolution ? sign * sol.primalObjective + objective.constant : .nan
        return ConicModelSolution(status: sol.status, objectiveValue: value, conic: sol, rows: ranges, cones: p.cones)
    }
}

/// The solution of a `ConicModel`.
public struct ConicModelSolution: Sendable {
    public let status: ConicStatus
    /// Objective in the model's own sense (maximised value for `maximize`), including its constant.
    public let objectiveValue: Double
    /// The underlying conic solution (x = model variables in creation order).
    public let conic: ConicSolution
    let rows: [Range<Int>]
    let cones: [Cone]

    public func value(_ v: ConicVariable) -> Double { conic.x[v.index] }
    public func value(_ e: Affine) -> Double { e.value(conic.x) }
    public func value(_ m: AffineMatrix) -> ComplexMatrix { m.value(conic.x) }

    /// The dual multiplier of a constraint (entries of y on its rows; ≥ 0 for inequalities, in the
    /// dual cone for cones).
    public func dual(_ c: ConicConstraintID) -> [Double] { Array(conic.y[rows[c.index]]) }

    /// The dual matrix of a PSD constraint (real symmetric data give a real matrix, as ComplexMatrix).
    public func dualMatrix(_ c: ConicConstraintID) -> ComplexMatrix {
        let y = dual(c)
        if let n = SymmetricVectorization.realOrder(length: y.count), coneIsReal(c) {
            return ComplexMatrix(SymmetricVectorization.unpack(y, order: n))
        }
        let n = Int(Double(y.count).squareRoot().rounded())
        return SymmetricVectorization.unpackHermitian(y, order: n)
    }

    private func coneIsReal(_ c: ConicConstraintID) -> Bool {
        var r = 0
        for cone in cones {
            if r == rows[c.index].lowerBound, case .psd = cone { return true }
            r += cone.dimension
        }
        return false
    }
}
