import ScenarioKit

/// One grid point: its coordinates (one per sweep column) and every series' resolved parameters.
public struct SweepPoint: Sendable {
    public let index: Int
    public let coordinates: [ParameterValue]
    public let series: [SeriesRequest]
}

/// The experiment unrolled into sweep points; work unit u is (point u / R, realization u % R), so the
/// units of a point are contiguous and its reduction can finish before later points start.
public struct SweepPlan: Sendable {
    public let experiment: Experiment
    /// Sweep column names in YAML order (zip members adjacent).
    public let columns: [String]
    public let points: [SweepPoint]

    public var realizations: Int { experiment.realizations }
    public var unitCount: Int { points.count * realizations }

    @inlinable
    public func unit(_ u: Int) -> (point: Int, realization: Int) {
        (u / realizations, u % realizations)
    }

    /// Unrolls the grid (first axis outermost) and runs the scenario's cross-parameter checks on every
    /// (point, series); failures are reported as located diagnostics, before any work.
    public init(_ experiment: Experiment) throws(ExperimentValidationError) {
        self.experiment = experiment
        columns = experiment.sweep.flatMap(\.names)
        let scenario = experiment.scenario
        var base = scenario.defaultParameters
        for p in experiment.parameters { base[p.name] = p.value }

        var points: [SweepPoint] = []
        var diagnostics: [Diagnostic] = []
        var reported = Set<String>()
        let counts = experiment.sweep.map(\.count)
        let total = counts.reduce(1, *)
        points.reserveCapacity(total)
        for index in 0..<total {
            var remainder = index
            var digits = [Int](repeating: 0, count: counts.count)
            for axis in stride(from: counts.count - 1, through: 0, by: -1) {
                digits[axis] = remainder % counts[axis]
                remainder /= counts[axis]
            }
            var coordinates: [ParameterValue] = []
            var parameters = base
            for (axis, digit) in zip(experiment.sweep, digits) {
                for (name, values) in zip(axis.names, axis.values) {
                    coordinates.append(values[digit])
                    parameters[name] = values[digit]
                }
            }
            var series: [SeriesRequest] = []
            for (i, spec) in experiment.series.enumerated() {
                var p = parameters
                for o in spec.overrides { p[o.name] = o.value }
                do {
                    try scenario.check(p, scheme: spec.scheme)
                } catch {
                    let at = zip(columns, coordinates).map { "\($0)=\($1)" }.joined(separator: ", ")
                    let message = "series '\(spec.label)' (\(spec.scheme)) at sweep point \(at): \(error.message)"
                    if reported.insert(error.message + spec.label).inserted {
                        diagnostics.append(Diagnostic(spec.location, message))
                    }
                }
                series.append(SeriesRequest(index: i, label: spec.label, scheme: spec.scheme, parameters: p))
            }
            points.append(SweepPoint(index: index, coordinates: coordinates, series: series))
        }
        guard diagnostics.isEmpty else { throw ExperimentValidationError(diagnostics) }
        self.points = points
    }

    /// Everything that determines the numbers in the outputs (not plot labels or titles), in a
    /// canonical form: its hash identifies a configuration across runs, shards and resumes.
    public var resolvedConfiguration: JSONValue {
        let scenario = experiment.scenario
        var resolved = scenario.defaultParameters
        for p in experiment.parameters { resolved[p.name] = p.value }
        func value(_ v: ParameterValue) -> JSONValue {
            switch v {
            case .real(let x): return .number(x)
            case .integer(let n): return .integer(n)
            case .flag(let b): return .bool(b)
            case .choice(let s): return .string(s)
            }
        }
        return .object([
            ("scenario", .string(scenario.name)),
            ("figure", .string(experiment.figure)),
            ("seed", .string(String(experiment.seed))),
            ("realizations", .integer(experiment.realizations)),
            ("parameters", .object(resolved.values.sorted { $0.key < $1.key }.map { ($0.key, value($0.value)) })),
            ("sweep", .array(experiment.sweep.map { axis in
                .object(zip(axis.names, axis.values).map { ($0, .array($1.map(value))) })
            })),
            ("series", .array(experiment.series.map { s in
                .object([("label", .string(s.label)), ("scheme", .string(s.scheme)),
                         ("parameters", .object(s.overrides.map { ($0.name, value($0.value)) }))])
            })),
            ("outputs", .array(experiment.outputs.map { o in
                switch o.kind {
                case .curve(let metric): return .object([("file", .string(o.file)), ("metric", .string(metric))])
                case .table(let name, let r):
                    return .object([("file", .string(o.file)), ("table", .string(name)), ("realization", .integer(r))])
                }
            })),
        ])
    }

    /// SHA-256 of the canonical configuration text.
    public var configurationHash: String { SHA256.hex(of: Array(resolvedConfiguration.canonicalText.utf8)) }
}
