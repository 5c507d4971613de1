import AntennaModels
import Foundation
import Numerics

/// Zero forcing (specs/ee.md §6.5, ref. [45] style): W = W̄·diag(√p) with G_zf = C̃ᴴ(C̃C̃ᴴ)⁻¹ and
/// w̄_k = g_k/‖g_k‖, so c̃_j·w̄_k = δ_jk/‖g_k‖ and SINR_k = a_k·p_k with a_k = 1/[(C̃C̃ᴴ)⁻¹]_kk (noise 1).
/// Needs N ≥ K and rank K; a numerically singular Gram matrix has no ZF solution (EE 0 for a candidate).
public enum ZeroForcing {
    /// The decoupled gains a_k = 1/[(C̃C̃ᴴ)⁻¹]_kk from the Gram matrix (K×K, row-major), or nil if it is
    /// singular.
    public static func gains(gram: [Complex<Double>], users k: Int) -> [Double]? {
        precondition(gram.count == k * k)
        var result: [Double]? = nil
        withUnsafeTemporaryAllocation(of: Complex<Double>.self, capacity: k * k + k) { buffer in
            let factor = UnsafeMutableBufferPointer(rebasing: buffer[0..<(k * k)])
            let scratch = UnsafeMutableBufferPointer(rebasing: buffer[(k * k)...])
            for i in 0..<(k * k) { factor[i] = gram[i] }
            guard SmallHermitian.cholesky(factor, order: k) else { return }
            var diagonal = [Double](repeating: 0, count: k)
            diagonal.withUnsafeMutableBufferPointer {
                SmallHermitian.inverseDiagonal(choleskyFactor: factor, order: k, into: $0, scratch: scratch)
            }
            result = diagonal.map { 1 / $0 }
        }
        return result
    }

    /// The ZF precoder with powers p_k (W): w_k = √p_k·g_k/‖g_k‖; nil if C̃C̃ᴴ is singular.
    public static func precoder(_ c: ChannelMatrix, powers: [Double]) -> Precoder? {
        let k = c.users
        precondition(powers.count == k)
        var factor = c.gram
        let regular = factor.withUnsafeMutableBufferPointer { SmallHermitian.cholesky($0, order: k) }
        guard regular else { return nil }
        var w = Precoder(antennas: c.antennas, users: k)
        var y = [Complex<Double>](repeating: .zero, count: k)
        for user in 0..<k {
            for i in 0..<k { y[i] = i == user ? .one : .zero }
            factor.withUnsafeMutableBufferPointer { f in
                y.withUnsafeMutableBufferPointer { SmallHermitian.choleskySolve(factor: f, order: k, $0) }
            }
            // g = C̃ᴴ·y, ‖g‖² = yᴴ·(C̃C̃ᴴ)·y = y_user = [(C̃C̃ᴴ)⁻¹]_{user,user}.
            let norm = y[user].real.squareRoot()
            let scale = powers[user].squareRoot() / norm
            for n in 0..<c.antennas {
                var g = Complex<Double>.zero
                for i in 0..<k { g += c[i, n].conjugate * y[i] }
                w[n, user] = g * scale
            }
        }
        return w
    }
}

/// Power allocation over decoupled users with SINR_k = a_k·p_k (zero forcing), specs/ee.md §6.5.
///
/// * Ratio objectives, max Σ_k log2(1 + a_k p_k)/(Σ_k p_k/η + P̄) s.t. Σ p_k ≤ P_max: Dinkelbach from
///   λ_0 = 0; at λ the subproblem is water-filling, p_k = [μ − 1/a_k]⁺ with level μ = η/(λ ln 2) (ν = 0),
///   lowered to the level that spends exactly P_max when that budget is exceeded (ν > 0). The level of
///   P_max is exact (sorted inverse gains), no bisection. Same stopping rule and final polish step as
///   the single-user Dinkelbach (`SingleUserPowerControl`), which this reduces to for K = 1.
/// * Sum rate: water-filling at P_max.
public struct ZeroForcingPowerAllocation: Sendable, Hashable {
    public var maxPower: Double
    public var amplifierEfficiency: Double
    public var tolerance: Double
    public var maxIterations: Int

