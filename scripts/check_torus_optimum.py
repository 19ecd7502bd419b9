#!/usr/bin/env python3
"""Independent NumPy computation of the exact torus optimum (Z_H x Z_W shifting H x W images), for checking
`eqgeom train --image HxW --shift x --shift y`: the 2-D FFT's power per frequency k is the energy of the
character k; a real character (2k = 0) is a block of weight 1, a pair {k, -k} one of weight 2 whose energy is
the sum of both powers; the best component keeps the most energy under sum w*t <= r (each block has t <= 1
on one orbit). Usage: check_torus_optimum.py DATA.csv[.gz] H W RANK ...; prints JSON {rank: loss}."""
import gzip
import json
import sys

import numpy as np


def main():
    path, h, w = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as fh:
        x = np.array([[float(v) for v in line.split(",")[: h * w]] for line in fh if line.strip()]) / 255.0
    n = h * w
    power = (np.abs(np.fft.fft2(x.reshape(-1, h, w))) ** 2).sum(axis=0) / n
    items = []  # (weight, energy)
    for a in range(h):
        for b in range(w):
            na, nb = (-a) % h, (-b) % w
            if (na, nb) == (a, b):
                items.append((1, power[a, b]))
            elif (a, b) < (na, nb):
                items.append((2, power[a, b] + power[na, nb]))
    total = float((x**2).sum())
    out = {}
    for r in (int(v) for v in sys.argv[4:]):
        value = np.zeros(r + 1)
        for wt, e in items:
            shifted = np.concatenate([np.full(wt, -np.inf), value[:-wt] + e]) if wt <= r else value
            value = np.maximum(value, shifted)
        out[str(r)] = (total - value[r]) / (x.shape[0] * n)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
