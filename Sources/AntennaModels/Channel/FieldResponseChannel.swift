import Numerics
import Foundation
import Randomness

/// The far-field field-response multipath channel on a linear array (Zhu/Ma/Zhang, arXiv 2210.05325;
/// EE paper §II, specs/ee.md §3.1), one realization.
///
/// The scalar channel from a transmit antenna at position x (m) to single-antenna user k is
///
///     h_k(x) = Σ_{l=1..L} b_{k,l} · exp( j·κ·x·cos θ_{k,l} ),    κ = 2π/λ,
///
/// with path coefficients b_{k,l} = √(C0·d_k^{−α}/L) · z_{k,l}, z ~ CN(0, 1), so E|h_k(x)|² = C0·d_k^{−α}.
///
/// **Draw order (part of the reproducibility contract).** Users are drawn one after another from one
/// stream; user k consumes a fixed-size block: d_k ~ U[d_lo, d_hi], then θ_{k,1..B} ~ U[0, π], then
/// z_{k,1..B} ~ CN(0, 1), with block size B = max(L, 16). A channel with L ≤ 16 paths uses the first L
/// angles and coefficients of each block. Hence, for a fixed realization stream:
/// * changing L (≤ 16) keeps every d, θ and z (a path set is a prefix of a longer one);
/// * changing K appends or removes whole users, the others stay identical;
/// * N, A, λ, the grid and every radio/motor parameter do not touch the draws at all (they only change
///   where h is evaluated), and neither do C0 and α (they only scale b).
/// Only L > 16 changes the block size and so reshuffles the draws of users after the first.
public struct FieldResponseChannel: Sendable {
    /// Paths drawn per user whatever L is (specs/ee.md §3.1: L_max = 16).
    public static let standardPathBlock = 16

    public struct User: Sendable {
        /// d_k in m.
        public let distance: Double
        /// θ_{k,l} in rad, L entries.
        public let angles: [Double]
        /// b_{k,l}, L entries (physical amplitude: includes √(C0·d^{−α}/L)).
        public let coefficients: [Complex<Double>]
        /// κ·cos θ_{k,l}: the spatial frequency of each path, rad/m.
        public let spatialFrequencies: [Double]
    }

    public let users: [User]
    /// λ in m.
    public let wavelength: Double

    public var userCount: Int { users.count }
    public var pathCount: Int { users.first?.coefficients.count ?? 0 }

    /// Builds a realization from explicit draws (tests, hand-made cases).
    /// - Parameters: per user (distance, angles, normalised z); `referenceGain` C0 (linear); `exponent` α.
    public init(wavelength: Double, referenceGain: Double, exponent: Double,
                users draws: [(distance: Double, angles: [Double], normalized: [Complex<Double>])]) {
        precondition(wavelength > 0)
        let kappa = 2 * Double.pi / wavelength
        self.wavelength = wavelength
        self.users = draws.map { draw in
            precondition(draw.angles.count == draw.normalized.count && !draw.angles.isEmpty)
            let scale = (referenceGain * Foundation.pow(draw.distance, -exponent) / Double(draw.angles.count))
                .squareRoot()
            return User(distance: draw.distance, angles: draw.angles,
                        coefficients: draw.normalized.map { Complex($0.real * scale, $0.imaginary * scale) },
                        spatialFrequencies: draw.angles.map { kappa * Foundation.cos($0) })
        }
    }

    /// Draws one realization from `stream` in the documented order.
    /// - Parameters:
    ///   - users: K ≥ 1; paths: L ≥ 1;
    ///   - distanceRange: d_k ~ U[lower, upper] (m);
    ///   - referenceGain: C0 (linear power gain at 1 m); exponent: α;
    ///   - wavelength: λ (m).
    public static func draw(users: Int, paths: Int, distanceRange: ClosedRange<Double>, referenceGain: Double,
                            exponent: Double, wavelength: Double, from stream: inout RandomStream)
        -> FieldResponseChannel {
        precondition(users >= 1 && paths >= 1)
        let block = max(paths, standardPathBlock)
        var draws: [(distance: Double, angles: [Double], normalized: [Complex<Double>])] = []
        draws.reserveCapacity(users)
        for _ in 0..<users {
            let distance = stream.uniform(distanceRange.lowerBound, distanceRange.upperBound)
            var angles: [Double] = []
            angles.reserveCapacity(block)
            for _ in 0..<block { angles.append(stream.uniform(0, Double.pi)) }
            var normalized: [Complex<Double>] = []
            normalized.reserveCapacity(block)
            for _ in 0..<block {
                let z = stream.complexNormal(variance: 1)
                normalized.append(Complex(z.re, z.im))
            }
            draws.append((distance, Array(angles.prefix(paths)), Array(normalized.prefix(paths))))
        }
        return FieldResponseChannel(wavelength: wavelength, referenceGain: referenceGain, exponent: exponent,
                                    users: draws)
    }

    /// h_k(x) at an arbitrary position x (m); L complex exponentials. Used for continuous searches (PSO).
    public func response(user k: Int, at position: Double) -> Complex<Double> {
        let u = users[k]
        var re = 0.0, im = 0.0
        for l in 0..<u.coefficients.count {
            let phase = u.spatialFrequencies[l] * position
            let c = Foundation.cos(phase), s = Foundation.sin(phase)
            let b = u.coefficients[l]
            re += b.real * c - b.imaginary * s
            im += b.real * s + b.imaginary * c
        }
        return Complex(re, im)
    }

    /// h_k(g·Δ) for every candidate g of `grid`: the per-realization lookup table that makes candidate
    /// enumeration a table read. Each entry is evaluated directly (no phase recurrence), so entries are
    /// exactly `response(user:at:)` at the grid positions.
    public func responses(user k: Int, on grid: CandidateGrid) -> [Complex<Double>] {
        (0..<grid.count).map { response(user: k, at: grid.position($0)) }
    }

    /// The K×G table of every user on every candidate, row k = `responses(user: k, on: grid)`.
    public func responseTable(on grid: CandidateGrid) -> ChannelTable {
        ChannelTable(rows: (0..<userCount).map { responses(user: $0, on: grid) })
    }
}

/// h_k(g·Δ) for all users and grid candidates of one realization (K rows of G entries).
public struct ChannelTable: Sendable {
    public let rows: [[Complex<Double>]]

    public init(rows: [[Complex<Double>]]) {
        precondition(!rows.isEmpty && rows.allSatisfy { $0.count == rows[0].count })
        self.rows = rows
    }

    public var userCount: Int { rows.count }
    public var candidateCount: Int { rows[0].count }

    @inlinable
    public subscript(user k: Int, candidate g: Int) -> Complex<Double> { rows[k][g] }

    /// |h_k(g·Δ)|² / scale for every candidate of user k (e.g. scale = σ² for the SNR per unit power).
    public func powerGains(user k: Int, dividedBy scale: Double = 1) -> [Double] {
        rows[k].map { ($0.real * $0.real + $0.imaginary * $0.imaginary) / scale }
    }
}
