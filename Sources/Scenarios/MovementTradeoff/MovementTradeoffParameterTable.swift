import ScenarioKit

/// The `tradeoff` parameters as YAML sees them (specs/tradeoff.md §10.2, §11): names with units, domains,
/// defaults and provenance. `settings(_:)` maps them onto `MovementTradeoff.Settings`.
enum MovementTradeoffParameterTable {
    typealias Layout = MovementTradeoff.InitialLayout

    static let all: [ParameterSpec] = geometry + channel + time + fitting + algorithm + twoAntenna

    static let geometry: [ParameterSpec] = [
        ParameterSpec("region_side_wavelengths", unit: "λ", .real(.nonNegative), default: .real(4), .assumed,
                      "Side A of the square region C = [−A/2, A/2]² (square FOUND; centring DERIVED from Fig. 6; 4λ ≥ the 2.36λ extent of r̃*)"),
        ParameterSpec("min_spacing_wavelengths", unit: "λ", .real(.nonNegative), default: .real(0.5), .assumed,
                      "Minimum inter-antenna distance D (standard mutual-coupling spacing λ/2)"),
        ParameterSpec("antennas", .integer(1...32), default: .integer(6), .assumed, "Number N of movable antennas"),
        ParameterSpec("users", .integer(1...4), default: .integer(4), .assumed,
                      "Number K of users (ZF needs N ≥ K); the first K of the four fixed user directions"),
        ParameterSpec("initial_layout", .choice(Layout.allCases.map(\.rawValue)), default: .choice(Layout.pattern1.rawValue), .assumed,
                      "Initial deployment r̃^0: pattern-1 compact 2-row grid at spacing D (default), pattern-2/3/4 of Fig. 7 (N = 6), ula (Fig. 6, structure FOUND)"),
        ParameterSpec("ula_spacing_wavelengths", unit: "λ", .real(.positive), default: .real(0.5), .assumed,
                      "Spacing of the `ula` layout (Fig. 6: fixed spacing FOUND, value = D ASSUMED)"),
    ]

    static let channel: [ParameterSpec] = {
        let elevations = [55.0, 55, 95, 75], azimuths = [90.0, 55, 80, 65]
        var specs: [ParameterSpec] = []
        for k in 0..<4 {
            specs.append(ParameterSpec("elevation_\(k + 1)_deg", unit: "°", .real(RealRange(0, 180)), default: .real(elevations[k]),
                                       .assumed, "Elevation AoD θ_\(k + 1) (searched so every Fig. 7 claim holds, specs §14)"))
            specs.append(ParameterSpec("azimuth_\(k + 1)_deg", unit: "°", .real(RealRange(0, 360)), default: .real(azimuths[k]),
                                       .assumed, "Azimuth AoD φ_\(k + 1) (same search)"))
        }
        return specs + [
            ParameterSpec("distance_m", unit: "m", .real(.positive), default: .real(100), .assumed,
                          "BS–user distance d_k, equal for every user (equal distances FOUND: '…, ∀k')"),
            ParameterSpec("reference_path_gain_dB", unit: "dB", .real(.any), default: .real(-30), .assumed, "Path gain C0 at 1 m"),
            ParameterSpec("path_loss_exponent", .real(.positive), default: .real(2.8), .assumed, "Path-loss exponent α (β = −86 dB)"),
            ParameterSpec("transmit_power_dBm", unit: "dBm", .real(.any), default: .real(30), .assumed, "Total transmit power P"),
            ParameterSpec("noise_power_dBm", unit: "dBm", .real(.any), default: .real(-80), .assumed,
                          "Noise power σ² (γ̄ = Pβ/σ² = 24 dB DERIVED)"),
        ]
    }()

