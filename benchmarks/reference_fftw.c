/* The C reference of issue 11: what FFTW and OpenBLAS alone do on eqgeom's numeric hot paths, written as
 * plain, tuned C (tiles that stay in cache, buffers allocated and touched once, no temporaries), one thread.
 * Data: the synthetic 60,000 x 784 images of the other benchmarks; sigma = the horizontal shift of 28 x 28
 * images (28 cycles of 28 consecutive pixels); blocks = frequencies f = 0..14 (f = 0, 14 real, the rest complex).
 * Output layout of the transform: eqgeom's (block-major, then cycle, then cosine/sine).
 * Build (scripts/bench.sh): cc -O2 -march=native -ffp-contract=off -DFLAGS=FFTW_ESTIMATE
 *     benchmarks/reference_fftw.c -lfftw3 -llapacke -lopenblas -lm
 * Prints one line per benchmark: name, median seconds over REPEATS runs, a checksum to compare with eqgeom. */
#include <complex.h>
/* -ffp-contract=off: the synthetic data frac(sin(.)·43758.5453) must be computed without FMA, as in Swift. */
#include <fftw3.h>
#include <lapacke.h>
#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { N = 60000, SIDE = 28, PIXELS = 784, HALF = 15, REPEATS = 5, TILE = 1 << 14 };
static const int PAPER[HALF] = {13, 10, 9, 8, 7, 5, 3, 1, 0, 0, 0, 0, 0, 0, 0};

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *t, int n) {
    qsort(t, n, sizeof *t, compare);
    return t[n / 2];
}

/* Column of (frequency f, cycle k, sine?) in eqgeom's layout for 28 cycles of 28. */
static int column(int f, int k, int sine) {
    if (f == 0) return k;
    if (f == SIDE / 2) return SIDE + 2 * SIDE * (SIDE / 2 - 1) + k;
    return SIDE + 2 * SIDE * (f - 1) + 2 * k + sine;
}

static double *synthetic(void) {
    double *x = fftw_alloc_real((size_t)N * PIXELS);
    for (size_t k = 0; k < (size_t)N * PIXELS; k++) {
        double v = sin(12.9898 * (double)(k / PIXELS) + 78.233 * (double)(k % PIXELS)) * 43758.5453;
        x[k] = v - floor(v);
    }
    return x;
}

/* Q_sigma^T on every row: tiles of whole cycles, one batched r2c per tile, one write into the layout. */
static void transform(const double *x, double *y, int rows, int cycles, int c, double *in, fftw_complex *out,
                      fftw_plan plan, int per_tile, const int *col, const double *factor, const int *offset) {
    int half = c / 2 + 1, local = c, total = rows * cycles, n = cycles * c;
    for (int start = 0; start < total; start += per_tile) {
        int count = total - start < per_tile ? total - start : per_tile;
        memcpy(in, x + (size_t)start * c, sizeof(double) * count * c);
        if (count == per_tile) fftw_execute(plan);
        else {
            fftw_plan p = fftw_plan_many_dft_r2c(1, &c, count, in, NULL, 1, c, out, NULL, 1, half, FFTW_ESTIMATE);
            fftw_execute(p);
            fftw_destroy_plan(p);
        }
        for (int t = 0; t < count; t++) {
            int m = start + t, r = m / cycles, k = m % cycles;
            const double *s = (const double *)(out + (size_t)t * half);
            double *row = y + (size_t)r * n;
            const int *cols = col + k * local;
            for (int j = 0; j < local; j++) row[cols[j]] = s[offset[j]] * factor[j];
        }
    }
}

/* The same transform as eqgeom's grid path: one guru plan per tile reads the rows in place and writes the half
 * spectra frequency-major ([row][f][cycle]); the layout is then one scaled, contiguous copy per row. */
