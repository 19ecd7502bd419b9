#!/usr/bin/env python3
"""Checks an exported invariant autoencoder with NumPy alone: for random weights, W = D·E has equal
columns on each orbit (so W P_g = W for every g in G) and rank min(r, k). Usage: check_invariant.py INV.npz."""
import sys
import numpy as np
import eqgeom_io as io

inv = io.load_invariant(sys.argv[1])
rng = np.random.default_rng(0)
enc = io.pattern_matrix(inv["encoder_index"], inv["encoder_sign"],
                        rng.standard_normal(io.parameter_count(inv["encoder_index"])))
dec = io.pattern_matrix(inv["decoder_index"], inv["decoder_sign"],
                        rng.standard_normal(io.parameter_count(inv["decoder_index"])))
w = dec @ enc
orbit = inv["orbit"]
for a in np.unique(orbit):
    cols = w[:, orbit == a]
    assert np.abs(cols - cols[:, :1]).max() < 1e-12, f"columns differ on orbit {a}"
k, r = len(np.unique(orbit)), enc.shape[0]
assert np.linalg.matrix_rank(w) == min(r, k, w.shape[0]), "unexpected rank"
print(f"invariant ok: {w.shape}, {k} orbits, rank {np.linalg.matrix_rank(w)}")
