#!/usr/bin/env python3
"""Writes data/gaussian-3x3.npy: 60 samples x = A z of a 3x3 "image" (A, z standard normal, Python's random with
seed 2023), float64, shape (60, 9): generic data (distinct eigenvalues in every block) for notebook 11."""
import pathlib
import random
import struct

rng = random.Random(2023)
A = [[rng.gauss(0, 1) for _ in range(9)] for _ in range(9)]
values = []
for _ in range(60):
    z = [rng.gauss(0, 1) for _ in range(9)]
    values += [sum(A[i][k] * z[k] for k in range(9)) for i in range(9)]
header = "{'descr': '<f8', 'fortran_order': False, 'shape': (60, 9), }"
header += " " * (64 - (10 + len(header) + 1) % 64) + "\n"
body = struct.pack("<%dd" % len(values), *values)
path = pathlib.Path(__file__).resolve().parent.parent / "data" / "gaussian-3x3.npy"
path.write_bytes(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + body)
