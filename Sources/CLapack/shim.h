/* Not API. LAPACKE + CBLAS (OpenBLAS) for NumericBridge. Swift cannot import C _Complex, so the
   complex LAPACKE prototypes use a plain struct of the same layout (LAPACK 3.11 allows this). */
#ifndef EQGEOM_CLAPACK_SHIM_H
#define EQGEOM_CLAPACK_SHIM_H
typedef struct { float re, im; } eq_cfloat;
typedef struct { double re, im; } eq_cdouble;
#define lapack_complex_float eq_cfloat
#define lapack_complex_double eq_cdouble
#include <lapacke.h>
#include <cblas.h>
#endif
