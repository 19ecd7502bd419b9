/* Not API. zlib (Debian zlib1g-dev) for gzip input (MNIST .gz, CSV .gz) and PNG output.
   inflateInit2 / deflateInit are macros: wrapped here. */
#ifndef EQGEOM_CZLIB_SHIM_H
#define EQGEOM_CZLIB_SHIM_H
#include <zlib.h>
static inline int eq_inflate_init_auto(z_stream *s) { return inflateInit2(s, 15 + 32); }  /* gzip or zlib header */
static inline int eq_deflate_init(z_stream *s, int level) { return deflateInit(s, level); }
#endif
