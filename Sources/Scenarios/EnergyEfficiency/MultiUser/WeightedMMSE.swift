import Foundation
import Numerics

/// WMMSE (Shi, Razaviyayn, Luo, Hong 2011; ref. [44]) for the penalised sum rate
///
///     max_W  Σ_k ln(1 + SINR_k(W)) − μ‖W‖²   s.t. ‖W‖² ≤ P_max,
///
/// with μ = 0 for the sum rate (SM benchmark, specs/ee.md §6.3) and μ = λ·ln 2/η for the Dinkelbach
/// subproblem (31) (the fast substitute of specs/ee.md §5.2 b). One iteration, all in closed form:
///
/// * v_k = c̃_k w_k / (Σ_j |c̃_k w_j|² + 1)   (MMSE receiver; noise 1)
/// * u_k = 1 + SINR_k                        (inverse MSE)
/// * w_k = u_k v_k (B + (μ+ν)I)⁻¹ c̃_kᴴ,  B = Σ_k u_k|v_k|² c̃_kᴴc̃_k, with ν ≥ 0 the smallest value that
///   keeps Σ‖w_k‖² ≤ P_max.
///
/// Each step is an exact block minimisation of the weighted-MSE form, so the penalised objective is
/// non-decreasing (an iterate that would lower it by rounding is rejected and the run stops).
///
/// **Power-scaling step (our addition, on by default).** Plain WMMSE moves the *power* of W very
/// slowly at high SNR: for K = 1 from MRT at power p the next power is ≈ p + 2/‖c̃‖², i.e. thousands of
/// iterations at the defaults (SNR ≈ 30 dB), and the relative stopping rule then fires far from the
/// stationary point. After each update we therefore maximise the objective exactly over W ← √t·W,
/// 0 < t ≤ P_max/‖W‖², which is a concave scalar problem (see `optimalScaling`). It is monotone and
/// has the same fixed points (at a stationary point the derivative along W is zero), so it only
/// changes the speed: K = 1 converges in one iteration to MRT with the Lambert-W power, and the sum-rate
/// case (μ = 0) always spends the full budget — the "WMMSE at full power" of specs/ee.md §6.3.
///
/// **Implementation.** B = Fᴴ F with F = D^{1/2} C̃_a (D = diag(u_k|v_k|²) over the active users, those
/// with c̃_k w_k ≠ 0; inactive users keep w_k = 0), so by the push-through identity
/// W_a = Fᴴ (M + αI)⁻¹ Z with the K_a×K_a matrix M = F Fᴴ = D^{1/2} C̃C̃ᴴ D^{1/2} and Z = D^{−1/2}diag(u v).
/// With M = V Λ Vᴴ (Jacobi), the power is the scalar function Σ_i λ_i q_i/(λ_i + α)²,
/// q_i = Σ_j |V_ji|² u_j, so the multiplier ν is found by a safeguarded Newton iteration on a scalar
/// without any N×N algebra. Eigenvalues below 1e-12·λ_max are treated as 0 (the minimum-norm solution
/// when μ = ν = 0 and C̃ is rank deficient).
public struct WeightedMMSE: Sendable, Hashable {
    /// Stop when the objective changes by less than this, relative (specs §5.2 b: 1e-7; §6.3: 1e-6).
    public var tolerance: Double
    public var maxIterations: Int

    /// Whether each iteration ends with the exact power-scaling step (default; see the type's notes).
    public var scalingStep: Bool

    public init(tolerance: Double, maxIterations: Int, scalingStep: Bool = true) {
        precondition(tolerance >= 0 && maxIterations >= 1)
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.scalingStep = scalingStep
    }

    public struct Outcome: Sendable {
        public var precoder: Precoder
        /// Σ_k ln(1 + SINR_k) − μ‖W‖² at `precoder` (nats).
        public var value: Double
        public var iterations: Int
        /// The objective at the start and after each accepted iteration (non-decreasing).
        public var trace: [Double]
    }

    /// The penalised objective Σ_k ln(1 + SINR_k) − μ‖W‖².
    public static func objective(_ problem: PrecoderProblem, _ w: Precoder, penalty mu: Double) -> Double {
        LinkBudget(problem.channel, w).sumRateNats - mu * w.power
    }

