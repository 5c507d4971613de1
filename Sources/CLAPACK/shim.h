#ifndef MASWEEP_CLAPACK_SHIM_H
#define MASWEEP_CLAPACK_SHIM_H
// These must precede the includes: without them lapacke.h declares complex arguments as C99
// `double _Complex`, which Swift cannot import, and the complex routines silently disappear.
#define HAVE_LAPACK_CONFIG_H 1
#define LAPACK_COMPLEX_STRUCTURE 1
#define FORCE_OPENBLAS_COMPLEX_STRUCT 1
#include <cblas.h>
#include <lapacke.h>
#endif
