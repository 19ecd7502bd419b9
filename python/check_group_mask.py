#!/usr/bin/env python3
"""Checks a group component's .npz (eqgeom mask ... --out FILE.npz) with NumPy only: the encoder and decoder
built from the coordinate lists for random parameters give W = D E with P_s W = W P_s for every generator and
rank(W) <= rank; Q (when present) is orthogonal. Usage: check_group_mask.py FILE.npz. Prints "ok" or fails."""
import sys

import numpy as np


def pattern(z, name, theta):
    rows, cols = (int(v) for v in z[name + "_shape"])
    m = np.zeros((rows, cols))
    np.add.at(m, (z[name + "_row"], z[name + "_col"]), z[name + "_coef"] * theta[z[name + "_param"]])
    return m


def main():
    z = np.load(sys.argv[1])
    assert int(z["format_version"]) == 2 and int(z["index_base"]) == 0
    n, rank = int(z["n"]), int(z["rank"])
    theta = np.random.default_rng(1).standard_normal(int(z["parameter_count"]))
    w = pattern(z, "decoder", theta) @ pattern(z, "encoder", theta)
    for g in z["generators"]:
        p = np.zeros((n, n))
        p[g, np.arange(n)] = 1.0  # P e_j = e_g(j)
        assert np.abs(p @ w - w @ p).max() < 1e-10 * max(1.0, np.abs(w).max()), "not equivariant"
    assert np.linalg.matrix_rank(w, tol=1e-8) <= rank, "rank too large"
    if "Q" in z:
        q = z["Q"]
        assert np.abs(q.T @ q - np.eye(n)).max() < 1e-12, "Q not orthogonal"
    print("ok")


if __name__ == "__main__":
    main()
