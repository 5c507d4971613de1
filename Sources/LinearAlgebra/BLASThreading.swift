import CLAPACK

/// Threading policy of the BLAS/LAPACK backend.
///
/// masweep parallelises over work units, never inside a kernel: the matrices of one solve are tiny
/// (N ≤ 64), where a threaded BLAS only adds synchronisation, and a threaded BLAS under a threaded
/// scheduler oversubscribes the cores. Pinning also removes any chance that a reduction order inside
/// BLAS depends on the thread count.
public enum BLASThreading {
    /// Restricts OpenBLAS to one thread. Call once at start-up, before any worker thread starts.
    public static func pinToOneThread() {
        openblas_set_num_threads(1)
    }

    /// The number of threads OpenBLAS will use for the next call.
    public static var threadCount: Int { Int(openblas_get_num_threads()) }
}
