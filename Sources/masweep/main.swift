import ArgumentParser
import Foundation
import LinearAlgebra

// Parallelism belongs to the sweep scheduler; BLAS runs single-threaded (DESIGN.md §4).
BLASThreading.pinToOneThread()

// swift-argument-parser reports usage errors with EX_USAGE (64); masweep's contract is
// 0 ok, 1 run failed, 2 bad input or usage.
do {
    var command = try Masweep.parseAsRoot()
    try command.run()
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    let code = Masweep.exitCode(for: error)
    let message = Masweep.fullMessage(for: error)
    if code == .success {
        print(message)
        exit(0)
    }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(code == .validationFailure ? ExitStatus.badInput : code.rawValue)
}
