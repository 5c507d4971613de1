import AntennaModels
import Foundation
import Numerics

/// h_k(g·Δ)/σ for every grid candidate g and user k of one realization, stored candidate-major
/// (`entries[g*K + k]`) so that the K responses of one candidate are adjacent: the x-step and the
/// zero-forcing search read one candidate's column of the channel matrix per evaluation.
///
/// Everything multi-user works with the channel divided by σ, so the noise power is 1 and the
/// transmit powers stay in W (specs/ee.md §3.1 implementation notes).
public struct MultiUserChannelTable: Sendable {
    public let users: Int
    public let candidates: Int
    public let entries: [Complex<Double>]

    public init(channel: FieldResponseChannel, grid: CandidateGrid, noisePower: Double) {
        precondition(noisePower > 0)
        let table = channel.responseTable(on: grid)
        let scale = 1 / noisePower.squareRoot()
        users = table.userCount
        candidates = table.candidateCount
        var entries = [Complex<Double>](repeating: .zero, count: users * candidates)
        for k in 0..<users {
            for g in 0..<candidates { entries[g * users + k] = table[user: k, candidate: g] * scale }
        }
        self.entries = entries
    }

    /// h_k(g·Δ)/σ.
    @inlinable
    public subscript(user k: Int, candidate g: Int) -> Complex<Double> { entries[g * users + k] }

    /// The K×N channel matrix C̃ = [c̃_1; …; c̃_K] of antennas at grid indices `positions`.
    public func matrix(positions: [Int]) -> ChannelMatrix {
        var m = ChannelMatrix(users: users, antennas: positions.count)
        for (n, g) in positions.enumerated() {
            for k in 0..<users { m[k, n] = entries[g * users + k] }
        }
        return m
    }
}

/// The K×N normalised channel matrix C̃ (row k = c̃_k = c_k/σ, the row of user k), row-major.
public struct ChannelMatrix: Sendable, Hashable {
    public let users: Int
    public let antennas: Int
    public var entries: [Complex<Double>]

    public init(users: Int, antennas: Int) {
        precondition(users >= 1 && antennas >= 1)
        self.users = users
        self.antennas = antennas
        entries = Array(repeating: .zero, count: users * antennas)
    }

    /// C̃ at continuous positions (m): h_k(x_n)/σ evaluated exactly (PSO fitness).
    public init(channel: FieldResponseChannel, positions: [Double], noisePower: Double) {
        self.init(users: channel.userCount, antennas: positions.count)
        let scale = 1 / noisePower.squareRoot()
        for k in 0..<users {
            for (n, x) in positions.enumerated() { self[k, n] = channel.response(user: k, at: x) * scale }
        }
    }

    @inlinable
    public subscript(k: Int, n: Int) -> Complex<Double> {
        get { entries[k * antennas + n] }
        set { entries[k * antennas + n] = newValue }
    }

    /// The K×K Gram matrix C̃·C̃ᴴ (row-major): entry (i, j) = Σ_n c̃_i[n]·conj(c̃_j[n]).
    public var gram: [Complex<Double>] {
        var g = [Complex<Double>](repeating: .zero, count: users * users)
        for i in 0..<users {
            for j in i..<users {
                var s = Complex<Double>.zero
                for n in 0..<antennas { s += self[i, n] * self[j, n].conjugate }
                g[i * users + j] = s
                g[j * users + i] = s.conjugate
            }
        }
        for i in 0..<users { g[i * users + i] = Complex(g[i * users + i].real, 0) }
        return g
    }

    /// ‖c̃_k‖².
    public func rowNormSquared(_ k: Int) -> Double {
        var s = 0.0
        for n in 0..<antennas { s += self[k, n].lengthSquared }
        return s
    }
}

/// The precoder W = [w_1, …, w_K] (N×K, row n belongs to antenna n, column k to user k), row-major.
/// Transmit powers are in W (the channel is normalised by σ).
public struct Precoder: Sendable, Hashable {
    public let antennas: Int
    public let users: Int
    public var entries: [Complex<Double>]

