#!/usr/bin/env python3
"""neural-tangents 0.6.5 (JAX, float64, CPU) on the shapes of `eqgeom-bench --filter kernel`, with the same
synthetic data (frac(43758.5453·sin(12.9898·row + 78.233·column)), 784 values per row), so the printed NTK
traces can be compared digit by digit. Median of 5 after one compiling call (compilation reported apart).
Run by scripts/bench.sh in .build/nt-venv (neural-tangents needs an older JAX than the rest of the set-up)."""
import os
import statistics
import time

os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")
import jax  # noqa: E402

jax.config.update("jax_enable_x64", True)
import numpy as np  # noqa: E402
from neural_tangents import stax  # noqa: E402

rows = np.arange(1000)[:, None]
cols = np.arange(784)[None, :]
v = np.sin(12.9898 * rows + 78.233 * cols) * 43758.5453
pixels = v - np.floor(v)


def bench(name, layers, x):
    _, _, kernel = stax.serial(*layers)
    fn = jax.jit(lambda a: kernel(a, a, ("nngp", "ntk")))
    t = time.perf_counter()
    jax.block_until_ready(fn(x))
    first = time.perf_counter() - t
    times = []
    for _ in range(5):
        t = time.perf_counter()
        k = jax.block_until_ready(fn(x))
        times.append(time.perf_counter() - t)
    trace = float(np.trace(np.asarray(k.ntk)))
    print(f"{name}\t{statistics.median(times):.4f} s\t(first call {first:.2f} s)\tNTK trace {trace!r}")


def mlp(depth):
    layers = []
    for _ in range(depth):
        layers += [stax.Dense(512, W_std=1.0, b_std=1.0), stax.Relu()]
    return layers + [stax.Dense(1, W_std=1.0, b_std=1.0)]


def cnn(pool):
    return [stax.Conv(64, (3, 3), padding="CIRCULAR", W_std=1.0, b_std=1.0), stax.Relu(), pool,
            stax.Dense(1, W_std=1.0, b_std=1.0)]


bench("kernel.mlp1_1000x784", mlp(1), pixels)
bench("kernel.mlp5_1000x784", mlp(5), pixels)
bench("kernel.cnn_flatten_100x28x28", cnn(stax.Flatten()), pixels[:100].reshape(100, 28, 28, 1))
flat = pixels.reshape(-1)[:20 * 256]
bench("kernel.cnn_gap_20x16x16", cnn(stax.GlobalAvgPool()), flat.reshape(20, 16, 16, 1))