static void transform_guru(const double *x, double *y, fftw_complex *out, fftw_plan plan, int rows_per_tile) {
    int half = HALF, n = PIXELS;
    double s0 = 1 / sqrt((double)SIDE), s = sqrt(2.0 / SIDE);
    for (int start = 0; start < N; start += rows_per_tile) {
        int rows = N - start < rows_per_tile ? N - start : rows_per_tile;
        fftw_plan p = plan;
        if (rows != rows_per_tile) {
            fftw_iodim dim = {SIDE, 1, SIDE}, loops[2] = {{rows, n, half * SIDE}, {SIDE, SIDE, 1}};
            p = fftw_plan_guru_dft_r2c(1, &dim, 2, loops, (double *)x, out, FFTW_ESTIMATE | FFTW_PRESERVE_INPUT);
        }
        fftw_execute_dft_r2c(p, (double *)x + (size_t)start * n, out);
        if (p != plan) fftw_destroy_plan(p);
        for (int r = 0; r < rows; r++) {
            const double *o = (const double *)(out + (size_t)r * half * SIDE);
            double *row = y + (size_t)(start + r) * n;
            for (int k = 0; k < SIDE; k++) row[k] = o[2 * k] * s0;
            for (int i = 0; i < (HALF - 2) * SIDE; i++) {
                row[SIDE + 2 * i] = o[2 * SIDE + 2 * i] * s;
                row[SIDE + 2 * i + 1] = o[2 * SIDE + 2 * i + 1] * -s;
            }
            for (int k = 0; k < SIDE; k++) row[PIXELS - SIDE + k] = o[2 * (HALF - 1) * SIDE + 2 * k] * s0;
        }
    }
}

static void layout(int cycles, int c, int *col, double *factor, int *offset) {
    /* per cycle k and local column j (constant, cos/sin pairs, alternating) */
    for (int k = 0; k < cycles; k++) {
        int j = 0;
        for (int f = 0; f <= c / 2; f++) {
            int pair = f > 0 && 2 * f != c;
            for (int s = 0; s <= pair; s++, j++) {
                int cc = c == SIDE ? column(f, k, s) : -1;
                if (c != SIDE) { /* one vector of 1000 cycles of 1000: block-major likewise */
                    int before = f == 0 ? 0 : cycles + 2 * cycles * (f - 1);
                    cc = f == 0 ? k : (2 * f == c ? cycles + 2 * cycles * (c / 2 - 1) + k : before + 2 * k + s);
                }
                col[k * c + j] = cc;
                if (k == 0) {
                    offset[j] = 2 * f + s;
                    factor[j] = pair ? (s ? -1 : 1) * sqrt(2.0 / c) : 1 / sqrt((double)c);
                }
            }
        }
    }
}

/* Block moments by one zherk per block on the transformed tile, then eigenvalues per block; loss of a tuple. */
static double spectra(const double *x, double eig[HALF][SIDE], double *total) {
    int rows = TILE / PIXELS, c = SIDE, half = HALF;
    double *in = fftw_alloc_real((size_t)rows * PIXELS);
    fftw_complex *out = fftw_alloc_complex((size_t)rows * SIDE * half);
    fftw_plan plan = fftw_plan_many_dft_r2c(1, &c, rows * SIDE, in, NULL, 1, c, out, NULL, 1, half, FFTW_ESTIMATE);
    double complex *h = calloc((size_t)half * SIDE * SIDE, sizeof *h);
    double complex *z = malloc(sizeof *z * rows * SIDE);
    for (int start = 0; start < N; start += rows) {
        int count = N - start < rows ? N - start : rows;
        memcpy(in, x + (size_t)start * PIXELS, sizeof(double) * count * PIXELS);
        if (count < rows) memset(in + count * PIXELS, 0, sizeof(double) * (rows - count) * PIXELS);
        fftw_execute(plan);
        for (int f = 0; f < half; f++) {
            for (int m = 0; m < count * SIDE; m++) z[m] = ((double complex *)out)[(size_t)m * half + f];
            cblas_zherk(CblasRowMajor, CblasUpper, CblasConjTrans, SIDE, count, 1.0, z, SIDE, 1.0,
                        h + (size_t)f * SIDE * SIDE, SIDE);
        }
    }
    *total = 0;
    for (int f = 0; f < half; f++) {
        double scale = (f == 0 || f == half - 1) ? 1.0 / c : 2.0 / c;
        double complex *a = h + (size_t)f * SIDE * SIDE;
        for (int i = 0; i < SIDE * SIDE; i++) a[i] *= scale;
        LAPACKE_zheevd(LAPACK_ROW_MAJOR, 'N', 'U', SIDE, (lapack_complex_double *)a, SIDE, eig[f]);
        for (int i = 0; i < SIDE; i++) *total += eig[f][i];
    }
    fftw_destroy_plan(plan);
    fftw_free(in);
    fftw_free(out);
    free(h);
    free(z);
    return 0;
}

