import Foundation
import Numerics
import Optimization

/// A method for the Dinkelbach subproblem of the W-step (31):
///
///     max_W  Σ_k log2(1 + SINR_k(W)) − λ·‖W‖²/η   s.t. ‖W‖² ≤ P_max     (the constant −λP̄ dropped)
///
/// Implementations improve a given start and must never return a point with a lower subproblem value
/// than the start (so the Dinkelbach ratio is non-decreasing, specs/ee.md §5.1).
///
/// * `SuccessiveConvexApproximation` — the paper's method (Algorithm 3, subproblem (38)); it needs a
///   solver for the convex problem (38) (`SCAConvexSolver`), i.e. the conic layer.
/// * `PenalizedWeightedMMSE` — the fast substitute of specs/ee.md §5.2 b, exposed only through the
///   explicitly named `*-wmmse` schemes.
public protocol PrecoderSubproblemSolver {
    func improve(_ start: Precoder, ratio lambda: Double, problem: PrecoderProblem) throws(PrecoderStepError) -> Precoder
}

/// A W-step that could not be carried out (e.g. the conic solver failed on every SCA iteration).
public struct PrecoderStepError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Which method solves the W-step's Dinkelbach subproblem.
public enum PrecoderStepMethod: String, Sendable, Hashable, CaseIterable {
    /// The paper's SCA with the convex subproblem (38) (specs/ee.md §5.2 a); needs the conic solver.
    case successiveConvexApproximation = "sca"
    /// The WMMSE-with-power-penalty substitute (specs/ee.md §5.2 b): a documented deviation.
    case weightedMMSE = "wmmse"
}

/// The fast substitute of specs/ee.md §5.2 b: WMMSE on Σ ln(1 + SINR_k) − μ‖W‖², μ = λ·ln 2/η, which is
/// the subproblem (31) times ln 2, run to a stationary point from the start.
public struct PenalizedWeightedMMSE: PrecoderSubproblemSolver, Sendable {
    public var wmmse: WeightedMMSE

    public init(tolerance: Double, maxIterations: Int) {
        wmmse = WeightedMMSE(tolerance: tolerance, maxIterations: maxIterations)
    }

    public func improve(_ start: Precoder, ratio lambda: Double, problem: PrecoderProblem) -> Precoder {
        wmmse.run(problem, from: start, penalty: lambda * M_LN2 / problem.amplifierEfficiency).precoder
    }
}

/// The W-step (P4-1) for a ratio objective (specs/ee.md §5.1): Dinkelbach over W,
/// λ_0 = EE(W_init), subproblem (31) by `solver` warm-started at the previous iterate, λ_{i+1} = EE(W_i),
/// stop when λ_{i+1} − λ_i < tolerance·λ_i (1e-6) or after `maxIterations` (20).
public struct EnergyEfficientPrecoderStep {
    public var solver: any PrecoderSubproblemSolver
    public var tolerance: Double
    public var maxIterations: Int

    public init(solver: any PrecoderSubproblemSolver, tolerance: Double, maxIterations: Int) {
        self.solver = solver
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    public struct Outcome {
        public var precoder: Precoder
        /// EE (the problem's ratio) at `precoder`; never below the start's.
        public var value: Double
        /// Dinkelbach iterations.
        public var iterations: Int
        /// λ_0, λ_1, … (non-decreasing).
        public var ratios: [Double]
    }

    /// Dinkelbach from one start.
    public func run(_ problem: PrecoderProblem, from start: Precoder) throws(PrecoderStepError) -> Outcome {
        precondition(problem.staticPower != nil, "the EE W-step needs a ratio objective")
        let initial = problem.value(start)
        guard initial.isFinite, problem.staticPower!.isFinite else {
            return Outcome(precoder: start, value: initial.isFinite ? initial : 0, iterations: 0, ratios: [initial])
        }
        var current = start
        let eta = problem.amplifierEfficiency, staticPower = problem.staticPower!
        let result = try Dinkelbach.maximize(
            initialRatio: initial,
            options: DinkelbachOptions(stopping: .ratioIncrease, tolerance: tolerance, maxIterations: maxIterations),
            numerator: { LinkBudget(problem.channel, $0).sumRate },
            denominator: { $0.power / eta + staticPower },
            subproblem: { (lambda: Double) throws(PrecoderStepError) -> Precoder in
                current = try solver.improve(current, ratio: lambda, problem: problem)
                return current
            })
        guard let best = result.point, result.ratio >= initial else {
            return Outcome(precoder: start, value: initial, iterations: result.iterations, ratios: result.ratios)
        }
        return Outcome(precoder: best, value: result.ratio, iterations: result.iterations, ratios: result.ratios)
    }

    /// Runs from every start and keeps the best (specs/ee.md §5.2: W_prev, MRT, ZF; ties keep the first).
    public func best(_ problem: PrecoderProblem, starts: [Precoder]) throws(PrecoderStepError) -> Outcome {
        precondition(!starts.isEmpty)
        var best: Outcome? = nil
        for start in starts {
            let outcome = try run(problem, from: start)
            if best == nil || outcome.value > best!.value { best = outcome }
        }
        return best!
    }
}

/// The sum-rate W-step of SM (specs/ee.md §6.3): WMMSE at full power (μ = 0) from each start, keep the
/// best sum rate.
public struct SumRatePrecoderStep: Sendable {
    public var wmmse: WeightedMMSE

    public init(tolerance: Double, maxIterations: Int) {
        wmmse = WeightedMMSE(tolerance: tolerance, maxIterations: maxIterations)
    }

    public func best(_ problem: PrecoderProblem, starts: [Precoder]) -> (precoder: Precoder, value: Double, iterations: Int) {
        precondition(!starts.isEmpty)
        var best: (precoder: Precoder, value: Double, iterations: Int)? = nil
        for start in starts {
            let outcome = wmmse.run(problem, from: start, penalty: 0)
            let rate = LinkBudget(problem.channel, outcome.precoder).sumRate
            if best == nil || rate > best!.value { best = (outcome.precoder, rate, outcome.iterations) }
        }
        return best!
    }
}
