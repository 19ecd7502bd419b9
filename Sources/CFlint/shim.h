/* Not API. FLINT 2.9 + GMP headers for the Algebra target, plus static-inline wrappers for the
   function-like macros Swift cannot import (each wrapper says which macro it stands for). */
#ifndef EQGEOM_CFLINT_SHIM_H
#define EQGEOM_CFLINT_SHIM_H
#include <gmp.h>
#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpq.h>
#include <flint/fmpz_poly.h>
#include <flint/fmpz_poly_factor.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpz_mat.h>
#include <flint/fmpq_mat.h>
#include <flint/arith.h>
/* antic (Debian libantic-dev): number fields ℚ[x]/f. arb (libflint-arb-dev): certified root enclosures. */
#include <antic/nf.h>
#include <antic/nf_elem.h>
#include <arb.h>
#include <acb.h>
#include <arb_poly.h>
#include <acb_poly.h>
#include <arb_fmpz_poly.h>

/* fmpq_numref / fmpq_denref are macros. */
static inline fmpz *eq_fmpq_numref(fmpq *x) { return fmpq_numref(x); }
static inline fmpz *eq_fmpq_denref(fmpq *x) { return fmpq_denref(x); }
static inline const fmpz *eq_fmpq_numref_const(const fmpq *x) { return fmpq_numref(x); }
static inline const fmpz *eq_fmpq_denref_const(const fmpq *x) { return fmpq_denref(x); }
/* fmpq_poly_numref / fmpq_poly_denref are macros. */
static inline fmpz *eq_fmpq_poly_numref(fmpq_poly_struct *p) { return fmpq_poly_numref(p); }
static inline fmpz *eq_fmpq_poly_denref(fmpq_poly_struct *p) { return fmpq_poly_denref(p); }
/* acb_realref / acb_imagref are macros. */
static inline arb_struct *acb_realref_shim(acb_struct *x) { return acb_realref(x); }
static inline arb_struct *acb_imagref_shim(acb_struct *x) { return acb_imagref(x); }
/* FLINT_VERSION is a string macro. */
static inline const char *eq_flint_version(void) { return FLINT_VERSION; }
#endif
