import Optimization
import Testing

@Suite("SDPA reader")
struct SDPAReaderTests {
    static let small = """
    "A 2-constraint example with an LP block
    * another comment
    2 =mdim
    2 =nblocks
    {2, -2}
    (1.0, 2.0)
    0 1 1 1 1.0
    0 1 2 2 1.0
    1 1 1 1 1.0
    1 1 1 2 0.5
    1 2 1 1 1.0
    2 1 2 2 1.0
    2 2 2 2 1.0

    """

    @Test func parsesHeaderSeparatorsAndEntries() throws {
        let p = try SDPAReader.parse(Self.small)
        #expect(p.constraintCount == 2)
        #expect(p.blockSizes == [2, -2])
        #expect(p.c == [1, 2])
        #expect(p.entries.count == 7)
        #expect(p.entries[3] == .init(matrix: 1, block: 0, i: 0, j: 1, value: 0.5))
        let conic = try p.conicProblem()
        #expect(conic.cones == [.psd(2), .nonnegative(2)])
        // Row of (1,2) in block 1 is the off-diagonal svec entry, scaled by √2 and negated.
        #expect(abs(conic.A.dense[1] + 0.5 * SymmetricVectorization.sqrt2) < 1e-15)
        #expect(conic.b[0] == -1 && conic.b[2] == -1)
    }

    /// min x₁ + 2x₂ s.t. [[x₁ − 1, x₁/2], [x₁/2, x₂ − 1]] ⪰ 0, x₁ ≥ 0, x₂ ≥ 0.
    @Test func solvesTheSmallExample() throws {
        let p = try SDPAReader.parse(Self.small)
        let conic = try p.conicProblem()
        let sol = ConicSolver.solve(conic)
        #expect(sol.status == .optimal)
        // Optimum: minimise x₁ + 2x₂ with (x₁ − 1)(x₂ − 1) ≥ x₁²/4, x₁ ≥ 1, x₂ ≥ 1.
        let x1 = sol.x[0], x2 = sol.x[1]
        #expect((x1 - 1) * (x2 - 1) >= x1 * x1 / 4 - 1e-6)
        let errs = DIMACSErrors(problem: p, conic: conic, x: sol.x, s: sol.s, y: sol.y).values
        #expect(errs.allSatisfy { abs($0) < 1e-7 })
    }

    @Test(arguments: [
        ("2\n1\n2\n1 2\n0 1 1 1\n", 5, "5 fields"),
        ("2\n1\n2\n1 2\n0 3 1 1 1.0\n", 5, "block number"),
        ("2\n1\n2\n1 2\n0 1 1 3 1.0\n", 5, "outside block"),
        ("2\n1\n-2\n1 2\n0 1 1 2 1.0\n", 5, "diagonal block"),
        ("2\n1\n2\n1 x\n", 4, "invalid number"),
        ("two\n1\n2\n1 2\n", 1, "expected the number of constraint matrices"),
        ("2\n1\n2\n1\n", 5, "end of file"),
        ("2\n1\n0\n1 2\n", 3, "block size"),
        ("2\n1\n2\n1 2\n7 1 1 1 1.0\n", 5, "matrix number"),
        ("2\n1\n2\n1 2\n0 1 1 1 nan\n", 5, "invalid value"),
    ])
    func reportsErrorsWithLineNumbers(_ c: (String, Int, String)) {
        do {
            _ = try SDPAReader.parse(c.0)
            Issue.record("expected a parse error")
        } catch {
            #expect(error.line == c.1, "\(error)")
            #expect(error.message.contains(c.2), "\(error)")
        }
    }
}
