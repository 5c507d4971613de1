import Dispatch
import Foundation
import SweepEngine

/// SIGINT/SIGTERM: the first stops the sweep cleanly (no new units, in-flight ones finish, the journal
/// is flushed and synced); a second one exits at once — the journal stays valid, at worst with a torn
/// last line that resume drops.
final class SignalTrap: Sendable {
    let cancellation = Cancellation()
    private nonisolated(unsafe) var sources: [DispatchSourceSignal] = []
    /// A serial (overcommitting) queue: it gets a thread even while the sweep's workers occupy every
    /// thread of the global pool, so a signal is handled at once.
    private let queue = DispatchQueue(label: "masweep.signals")

    init(quiet: Bool) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            let cancellation = self.cancellation
            source.setEventHandler {
                if cancellation.isCancelled { _exit(130) }
                cancellation.cancel()
                if !quiet {
                    FileHandle.standardError.write(Data("\nstopping: finishing the units in flight and flushing the journal (signal again to quit now)\n".utf8))
                }
            }
            source.resume()
            sources.append(source)
        }
    }
}

enum ExitInterrupted {
    static let status: Int32 = 130
}
