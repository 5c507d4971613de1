/// Results of `LowRankSDPSolver` in the caller's row layout, with the same conventions as the general
/// solver (`InteriorPointStart`); on a stop short of the tolerances, the best iterate.
extension LowRankSDPSolver {
    func saveBest(_ w: LowRankSDPWorkspace<T>) {
        copyIterate(w, toBest: true)
        hasBest = true
    }

    /// x, S, Z, s_l, z_l into their `…Best` buffers (or back).
    private func copyIterate(_ w: LowRankSDPWorkspace<T>, toBest: Bool) {
        let nn = w.n * w.n
        for (live, best) in [(w.s, w.sBest), (w.z, w.zBest)] {
            toBest ? best.update(from: live, count: nn) : live.update(from: best, count: nn)
        }
        for (live, best, count) in [(w.x, w.xBest, w.k), (w.sl, w.slBest, w.l), (w.zl, w.zlBest, w.l)] {
            toBest ? best.update(from: live, count: count) : live.update(from: best, count: count)
        }
    }

    /// (x, s, y) in caller rows.
    private func external(_ lmi: LowRankLMI<T>, _ w: LowRankSDPWorkspace<T>, rows: Int) -> (x: [Double], s: [Double], y: [Double]) {
        let n = w.n, dim = T.vectorLength(n)
        let x = (0..<w.k).map { w.x[$0] }
        var s = [Double](repeating: 0, count: rows), y = [Double](repeating: 0, count: rows)
        var packed = [Double](repeating: 0, count: dim)
        packed.withUnsafeMutableBufferPointer { T.pack(n: n, w.s, $0.baseAddress!) }
        for q in 0..<dim { s[lmi.psdOffset + q] = packed[q] }
        packed.withUnsafeMutableBufferPointer { T.pack(n: n, w.z, $0.baseAddress!) }
        for q in 0..<dim { y[lmi.psdOffset + q] = packed[q] }
        for (i, row) in lmi.lpRows.enumerated() {
            s[row] = w.sl[i]
            y[row] = w.zl[i]
        }
        return (x, s, y)
    }

    func finish(_ status: ConicStatus, _ lmi: LowRankLMI<T>, _ w: LowRankSDPWorkspace<T>, _ problem: ConicProblem,
                iterations: Int) -> ConicSolution {
        let e = external(lmi, w, rows: problem.rowCount)
        return problem.assembleSolution(status, x: e.x, s: e.s, y: e.y, iterations: iterations,
                                        primalObjective: rvDot(problem.c, e.x, e.x.count), dualObjective: -rvDot(problem.b, e.y, e.y.count))
    }

    func finishBest(_ lmi: LowRankLMI<T>, _ w: LowRankSDPWorkspace<T>, _ problem: ConicProblem, _ settings: ConicSettings,
                    _ ms: SolverCore.Measures, iteration: Int, limit: Bool) -> ConicSolution {
        if hasBest { copyIterate(w, toBest: false) }
        let ok = ms.pres <= settings.reducedFeasibilityTolerance && ms.dres <= settings.reducedFeasibilityTolerance
            && (ms.gap <= settings.reducedGapTolerance || ms.relGap <= settings.reducedGapTolerance)
        return finish(ok ? .inaccurate : (limit ? .iterationLimit : .numericalFailure), lmi, w, problem,
                      iterations: iteration)
    }
}
