import CLAPACK

/// Threading policy of the BLAS/LAPACK backend.
///
/// masweep parallelises over work units, never inside a kernel: the matrices of one solve are tiny
/// (N ≤ 64), where a threaded BLAS only adds synchronisation, and a threaded BLAS under a threaded
/// scheduler oversubscribes the cores. Pinning also removes any chance that a reduction order inside
/// BLAS depends on the thread count: OpenBLAS splits e.g. `dsyrk` of order ≳ 50 across its threads,
/// which changes the last bits of the result, so an unpinned process (a bare `swift test`, a library
/// user's program) would not reproduce the CSVs of a pinned one.
///
/// The policy is therefore enforced by this module, not left to callers: every wrapper in `BLAS`,
/// `LAPACK` and `LeastSquares` calls `ensurePinned()` first, which pins exactly once per process
/// (Swift's thread-safe lazy initialisation), before the first kernel runs on any thread.
public enum BLASThreading {
    @usableFromInline
    static let pinnedOnFirstUse: Void = { openblas_set_num_threads(1) }()

    /// Pins OpenBLAS to one thread on the first call in the process; afterwards one atomic load.
    @inlinable @inline(__always)
    public static func ensurePinned() {
        _ = pinnedOnFirstUse
    }

    /// Restricts OpenBLAS to one thread. Executables call it at start-up, before any worker thread
    /// starts; the wrappers make it redundant but harmless.
    public static func pinToOneThread() {
        ensurePinned()
        openblas_set_num_threads(1)
    }

    /// The number of threads OpenBLAS will use for the next call.
    public static var threadCount: Int { Int(openblas_get_num_threads()) }
}
