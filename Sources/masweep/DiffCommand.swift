import ArgumentParser
import Foundation
import SweepEngine

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two result CSVs for review: columns and rows by name and key, numbers within tolerance.",
        discussion: """
            Rows are matched by the sweep columns (from <file>.manifest.json beside the CSV when present; \
            Docs/review.md gives the rule without one), columns by name. A number in A matches B when \
            |a - b| <= atol + rtol*|b|; nan matches nan. With --ci, a change counts only when \
            |a - b| > ci95_A + ci95_B (the <label>_ci95 columns of both files); smaller changes are listed \
            as within-noise drift.
            Exit status: 0 equal within tolerance (with --ci: no significant change), 1 differences, \
            2 bad input (unreadable or malformed CSV, no common key columns, bad option).
            """)

    @Argument(help: "The reference CSV (e.g. the committed result).")
    var a: String

    @Argument(help: "The CSV to compare with it (e.g. the new result).")
    var b: String

    @Option(name: .long, help: "Relative tolerance for every column.")
    var rtol: Double = Tolerance.default.rtol

    @Option(name: .long, help: "Absolute tolerance for every column.")
    var atol: Double = Tolerance.default.atol

    @Option(name: .customLong("column-tol"), parsing: .singleValue,
            help: ArgumentHelp("Tolerance for one column (repeatable); an omitted ATOL is --atol.", valueName: "NAME=RTOL[,ATOL]"))
    var columnTol: [String] = []

    @Flag(name: .long, help: "Flag only changes larger than the combined 95 % half-widths (ci95_A + ci95_B).")
    var ci = false

    @Option(name: .long, help: ArgumentHelp("Key columns, comma-separated (default: detected).", valueName: "COLUMNS"))
    var key: String?

    @Option(name: .long, help: "Lines listed per section before '... N more'.")
    var limit: Int = DiffReport.defaultLimit

    func validate() throws {
        for (name, x) in [("--rtol", rtol), ("--atol", atol)] where !(x >= 0 && x.isFinite) {
            throw ValidationError("\(name) must be a finite number >= 0 (got \(x))")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1 (got \(limit))") }
        _ = try columnTolerances()
    }

    /// `NAME=RTOL[,ATOL]`; split at the last `=` (labels may contain `=`, numbers cannot).
    func columnTolerances() throws -> [String: Tolerance] {
        var result: [String: Tolerance] = [:]
        for spec in columnTol {
            guard let eq = spec.lastIndex(of: "=") else {
                throw ValidationError("--column-tol '\(spec)': expected NAME=RTOL[,ATOL]")
            }
            let name = String(spec[..<eq])
            let numbers = spec[spec.index(after: eq)...].split(separator: ",", omittingEmptySubsequences: false)
            let values = numbers.map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard !name.isEmpty, (1...2).contains(values.count),
                  values.allSatisfy({ $0 != nil && $0! >= 0 && $0!.isFinite }) else {
                throw ValidationError("--column-tol '\(spec)': expected NAME=RTOL[,ATOL] with numbers >= 0")
            }
            result[name] = Tolerance(rtol: values[0]!, atol: values.count == 2 ? values[1]! : atol)
        }
        return result
    }

    func run() throws {
        let options = DiffOptions(
            tolerance: Tolerance(rtol: rtol, atol: atol), columnTolerances: try columnTolerances(), useCI: ci,
            keyColumns: key.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
        let result: DiffResult
        do {
            result = try CSVDiff.compare(pathA: a, pathB: b, options: options)
        } catch let error as CSVReadError {
            printError(error.description)
            throw ExitCode(ExitStatus.badInput)
        } catch let error as DiffInputError {
            printError("error: \(error.message)")
            throw ExitCode(ExitStatus.badInput)
        }
        print(DiffReport.text(result, limit: limit), terminator: "")
        if !result.isEqual { throw ExitCode(ExitStatus.differences) }
    }
}

extension ExitStatus {
    /// `masweep diff`: the files differ beyond tolerance (or significantly, with --ci).
    static let differences: Int32 = 1
}
