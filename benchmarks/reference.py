#!/usr/bin/env python3
"""Competing implementations of eqgeom's benchmarks, timed in the same run (see docs/benchmarks.md).

Pure Python big integers (CPython's own), SymPy where a computer-algebra system is the natural
competitor, and GAP (if installed) for the Rubik's cube group order. Prints one line per benchmark:
name, median seconds, result.
"""
import math
import statistics
import subprocess
import sys
import time


def timed(name, fn, repeats=3):
    times, result = [], None
    for _ in range(repeats):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    print(f"{name}\t{statistics.median(times):.4g}\t{result}", flush=True)


def blocks(cycle_length, cycles):
    """(weight, multiplicity) of every block of E^σ for `cycles` cycles of one length (MATH.md §4.1)."""
    out = []
    for l in range(1, cycle_length + 1):
        if cycle_length % l:
            continue
        if l <= 2:
            out.append((1, cycles))
        else:
            out += [(2, cycles)] * sum(1 for m in range(l // 2 + 1, l) if math.gcd(m, l) == 1)
    return out


def count_dp(bl, r):
    """Tuples of weight exactly r: blockwise DP with prefix sums, O(blocks · r) big additions."""
    f = [1] + [0] * r
    for w, d in bl:
        g = [0] * (r + 1)
        for residue in range(w):
            window = 0
            idx = list(range(residue, r + 1, w))
            for k, s in enumerate(idx):
                window += f[s]
                if k - d - 1 >= 0:
                    window -= f[idx[k - d - 1]]
                g[s] = window
        f = g
    return f[r]


def fraction_rank(rows):
    m = [row[:] for row in rows]
    rank = 0
    for c in range(len(m[0])):
        p = next((i for i in range(rank, len(m)) if m[i][c] != 0), None)
        if p is None:
            continue
        m[rank], m[p] = m[p], m[rank]
        for i in range(len(m)):
            if i != rank and m[i][c] != 0:
                f = m[i][c] / m[rank][c]
                m[i] = [a - f * b for a, b in zip(m[i], m[rank])]
        rank += 1
    return rank


def main():
    sys.set_int_max_str_digits(0)
    timed("bigint.factorial_100000", lambda: f"{math.factorial(100000).bit_length()} bits")
    timed("bigint.binomial_product_1000",
          lambda: f"{math.prod(math.comb(2000 + k, 500) for k in range(1000)).bit_length()} bits", repeats=1)
    timed("count.mnist_r99", lambda: count_dp(blocks(28, 28), 99))
    timed("count.28^784_r5000", lambda: f"{len(str(count_dp(blocks(28, 784), 5000)))} digits")
    timed("count.64^4096_r50000", lambda: f"{len(str(count_dp(blocks(64, 4096), 50000)))} digits", repeats=1)
    try:
        import sympy
        x = sympy.symbols("x")
        def mnist_sympy():
            f = (sympy.Poly(sum(x**i for i in range(29)), x) ** 2
                 * sympy.Poly(sum(x**(2 * i) for i in range(29)), x) ** 13)
            return f.coeff_monomial(x**99)
        timed("count.mnist_r99 (sympy Poly)", mnist_sympy)
    except ImportError:
        print("sympy\tn/a\tnot installed")
    import random
    from fractions import Fraction
    rnd = random.Random(1)
    m = [[Fraction(rnd.randint(-10, 10), rnd.randint(1, 5)) for _ in range(120)] for _ in range(120)]
    timed("matrix.rank_rational_120x120 (Fraction elimination)", lambda: f"rank {fraction_rank(m)}", repeats=1)
    gap = ("gens := [(1,3,8,6)(2,5,7,4)(9,33,25,17)(10,34,26,18)(11,35,27,19),(9,11,16,14)(10,13,15,12)(1,17,41,"
           "40)(4,20,44,37)(6,22,46,35),(17,19,24,22)(18,21,23,20)(6,25,43,16)(7,28,42,13)(8,30,41,11),(25,27,"
           "32,30)(26,29,31,28)(3,38,43,19)(5,36,45,21)(8,33,48,24),(33,35,40,38)(34,37,39,36)(3,9,46,32)(2,12,"
           "47,29)(1,14,48,27),(41,43,48,46)(42,45,47,44)(14,22,30,38)(15,23,31,39)(16,24,32,"
           "40)];; t := Runtime();; s := Size(Group(gens));; Print(s, \" \", Runtime() - t, \"\\n\");; QUIT;")
    try:
        out = subprocess.run(["gap", "-q"], input=gap, capture_output=True, text=True, timeout=120).stdout.split()
        print(f"group.order_rubik (GAP Size, GAP's own timer)\t{int(out[1]) / 1000:.4g}\torder {out[0]}")
    except (FileNotFoundError, subprocess.TimeoutExpired, IndexError):
        print("group.order_rubik (GAP)\tn/a\tgap not installed")


def numpy_benchmarks():
    """NumPy competitors for the basis and layer benchmarks."""
    import numpy as np
    n, c = 784, 28
    q = np.zeros((n, n))
    x = np.full((60000, n), 0.5)
    timed("transform.batch_60000x784 (NumPy dense X @ Q)", lambda: f"checksum {(x @ q)[0, 0]}")
    xs = np.sin(12.9898 * np.arange(60000)[:, None] + 78.233 * np.arange(784)[None, :]) * 43758.5453
    xs = xs - np.floor(xs)
    timed("transform.torus_60000x784 (numpy.fft.rfft2 of 60000 28x28 images)",
          lambda: f"checksum {np.fft.rfft2(xs.reshape(60000, 28, 28))[0, 0, 0].real}")
    qd = np.linalg.qr(np.random.default_rng(0).standard_normal((n, n)))[0]
    timed("transform.d4_60000x784 (NumPy dense X @ Q, any 784x784 Q)", lambda: f"checksum {(xs @ qd)[0, 0]}")
    v = np.arange(1_000_000, dtype=float) % 7
    timed("transform.n1e6_1000x1000 (numpy.fft.rfft per row)",
          lambda: f"checksum {np.fft.rfft(v.reshape(1000, 1000), axis=1)[0, 0].real}")

    def emlp_style_layer():
        # EMLP's method: nullspace of the stacked constraints (ρ(g) ⊗ ρ(g)^{-T} − I) vec(W) = 0, by a float SVD.
        m = 8
        def perm(images):
            p = np.zeros((m, m)); p[images, np.arange(m)] = 1; return p
        gens = [perm([1, 0, 2, 3, 4, 5, 6, 7]), perm([1, 2, 3, 4, 5, 6, 7, 0])]
        blocks = []
        for p in gens:
            p2 = np.kron(p, p)
            blocks.append(np.kron(p2, p2) - np.eye(m ** 4))
        s = np.linalg.svd(np.vstack(blocks), compute_uv=False)
        return f"{int(np.sum(s < 1e-8))} orbits"
    timed("layer.S8_T2_T2 (EMLP-style float SVD nullspace)", emlp_style_layer, repeats=1)




def numpy_training_benchmarks():
    """NumPy versions of the training benchmarks on the same synthetic 60000×784 data."""
    import numpy as np
    i = np.arange(60000)[:, None].astype(float)
    j = np.arange(784)[None, :].astype(float)
    v = np.sin(12.9898 * i + 78.233 * j) * 43758.5453
    x = v - np.floor(v)
    # Q for 28 cycles of 28, columns in eqgeom's order (constant, then (cos, sin) pairs by block, then alternating)
    c, n = 28, 784
    fr = [f for f in range(1, 14)]
    order = sorted(fr, key=lambda f: f / c)
    q = np.zeros((n, n))
    col = 0
    s = np.arange(c)
    for k in range(28):
        q[k * c + s, col] = 1 / np.sqrt(c); col += 1
    for f in order:
        for k in range(28):
            q[k * c + s, col] = np.sqrt(2 / c) * np.cos(2 * np.pi * f * s / c)
            q[k * c + s, col + 1] = np.sqrt(2 / c) * np.sin(2 * np.pi * f * s / c)
            col += 2
    for k in range(28):
        q[k * c + s, col] = (-1.0) ** s / np.sqrt(c); col += 1
    paper = [13, 10, 9, 8, 7, 5, 3, 1, 0, 0, 0, 0, 0, 0, 0]

    def spectra():
        y = x @ q
        out = [np.linalg.eigvalsh(y[:, :28].T @ y[:, :28])[::-1]]
        for b in range(13):
            z = y[:, 28 + 56 * b:28 + 56 * (b + 1):2] + 1j * y[:, 29 + 56 * b:28 + 56 * (b + 1):2]
            out.append(np.linalg.eigvalsh(z.T @ z.conj())[::-1])
        out.append(np.linalg.eigvalsh(y[:, -28:].T @ y[:, -28:])[::-1])
        return out, float(np.sum(y * y))

    def exact():
        sp, total = spectra()
        return f"loss {(total - sum(e[:t].sum() for e, t in zip(sp, paper))) / (60000 * 784)}"

    def best():
        sp, _ = spectra()
        w = [1] + [2] * 13 + [1]
        value = np.zeros(100)
        for b in range(14, -1, -1):
            pref = np.concatenate([[0], np.cumsum(sp[b])])
            new = np.full(100, -np.inf)
            for s_ in range(100):
                for t in range(0, min(28, s_ // w[b]) + 1):
                    new[s_] = max(new[s_], pref[t] + value[s_ - w[b] * t])
            value = new
        return f"energy {value[99]:.6g}"

    def adam_epoch(y, enc_shape, dec_shape, mask_e=None, mask_d=None):
        rng = np.random.default_rng(1)
        e = rng.standard_normal(enc_shape) / np.sqrt(enc_shape[1])
        d = rng.standard_normal(dec_shape) / np.sqrt(enc_shape[1])
        params = [e, d]
        m = [np.zeros_like(p) for p in params]
        vv = [np.zeros_like(p) for p in params]
        perm = rng.permutation(len(y))
        for step, k in enumerate(range(0, len(y), 100), start=1):
            xb = y[perm[k:k + 100]]
            h = xb @ e.T
            r = h @ d.T
            g = 2 * (r - xb) / len(xb)
            gd = g.T @ h
            ge = (g @ d).T @ xb
            if mask_e is not None:
                ge *= mask_e; gd *= mask_d
            for p, gr, mm, v2 in zip(params, [ge, gd], m, vv):
                mm *= 0.9; mm += 0.1 * gr
                v2 *= 0.999; v2 += 0.001 * gr * gr
                p -= 0.01 * (mm / (1 - 0.9 ** step)) / (np.sqrt(v2 / (1 - 0.999 ** step)) + 1e-8)
        r = (y @ e.T) @ d.T
        return f"loss {float(np.sum((r - y) ** 2)) / (60000 * 784)}"

    timed("train.exact_optimum_60000x784 (NumPy)", exact, repeats=1)
    timed("train.best_component_60000x784 (NumPy)", best, repeats=1)
    y = x @ q
    # block-diagonal masks of the paper's component in the Q basis (real blocks only approximated by masks:
    # the same matrix sizes and products as the weight-sharing model)
    rows = sum(t * (1 if b in (0, 14) else 2) for b, t in enumerate(paper))
    mask_e = np.zeros((rows, n)); r0 = 0; c0 = 0
    for b, t in enumerate(paper):
        wgt = 1 if b in (0, 14) else 2
        mask_e[r0:r0 + wgt * t, c0:c0 + wgt * 28] = 1
        r0 += wgt * t; c0 += wgt * 28
    timed("train.adam_epoch_equivariant_60000x784 (NumPy, masked dense matrices)",
          lambda: adam_epoch(y, (rows, n), (n, rows), mask_e, mask_e.T), repeats=1)
    timed("train.adam_epoch_dense_60000x784 (NumPy)", lambda: adam_epoch(x, (99, n), (n, 99)), repeats=1)


if __name__ == "__main__":
    main()
    numpy_benchmarks()
    numpy_training_benchmarks()
