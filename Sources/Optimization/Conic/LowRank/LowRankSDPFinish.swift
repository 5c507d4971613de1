/// Results of `LowRankSDPSolver` in the caller's row layout, with the same conventions as the general
/// solver (`InteriorPointStart`); on a stop short of the tolerances, the best iterate.
extension LowRankSDPSolver {
    func saveBest(_ w: LowRankSDPWorkspace<T>) {
        let nn = w.n * w.n
        w.xBest.update(from: w.x, count: w.k)
        w.sBest.update(from: w.s, count: nn)
        w.zBest.update(from: w.z, count: nn)
        w.slBest.update(from: w.sl, count: w.l)
        w.zlBest.update(from: w.zl, count: w.l)
        hasBest = true
    }

    private func restoreBest(_ w: LowRankSDPWorkspace<T>) {
        let nn = w.n * w.n
        w.x.update(from: w.xBest, count: w.k)
        w.s.update(from: w.sBest, count: nn)
        w.z.update(from: w.zBest, count: nn)
        w.sl.update(from: w.slBest, count: w.l)
        w.zl.update(from: w.zlBest, count: w.l)
    }

    /// (x, s, y) in caller rows, primal parts times `fp`, dual parts times `fd`.
    private func external(_ lmi: LowRankLMI<T>, _ w: LowRankSDPWorkspace<T>, rows: Int, fp: Double,
                          fd: Double) -> (x: [Double], s: [Double], y: [Double]) {
        let n = w.n, dim = T.vectorLength(n)
        let x = (0..<w.k).map { w.x[$0] * fp }
        var s = [Double](repeating: 0, count: rows), y = [Double](repeating: 0, count: rows)
        var packed = [Double](repeating: 0, count: dim)
        packed.withUnsafeMutableBufferPointer { T.pack(n: n, w.s, $0.baseAddress!) }
        for q in 0..<dim { s[lmi.psdOffset + q] = packed[q] * fp }
        packed.withUnsafeMutableBufferPointer { T.pack(n: n, w.z, $0.baseAddress!) }
        for q in 0..<dim { y[lmi.psdOffset + q] = packed[q] * fd }
        for (i, row) in lmi.lpRows.enumerated() {
            s[row] = w.sl[i] * fp
            y[row] = w.zl[i] * fd
        }
        return (x, s, y)
    }

    func finish(_ status: ConicStatus, _ lmi: LowRankLMI<T>, _ w: LowRankSDPWorkspace<T>, _ problem: ConicProblem,
                iterations: Int) -> ConicSolution {
        let e = external(lmi, w, rows: problem.rowCount, fp: 1, fd: 1)
        return problem.assembleSolution(status, x: e.x, s: e.s, y: e.y, iterations: iterations,
                                        primalObjective: dot(problem.c, e.x), dualObjective: -dot(problem.b, e.y))
    }

    func finishBest(_ lmi: LowRankLMI<T>, _ w: LowRankSDPWorkspace<T>, _ problem: ConicProblem, _ settings: ConicSettings,
                    _ ms: SolverCore.Measures, iteration: Int, limit: Bool) -> ConicSolution {
        if hasBest { restoreBest(w) }
        let ok = ms.pres <= settings.reducedFeasibilityTolerance && ms.dres <= settings.reducedFeasibilityTolerance
            && (ms.gap <= settings.reducedGapTolerance || ms.relGap <= settings.reducedGapTolerance)
        return finish(ok ? .inaccurate : (limit ? .iterationLimit : .numericalFailure), lmi, w, problem,
                      iterations: iteration)
    }

    private func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in 0..<min(a.count, b.count) { s += a[i] * b[i] }
        return s
    }
}