    public init(antennas: Int, users: Int) {
        precondition(antennas >= 1 && users >= 1)
        self.antennas = antennas
        self.users = users
        entries = Array(repeating: .zero, count: antennas * users)
    }

    @inlinable
    public subscript(n: Int, k: Int) -> Complex<Double> {
        get { entries[n * users + k] }
        set { entries[n * users + k] = newValue }
    }

    /// Σ_k ‖w_k‖² in W.
    public var power: Double { entries.reduce(0) { $0 + $1.lengthSquared } }

    /// ‖w_k‖².
    public func columnPower(_ k: Int) -> Double {
        var s = 0.0
        for n in 0..<antennas { s += self[n, k].lengthSquared }
        return s
    }

    /// W·a.
    public func scaled(by a: Double) -> Precoder {
        var w = self
        for i in w.entries.indices { w.entries[i] = w.entries[i] * a }
        return w
    }

    /// Rows moved with their antennas (Proposition 1): new row n = old row `permutation[n]`.
    public func permutingRows(_ permutation: [Int]) -> Precoder {
        precondition(permutation.count == antennas)
        var w = Precoder(antennas: antennas, users: users)
        for (n, old) in permutation.enumerated() {
            for k in 0..<users { w[n, k] = self[old, k] }
        }
        return w
    }

    /// MRT with an equal power split (specs/ee.md §5.2): w_k = √(P/K)·c̃_kᴴ/‖c̃_k‖ (w_k = 0 for a zero
    /// channel).
    public static func maximumRatio(_ c: ChannelMatrix, power: Double) -> Precoder {
        var w = Precoder(antennas: c.antennas, users: c.users)
        let share = (power / Double(c.users)).squareRoot()
        for k in 0..<c.users {
            let norm = c.rowNormSquared(k).squareRoot()
            guard norm > 0 else { continue }
            for n in 0..<c.antennas { w[n, k] = c[k, n].conjugate * (share / norm) }
        }
        return w
    }
}

/// The link quantities of one (C̃, W): the K×K effective gains C̃·W and each user's SINR (11), with
/// noise power 1 (normalised channel).
public struct LinkBudget: Sendable {
    public let users: Int
    /// (C̃·W)_{kj} = c̃_k·w_j, row-major.
    public let gains: [Complex<Double>]
    /// |c̃_k w_k|².
    public let signal: [Double]
    /// Σ_{j≠k} |c̃_k w_j|² + 1.
    public let interferencePlusNoise: [Double]

    public init(_ c: ChannelMatrix, _ w: Precoder) {
        precondition(c.antennas == w.antennas && c.users == w.users)
        let k = c.users, n = c.antennas
        var gains = [Complex<Double>](repeating: .zero, count: k * k)
        for i in 0..<k {
            for j in 0..<k {
                var s = Complex<Double>.zero
                for m in 0..<n { s += c[i, m] * w[m, j] }
                gains[i * k + j] = s
            }
        }
        var signal = [Double](repeating: 0, count: k), rest = [Double](repeating: 1, count: k)
        for i in 0..<k {
            for j in 0..<k {
                if i == j { signal[i] = gains[i * k + j].lengthSquared } else { rest[i] += gains[i * k + j].lengthSquared }
            }
        }
        users = k
        self.gains = gains
        self.signal = signal
        interferencePlusNoise = rest
    }

    /// SINR_k (11).
    public func sinr(_ k: Int) -> Double { signal[k] / interferencePlusNoise[k] }

    /// Σ_k log2(1 + SINR_k) (12), bit/s/Hz.
    public var sumRate: Double {
        var s = 0.0
        for k in 0..<users { s += EnergyModel.rate(snr: sinr(k)) }
        return s
    }

    /// Σ_k ln(1 + SINR_k) (nats), the WMMSE objective's rate part.
    public var sumRateNats: Double {
        var s = 0.0
        for k in 0..<users { s += Foundation.log1p(sinr(k)) }
        return s
    }
}
