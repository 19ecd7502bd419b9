#!/usr/bin/env python3
"""Oracle NNGP/NTK values from neural-tangents itself (the reference implementation of these kernels), for
eqgeom's closed forms (MATH.md §11.1): ReLU MLPs of depth 1-3 and one-hidden-layer circular CNNs with Flatten and
GlobalAvgPool readouts, in float64 (jax_enable_x64). Writes kernels.json next to this script.
neural-tangents 0.6.5 needs an older JAX than eqgeom's set-up installs; make a separate environment:
  python3 -m venv --system-site-packages /tmp/nt-venv
  /tmp/nt-venv/bin/pip install neural-tangents==0.6.5 "jax[cpu]==0.4.30" jaxlib==0.4.30 tf2jax==0.3.6
  /tmp/nt-venv/bin/python Tests/NumericBridgeTests/Oracles/make_kernel_oracles.py"""
import json
import os

import jax
jax.config.update("jax_enable_x64", True)
import numpy as np  # noqa: E402
from neural_tangents import stax  # noqa: E402

rng = np.random.default_rng(2026)
cases = []


def add(name, layers, x, y, meta):
    _, _, kernel = stax.serial(*layers)
    k = kernel(x, y, ("nngp", "ntk"))
    cases.append({"name": name, **meta, "x": x.reshape(len(x), -1).tolist(), "y": y.reshape(len(y), -1).tolist(),
                  "nngp": np.asarray(k.nngp).tolist(), "ntk": np.asarray(k.ntk).tolist()})


for depth, (w, b) in [(1, (1.0, 0.0)), (2, (1.5, 0.1)), (3, (1.2, 0.3))]:
    x, y = rng.standard_normal((4, 6)), rng.standard_normal((3, 6))
    layers = []
    for _ in range(depth):
        layers += [stax.Dense(512, W_std=w, b_std=b), stax.Relu()]
    layers += [stax.Dense(1, W_std=w, b_std=b)]
    add(f"mlp depth {depth}", layers, x, y, {"kind": "mlp", "depth": depth, "w_std": w, "b_std": b})

for readout, pool in [("flatten", stax.Flatten()), ("gap", stax.GlobalAvgPool())]:
    for (h, wd, kh, kw, w, b) in [(1, 8, 1, 3, 1.0, 0.0), (4, 5, 3, 2, 1.3, 0.2)]:
        x, y = rng.standard_normal((3, h, wd, 1)), rng.standard_normal((2, h, wd, 1))
        layers = [stax.Conv(64, (kh, kw), padding="CIRCULAR", W_std=w, b_std=b), stax.Relu(), pool,
                  stax.Dense(1, W_std=w, b_std=b)]
        add(f"cnn {readout} {h}x{wd} kernel {kh}x{kw}", layers, x, y,
            {"kind": "cnn", "readout": readout, "height": h, "width": wd, "kernel_height": kh, "kernel_width": kw,
             "w_std": w, "b_std": b})
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kernels.json")
json.dump(cases, open(path, "w"), indent=1)
print(len(cases), "cases")
