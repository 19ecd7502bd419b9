#!/usr/bin/env python3
"""The strongest competitors of issue 11, timed in the same run as eqgeom (scripts/bench.sh), one thread:
FFTW through pyfftw and scipy.fft, tuned NumPy (rfft + one Hermitian product per block), JAX on CPU for
Adam, python-flint for component counts, and a copy of the same bytes as the floor. Prints one line per
benchmark: name, median seconds (min of the repeats for JAX after compilation), result."""
import functools
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")
import numpy as np  # noqa: E402

import reference  # noqa: E402  (benchmarks/reference.py: the shared timer)

N, SIDE, PIXELS = 60000, 28, 784
PAPER = [13, 10, 9, 8, 7, 5, 3, 1, 0, 0, 0, 0, 0, 0, 0]


def timed(name, fn, repeats=5):
    reference.timed(name, fn, repeats)


def synthetic():
    k = np.arange(N * PIXELS, dtype=np.float64)
    v = np.sin(12.9898 * np.floor(k / PIXELS) + 78.233 * (k % PIXELS)) * 43758.5453
    return (v - np.floor(v)).reshape(N, PIXELS)


@functools.lru_cache(maxsize=None)
def layout_columns(c=SIDE, cycles=SIDE):
    """eqgeom's coordinate order for `cycles` cycles of length c: for each column, the (cycle, frequency, part)
    it reads, with its factor (constant/alternating 1/√c, cosine √(2/c)·Re, sine −√(2/c)·Im)."""
    cyc, freq, imag, fac = [], [], [], []
    for f in range(c // 2 + 1):
        pair = 0 < f and 2 * f != c
        for k in range(cycles):
            for part in ([0, 1] if pair else [0]):
                cyc.append(k), freq.append(f), imag.append(part)
                fac.append((-1 if part else 1) * np.sqrt(2 / c) if pair else 1 / np.sqrt(c))
    return np.array(cyc), np.array(freq), np.array(imag), np.array(fac)


def to_layout(spectra, cycles, c):
    """(rows, cycles, c/2+1) complex half spectra → rows × n coordinates in eqgeom's order."""
    cyc, freq, imag, fac = layout_columns(c, cycles)
    view = spectra.view(np.float64).reshape(spectra.shape[0], cycles, c // 2 + 1, 2)
    return view[:, cyc, freq, imag] * fac


def transforms(x):
    import scipy.fft
    import pyfftw

    out = np.empty_like(x)
    timed("memcpy_60000x784 (np.copyto, the floor)", lambda: np.copyto(out, x) or out[0, 1])
    cube = x.reshape(N, SIDE, SIDE)
    timed(
        "transform_60000x784 numpy.fft.rfft + layout", lambda: to_layout(np.fft.rfft(cube, axis=2), SIDE, SIDE)[0, 0])
    timed(
        "transform_60000x784 scipy.fft.rfft(workers=1) + layout",
        lambda: to_layout(scipy.fft.rfft(cube, axis=2, workers=1), SIDE, SIDE)[0, 0])
    plan = pyfftw.builders.rfft(pyfftw.byte_align(cube.copy()), axis=2, threads=1, planner_effort="FFTW_ESTIMATE")
    timed("transform_60000x784 pyfftw (FFTW) rfft + layout", lambda: to_layout(plan(cube), SIDE, SIDE)[0, 0])
    timed("transform_60000x784 pyfftw (FFTW) rfft alone", lambda: plan(cube)[0, 0, 0].real)
    v = (np.arange(1_000_000) % 7).astype(np.float64).reshape(1, 1000, 1000)
    big = pyfftw.builders.rfft(pyfftw.byte_align(v.copy()), axis=2, threads=1, planner_effort="FFTW_ESTIMATE")
    timed(
        "transform_n1e6 scipy.fft.rfft(workers=1) + layout",
        lambda: to_layout(scipy.fft.rfft(v, axis=2, workers=1), 1000, 1000)[0, 0])
    timed("transform_n1e6 pyfftw (FFTW) rfft + layout", lambda: to_layout(big(v), 1000, 1000)[0, 0])
    timed("transform_n1e6 pyfftw (FFTW) rfft alone", lambda: big(v)[0, 0, 0].real)


def block_spectra(x):
    """Tuned NumPy: one batched rfft, one Hermitian product per block (BLAS zgemm), eigvalsh per block."""
    spectra = np.fft.rfft(x.reshape(N, SIDE, SIDE), axis=2)
    values = []
    for f in range(SIDE // 2 + 1):
        z = np.ascontiguousarray(spectra[:, :, f])
        scale = 1 / SIDE if f in (0, SIDE // 2) else 2 / SIDE
        values.append(np.linalg.eigvalsh(scale * (z.conj().T @ z))[::-1].clip(min=0))
    return values


def best(values, rank=99):
    dp = np.zeros(rank + 1)
    for f, lam in enumerate(values):
        w = 1 if f in (0, SIDE // 2) else 2
        keep = np.concatenate([[0], np.cumsum(lam)])
        nxt = dp.copy()
        for t in range(1, SIDE + 1):
            if t * w > rank:
                break
            nxt[t * w:] = np.maximum(nxt[t * w:], dp[: rank + 1 - t * w] + keep[t])
        dp = nxt
    return (sum(v.sum() for v in values) - dp[rank]) / (N * PIXELS)


def optimum(x):
    def paper():
        values = block_spectra(x)
        return sum(v[t:].sum() for v, t in zip(values, PAPER)) / (N * PIXELS)

    timed("exact_optimum_60000x784 tuned NumPy (rfft + zgemm per block + eigvalsh)", paper)
    timed("best_component_60000x784 tuned NumPy (same + DP)", lambda: best(block_spectra(x)))


def adam_jax(x):
    """One epoch of Adam (batches of 100, cosine schedule) on the paper's component, block by block in the
    Q basis, with complex blocks as real 2t×2d matrices of [[a, −b], [b, a]] entries, jit-compiled with
    lax.scan over the epoch's batches; then the trained blocks' loss over all rows."""
    import jax
    import jax.numpy as jnp

    jax.config.update("jax_enable_x64", True)
    y = to_layout(np.fft.rfft(x.reshape(N, SIDE, SIDE), axis=2), SIDE, SIDE)
    blocks = []
    for f, t in enumerate(PAPER):
        if t == 0:
            continue
        cx = 0 < f < SIDE // 2
        first = 0 if f == 0 else SIDE + 2 * SIDE * (f - 1)
        m = 2 * SIDE if cx else SIDE
        blocks.append((cx, t, jnp.asarray(y[:, first:first + m])))

    def expand(p, cx):  # complex parameters (t, d, 2) → real (2t, 2d) blocks [[a, −b], [b, a]]
        if not cx:
            return p
        a, b = p[..., 0], p[..., 1]
        top = jnp.stack([a, -b], axis=-1).reshape(a.shape[0], -1)
        bottom = jnp.stack([b, a], axis=-1).reshape(a.shape[0], -1)
        return jnp.stack([top, bottom], axis=1).reshape(2 * a.shape[0], -1)

    def epoch_fn(cx):
        def loss(params, xb):
            e, d = expand(params[0], cx), expand(params[1], cx).T
            return jnp.mean(jnp.sum((xb @ e.T @ d.T - xb) ** 2, axis=1))

        grad = jax.grad(loss)

        @jax.jit
        def run(params, data):
            steps = data.shape[0] // 100
            batches = data[: steps * 100].reshape(steps, 100, -1)

            def step(carry, inp):
                params, m, v = carry
                i, xb = inp
                g = grad(params, xb)
                lr = 0.01 * 0.5 * (1 + jnp.cos(jnp.pi * i / steps))
                m = jax.tree.map(lambda a, b: 0.9 * a + 0.1 * b, m, g)
                v = jax.tree.map(lambda a, b: 0.999 * a + 0.001 * b * b, v, g)
                c1, c2 = 1 - 0.9 ** (i + 1), 1 - 0.999 ** (i + 1)
                params = jax.tree.map(lambda p, a, b: p - lr * (a / c1) / (jnp.sqrt(b / c2) + 1e-8), params, m, v)
                return (params, m, v), None

            zeros = jax.tree.map(jnp.zeros_like, params)
            (params, _, _), _ = jax.lax.scan(step, (params, zeros, zeros), (jnp.arange(steps), batches))
            e, d = expand(params[0], cx), expand(params[1], cx).T
            return jnp.sum((data @ e.T @ d.T - data) ** 2)

        return run

    runs = {cx: epoch_fn(cx) for cx in (False, True)}
    rng = np.random.default_rng(1)

    def epoch():
        total = 0.0
        for cx, t, data in blocks:
            shape = (t, SIDE, 2) if cx else (t, SIDE)
            params = (jnp.asarray(rng.normal(size=shape) / np.sqrt(data.shape[1])),
                      jnp.asarray(rng.normal(size=shape) / np.sqrt(data.shape[1])))
            total += float(runs[cx](params, data))
        return f"sse of trained blocks {total:.6g}"

    t = time.perf_counter()
    epoch()
    print(f"adam_epoch JAX compile + first epoch\t{time.perf_counter() - t:.4g}\t", flush=True)
    timed("adam_epoch_equivariant_60000x784 JAX (jit, lax.scan), after compilation", epoch, repeats=3)


def counts():
    import flint

    def count(cycle_length, cycles, rank):
        from math import gcd
        x = flint.fmpz_poly([1])
        for l in range(1, cycle_length + 1):
            if cycle_length % l:
                continue
            k = 1 if l <= 2 else sum(1 for m in range(l // 2 + 1, l) if gcd(m, l) == 1)
            w = 1 if l <= 2 else 2
            factor = flint.fmpz_poly([1 if i % w == 0 else 0 for i in range(w * cycles + 1)])
            x = x.mul_low(factor.pow_trunc(k, rank + 1), rank + 1)
        return x[rank]

    timed("count.mnist_r99 python-flint (fmpz_poly mul_low, pow_trunc)", lambda: count(28, 28, 99))
    timed("count.28^784_r5000 python-flint", lambda: len(str(count(28, 784, 5000))))
    timed("count.64^4096_r50000 python-flint", lambda: len(str(count(64, 4096, 50000))), repeats=3)


def main():
    x = synthetic()
    transforms(x)
    optimum(x)
    counts()
    adam_jax(x)


if __name__ == "__main__":
    main()