static double discarded(double eig[HALF][SIDE], const int *tuple) {
    double s = 0;
    for (int f = 0; f < HALF; f++)  /* ascending eigenvalues: the smallest SIDE - t are discarded */
        for (int i = 0; i < SIDE - tuple[f]; i++) s += eig[f][i] > 0 ? eig[f][i] : 0;
    return s / ((double)N * PIXELS);
}

/* Best tuple at rank 99: knapsack over blocks (weight 1 for f = 0, 14, else 2) maximising retained energy. */
static double best(double eig[HALF][SIDE], int rank) {
    double *dp = malloc(sizeof *dp * (rank + 1)), *next = malloc(sizeof *next * (rank + 1));
    for (int r = 0; r <= rank; r++) dp[r] = 0;
    for (int f = 0; f < HALF; f++) {
        int w = (f == 0 || f == HALF - 1) ? 1 : 2;
        for (int r = 0; r <= rank; r++) {
            double keep = 0, v = dp[r];
            for (int t = 1; t <= SIDE && t * w <= r; t++) {
                keep += eig[f][SIDE - t];
                if (dp[r - t * w] + keep > v) v = dp[r - t * w] + keep;
            }
            next[r] = v;
        }
        memcpy(dp, next, sizeof *dp * (rank + 1));
    }
    double v = dp[rank];
    free(dp);
    free(next);
    return v;
}

/* E (k x m) and D (m x k) from the parameters: dense on a real block, [[a, -b], [b, a]] entries on a complex one. */
static void weights(const double *theta, int t, int complexBlock, int half_e, double *e, double *d) {
    int m = complexBlock ? 2 * SIDE : SIDE, k = complexBlock ? 2 * t : t;
    for (int i = 0; i < t; i++)
        for (int j = 0; j < SIDE; j++) {
            if (complexBlock) {
                double a = theta[2 * (i * SIDE + j)], b = theta[2 * (i * SIDE + j) + 1];
                double ad = theta[half_e + 2 * (j * t + i)], bd = theta[half_e + 2 * (j * t + i) + 1];
                e[(2 * i) * m + 2 * j] = a, e[(2 * i) * m + 2 * j + 1] = -b;
                e[(2 * i + 1) * m + 2 * j] = b, e[(2 * i + 1) * m + 2 * j + 1] = a;
                d[(2 * j) * k + 2 * i] = ad, d[(2 * j) * k + 2 * i + 1] = -bd;
                d[(2 * j + 1) * k + 2 * i] = bd, d[(2 * j + 1) * k + 2 * i + 1] = ad;
            } else {
                e[i * m + j] = theta[i * SIDE + j];
                d[j * k + i] = theta[half_e + j * t + i];
            }
        }
}

/* One epoch of Adam (mini-batches of 100) on the paper's component, block by block in the Q basis, then the
 * trained block's squared error over all rows (eqgeom reports the loss of the model it trained):
 * a real block keeps a dense t x d encoder; a complex block a 2t x 2d real encoder of complex entries
 * [[a, -b], [b, a]] (likewise the decoder); rows shuffled once per epoch; five GEMMs per step. */
