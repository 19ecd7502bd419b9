#!/usr/bin/env python3
"""Checks eqgeom's exports with NumPy alone: a random member of the component commutes with P_σ
and has the component's rank; the stored Q equals the one rebuilt from its description; a random
layer W = θ[index] satisfies P W = W P. Usage: check_export.py ARCH.npz [LAYER.npz]. Exit 1 on failure."""
import sys
import numpy as np
import eqgeom_io as io

rng = np.random.default_rng(0)
arch = io.load_architecture(sys.argv[1])
q = arch["Q"]
rebuilt = io.basis_from_description(arch)
assert np.abs(q - rebuilt).max() < 1e-12, "stored Q differs from its description"
assert np.abs(q.T @ q - np.eye(len(q))).max() < 1e-12, "Q is not orthogonal"
enc = io.pattern_matrix(arch["encoder_index"], arch["encoder_sign"],
                        rng.standard_normal(io.parameter_count(arch["encoder_index"])))
dec = io.pattern_matrix(arch["decoder_index"], arch["decoder_sign"],
                        rng.standard_normal(io.parameter_count(arch["decoder_index"])))
w = q @ dec @ enc @ q.T
p = io.permutation_matrix(arch["permutation"])
err = np.abs(p @ w - w @ p).max() / max(np.abs(w).max(), 1e-300)
assert err < 1e-10, f"not equivariant: relative error {err}"
rank = int(np.sum(arch["tuple"] * arch["block_weight"]))
assert np.linalg.matrix_rank(w) == rank, f"rank {np.linalg.matrix_rank(w)} != {rank}"
print(f"mask ok: n={len(q)} rank={rank} equivariance error {err:.1e}")
if len(sys.argv) > 2:
    index, gens = io.load_layer(sys.argv[2])
    theta = rng.standard_normal(int(index.max()) + 1)
    w = theta[index]
    n = gens.shape[1]
    power_out = round(np.log(index.shape[0]) / np.log(n)) if n > 1 else 0
    power_in = round(np.log(index.shape[1]) / np.log(n)) if n > 1 else 0
    def kron_power(p, k):
        out = np.eye(1)
        for _ in range(k):
            out = np.kron(out, p)
        return out
    for g in gens:   # G acts diagonally on index tuples: P^{⊗q} W = W P^{⊗p}
        p = io.permutation_matrix(g)
        assert np.abs(kron_power(p, power_out) @ w - w @ kron_power(p, power_in)).max() < 1e-12, "layer not equivariant"
    print(f"layer ok: shape {index.shape}, {int(index.max()) + 1} parameters")
