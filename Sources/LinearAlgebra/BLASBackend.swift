import CLAPACK

/// The BLAS/LAPACK library behind the wrappers, for provenance.
///
/// Bits of a result depend on more than the code and the seed: OpenBLAS built with DYNAMIC_ARCH picks
/// its kernels by CPU at load time (e.g. SkylakeX on AVX-512 machines, Haswell on AVX2 ones), and
/// different kernels accumulate in different orders. Byte-identical CSVs are promised for one kernel
/// family; manifests record which one produced them.
public enum BLASBackend {
    /// OpenBLAS's build description, which names the kernel family in use, e.g.
    /// "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64".
    public static var configuration: String { String(cString: openblas_get_config()) }

    /// The kernel family alone, e.g. "SkylakeX" (OPENBLAS_CORETYPE overrides the CPU detection).
    public static var coreName: String { String(cString: openblas_get_corename()) }
}