static double adam_block(const double *y, int f, int t, double *theta_out) {
    int complexBlock = f > 0 && f < HALF - 1, w = complexBlock ? 2 : 1, m = w * SIDE, k = w * t, B = 100;
    int first = f == 0 ? 0 : (f == HALF - 1 ? PIXELS - SIDE : SIDE + 2 * SIDE * (f - 1));
    int np = 2 * t * SIDE * (complexBlock ? 2 : 1);
    double *theta = malloc(sizeof *theta * np), *mom = calloc(np, sizeof *mom), *vel = calloc(np, sizeof *vel);
    double *grad = malloc(sizeof *grad * np), *e = malloc(sizeof *e * k * m), *d = malloc(sizeof *d * m * k);
    double *xb = malloc(sizeof *xb * B * m), *h = malloc(sizeof *h * B * k), *rec = malloc(sizeof *rec * B * m);
    double *gd = malloc(sizeof *gd * m * k), *gh = malloc(sizeof *gh * B * k), *ge = malloc(sizeof *ge * k * m);
    unsigned long long s = 1 + f;
    for (int p = 0; p < np; p++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        theta[p] = ((double)(s >> 11) / 9007199254740992.0 - 0.5) / sqrt((double)m);
    }
    int half_e = np / 2, steps = N / B, *order = malloc(sizeof(int) * N);
    for (int i = 0; i < N; i++) order[i] = i;
    for (int i = N - 1; i > 0; i--) { /* the epoch's shuffle, as eqgeom's */
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        int j = (int)((s >> 11) % (unsigned long long)(i + 1)), tmp = order[i];
        order[i] = order[j], order[j] = tmp;
    }
    for (int step = 1; step <= steps; step++) {
        const int *rows = order + (size_t)(step - 1) * B;
        for (int r = 0; r < B; r++) memcpy(xb + r * m, y + (size_t)rows[r] * PIXELS + first, sizeof(double) * m);
        weights(theta, t, complexBlock, half_e, e, d);
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, B, k, m, 1, xb, m, e, m, 0, h, k);
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, B, m, k, 1, h, k, d, k, 0, rec, m);
        for (int i = 0; i < B * m; i++) rec[i] = 2 * (rec[i] - xb[i]) / B;
        cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, m, k, B, 1, rec, m, h, k, 0, gd, k);
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, B, k, m, 1, rec, m, d, k, 0, gh, k);
        cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, k, m, B, 1, gh, k, xb, m, 0, ge, m);
        for (int i = 0; i < t; i++)
            for (int j = 0; j < SIDE; j++) {
                if (complexBlock) {
                    grad[2 * (i * SIDE + j)] = ge[(2 * i) * m + 2 * j] + ge[(2 * i + 1) * m + 2 * j + 1];
                    grad[2 * (i * SIDE + j) + 1] = -ge[(2 * i) * m + 2 * j + 1] + ge[(2 * i + 1) * m + 2 * j];
                    grad[half_e + 2 * (j * t + i)] = gd[(2 * j) * k + 2 * i] + gd[(2 * j + 1) * k + 2 * i + 1];
                    grad[half_e + 2 * (j * t + i) + 1] = -gd[(2 * j) * k + 2 * i + 1] + gd[(2 * j + 1) * k + 2 * i];
                } else {
                    grad[i * SIDE + j] = ge[i * m + j];
                    grad[half_e + j * t + i] = gd[j * k + i];
                }
            }
        double lr = 0.01 * 0.5 * (1 + cos(M_PI * (step - 1) / steps));
        double c1 = 1 - pow(0.9, step), c2 = 1 - pow(0.999, step);
        for (int p = 0; p < np; p++) {
            mom[p] = 0.9 * mom[p] + 0.1 * grad[p];
            vel[p] = 0.999 * vel[p] + 0.001 * grad[p] * grad[p];
            theta[p] -= lr * (mom[p] / c1) / (sqrt(vel[p] / c2) + 1e-8);
        }
    }
    /* the trained block's loss over all rows, as eqgeom reports it (tiles of B rows, E and D from theta) */
    weights(theta, t, complexBlock, half_e, e, d);
    double sse = 0;
    for (int r0 = 0; r0 < N; r0 += B) {
        for (int r = 0; r < B; r++) memcpy(xb + r * m, y + (size_t)(r0 + r) * PIXELS + first, sizeof(double) * m);
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, B, k, m, 1, xb, m, e, m, 0, h, k);
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, B, m, k, 1, h, k, d, k, 0, rec, m);
        for (int i = 0; i < B * m; i++) sse += (rec[i] - xb[i]) * (rec[i] - xb[i]);
    }
    *theta_out = sse;
    free(theta), free(mom), free(vel), free(grad), free(e), free(d), free(xb), free(h), free(rec), free(gd);
    free(gh), free(ge), free(order);
    return 0;
}

