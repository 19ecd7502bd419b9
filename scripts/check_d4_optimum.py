#!/usr/bin/env python3
"""Independent NumPy computation of the exact D4 optimum on 28x28 images (MATH.md §8.7), for checking
`eqgeom train --image 28x28 --rotate 90 --reflect horizontal` without eqgeom's basis.

Usage: check_d4_optimum.py DATA.csv[.gz] RANK [RANK ...]
Prints JSON: {"total": ||X||^2, "best": {rank: loss}} with losses as mean squared error per pixel.

Method (no adapted basis): the covariance C = X^T X is averaged over the 8 elements of D4 (index maps of
np.rot90 and np.fliplr); the isotypic projectors come from D4's character table,
P_chi = (dim chi / 8) sum_g chi(g) P_g; on each component the eigenvalues of P_chi Cbar P_chi come in
clusters of dim chi (each cluster is one direction of the block, energy = the cluster's sum); the best
component maximises the kept energy under sum w*t <= r by a dynamic programme over the five blocks.
"""
import gzip
import json
import sys

import numpy as np


def load(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as fh:
        rows = [line.strip().split(",") for line in fh if line.strip()]
    a = np.array([[float(v) for v in r[:784]] for r in rows])
    return a / 255.0


def d4_elements(h=28):
    idx = np.arange(h * h).reshape(h, h)
    r = [idx]
    for _ in range(3):
        r.append(np.rot90(r[-1]))
    s = [np.fliplr(m) for m in r]
    # element g as a map: new_image.flat = image.flat[g]
    return [m.flatten() for m in r], [m.flatten() for m in s]


def main():
    x = load(sys.argv[1])
    ranks = [int(v) for v in sys.argv[2:]]
    n = x.shape[1]
    rots, refls = d4_elements()
    elements = rots + refls
    c = x.T @ x
    cbar = sum(c[np.ix_(g, g)] for g in elements) / 8.0
    # characters: rotations r^k (k = 0..3) and reflections s r^k; E has chi(r^k) = 2cos(k pi/2), chi(s.) = 0
    chars = {
        "trivial": [1, 1, 1, 1] + [1, 1, 1, 1],
        "rot": [1, 1, 1, 1] + [-1, -1, -1, -1],
        "b1": [1, -1, 1, -1] + [1, -1, 1, -1],
        "b2": [1, -1, 1, -1] + [-1, 1, -1, 1],
        "E": [2, 0, -2, 0] + [0, 0, 0, 0],
    }
    blocks = []
    for name, chi in chars.items():
        d = chi[0]
        p = np.zeros((n, n))
        for value, g in zip(chi, elements):
            if value:
                m = np.zeros((n, n))
                m[np.arange(n), g] = 1.0  # (P x)[i] = x[g[i]]
                p += value * m
        p *= d / 8.0
        ev = np.linalg.eigvalsh(p @ cbar @ p.T)[::-1]
        rank_p = int(round(np.trace(p)))
        ev = np.clip(ev[:rank_p], 0, None)
        energies = [float(ev[i * d : (i + 1) * d].sum()) for i in range(rank_p // d)]
        blocks.append((d, energies))
    total = float(np.trace(c))
    best = {}
    for r in ranks:
        value = [0.0] * (r + 1)
        for w, e in blocks:
            prefix = np.concatenate([[0.0], np.cumsum(e)])
            new = list(value)
            for s in range(r + 1):
                for t in range(1, min(len(e), s // w) + 1):
                    new[s] = max(new[s], prefix[t] + value[s - w * t])
            value = new
        best[str(r)] = (total - value[r]) / (x.shape[0] * n)
    print(json.dumps({"total": total, "best": best, "multiplicities": [len(e) for _, e in blocks]}))


if __name__ == "__main__":
    main()
