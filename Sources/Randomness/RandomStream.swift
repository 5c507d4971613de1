import Foundation

/// What a stream is for. Distinct purposes give statistically independent streams, so adding a new
/// use of randomness never shifts the numbers an existing one sees.
public struct StreamPurpose: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    /// FNV-1a of the UTF-8 name: stable across runs, platforms and toolchains (unlike `hashValue`).
    public let tag: UInt64

    public init(_ name: String) {
        self.name = name
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        tag = h
    }

    public var description: String { name }

    /// Channel draws: shared by every sweep point and series of a realization (common random numbers).
    public static let channel = StreamPurpose("channel")
}

/// A sequence of random numbers identified by (seed, purpose, realization, point, series).
///
/// Numerical semantics: `uniform()` returns k·2⁻⁵³ for a uniformly random 53-bit k, i.e. [0, 1);
/// `uniformOpen()` returns (k + ½)·2⁻⁵³ ∈ (0, 1), safe for logarithms; `normal()` uses the
/// Box–Muller transform on open uniforms and returns the pair's second value on the next call, so
/// a fixed number of raw words is consumed per pair (draw order is part of the reproducibility contract).
public struct RandomStream: Sendable {
    @usableFromInline var key: Philox4x32.Key
    @usableFromInline var counter: Philox4x32.Counter
    @usableFromInline var buffer: Philox4x32.Counter = (0, 0, 0, 0)
    @usableFromInline var available = 0
    @usableFromInline var spareNormal: Double? = nil

    /// `point` and `series` are nil for streams shared across points and series.
    public init(seed: UInt64, purpose: StreamPurpose, realization: Int, point: Int? = nil, series: Int? = nil) {
        precondition(realization >= 0 && realization < Int(UInt32.max), "realization index out of range")
        precondition((point ?? 0) >= 0 && (point ?? 0) < Int(UInt32.max) - 1, "point index out of range")
        precondition((series ?? 0) >= 0 && (series ?? 0) < Int(UInt32.max) - 1, "series index out of range")
        let k = splitMix64(seed ^ splitMix64(purpose.tag))
        key = (UInt32(truncatingIfNeeded: k), UInt32(truncatingIfNeeded: k >> 32))
        counter = (0, UInt32(realization),
                   point.map { UInt32($0 + 1) } ?? 0,
                   series.map { UInt32($0 + 1) } ?? 0)
    }

    @inlinable
    public mutating func nextUInt32() -> UInt32 {
        if available == 0 {
            buffer = Philox4x32.block(counter, key: key)
            counter.0 &+= 1
            precondition(counter.0 != 0, "random stream exhausted (2^34 words)")
            available = 4
        }
        available -= 1
        switch available {
        case 3: return buffer.0
        case 2: return buffer.1
        case 1: return buffer.2
        default: return buffer.3
        }
    }

    @inlinable
    public mutating func nextUInt64() -> UInt64 {
        let hi = UInt64(nextUInt32())
        return (hi << 32) | UInt64(nextUInt32())
    }

    /// Uniform on [0, 1).
    @inlinable
    public mutating func uniform() -> Double {
        Double(nextUInt64() >> 11) * 0x1p-53
    }

    /// Uniform on (0, 1): never 0, so `log` is always finite.
    @inlinable
    public mutating func uniformOpen() -> Double {
        (Double(nextUInt64() >> 11) + 0.5) * 0x1p-53
    }

    /// Uniform on [lower, upper).
    @inlinable
    public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * uniform()
    }

    /// Uniform integer in 0..<bound, unbiased (Lemire's multiply-and-reject).
    public mutating func integer(below bound: Int) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        while true {
            let product = nextUInt64().multipliedFullWidth(by: b)
            if product.low >= (0 &- b) % b { return Int(product.high) }
        }
    }

    /// Standard normal N(0, 1).
    public mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        let radius = (-2 * Foundation.log(uniformOpen())).squareRoot()
        let angle = 2 * Double.pi * uniform()
        spareNormal = radius * Foundation.sin(angle)
        return radius * Foundation.cos(angle)
    }

    /// A circularly-symmetric complex Gaussian CN(0, variance) as (real, imaginary): each part has
    /// variance/2.
    public mutating func complexNormal(variance: Double = 1) -> (re: Double, im: Double) {
        let scale = (variance / 2).squareRoot()
        return (scale * normal(), scale * normal())
    }
}

/// The streams of one work unit: everything a scenario may draw for (seed, realization, point).
public struct UnitStreams: Sendable {
    public let seed: UInt64
    public let realization: Int
    public let point: Int

    public init(seed: UInt64, realization: Int, point: Int) {
        self.seed = seed
        self.realization = realization
        self.point = point
    }

    /// Shared by every sweep point and every series of this realization ("common random numbers"):
    /// use it for the channel and anything else the curves should be compared on.
    public func common(_ purpose: StreamPurpose = .channel) -> RandomStream {
        RandomStream(seed: seed, purpose: purpose, realization: realization)
    }

    /// Private to one series at one sweep point: algorithm randomness (PSO swarms, random starts).
    public func algorithm(_ purpose: StreamPurpose, series: Int) -> RandomStream {
        RandomStream(seed: seed, purpose: purpose, realization: realization, point: point, series: series)
    }
}
