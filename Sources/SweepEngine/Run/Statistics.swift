import Foundation

/// Mean and variance by Welford's update, fed in realization order so that the result does not
/// depend on scheduling. `ci95` is the half-width t₀.₉₇₅,ₙ₋₁·s/√n of the two-sided 95 % Student-t
/// confidence interval for the mean (s: sample standard deviation, n: successful realizations).
public struct RunningMoments: Sendable, Equatable {
    public private(set) var count = 0
    public private(set) var mean = 0.0
    private var m2 = 0.0

    public init() {}

    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        m2 += delta * (x - mean)
    }

    /// The mean, or NaN when no realization succeeded.
    public var meanOrNaN: Double { count > 0 ? mean : .nan }

    /// Unbiased sample variance; NaN below two samples.
    public var sampleVariance: Double { count > 1 ? max(0, m2) / Double(count - 1) : .nan }

    public var ci95: Double {
        guard count > 1 else { return .nan }
        return StudentT.quantile975(degreesOfFreedom: count - 1) * (sampleVariance / Double(count)).squareRoot()
    }
}

/// The 0.975 quantile of Student's t distribution.
public enum StudentT {
    /// Exact to ~1e-13 for ν ≤ 1000 (bisection on the closed-form CDF of A&S 26.7.3–4); above that the
    /// four-term Cornish–Fisher expansion around the normal quantile, whose error is O(ν⁻⁵) < 1e-15.
    public static func quantile975(degreesOfFreedom nu: Int) -> Double {
        precondition(nu >= 1)
        let z = 1.959963984540054
        if nu > 1000 {
            let v = Double(nu)
            let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z
            let g1 = (z3 + z) / 4
            let g2 = (5 * z5 + 16 * z3 + 3 * z) / 96
            let g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384
            let g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160
            return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v)
        }
        // P(|T| ≤ t) is increasing in t; bracket the root of P = 0.95 and bisect to full precision.
        var lo = 0.0, hi = 20.0
        while centralProbability(hi, nu) < 0.95 { hi *= 2 }
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if mid == lo || mid == hi { break }
            if centralProbability(mid, nu) < 0.95 { lo = mid } else { hi = mid }
        }
        return 0.5 * (lo + hi)
    }

    /// A(t|ν) = P(|T| ≤ t) for integer ν (Abramowitz & Stegun 26.7.3 and 26.7.4).
    public static func centralProbability(_ t: Double, _ nu: Int) -> Double {
        let theta = atan(t / Double(nu).squareRoot())
        let s = sin(theta), c2 = cos(theta) * cos(theta)
        if nu % 2 == 1 {
            guard nu > 1 else { return 2 * theta / Double.pi }
            var term = 1.0, sum = 1.0
            var k = 2
            while k <= nu - 3 {
                term *= Double(k) / Double(k + 1) * c2
                sum += term
                k += 2
            }
            return 2 / Double.pi * (theta + s * cos(theta) * sum)
        }
        var term = 1.0, sum = 1.0
        var k = 1
        while k <= nu - 3 {
            term *= Double(k) / Double(k + 1) * c2
            sum += term
            k += 2
        }
        return s * sum
    }
}
