import Foundation
import Optimization
import Testing

/// SDPLIB problems with the optimal values published in Fixtures/sdplib/README.md.
///
/// Tolerance: relative error ≤ 1e-6 against the published value (1e-4 for the ill-conditioned hinf
/// family), where the published value carries only the digits shown in the table; when fewer than 7
/// significant digits are published, the tolerance is widened to half a unit in the last published
/// digit (relative), since the table cannot resolve more.
struct SDPLIBCase: Sendable, CustomStringConvertible {
    let name: String
    let optimum: Double
    let significantDigits: Int
    let hinf: Bool
    var description: String { name }

    var tolerance: Double {
        let base = hinf ? 1e-4 : 1e-6
        let published = 0.5 * Double.pow(10, Double(1 - significantDigits))
        return max(base, published)
    }
}

enum SDPLIB {
    static let cases: [SDPLIBCase] = [
        .init(name: "control1", optimum: 1.778463e+01, significantDigits: 7, hinf: false),
        .init(name: "control2", optimum: 8.300000e+00, significantDigits: 7, hinf: false),
        .init(name: "control3", optimum: 1.363327e+01, significantDigits: 7, hinf: false),
        .init(name: "truss1", optimum: -8.999996e+00, significantDigits: 7, hinf: false),
        .init(name: "truss3", optimum: -9.109996e+00, significantDigits: 7, hinf: false),
        .init(name: "truss4", optimum: -9.009996e+00, significantDigits: 7, hinf: false),
        .init(name: "theta1", optimum: 2.300000e+01, significantDigits: 7, hinf: false),
        .init(name: "theta2", optimum: 3.287917e+01, significantDigits: 7, hinf: false),
        .init(name: "hinf1", optimum: 2.0326e+00, significantDigits: 5, hinf: true),
        .init(name: "hinf2", optimum: 1.0967e+01, significantDigits: 5, hinf: true),
        .init(name: "hinf3", optimum: 5.69e+01, significantDigits: 3, hinf: true),
        .init(name: "qap5", optimum: -4.360e+02, significantDigits: 4, hinf: false),
        .init(name: "qap6", optimum: -3.8144e+02, significantDigits: 5, hinf: false),
        .init(name: "mcp100", optimum: 2.261574e+02, significantDigits: 7, hinf: false),
        .init(name: "gpp100", optimum: -4.49435e+01, significantDigits: 6, hinf: false),
        .init(name: "arch0", optimum: 5.66517e-01, significantDigits: 6, hinf: false),
    ]

    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: "dat-s", subdirectory: "Fixtures/sdplib")!
    }
}

/// Instances on which the default tolerances (1e-8) are beyond what double-precision NT directions
/// deliver here: the run stops at its best iterate with status `inaccurate` (reduced tolerances 1e-5
/// met). The objective test and the independent residual tests below still apply to them.
let sdplibIllConditioned: Set<String> = ["control2", "control3", "hinf1", "hinf2", "hinf3", "qap6"]

@Suite("SDPLIB")
struct SDPLIBTests {
    @Test(arguments: SDPLIB.cases)
    func solvesToPublishedOptimum(_ c: SDPLIBCase) throws {
        let sdpa = try SDPAReader.read(contentsOf: SDPLIB.url(c.name))
        let problem = try sdpa.conicProblem()
        let t0 = Date()
        let sol = ConicSolver.solve(problem)
        let elapsed = Date().timeIntervalSince(t0)
        let rel = abs(sol.primalObjective - c.optimum) / abs(c.optimum)
        let k = KKTCheck(problem, sol)
        let dimacs = DIMACSErrors(problem: sdpa, conic: problem, x: sol.x, s: sol.s, y: sol.y).values
        print("SDPLIB \(c.name): \(sol.status) it=\(sol.iterations) p=\(sol.primalObjective) d=\(sol.dualObjective) rel=\(rel) t=\(elapsed)s dimacs=\(dimacs.map { String(format: "%.1e", $0) })")
        if sdplibIllConditioned.contains(c.name) {
            #expect(sol.status == .optimal || sol.status == .inaccurate)
        } else {
            #expect(sol.status == .optimal)
        }
        #expect(rel <= c.tolerance, "objective \(sol.primalObjective) vs published \(c.optimum)")
        // Residuals recomputed here from the returned x, s, y only.
        let feas = c.hinf ? 1e-5 : 1e-6
        #expect(k.primalResidual <= feas, "primal residual \(k.primalResidual)")
        #expect(k.dualResidual <= feas, "dual residual \(k.dualResidual)")
        #expect(k.sConeViolation <= 1e-12 && k.yConeViolation <= 1e-12, "cone violation s \(k.sConeViolation) y \(k.yConeViolation)")
        #expect(dimacs.allSatisfy { abs($0) <= feas }, "DIMACS errors \(dimacs)")
        #expect(abs(sol.dualObjective - sol.primalObjective) / (1 + abs(c.optimum)) <= c.tolerance)
    }

    /// infp1: SDPA's primal (min cᵀx s.t. Σ xᵢFᵢ − F₀ ⪰ 0) is infeasible; the certificate is a
    /// y ⪰ 0 with Aᵀy = 0 (⟨Fᵢ, Y⟩ = 0) and bᵀy = −1 (⟨F₀, Y⟩ = 1), checked here independently.
    @Test func infp1IsPrimalInfeasible() throws {
        let sdpa = try SDPAReader.read(contentsOf: SDPLIB.url("infp1"))
        let problem = try sdpa.conicProblem()
        let sol = ConicSolver.solve(problem)
        #expect(sol.status == .primalInfeasible)
        let by = zip(problem.b, sol.y).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(by + 1) < 1e-9)
        #expect(norm(problem.A.transposeMultiply(sol.y)) <= 1e-7 * max(1, norm(problem.c)))
        #expect(coneViolation(problem.cones, sol.y, dual: true) <= 1e-12 * (1 + norm(sol.y)))
    }

    /// infd1: SDPA's dual is infeasible; the certificate is x with Ax + s = 0, s ⪰ 0 (Σ xᵢFᵢ ⪰ 0)
    /// and cᵀx = −1.
    @Test func infd1IsDualInfeasible() throws {
        let sdpa = try SDPAReader.read(contentsOf: SDPLIB.url("infd1"))
        let problem = try sdpa.conicProblem()
        let sol = ConicSolver.solve(problem)
        #expect(sol.status == .dualInfeasible)
        let cx = zip(problem.c, sol.x).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(cx + 1) < 1e-9)
        var r = problem.A.multiply(sol.x)
        for i in r.indices { r[i] += sol.s[i] }
        #expect(norm(r) <= 1e-7 * max(1, norm(problem.b)))
        #expect(coneViolation(problem.cones, sol.s, dual: false) <= 1e-12 * (1 + norm(sol.s)))
    }
}