    static let time: [ParameterSpec] = [
        ParameterSpec("interval_s", unit: "s", .real(.positive), default: .real(1), .assumed,
                      "Service interval T (bit/Hz ≡ bit/s/Hz numerically)"),
        ParameterSpec("speed_wavelengths_per_s", unit: "λ/s", .real(.nonNegative), default: .real(5), .assumed,
                      "Maximum movement speed v (unit λ/s DERIVED from the stripped '…/s'; 5 is mid-range of the Fig. 4 sweeps)"),
        ParameterSpec("fixed_duration_s", unit: "s", .real(.nonNegative), default: .real(0.2), .assumed,
                      "FMD+OAD movement duration τ_F = 0.2·T (0.1·T coincides with τ* at low v, specs §8)"),
        ParameterSpec("movement_duration_s", unit: "s", .real(.nonNegative), default: .real(0), .assumed,
                      "τ at which the two-antenna curve schemes are evaluated (the x-axis of Fig. 2)"),
    ]

    static let fitting: [ParameterSpec] = [
        ParameterSpec("fit_samples", .integer(2...1000), default: .integer(6), .assumed,
                      "M: rate–duration samples of the fitting method, uniform on [0, τ_sat] ('a few' FOUND)"),
        ParameterSpec("fit_selection", .choice(MovementTradeoff.FitSelection.allCases.map(\.rawValue)), default: .choice("sse"), .assumed,
                      "Growth model: sse = sigmoid iff valid and strictly lower SSE (the paper's rule has no threshold), or force one"),
        ParameterSpec("fit_search_points", .integer(2...1_000_000), default: .integer(2001), .assumed,
                      "Grid points of the 1-D maximisation of (T − τ)·R̂(τ) on [0, τ_sat]"),
    ]

    static let algorithm: [ParameterSpec] = [
        ParameterSpec("step_rule", .choice(["armijo", "constant"]), default: .choice("armijo"), .assumed,
                      "PGD step: armijo backtracking (DEVIATION-1) or the paper's constant step"),
        ParameterSpec("constant_step", .real(.positive), default: .real(0.05), .assumed, "η of step_rule: constant"),
        ParameterSpec("initial_step", .real(.positive), default: .real(0.05), .assumed, "Initial η of the Armijo rule"),
        ParameterSpec("initial_penalty", .real(.positive), default: .real(1e-2), .assumed, "Penalty weight ρ₀ of (14a)"),
        ParameterSpec("penalty_growth", .real(RealRange(1, .infinity, upperOpen: true)), default: .real(3), .assumed,
                      "Factor c_ρ applied to ρ after every outer iteration ('gradually increased' FOUND)"),
        ParameterSpec("max_outer_iterations", .integer(1...10_000), default: .integer(30), .assumed, "Outer AO iterations"),
        ParameterSpec("max_inner_iterations", .integer(1...100_000), default: .integer(200), .assumed, "PGD iterations per outer iteration"),
        ParameterSpec("inner_tolerance_wavelengths", unit: "λ", .real(.positive), default: .real(1e-7), .assumed,
                      "PGD stops when no antenna moves farther"),
        ParameterSpec("coupling_tolerance_wavelengths", unit: "λ", .real(.positive), default: .real(1e-6), .assumed,
                      "AO stops when max_n ‖r_n − u_n‖ is below (after ≥ 3 outer iterations)"),
        ParameterSpec("auxiliary_update", .choice(MovementTradeoff.AuxiliaryUpdateMode.allCases.map(\.rawValue)), default: .choice("full"),
                      .assumed, "u-update (18): full keeps u in S_n (DEVIATION-2), distance-only is the literal (18)"),
        ParameterSpec("curve_initialization", .choice(MovementTradeoff.CurveInitialization.allCases.map(\.rawValue)),
                      default: .choice("continuation"), .assumed,
                      "R(τ) curve: continuation (warm + straight-line starts, envelope; DEVIATION-4) or cold starts from r̃^0"),
        ParameterSpec("grid_points", .integer(2...100_000), default: .integer(41), .assumed,
                      "OTGM: uniform points on [0, min(T, τ_sat)] and again on [0, T] (plus τ_F)"),
        ParameterSpec("refinement_iterations", .integer(0...1000), default: .integer(15), .assumed,
                      "OTGM: golden-section iterations around the best grid point"),
    ]

