#ifndef MASWEEP_CGLPK_SHIM_H
#define MASWEEP_CGLPK_SHIM_H
#include <glpk.h>
#endif