    /// Runs from `start` (any W with ‖W‖² ≤ P_max).
    public func run(_ problem: PrecoderProblem, from start: Precoder, penalty mu: Double) -> Outcome {
        precondition(mu >= 0)
        precondition(start.antennas == problem.antennas && start.users == problem.users)
        let workspace = Workspace(problem: problem, penalty: mu, scaling: scalingStep)
        defer { workspace.release() }
        workspace.load(start)
        var value = workspace.currentValue
        var trace = [value]
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            let nextValue = workspace.step()
            if !(nextValue >= value) { break }  // rounding (or NaN): keep the better iterate
            workspace.accept()
            let change = nextValue - value
            value = nextValue
            trace.append(value)
            if change <= tolerance * max(1, abs(value)) { break }
        }
        return Outcome(precoder: workspace.precoder, value: value, iterations: iterations, trace: trace)
    }

    /// One WMMSE iteration from W (the `run` loop without the bookkeeping; tests).
    public static func update(_ problem: PrecoderProblem, _ w: Precoder, penalty mu: Double,
                              scalingStep: Bool = true) -> Precoder {
        let workspace = Workspace(problem: problem, penalty: mu, scaling: scalingStep)
        defer { workspace.release() }
        workspace.load(w)
        _ = workspace.step()
        workspace.accept()
        return workspace.precoder
    }

    /// Buffers of one run, allocated once (an iteration allocates nothing): the current W with its gain
    /// matrix C̃·W and per-user signal / interference-plus-noise, and the candidate next W with the same.
    final class Workspace {
        let problem: PrecoderProblem
        let mu: Double
        let scaling: Bool
        let k: Int, n: Int
        let channel: UnsafeMutablePointer<Complex<Double>>    // k×n, row-major
        let gram: UnsafeMutablePointer<Complex<Double>>       // k×k
        var w: UnsafeMutablePointer<Complex<Double>>          // n×k
        var next: UnsafeMutablePointer<Complex<Double>>
        var gains: UnsafeMutablePointer<Complex<Double>>      // k×k of w
        var nextGains: UnsafeMutablePointer<Complex<Double>>
        var signal: UnsafeMutablePointer<Double>
        var rest: UnsafeMutablePointer<Double>
        var nextSignal: UnsafeMutablePointer<Double>
        var nextRest: UnsafeMutablePointer<Double>
        let active: UnsafeMutablePointer<Int>
        let sqrtD: UnsafeMutablePointer<Double>
        let weight: UnsafeMutablePointer<Double>               // u_k
        let phase: UnsafeMutablePointer<Complex<Double>>
        let m: UnsafeMutablePointer<Complex<Double>>
        let vectors: UnsafeMutablePointer<Complex<Double>>
        let y: UnsafeMutablePointer<Complex<Double>>
        let lambdas: UnsafeMutablePointer<Double>
        let q: UnsafeMutablePointer<Double>
        var currentValue = 0.0
        var nextValue = 0.0

        init(problem: PrecoderProblem, penalty mu: Double, scaling: Bool) {
            self.problem = problem
            self.mu = mu
            self.scaling = scaling
            k = problem.users
            n = problem.antennas
            channel = .allocate(capacity: k * n)
            for i in 0..<(k * n) { channel[i] = problem.channel.entries[i] }
            gram = .allocate(capacity: k * k)
            for i in 0..<(k * k) { gram[i] = problem.gram[i] }
            w = .allocate(capacity: n * k)
            next = .allocate(capacity: n * k)
            gains = .allocate(capacity: k * k)
            nextGains = .allocate(capacity: k * k)
            signal = .allocate(capacity: k)
            rest = .allocate(capacity: k)
            nextSignal = .allocate(capacity: k)
            nextRest = .allocate(capacity: k)
            active = .allocate(capacity: k)
            sqrtD = .allocate(capacity: k)
            weight = .allocate(capacity: k)
            phase = .allocate(capacity: k)
            m = .allocate(capacity: k * k)
            vectors = .allocate(capacity: k * k)
            y = .allocate(capacity: k * k)
            lambdas = .allocate(capacity: k)
            q = .allocate(capacity: k)
        }

        func release() {
            for p in [channel, gram, w, next, gains, nextGains, phase, m, vectors, y] { p.deallocate() }
            for p in [signal, rest, nextSignal, nextRest, sqrtD, weight, lambdas, q] { p.deallocate() }
            active.deallocate()
        }

        func load(_ start: Precoder) {
            for i in 0..<(n * k) { w[i] = start.entries[i] }
            currentValue = evaluate(w, gains: gains, signal: signal, rest: rest)
        }

        var precoder: Precoder {
            var result = Precoder(antennas: n, users: k)
            for i in 0..<(n * k) { result.entries[i] = w[i] }
            return result
        }

        var currentPower: Double {
            var p = 0.0
            for i in 0..<(n * k) { p += w[i].lengthSquared }
            return p
        }

        /// Gains, SINR parts and the penalised objective of the precoder `x`.
        func evaluate(_ x: UnsafeMutablePointer<Complex<Double>>, gains g: UnsafeMutablePointer<Complex<Double>>,
                      signal s: UnsafeMutablePointer<Double>, rest r: UnsafeMutablePointer<Double>) -> Double {
            var power = 0.0
            for i in 0..<(n * k) { power += x[i].lengthSquared }
            var rate = 0.0
            for i in 0..<k {
                var other = 1.0
                for j in 0..<k {
                    var sum = Complex<Double>.zero
                    for a in 0..<n { sum += channel[i * n + a] * x[a * k + j] }
                    g[i * k + j] = sum
                    if i == j { s[i] = sum.lengthSquared } else { other += sum.lengthSquared }
                }
                r[i] = other
                rate += Foundation.log1p(s[i] / other)
            }
            return rate - mu * power
        }

        /// Computes the next iterate from the current one into `next`; returns its objective.
        func step() -> Double {
            // Active users (c̃_k w_k ≠ 0) and their weights: D = s/(I·T), u = T/I, z = √u·e^{i∠(c̃_k w_k)}.
            var a = 0
            for i in 0..<k where signal[i] > 0 {
                let total = rest[i] + signal[i]
                active[a] = i
                sqrtD[a] = (signal[i] / (rest[i] * total)).squareRoot()
                weight[a] = total / rest[i]
                let g = gains[i * k + i]
                phase[a] = g / signal[i].squareRoot()  // |g|² = signal
                a += 1
            }
            guard a > 0 else {
                for i in 0..<(n * k) { next[i] = .zero }
                nextValue = evaluate(next, gains: nextGains, signal: nextSignal, rest: nextRest)
                return nextValue
            }
            for x in 0..<a {
                for z in 0..<a { m[x * a + z] = gram[active[x] * k + active[z]] * (sqrtD[x] * sqrtD[z]) }
            }
            // Fast path (the usual case of the EE subproblem, μ > 0 and the budget not binding): ν = 0, so
            // Y = (M + μI)⁻¹Z by Cholesky; W is kept if it fits the budget.
            if mu > 0, directSolve(active: a) {
                let power = assemble(active: a)
                if power <= problem.maxPower { return finish() }
                for x in 0..<a {
                    for z in 0..<a { m[x * a + z] = gram[active[x] * k + active[z]] * (sqrtD[x] * sqrtD[z]) }
                }
            }
            SmallHermitian.eigen(UnsafeMutableBufferPointer(start: m, count: a * a), order: a,
                                 vectors: UnsafeMutableBufferPointer(start: vectors, count: a * a),
                                 values: UnsafeMutableBufferPointer(start: lambdas, count: a))
            var largest = 0.0
            for i in 0..<a { largest = max(largest, lambdas[i]) }
            guard largest > 0 else {
                for i in 0..<(n * k) { next[i] = .zero }
                nextValue = evaluate(next, gains: nextGains, signal: nextSignal, rest: nextRest)
                return nextValue
            }
            for i in 0..<a where lambdas[i] <= 1e-12 * largest { lambdas[i] = 0 }
            for i in 0..<a {
                var s = 0.0
                for j in 0..<a { s += vectors[j * a + i].lengthSquared * weight[j] }
                q[i] = s
            }
            let alpha = WeightedMMSE.multiplier(eigenvalues: UnsafeBufferPointer(start: lambdas, count: a),
                                                weights: UnsafeBufferPointer(start: q, count: a),
                                                penalty: mu, maxPower: problem.maxPower)
            // Y = V·diag(1/(λ+α))·Vᴴ·Z (column j ↔ active user j).
            for x in 0..<a {
                for j in 0..<a {
                    var s = Complex<Double>.zero
                    for i in 0..<a where lambdas[i] > 0 {
                        s += vectors[x * a + i] * vectors[j * a + i].conjugate * (1 / (lambdas[i] + alpha))
                    }
                    y[x * a + j] = s * phase[j] * weight[j].squareRoot()
                }
            }
            let power = assemble(active: a)
            if power > problem.maxPower {
                let scale = (problem.maxPower / power).squareRoot()
                for i in 0..<(n * k) { next[i] = next[i] * scale }
            }
            return finish()
        }

        /// Evaluates `next`, then applies the exact power-scaling step (see `WeightedMMSE`).
        func finish() -> Double {
            nextValue = evaluate(next, gains: nextGains, signal: nextSignal, rest: nextRest)
            guard scaling else { return nextValue }
            var power = 0.0
            for i in 0..<(n * k) { power += next[i].lengthSquared }
            guard power > 0 else { return nextValue }
            let t = WeightedMMSE.optimalScaling(signal: UnsafeBufferPointer(start: nextSignal, count: k),
                                                interference: UnsafeBufferPointer(start: nextRest, count: k),
                                                power: power, penalty: mu, maxScaling: problem.maxPower / power)
            guard t != 1 else { return nextValue }
            let root = t.squareRoot()
            for i in 0..<(n * k) { next[i] = next[i] * root }
            let scaled = evaluate(next, gains: nextGains, signal: nextSignal, rest: nextRest)
            if scaled >= nextValue {
                nextValue = scaled
            } else {  // rounding: undo
                for i in 0..<(n * k) { next[i] = next[i] / root }
                nextValue = evaluate(next, gains: nextGains, signal: nextSignal, rest: nextRest)
            }
            return nextValue
        }

        /// Y = (M + μI)⁻¹·Z by Cholesky (M is overwritten by the factor); false if not positive definite.
        func directSolve(active a: Int) -> Bool {
            for i in 0..<a { m[i * a + i] = m[i * a + i] + Complex(mu, 0) }
            let factor = UnsafeMutableBufferPointer(start: m, count: a * a)
            guard SmallHermitian.cholesky(factor, order: a) else { return false }
            for j in 0..<a {
                // Column j of Y: z_j·(M + μI)⁻¹e_j (the eigenvector buffer is free scratch here).
                let column = UnsafeMutableBufferPointer(start: vectors, count: a)
                for i in 0..<a { column[i] = i == j ? phase[j] * weight[j].squareRoot() : .zero }
                SmallHermitian.choleskySolve(factor: factor, order: a, column)
                for i in 0..<a { y[i * a + j] = column[i] }
            }
            return true
        }

        /// next = W with columns w_j = Σ_x c̃_xᴴ √D_x Y_xj for the active users (0 for the others); returns ‖W‖².
        func assemble(active a: Int) -> Double {
            for i in 0..<(n * k) { next[i] = .zero }
            var power = 0.0
            for j in 0..<a {
                let user = active[j]
                for antenna in 0..<n {
                    var s = Complex<Double>.zero
                    for x in 0..<a { s += channel[active[x] * n + antenna].conjugate * (y[x * a + j] * sqrtD[x]) }
                    next[antenna * k + user] = s
                    power += s.lengthSquared
                }
            }
            return power
        }

        /// Makes the computed next iterate the current one.
        func accept() {
            swap(&w, &next)
            swap(&gains, &nextGains)
            swap(&signal, &nextSignal)
            swap(&rest, &nextRest)
            currentValue = nextValue
        }
    }

    /// The power scaling t ∈ (0, t_max] maximising g(t) = Σ_k ln(1 + t·s_k/(t·I_k + 1)) − μ·t·P for a precoder
    /// with per-user signal s_k, interference-plus-noise I_k + 1 (`interference`) and power P: W ← √t·W.
    /// g is concave (g'(t) = Σ_k s_k/((t(I_k+s_k)+1)(tI_k+1)) − μP decreases), so the maximiser is t_max when
    /// g'(t_max) ≥ 0, else the root of g' (safeguarded Newton). Returns exactly 1 when W is already optimal
    /// to rounding, and 1 when g'(0) ≤ 0 (the maximiser would be W = 0).
    static func optimalScaling(signal s: UnsafeBufferPointer<Double>, interference r: UnsafeBufferPointer<Double>,
                               power: Double, penalty mu: Double, maxScaling: Double) -> Double {
        func slope(_ t: Double) -> (first: Double, second: Double) {
            var d1 = -mu * power, d2 = 0.0
            for k in s.indices where s[k] > 0 {
                let i = r[k] - 1
                let a = t * (i + s[k]) + 1, b = t * i + 1
                d1 += s[k] / (a * b)
                d2 -= s[k] * ((i + s[k]) * b + i * a) / (a * a * b * b)
            }
            return (d1, d2)
        }
        if slope(maxScaling).first >= 0 { return maxScaling }
        // g'(0) ≤ 0: the ray's maximum is W = 0 (every user switched off); leave that to WMMSE itself.
        if slope(0).first <= 0 { return 1 }
        let atOne = slope(1).first
        if atOne == 0 { return 1 }
        var lo = atOne > 0 ? 1.0 : 0.0, hi = atOne > 0 ? maxScaling : 1.0
        var t = 1.0
        for _ in 0..<100 {
            let (d1, d2) = slope(t)
            if d1 > 0 { lo = max(lo, t) } else { hi = min(hi, t) }
            var next = d2 < 0 ? t - d1 / d2 : .nan
            if !(next > lo && next < hi) { next = 0.5 * (lo + hi) }
            if abs(next - t) <= 1e-15 * t || hi - lo <= 1e-15 * hi { return next }
            t = next
        }
        return t
    }

    /// α = μ + ν: μ when the power Σ_i λ_i q_i/(λ_i + μ)² fits the budget, otherwise the α > μ that spends
    /// exactly P_max (Newton on 1/√power(α), which is nearly linear in α, safeguarded by bisection).
    static func multiplier(eigenvalues l: UnsafeBufferPointer<Double>, weights q: UnsafeBufferPointer<Double>,
                           penalty mu: Double, maxPower: Double) -> Double {
        func power(_ alpha: Double) -> (value: Double, slope: Double) {
            var p = 0.0, dp = 0.0
            for i in l.indices where l[i] > 0 {
                let r = 1 / (l[i] + alpha)
                p += l[i] * q[i] * r * r
                dp -= 2 * l[i] * q[i] * r * r * r
            }
            return (p, dp)
        }
        if power(mu).value <= maxPower { return mu }
        var total = 0.0
        for i in l.indices where l[i] > 0 { total += l[i] * q[i] }
        var lo = mu, hi = mu + (total / maxPower).squareRoot()
        let target = 1 / maxPower.squareRoot()
        var alpha = lo
        for _ in 0..<100 {
            let (p, dp) = power(alpha)
            if abs(p / maxPower - 1) <= 1e-14 { return alpha }
            if p > maxPower { lo = max(lo, alpha) } else { hi = min(hi, alpha) }
            // h(α) = p^{-1/2} − target, h' = −½ p^{-3/2} p'.
            let h = 1 / p.squareRoot() - target
            let slope = -0.5 * dp / (p * p.squareRoot())
            var next = slope > 0 ? alpha - h / slope : .nan
            if !(next > lo && next < hi) { next = 0.5 * (lo + hi) }
            if next == alpha || hi - lo <= 1e-15 * hi { return hi }
            alpha = next
        }
        return hi
    }
}