    public init(maxPower: Double, amplifierEfficiency: Double, tolerance: Double, maxIterations: Int) {
        precondition(maxPower > 0 && amplifierEfficiency > 0 && tolerance > 0 && maxIterations >= 1)
        self.maxPower = maxPower
        self.amplifierEfficiency = amplifierEfficiency
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    public struct Outcome: Sendable, Hashable {
        /// The objective: EE (ratio objectives, 0 when P̄ = ∞) or the sum rate.
        public var value: Double
        /// Σ_k log2(1 + a_k p_k).
        public var rate: Double
        /// Σ_k p_k.
        public var power: Double
        public var iterations: Int
    }

    /// The water level μ with Σ_k [μ − b_k]⁺ = total, for `sorted` ascending inverse gains b_k.
    static func waterLevel(sorted b: UnsafeMutableBufferPointer<Double>, total: Double) -> Double {
        var sum = 0.0
        for m in 0..<b.count {
            sum += b[m]
            let level = (total + sum) / Double(m + 1)
            if m + 1 == b.count || level <= b[m + 1] { return level }
        }
        return .infinity
    }

    /// Allocates over gains a_k (≥ 0) into `powers`; `staticPower` P̄ for the ratio objectives (∞: no
    /// time to transmit, p = 0, value 0), nil for the sum rate. `scratch` needs K entries.
    public func allocate(gains a: UnsafeBufferPointer<Double>, staticPower: Double?,
                         powers p: UnsafeMutableBufferPointer<Double>,
                         scratch b: UnsafeMutableBufferPointer<Double>) -> Outcome {
        let k = a.count
        precondition(p.count >= k && b.count >= k)
        for i in 0..<k { p[i] = 0 }
        if let staticPower, !staticPower.isFinite { return Outcome(value: 0, rate: 0, power: 0, iterations: 0) }
        // Sorted inverse gains (insertion sort, K ≤ 16); a user with a_k = 0 never gets power.
        var active = 0
        for i in 0..<k where a[i] > 0 {
            let value = 1 / a[i]
            var j = active
            while j > 0 && b[j - 1] > value { b[j] = b[j - 1]; j -= 1 }
            b[j] = value
            active += 1
        }
        guard active > 0 else { return Outcome(value: 0, rate: 0, power: 0, iterations: 0) }
        let fullLevel = Self.waterLevel(sorted: UnsafeMutableBufferPointer(rebasing: b[0..<active]), total: maxPower)

        func fill(level: Double) -> (rate: Double, power: Double) {
            var rate = 0.0, power = 0.0
            for i in 0..<k where a[i] > 0 {
                let pi = max(0, level - 1 / a[i])
                p[i] = pi
                power += pi
                rate += EnergyModel.rate(snr: a[i] * pi)
            }
            return (rate, power)
        }

        guard let staticPower else {
            let (rate, power) = fill(level: fullLevel)
            return Outcome(value: rate, rate: rate, power: power, iterations: 1)
        }
        let eta = amplifierEfficiency
        var lambda = 0.0, iterations = 0, polishing = false
        var level = fullLevel
        while true {
            let (rate, power) = fill(level: level)
            iterations += 1
            let denominator = power / eta + staticPower
            let f = rate - lambda * denominator
            let next = rate / denominator
            if polishing || iterations >= maxIterations || !(next > 0) {
                return Outcome(value: next, rate: rate, power: power, iterations: iterations)
            }
            if f < tolerance * max(1, lambda) { polishing = true }
            lambda = next
            level = min(fullLevel, eta / (lambda * M_LN2))
        }
    }

    /// Convenience form on arrays.
    public func allocate(gains: [Double], staticPower: Double?) -> (outcome: Outcome, powers: [Double]) {
        var powers = [Double](repeating: 0, count: gains.count)
        var scratch = [Double](repeating: 0, count: gains.count)
        let outcome = gains.withUnsafeBufferPointer { a in
            powers.withUnsafeMutableBufferPointer { p in
                scratch.withUnsafeMutableBufferPointer { allocate(gains: a, staticPower: staticPower, powers: p, scratch: $0) }
            }
        }
        return (outcome, powers)
    }
}

/// The zero-forcing two-layer objective over grid positions (specs/ee.md §6.5): for a candidate the ZF
/// gains of the full modified position vector and the optimal power allocation for `objective`.
///
/// Incremental: `focus` caches the others' Gram matrix Σ_{m≠n} h̃(x_m)h̃(x_m)ᴴ and displacements, so a
/// candidate q costs a rank-one update, a K×K Cholesky and the allocation.
public struct ZeroForcingPositionObjective: CandidateObjective {
    public let table: MultiUserChannelTable
    public let initialPositions: [Int]
    public let objective: MultiUserObjective
    public let energy: EnergyModel
    public let allocation: ZeroForcingPowerAllocation

