import Foundation
@testable import Optimization

/// Slots written by concurrent workers (each index by exactly one worker), read after they finish.
final class ConcurrentResults: @unchecked Sendable {
    private var slots: [MILPSolution?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: MILPSolution?, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func value(at index: Int) -> MILPSolution? {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]
    }
}
