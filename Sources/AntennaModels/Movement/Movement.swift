/// Straight-line movement of all antennas at one common speed (EE paper eqs. (1), (3)–(5)).
///
/// Antenna n moves from x̃_n to x_n at speed v and then stops: its delay is τ_n = |x_n − x̃_n|/v (1), the
/// array is ready after τ = max_n τ_n (3), and the coherence constraint (4) is τ ≤ T, i.e.
/// |x_n − x̃_n| ≤ v·T for all n.
public struct LinearMovement: Sendable, Hashable {
    /// x̃ in m (antenna n starts at entry n).
    public let start: [Double]
    /// x in m (antenna n ends at entry n).
    public let destination: [Double]
    /// The common speed v > 0 in m/s.
    public let speed: Double

    public init(from start: [Double], to destination: [Double], speed: Double) {
        precondition(start.count == destination.count, "one destination per antenna")
        precondition(speed > 0, "speed must be positive")
        self.start = start
        self.destination = destination
        self.speed = speed
    }

    /// |x_n − x̃_n| in m.
    public var displacements: [Double] { zip(destination, start).map { abs($0 - $1) } }
    /// Σ_n |x_n − x̃_n| in m (the distance the motors are powered for).
    public var totalDisplacement: Double { displacements.reduce(0, +) }
    /// max_n |x_n − x̃_n| in m.
    public var maximumDisplacement: Double { displacements.max() ?? 0 }
    /// τ_n, eq. (1), in s.
    public var delays: [Double] { displacements.map { $0 / speed } }
    /// τ = max_n τ_n, eq. (3), in s.
    public var delay: Double { maximumDisplacement / speed }

    /// The coherence constraint (4): τ ≤ T.
    public func fitsCoherenceTime(_ coherenceTime: Double) -> Bool { delay <= coherenceTime }

    /// x_n(t), eq. (5): x̃_n + sgn(x_n − x̃_n)·v·t while t < τ_n, then x_n.
    public func position(antenna n: Int, at time: Double) -> Double {
        let from = start[n], to = destination[n]
        let travelled = speed * max(0, time)
        if travelled >= abs(to - from) { return to }
        return to >= from ? from + travelled : from - travelled
    }

    /// Every antenna's position at time t.
    public func positions(at time: Double) -> [Double] {
        (0..<start.count).map { position(antenna: $0, at: time) }
    }
}

/// Displacement statistics of a grid move, in whole steps (exact integer arithmetic).
public struct StepDisplacement: Sendable, Hashable {
    /// Σ_n |g_n − g̃_n|.
    public let total: Int
    /// max_n |g_n − g̃_n|.
    public let maximum: Int

    public init(total: Int, maximum: Int) {
        self.total = total
        self.maximum = maximum
    }

    /// Antenna n moves from `start[n]` to `destination[n]`.
    public init(from start: [Int], to destination: [Int]) {
        precondition(start.count == destination.count)
        var total = 0, maximum = 0
        for (a, b) in zip(start, destination) {
            let d = abs(a - b)
            total += d
            maximum = max(maximum, d)
        }
        self.init(total: total, maximum: maximum)
    }

    public static let zero = StepDisplacement(total: 0, maximum: 0)
}
