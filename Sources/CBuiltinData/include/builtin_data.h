#ifndef EQGEOM_BUILTIN_DATA_H
#define EQGEOM_BUILTIN_DATA_H

/// data/mnist-2k.csv.gz compiled into the binary (scripts/make-builtin-data.py), so that the built-in
/// data is found wherever eqgeom runs.
extern const unsigned long eq_mnist_2k_gz_size;
extern const unsigned char eq_mnist_2k_gz[];

/// The first byte of the data (a function, so Swift sees a pointer rather than an array of unknown size).
static inline const unsigned char *eq_mnist_2k_gz_pointer(void) { return eq_mnist_2k_gz; }

#endif