int main(void) {
    double t[REPEATS], *x = synthetic();
    double *y = fftw_alloc_real((size_t)N * PIXELS);
    memset(y, 0, sizeof(double) * N * PIXELS);

    for (int i = 0; i < REPEATS; i++) {
        double s = now();
        memcpy(y, x, sizeof(double) * N * PIXELS);
        t[i] = now() - s;
    }
    printf("memcpy_60000x784 %.4f checksum %.6f\n", median(t, REPEATS), y[1]);

    int c = SIDE, per_tile = TILE / c, col[SIDE * SIDE], offset[SIDE];
    double factor[SIDE];
    layout(SIDE, SIDE, col, factor, offset);
    double *in = fftw_alloc_real((size_t)per_tile * c);
    fftw_complex *out = fftw_alloc_complex((size_t)per_tile * (c / 2 + 1));
    fftw_plan plan = fftw_plan_many_dft_r2c(1, &c, per_tile, in, NULL, 1, c, out, NULL, 1, c / 2 + 1, FLAGS);
    for (int i = 0; i < REPEATS; i++) {
        double s = now();
        transform(x, y, N, SIDE, SIDE, in, out, plan, per_tile, col, factor, offset);
        t[i] = now() - s;
    }
    printf("transform_60000x784 %.4f checksum %.15g\n", median(t, REPEATS), y[0]);
    {
        int rows_per_tile = TILE / PIXELS, n = PIXELS;
        fftw_complex *o = fftw_alloc_complex((size_t)rows_per_tile * HALF * SIDE);
        fftw_iodim dim = {SIDE, 1, SIDE}, loops[2] = {{rows_per_tile, n, HALF * SIDE}, {SIDE, SIDE, 1}};
        fftw_plan g = fftw_plan_guru_dft_r2c(1, &dim, 2, loops, x, o, FFTW_ESTIMATE | FFTW_PRESERVE_INPUT);
        for (int i = 0; i < REPEATS; i++) {
            double s = now();
            transform_guru(x, y, o, g, rows_per_tile);
            t[i] = now() - s;
        }
        printf("transform_guru_60000x784 %.4f checksum %.15g\n", median(t, REPEATS), y[0]);
        fftw_destroy_plan(g);
        fftw_free(o);
    }

    {
        int cl = 1000, n = cl * cl, tile = TILE / cl;
        int *colL = malloc(sizeof(int) * n), offL[1000];
        double facL[1000], *v = fftw_alloc_real(n), *w = fftw_alloc_real(n);
        for (int k = 0; k < n; k++) v[k] = k % 7;
        memset(w, 0, sizeof(double) * n);
        layout(cl, cl, colL, facL, offL);
        double *inL = fftw_alloc_real((size_t)tile * cl);
        fftw_complex *outL = fftw_alloc_complex((size_t)tile * (cl / 2 + 1));
        fftw_plan pl = fftw_plan_many_dft_r2c(1, &cl, tile, inL, NULL, 1, cl, outL, NULL, 1, cl / 2 + 1, FFTW_ESTIMATE);
        for (int i = 0; i < REPEATS; i++) {
            double s = now();
            transform(v, w, 1, cl, cl, inL, outL, pl, tile, colL, facL, offL);
            t[i] = now() - s;
        }
        printf("transform_n1e6 %.4f checksum %.15g\n", median(t, REPEATS), w[0]);
        for (int i = 0; i < REPEATS; i++) {
            double s = now();
            memcpy(w, v, sizeof(double) * n);
            t[i] = now() - s;
        }
        printf("memcpy_n1e6 %.5f checksum %g\n", median(t, REPEATS), w[1]);
    }

    double eig[HALF][SIDE], total = 0, loss = 0, keep = 0;
    for (int i = 0; i < REPEATS; i++) {
        double s = now();
        spectra(x, eig, &total);
        loss = discarded(eig, PAPER);
        t[i] = now() - s;
    }
    printf("exact_optimum_60000x784 %.4f loss %.15g\n", median(t, REPEATS), loss);
    for (int i = 0; i < REPEATS; i++) {
        double s = now();
        spectra(x, eig, &total);
        keep = best(eig, 99);
        t[i] = now() - s;
    }
    printf("best_component_60000x784 %.4f loss %.15g\n", median(t, REPEATS), (total - keep) / ((double)N * PIXELS));

    transform(x, y, N, SIDE, SIDE, in, out, plan, per_tile, col, factor, offset);
    double probe = 0;
    for (int i = 0; i < REPEATS; i++) {
        double s = now();
        double lost = 0; /* the model's loss also counts the energy of the blocks with t = 0 */
        for (int r = 0; r < N; r++)
            for (int f = 0; f < HALF; f++)
                if (PAPER[f] == 0) {
                    int first = f == HALF - 1 ? PIXELS - SIDE : SIDE + 2 * SIDE * (f - 1);
                    int m = f == HALF - 1 ? SIDE : 2 * SIDE;
                    const double *row = y + (size_t)r * PIXELS + first;
                    for (int j = 0; j < m; j++) lost += row[j] * row[j];
                }
        for (int f = 0; f < HALF; f++)
            if (PAPER[f] > 0) adam_block(y, f, PAPER[f], &probe);
        probe += lost;
        t[i] = now() - s;
    }
    printf("adam_epoch_equivariant_60000x784 %.4f last block sse %.6f\n", median(t, REPEATS), probe);
    return 0;
}
