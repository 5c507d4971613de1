import AntennaModels
import Foundation

extension MovementTradeoff {
    /// Initial deployments r̃^0 (specs/tradeoff.md §11, §12 Fig. 7); positions in λ.
    public enum InitialLayout: String, Sendable, Hashable, CaseIterable {
        /// Pattern 1 (default): a compact two-row grid at spacing D, centred; N = 6 gives the 2×3 grid
        /// (±0.5, 0; ±0.25) of specs §11. Bottom row first, ⌈N/2⌉ antennas in it.
        case pattern1 = "pattern-1"
        /// Pattern 2: one-dimensional, spacing 0.75λ on the x-axis (N = 6 only).
        case pattern2 = "pattern-2"
        /// Pattern 3: two equilateral triangles of side D (N = 6 only).
        case pattern3 = "pattern-3"
        /// Pattern 4: near-optimal sparse deployment (N = 6 only).
        case pattern4 = "pattern-4"
        /// Fig. 6: a centred ULA on the x-axis, x_n = (n − (N+1)/2)·spacing.
        case ula

        /// The N positions, or nil when the pattern is defined for another N.
        public func positions(antennas n: Int, spacing d: Double, ulaSpacing: Double) -> [PlanarPoint]? {
            switch self {
            case .pattern1:
                let bottom = (n + 1) / 2, top = n / 2
                func row(_ count: Int, _ y: Double) -> [PlanarPoint] {
                    (0..<count).map { PlanarPoint((Double($0) - Double(count - 1) / 2) * d, y) }
                }
                return row(bottom, -d / 2) + row(top, d / 2)
            case .pattern2:
                return n == 6 ? [-1.875, -1.125, -0.375, 0.375, 1.125, 1.875].map { PlanarPoint($0, 0) } : nil
            case .pattern3:
                return n == 6 ? [(-1.25, -1), (-0.75, -1), (-1, -0.566987), (0.75, 1), (1.25, 1), (1, 1.433013)]
                    .map { PlanarPoint($0.0, $0.1) } : nil
            case .pattern4:
                return n == 6 ? [(-1.4, -0.7), (0.1, -0.8), (1.5, -0.9), (-1.5, 0.9), (-0.1, 0.8), (1.4, 0.7)]
                    .map { PlanarPoint($0.0, $0.1) } : nil
            case .ula:
                return (0..<n).map { PlanarPoint((Double($0) - Double(n - 1) / 2) * ulaSpacing, 0) }
            }
        }
    }

    /// Every setting of the main scenario and of the two-antenna special case, with the defaults of
    /// specs/tradeoff.md §10.2 and §11 (provenance in `MovementTradeoffParameterTable`).
    public struct Settings: Sendable, Hashable {
        // Geometry and channel (main scenario).
        public var regionSide = 4.0
        public var minimumSpacing = 0.5
        public var antennas = 6
        public var users = 4
        /// θ_k and φ_k in degrees; the first K are used.
        public var elevationsDegrees = [55.0, 55, 95, 75]
        public var azimuthsDegrees = [90.0, 55, 80, 65]
        public var distance = 100.0
        public var referenceGainDB = -30.0
        public var pathLossExponent = 2.8
        public var transmitPowerDBm = 30.0
        public var noisePowerDBm = -80.0
        public var initialLayout = InitialLayout.pattern1
        public var ulaSpacing = 0.5
        // Time and movement.
        public var interval = 1.0
        public var speed = 5.0
        public var fixedDuration = 0.2
        public var movementDuration = 0.0
        // Fitting method.
        public var fitSamples = 6
        public var fitSelection = FitSelection.sse
        public var fitSearchPoints = 2001
        // Algorithms.
        public var algorithm = AlgorithmSettings()
        // Two-antenna special case.
        public var specialReferenceSNRdB = 10.0
        public var specialSegmentLength = 2.0
        public var specialInitialSpacing = 0.3
        public var specialAnglesDegrees = [60.0, 120]
        public var specialSearchStep = 1e-4