    static let twoAntenna: [ParameterSpec] = [
        ParameterSpec("two_antenna_snr_dB", unit: "dB", .real(.any), default: .real(10), .assumed,
                      "γ̄ = Pβ/σ² of the special case (rates 0–3.46 bit/s/Hz)"),
        ParameterSpec("two_antenna_segment_wavelengths", unit: "λ", .real(.positive), default: .real(2), .assumed, "Segment length L"),
        ParameterSpec("two_antenna_initial_spacing_wavelengths", unit: "λ", .real(.nonNegative), default: .real(0.3), .assumed,
                      "Initial spacing d0, antennas centred on the segment (Case i 0.3λ; Case ii 0.02λ = 'only λ/50')"),
        ParameterSpec("two_antenna_angle_1_deg", unit: "°", .real(RealRange(0, 180)), default: .real(60), .assumed, "AoD ϑ₁"),
        ParameterSpec("two_antenna_angle_2_deg", unit: "°", .real(RealRange(0, 180)), default: .real(120), .assumed,
                      "AoD ϑ₂ (|Δ| = 1: SINR (25) = γ̄ sin²(πd/λ), optimum d* = λ/2)"),
        ParameterSpec("two_antenna_search_step_s", unit: "s", .real(.positive), default: .real(1e-4), .assumed,
                      "Grid step of the 1-D τ search (Fig. 3), then golden refinement"),
    ]

    static func settings(_ p: ParameterSet) -> MovementTradeoff.Settings {
        var s = MovementTradeoff.Settings()
        s.regionSide = p.real("region_side_wavelengths")
        s.minimumSpacing = p.real("min_spacing_wavelengths")
        s.antennas = p.integer("antennas")
        s.users = p.integer("users")
        s.initialLayout = Layout(rawValue: p.choice("initial_layout"))!
        s.ulaSpacing = p.real("ula_spacing_wavelengths")
        s.elevationsDegrees = (1...4).map { p.real("elevation_\($0)_deg") }
        s.azimuthsDegrees = (1...4).map { p.real("azimuth_\($0)_deg") }
        s.distance = p.real("distance_m")
        s.referenceGainDB = p.real("reference_path_gain_dB")
        s.pathLossExponent = p.real("path_loss_exponent")
        s.transmitPowerDBm = p.real("transmit_power_dBm")
        s.noisePowerDBm = p.real("noise_power_dBm")
        s.interval = p.real("interval_s")
        s.speed = p.real("speed_wavelengths_per_s")
        s.fixedDuration = p.real("fixed_duration_s")
        s.movementDuration = p.real("movement_duration_s")
        s.fitSamples = p.integer("fit_samples")
        s.fitSelection = MovementTradeoff.FitSelection(rawValue: p.choice("fit_selection"))!
        s.fitSearchPoints = p.integer("fit_search_points")
        var a = MovementTradeoff.AlgorithmSettings()
        a.stepRule = p.choice("step_rule") == "constant" ? .constant(p.real("constant_step")) : .armijo
        a.initialStep = p.real("initial_step")
        a.initialPenalty = p.real("initial_penalty")
        a.penaltyGrowth = p.real("penalty_growth")
        a.maximumOuterIterations = p.integer("max_outer_iterations")
        a.maximumInnerIterations = p.integer("max_inner_iterations")
        a.innerTolerance = p.real("inner_tolerance_wavelengths")
        a.couplingTolerance = p.real("coupling_tolerance_wavelengths")
        a.auxiliaryUpdate = MovementTradeoff.AuxiliaryUpdateMode(rawValue: p.choice("auxiliary_update"))!
        a.curveInitialization = MovementTradeoff.CurveInitialization(rawValue: p.choice("curve_initialization"))!
        a.gridPoints = p.integer("grid_points")
        a.refinementIterations = p.integer("refinement_iterations")
        s.algorithm = a
        s.specialReferenceSNRdB = p.real("two_antenna_snr_dB")
        s.specialSegmentLength = p.real("two_antenna_segment_wavelengths")
        s.specialInitialSpacing = p.real("two_antenna_initial_spacing_wavelengths")
        s.specialAnglesDegrees = [p.real("two_antenna_angle_1_deg"), p.real("two_antenna_angle_2_deg")]
        s.specialSearchStep = p.real("two_antenna_search_step_s")
        return s
    }
}
