/* Not API. CBLAS and LAPACK from OpenBLAS alone (no LAPACKE, whose reference libraries and tmglib would load
   beside it). LAPACK is called through its Fortran entry points: column-major arrays, arguments by pointer,
   and gfortran's hidden lengths of character arguments last. Swift cannot import C _Complex, so complex
   arrays are a plain struct of the same layout. */
#ifndef EQGEOM_CLAPACK_SHIM_H
#define EQGEOM_CLAPACK_SHIM_H
#include <stddef.h>
#include <cblas.h>
typedef struct { double re, im; } eq_cdouble;

void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w, double *work,
             const int *lwork, int *iwork, const int *liwork, int *info, size_t jobz_len, size_t uplo_len);
void zheevd_(const char *jobz, const char *uplo, const int *n, eq_cdouble *a, const int *lda, double *w,
             eq_cdouble *work, const int *lwork, double *rwork, const int *lrwork, int *iwork, const int *liwork,
             int *info, size_t jobz_len, size_t uplo_len);
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s, double *u,
             const int *ldu, double *vt, const int *ldvt, double *work, const int *lwork, int *iwork, int *info,
             size_t jobz_len);
void dposv_(const char *uplo, const int *n, const int *nrhs, double *a, const int *lda, double *b, const int *ldb,
            int *info, size_t uplo_len);
#endif
