import AntennaModels
import Foundation
import Numerics

/// The x-step objective (P4-2, specs/ee.md §5.3): the scheme's objective at positions x with the
/// precoder W fixed, row n of W attached to antenna n.
///
/// Candidate q for antenna n changes column n of C̃, so the K×K gain matrix C̃·W changes by a rank-one
/// term: Gm(q) = Gm − C̃[:, n]·W[n, :] + h̃(q)·W[n, :]. `focus` caches Gm − C̃[:, n]·W[n, :] (the others'
/// part) and the others' displacements; a candidate then costs K² complex multiply-adds and K
/// logarithms. The transmit power ‖W‖² does not change in the x-step.
public struct FixedPrecoderPositionObjective: CandidateObjective {
    public let table: MultiUserChannelTable
    public let precoder: Precoder
    public let initialPositions: [Int]
    public let objective: MultiUserObjective
    public let energy: EnergyModel
    public let transmitPower: Double

    private var othersGains: [Complex<Double>]
    private var row: [Complex<Double>]
    private var othersTotal = 0
    private var othersMaximum = 0
    private var focusStart = 0

    public init(table: MultiUserChannelTable, precoder: Precoder, initialPositions: [Int],
                objective: MultiUserObjective, energy: EnergyModel) {
        precondition(precoder.users == table.users && precoder.antennas == initialPositions.count)
        self.table = table
        self.precoder = precoder
        self.initialPositions = initialPositions
        self.objective = objective
        self.energy = energy
        transmitPower = precoder.power
        othersGains = Array(repeating: .zero, count: table.users * table.users)
        row = Array(repeating: .zero, count: table.users)
    }

    public mutating func focus(antenna n: Int, positions: [Int]) {
        let k = table.users
        for i in othersGains.indices { othersGains[i] = .zero }
        othersTotal = 0
        othersMaximum = 0
        for (m, g) in positions.enumerated() where m != n {
            for i in 0..<k {
                let h = table[user: i, candidate: g]
                for j in 0..<k { othersGains[i * k + j] += h * precoder[m, j] }
            }
            let d = abs(g - initialPositions[m])
            othersTotal += d
            othersMaximum = max(othersMaximum, d)
        }
        for j in 0..<k { row[j] = precoder[n, j] }
        focusStart = initialPositions[n]
    }

    /// Σ_k log2(1 + SINR_k) with antenna n (the focused one) at grid index q.
    public func sumRate(candidate q: Int) -> Double {
        let k = table.users
        var rate = 0.0
        for i in 0..<k {
            let h = table[user: i, candidate: q]
            var signal = 0.0, rest = 1.0
            for j in 0..<k {
                let g = othersGains[i * k + j] + h * row[j]
                if j == i { signal = g.lengthSquared } else { rest += g.lengthSquared }
            }
            rate += Foundation.log1p(signal / rest)
        }
        return rate / M_LN2
    }

    public func value(candidate q: Int) -> Double {
        let d = abs(q - focusStart)
        let move = StepDisplacement(total: othersTotal + d, maximum: max(othersMaximum, d))
        if objective == .energyEfficiency, !energy.effectiveStaticPower(move).isFinite { return 0 }
        return objective.value(sumRate: sumRate(candidate: q), transmitPower: transmitPower, displacement: move,
                               energy: energy)
    }
}
