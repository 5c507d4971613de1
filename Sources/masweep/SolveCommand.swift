import ArgumentParser
import Foundation
import LinearAlgebra
import Optimization

/// `masweep solve FILE.dat-s [--repeat N]`: solves an SDPA sparse file with the conic solver and prints
/// status, objectives, iterations, time per solve and the six DIMACS error measures.
///
/// Exit codes: 0 when the solver returns a result (optimal, inaccurate, or an infeasibility
/// certificate), 1 on iteration limit or numerical failure, 2 when the file cannot be read or parsed
/// (the message names the line).
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve an SDPA sparse (.dat-s) semidefinite program with the built-in conic solver.",
        discussion: """
            SDPA convention: minimize cᵀx subject to Σ xᵢFᵢ − F₀ ⪰ 0. Prints the status, the primal and dual \
            objectives, iterations, the mean time per solve and the DIMACS errors err1…err6. Exit status: 0 on \
            a result (optimal, inaccurate, infeasibility certificate), 1 on iteration limit or numerical \
            failure, 2 on an unreadable or malformed file.
            """)

    @Argument(help: "Path of the .dat-s file.")
    var file: String

    @Option(name: .customLong("repeat"), help: "Solve this many times and report the mean time per solve.")
    var repetitions: Int = 1

    @Option(name: .customLong("max-iterations"), help: "Iteration limit of the interior-point method.")
    var maxIterations: Int = 100

    @Flag(name: .long, help: "Print one line per interior-point iteration.")
    var verbose = false

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard maxIterations >= 1 else { throw ValidationError("--max-iterations must be at least 1") }
    }

    func run() throws {
        BLASThreading.pinToOneThread()
        let sdpa: SDPAProblem
        let problem: ConicProblem
        do {
            sdpa = try SDPAReader.read(contentsOf: URL(fileURLWithPath: file))
            problem = try sdpa.conicProblem()
        } catch let e as SDPAParseError {
            FileHandle.standardError.write(Data("error: \(file): \(e.description)\n".utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("error: \(file): \(error)\n".utf8))
            throw ExitCode(2)
        }
        var settings = ConicSettings()
        settings.maxIterations = maxIterations
        let solver = ConicSolver(settings: settings)
        let verbose = self.verbose
        var solution: ConicSolution?
        let clock = ContinuousClock()
        let start = clock.now
        for r in 0..<repetitions {
            let log: ((ConicIterationInfo) -> Void)? = (verbose && r == 0) ? { i in
                print(String(format: "%3d  pobj %+.9e  dobj %+.9e  gap %.2e  pres %.2e  dres %.2e  step %.3f  sigma %.2e",
                             i.iteration, i.primalObjective, i.dualObjective, i.gap, i.primalResidual, i.dualResidual,
                             i.stepLength, i.sigma))
            } : nil
            solution = solver.solve(problem, callback: log)
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        guard let sol = solution else { throw ExitCode(1) }

        let dimacs = DIMACSErrors(problem: sdpa, conic: problem, x: sol.x, s: sol.s, y: sol.y).values
        print("file:             \(file)")
        print("problem:          m = \(sdpa.constraintCount), blocks = \(sdpa.blockSizes)")
        print("status:           \(sol.status)")
        print(String(format: "primal objective: %+.12e", sol.primalObjective))
        print(String(format: "dual objective:   %+.12e", sol.dualObjective))
        print("iterations:       \(sol.iterations)")
        print(String(format: "time per solve:   %.6f s (mean of %d)", seconds / Double(repetitions), repetitions))
        print("DIMACS errors:    " + dimacs.enumerated().map { String(format: "err%d %.2e", $0.offset + 1, $0.element) }
            .joined(separator: "  "))
        switch sol.status {
        case .optimal, .inaccurate, .primalInfeasible, .dualInfeasible: return
        case .iterationLimit, .numericalFailure: throw ExitCode(1)
        }
    }
}