        public init() {}

        /// γ̄ = Pβ/σ² with β = C0·d^{−α} (specs §2.4, §11: 24 dB for the defaults).
        public var referenceSNR: Double {
            Foundation.pow(10, (transmitPowerDBm - noisePowerDBm) / 10)
                * FarFieldLoSChannel.largeScaleGain(referenceGainDB: referenceGainDB, distance: distance, exponent: pathLossExponent)
        }

        public var channel: FarFieldLoSChannel {
            let radians = Double.pi / 180
            return FarFieldLoSChannel(elevations: elevationsDegrees.prefix(users).map { $0 * radians },
                                      azimuths: azimuthsDegrees.prefix(users).map { $0 * radians })
        }

        public var initialPositions: [PlanarPoint]? {
            initialLayout.positions(antennas: antennas, spacing: minimumSpacing, ulaSpacing: ulaSpacing)
        }

        /// Why the main scenario cannot run with these settings, or nil.
        public var violation: String? {
            if antennas < users { return "ZF needs at least as many antennas as users (N = \(antennas) < K = \(users))" }
            if users > elevationsDegrees.count { return "only \(elevationsDegrees.count) user directions are defined" }
            guard let r0 = initialPositions else {
                return "initial_layout '\(initialLayout.rawValue)' is defined for 6 antennas only (N = \(antennas))"
            }
            let required = 2 * SquareRegion.requiredHalfSide(r0)
            if required > regionSide + 1e-12 {
                return "the initial layout '\(initialLayout.rawValue)' needs region_side_wavelengths ≥ \(required) (A = \(regionSide))"
            }
            for n in r0.indices {
                for m in 0..<n where r0[n].distance(to: r0[m]) < minimumSpacing - 1e-9 {
                    return "the initial layout '\(initialLayout.rawValue)' puts antennas \(m + 1) and \(n + 1) closer than D = \(minimumSpacing)"
                }
            }
            if fixedDuration > interval { return "fixed_duration_s (\(fixedDuration)) exceeds interval_s (\(interval))" }
            return nil
        }

        /// Why the two-antenna special case cannot run, or nil.
        public var specialViolation: String? {
            if specialInitialSpacing > specialSegmentLength {
                return "two_antenna_initial_spacing_wavelengths exceeds the segment length"
            }
            if movementDuration > interval { return "movement_duration_s exceeds interval_s" }
            if twoAntennaCase.directionGap == 0 { return "the two users' angles give cos ϑ₁ = cos ϑ₂: ZF cannot separate them" }
            return nil
        }

        public var problem: DeploymentProblem {
            DeploymentProblem(initial: initialPositions ?? [], region: SquareRegion(side: regionSide), spacing: minimumSpacing)
        }

        public var twoAntennaCase: TwoAntennaCase {
            let radians = Double.pi / 180
            return TwoAntennaCase(referenceSNR: Foundation.pow(10, specialReferenceSNRdB / 10), segmentLength: specialSegmentLength,
                                  initialSpacing: specialInitialSpacing,
                                  angles: (specialAnglesDegrees[0] * radians, specialAnglesDegrees[1] * radians),
                                  speed: speed, interval: interval)
        }

        /// The settings that determine r̃* (the unconstrained optimum): speed, time and fitting settings reset,
        /// so series that differ only in those share one computation.
        public var unconstrainedKey: Settings {
            var key = Settings()
            key.regionSide = regionSide; key.minimumSpacing = minimumSpacing; key.antennas = antennas; key.users = users
            key.elevationsDegrees = elevationsDegrees; key.azimuthsDegrees = azimuthsDegrees
            key.initialLayout = initialLayout; key.ulaSpacing = ulaSpacing
            key.algorithm = algorithm
            key.algorithm.curveInitialization = .continuation
            key.algorithm.gridPoints = 41
            key.algorithm.refinementIterations = 15
            return key
        }
    }
}
