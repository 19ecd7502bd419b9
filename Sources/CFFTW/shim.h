/* Not API. FFTW 3 (Debian libfftw3-dev), double precision, for NumericBridge's real transforms. */
#ifndef EQGEOM_CFFTW_SHIM_H
#define EQGEOM_CFFTW_SHIM_H
#include <fftw3.h>
#endif