    private var othersGram: [Complex<Double>]
    private var othersTotal = 0
    private var othersMaximum = 0
    private var focusStart = 0

    public init(table: MultiUserChannelTable, initialPositions: [Int], objective: MultiUserObjective,
                energy: EnergyModel, allocation: ZeroForcingPowerAllocation) {
        self.table = table
        self.initialPositions = initialPositions
        self.objective = objective
        self.energy = energy
        self.allocation = allocation
        othersGram = Array(repeating: .zero, count: table.users * table.users)
    }

    public mutating func focus(antenna n: Int, positions: [Int]) {
        let k = table.users
        for i in othersGram.indices { othersGram[i] = .zero }
        othersTotal = 0
        othersMaximum = 0
        for (m, g) in positions.enumerated() where m != n {
            for i in 0..<k {
                let hi = table[user: i, candidate: g]
                for j in 0..<k { othersGram[i * k + j] += hi * table[user: j, candidate: g].conjugate }
            }
            let d = abs(g - initialPositions[m])
            othersTotal += d
            othersMaximum = max(othersMaximum, d)
        }
        focusStart = initialPositions[n]
    }

    public func value(candidate q: Int) -> Double {
        let d = abs(q - focusStart)
        let move = StepDisplacement(total: othersTotal + d, maximum: max(othersMaximum, d))
        let staticPower = objective.staticPower(displacement: move, energy: energy)
        if let staticPower, !staticPower.isFinite { return 0 }
        let k = table.users
        return withUnsafeTemporaryAllocation(of: Complex<Double>.self, capacity: k * k + k) { complex in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * k) { real in
                let gram = UnsafeMutableBufferPointer(rebasing: complex[0..<(k * k)])
                let scratch = UnsafeMutableBufferPointer(rebasing: complex[(k * k)...])
                for i in 0..<k {
                    let hi = table[user: i, candidate: q]
                    for j in 0..<k { gram[i * k + j] = othersGram[i * k + j] + hi * table[user: j, candidate: q].conjugate }
                }
                guard SmallHermitian.cholesky(gram, order: k) else { return 0 }
                let gains = UnsafeMutableBufferPointer(rebasing: real[0..<k])
                SmallHermitian.inverseDiagonal(choleskyFactor: gram, order: k, into: gains, scratch: scratch)
                for i in 0..<k { gains[i] = 1 / gains[i] }
                let outcome = allocation.allocate(
                    gains: UnsafeBufferPointer(gains), staticPower: staticPower,
                    powers: UnsafeMutableBufferPointer(rebasing: real[k..<(2 * k)]),
                    scratch: UnsafeMutableBufferPointer(rebasing: real[(2 * k)...]))
                return objective == .sumRate ? outcome.rate
                    : objective.value(sumRate: outcome.rate, transmitPower: outcome.power, displacement: move, energy: energy)
            }
        }
    }
}
