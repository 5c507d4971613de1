import Foundation

/// A minimal benchmark harness: each case is timed in batches until ~`budget` seconds have passed,
/// and the median batch time per operation is reported, so one slow batch (another process, a page
/// fault) does not move the number. Ratios are computed between cases measured in the same run.
struct Measurement {
    let name: String
    let secondsPerOperation: Double
    let operations: Int
}

enum Bench {
    nonisolated(unsafe) static var budget: Double = 0.6
    nonisolated(unsafe) static var results: [Measurement] = []

    /// Times `body` (one operation per call); returns seconds per operation.
    @discardableResult
    static func measure(_ name: String, _ body: () -> Void) -> Double {
        body()  // warm-up: caches, lazy initialisation, page faults
        var batch = 1
        var start = Date()
        body()
        var elapsed = Date().timeIntervalSince(start)
        while elapsed < 0.02 && batch < 1 << 24 {
            batch *= 2
            start = Date()
            for _ in 0..<batch { body() }
            elapsed = Date().timeIntervalSince(start)
        }
        var perOperation: [Double] = [elapsed / Double(batch)]
        let deadline = Date().addingTimeInterval(budget)
        while Date() < deadline || perOperation.count < 3 {
            start = Date()
            for _ in 0..<batch { body() }
            perOperation.append(Date().timeIntervalSince(start) / Double(batch))
        }
        perOperation.sort()
        let median = perOperation[perOperation.count / 2]
        results.append(Measurement(name: name, secondsPerOperation: median, operations: batch * perOperation.count))
        print("  \(name.padding(toLength: 58, withPad: " ", startingAt: 0)) \(format(median))")
        return median
    }

    static func ratio(_ label: String, _ numerator: Double, _ denominator: Double) {
        print("  \(("→ " + label).padding(toLength: 58, withPad: " ", startingAt: 0)) \(String(format: "%.2f×", numerator / denominator))")
    }

    static func section(_ title: String) {
        print("\n\(title)")
    }

    static func format(_ seconds: Double) -> String {
        switch seconds {
        case ..<1e-6: return String(format: "%7.1f ns", seconds * 1e9)
        case ..<1e-3: return String(format: "%7.2f µs", seconds * 1e6)
        case ..<1: return String(format: "%7.2f ms", seconds * 1e3)
        default: return String(format: "%7.2f s ", seconds)
        }
    }
}
