/* The plain C loops of issue 11 for component enumeration and unranking, E^sigma_99 for MNIST's shift
 * (cycle type 28^28: 15 blocks, weights 1, 2 x 13, 1, multiplicity 28). Same algorithms as eqgeom:
 * lexicographic successor with feasibility from bound sums (no big numbers), and unranking on a table of
 * suffix counts in machine words; random indices drawn as eqgeom draws them (SplitMix64, masked, rejected).
 * Build: cc -O2 -march=native benchmarks/reference_loops.c  (scripts/bench.sh). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { B = 15, MU = 28, RANK = 99, REPEATS = 5 };
static int W[B], LO[B], HI[B];
static int rl[B + 1], rh[B + 1], cl[B + 1], ch[B + 1];

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}
static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}
static double median(double *t) { qsort(t, REPEATS, sizeof *t, cmp); return t[REPEATS / 2]; }
static int floordiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
static int ceildiv(int a, int b) { return -floordiv(-a, b); }

static int feasible(int s, int b) {
    int lo = cl[b] > ceildiv(s - rh[b], 2) ? cl[b] : ceildiv(s - rh[b], 2);
    int hi = ch[b] < floordiv(s - rl[b], 2) ? ch[b] : floordiv(s - rl[b], 2);
    return lo <= hi;
}

static int smallest(int b, int s, int atleast) {
    int rest = rh[b + 1] + 2 * ch[b + 1], t0 = atleast > LO[b] ? atleast : LO[b];
    int need = ceildiv(s - rest, W[b]);
    if (need > t0) t0 = need;
    for (int t = t0; t <= t0 + 1; t++)
        if (t <= HI[b] && feasible(s - W[b] * t, b + 1)) return t;
    return -1;
}

static int fill(int *t, int b, int s) {
    for (int i = b; i < B; i++) {
        int v = smallest(i, s, LO[i]);
        if (v < 0) return 0;
        t[i] = v;
        s -= W[i] * v;
    }
    return s == 0;
}

static int advance(int *t) {
    int prefix = 0;
    for (int b = 0; b < B; b++) prefix += W[b] * t[b];
    for (int b = B - 1; b >= 0; b--) {
        prefix -= W[b] * t[b];
        int s = RANK - prefix, v = smallest(b, s, t[b] + 1);
        if (v >= 0) { t[b] = v; return fill(t, b + 1, s - W[b] * v); }
    }
    return 0;
}

static uint64_t state = 2;
static uint64_t next(void) { /* SplitMix64, as eqgeom's SplitMix */
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

int main(void) {
    for (int b = 0; b < B; b++) W[b] = (b == 0 || b == B - 1) ? 1 : 2, LO[b] = 0, HI[b] = MU;
    for (int b = B - 1; b >= 0; b--) {
        int real = W[b] == 1;
        rl[b] = rl[b + 1] + (real ? LO[b] : 0), rh[b] = rh[b + 1] + (real ? HI[b] : 0);
        cl[b] = cl[b + 1] + (real ? 0 : LO[b]), ch[b] = ch[b + 1] + (real ? 0 : HI[b]);
    }
    double times[REPEATS];
    long count = 0;
    for (int r = 0; r < REPEATS; r++) {
        int t[B];
        double s = now();
        fill(t, 0, RANK);
        count = 1;
        while (count < 1000000 && advance(t)) count++;
        times[r] = now() - s;
    }
    printf("enumerate_mnist_r99_1e6 %.4f %ld components\n", median(times), count);

    /* suffix counts S_b(s) = #{t_b..t_{B-1}: sum w t = s} for the first space (all lower bounds 0) */
    static int64_t table[B + 1][RANK + 1];
    table[B][0] = 1;
    for (int b = B - 1; b >= 0; b--)
        for (int s = 0; s <= RANK; s++)
            for (int t = 0; t <= HI[b] && W[b] * t <= s; t++) table[b][s] += table[b + 1][s - W[b] * t];
    int64_t total = table[0][RANK];
    uint64_t mask = UINT64_MAX >> __builtin_clzll((uint64_t)total);
    long checksum = 0;
    for (int r = 0; r < REPEATS; r++) {
        state = 2;
        checksum = 0;
        double s0 = now();
        for (int k = 0; k < 10000; k++) {
            uint64_t x;
            do x = next() & mask; while (x >= (uint64_t)total);
            int64_t idx = (int64_t)x;
            int s = RANK, t[B];
            for (int b = 0; b < B; b++) {
                int v = LO[b];
                for (; v <= HI[b]; v++) {
                    int rest = s - W[b] * v;
                    int64_t c = rest >= 0 ? table[b + 1][rest] : 0;
                    if (idx < c) break;
                    idx -= c;
                }
                t[b] = v;
                s -= W[b] * v;
            }
            checksum += t[0];
        }
        times[r] = now() - s0;
    }
    printf("unrank_mnist_r99_1e4 %.5f checksum %ld (first space only: %lld components)\n", median(times), checksum,
           (long long)total);
    return 0;
}
