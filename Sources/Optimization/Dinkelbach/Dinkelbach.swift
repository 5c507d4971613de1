/// Stopping rule and limits of the Dinkelbach iteration.
public struct DinkelbachOptions: Sendable {
    public enum Stopping: Sendable, Equatable {
        /// Stop when F(λ_i) = N(x_i) − λ_i·D(x_i) ≤ tolerance·max(1, |λ_i|). With an exact subproblem
        /// F(λ) ≥ 0 and F(λ) = 0 exactly at the optimal ratio, and the optimality gap of x_i is
        /// λ* − N(x_i)/D(x_i) ≤ F(λ_i)/D(x_i). Default, with tolerance 1e-9 (specs/ee.md §4.1).
        /// Also stops when the ratio no longer increases (N(x_i)/D(x_i) ≤ λ_i): in exact arithmetic
        /// that means F(λ_i) ≤ 0, and in floating point the next subproblem would repeat this one —
        /// so a tolerance of 0 is allowed and means "iterate until the ratio stops increasing".
        case parametricValue
        /// Stop when λ_{i+1} − λ_i ≤ tolerance·|λ_i| — for inexact (e.g. SCA) subproblems whose
        /// F is not reliable (specs/ee.md §5.1 uses tolerance 1e-6, 20 iterations).
        case ratioIncrease
    }

    public var stopping: Stopping
    public var tolerance: Double
    /// Maximum number of subproblem solves.
    public var maxIterations: Int

    public init(stopping: Stopping = .parametricValue, tolerance: Double = 1e-9, maxIterations: Int = 50) {
        precondition(tolerance >= 0 && maxIterations >= 1)
        self.stopping = stopping
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }
}

public enum DinkelbachStatus: Sendable, Equatable {
    case converged
    case iterationLimit
    /// The subproblem returned a point with D(x) ≤ 0 (or a non-finite N or D); the result holds the
    /// best point before it, if any.
    case invalidPoint
}

public struct DinkelbachResult<Point> {
    /// The iterate with the highest ratio N/D (the last one when the subproblem is solved exactly).
    public var point: Point?
    /// N(point)/D(point): the optimal ratio λ* on convergence (e.g. the energy efficiency).
    public var ratio: Double
    public var numerator: Double
    public var denominator: Double
    public var status: DinkelbachStatus
    /// Subproblem solves performed.
    public var iterations: Int
    /// λ_0 (the initial ratio), λ_1 = N(x_0)/D(x_0), …, one entry per subproblem solve plus the
    /// initial one. Non-decreasing when the subproblem is solved exactly and F(λ_0) ≥ 0.
    public var ratios: [Double]
    /// F(λ_i) = N(x_i) − λ_i·D(x_i) for each solve.
    public var parametricValues: [Double]
}

extension DinkelbachResult: Sendable where Point: Sendable {}

/// Dinkelbach's method for the fractional programme max_x N(x)/D(x) with D > 0 on the feasible set.
///
/// Given λ_i, the caller's `subproblem` returns x_i = argmax_x N(x) − λ_i·D(x) (exactly, or as well
/// as it can); then λ_{i+1} = N(x_i)/D(x_i). With exact subproblems λ_i increases monotonically to
/// the optimal ratio, superlinearly near the end.
public enum Dinkelbach {
    public static func maximize<Point, Failure: Error>(
        initialRatio: Double = 0, options: DinkelbachOptions = DinkelbachOptions(),
        numerator: (Point) -> Double, denominator: (Point) -> Double,
        subproblem: (_ ratio: Double) throws(Failure) -> Point
    ) throws(Failure) -> DinkelbachResult<Point> {
        precondition(initialRatio.isFinite, "initial ratio must be finite")
        var result = DinkelbachResult<Point>(
            point: nil, ratio: -.infinity, numerator: .nan, denominator: .nan, status: .iterationLimit,
            iterations: 0, ratios: [initialRatio], parametricValues: [])
        var lambda = initialRatio
        while result.iterations < options.maxIterations {
            let x = try subproblem(lambda)
            result.iterations += 1
            let n = numerator(x), d = denominator(x)
            guard d > 0 && d.isFinite && n.isFinite else {
                result.status = .invalidPoint
                return result
            }
            let value = n - lambda * d
            let next = n / d
            result.parametricValues.append(value)
            result.ratios.append(next)
            if result.point == nil || next > result.ratio {
                result.point = x
                result.ratio = next
                result.numerator = n
                result.denominator = d
            }
            let done: Bool
            switch options.stopping {
            case .parametricValue: done = value <= options.tolerance * max(1, abs(lambda)) || next <= lambda
            case .ratioIncrease: done = next - lambda <= options.tolerance * abs(lambda)
            }
            if done {
                result.status = .converged
                return result
            }
            lambda = next
        }
        return result
    }
}
