import Foundation

/// The far-field, single-path line-of-sight channel from a planar movable array to K single-antenna
/// users (specs/tradeoff.md §2.2, eq. (1)):
///
///     h_k(r̃) = √β_k · [e^{jκ r_1ᵀq_k}, …, e^{jκ r_Nᵀq_k}]ᵀ,   q_k = [sin θ_k cos φ_k, cos θ_k]ᵀ,
///
/// with positions in wavelengths, so κ = 2π. θ_k is the elevation and φ_k the azimuth angle of departure.
/// Users here share one large-scale gain β (equal distances, specs §2.1), so H = √β·Ā with the
/// unit-modulus steering matrix Ā[n,k] = e^{j2π(x_n u_k + y_n w_k)} carrying all the geometry.
public struct FarFieldLoSChannel: Sendable, Hashable {
    /// u_k = sin θ_k cos φ_k.
    public let u: [Double]
    /// w_k = cos θ_k.
    public let w: [Double]
    /// β (linear power gain, common to every user).
    public let largeScaleGain: Double

    public var userCount: Int { u.count }

    /// κ = 2π/λ with positions in wavelengths.
    public static let wavenumber = 2 * Double.pi

    /// Direction cosines given directly (e.g. the 1-D special case: u_k = cos ϑ_k, w_k = 0).
    public init(u: [Double], w: [Double], largeScaleGain: Double = 1) {
        precondition(u.count == w.count && !u.isEmpty, "need one (u, w) pair per user")
        precondition(largeScaleGain > 0)
        self.u = u
        self.w = w
        self.largeScaleGain = largeScaleGain
    }

    /// From elevation θ_k and azimuth φ_k angles of departure, in radians.
    public init(elevations: [Double], azimuths: [Double], largeScaleGain: Double = 1) {
        precondition(elevations.count == azimuths.count)
        self.init(u: zip(elevations, azimuths).map { Foundation.sin($0) * Foundation.cos($1) },
                  w: elevations.map { Foundation.cos($0) }, largeScaleGain: largeScaleGain)
    }

    /// β = C0·d^{−α} (linear), from C0 in dB at 1 m, the distance d in m and the exponent α.
    public static func largeScaleGain(referenceGainDB: Double, distance: Double, exponent: Double) -> Double {
        Foundation.pow(10, referenceGainDB / 10) * Foundation.pow(distance, -exponent)
    }

    /// Writes Ā (row-major N×K: entry n·K + k) for the given positions into `real`/`imaginary`
    /// (each of length ≥ N·K). One sine/cosine pair per entry.
    public func steering(at positions: [PlanarPoint], real: inout [Double], imaginary: inout [Double]) {
        let k = userCount
        precondition(real.count >= positions.count * k && imaginary.count >= positions.count * k)
        for (n, r) in positions.enumerated() {
            for j in 0..<k {
                let phase = Self.wavenumber * (r.x * u[j] + r.y * w[j])
                real[n * k + j] = Foundation.cos(phase)
                imaginary[n * k + j] = Foundation.sin(phase)
            }
        }
    }
}
