#!/usr/bin/env python3
"""Lie closures of two pseudo-random integer d×d matrices (entries (x >> 16) mod 5 − 2 of the LCG
x ← 1103515245x + 12345 mod 2³¹ from x = 1), timed in the same run: `eqgeom lconv --generators` (closure, its
structure constants and Killing form up to dimension 64, and the centraliser) against GAP's
Dimension(LieAlgebra(Rationals, gens)) (the closure's dimension alone). Usage:
python3 benchmarks/lie_closure.py [path/to/eqgeom] [d …]; prints d, the dimension each finds, and seconds."""
import json
import os
import subprocess
import sys
import tempfile
import time

binary = sys.argv[1] if len(sys.argv) > 1 else ".build-release/release/eqgeom"
sizes = [int(a) for a in sys.argv[2:]] or [6, 8, 12]


def matrices(d, count=2):
    x, out = 1, []
    for _ in range(count):
        m = []
        for _ in range(d):
            row = []
            for _ in range(d):
                x = (1103515245 * x + 12345) % 2**31
                row.append((x >> 16) % 5 - 2)
            m.append(row)
        out.append(m)
    return out


with tempfile.TemporaryDirectory() as work:
    for d in sizes:
        gens = matrices(d)
        path = os.path.join(work, f"g{d}.json")
        with open(path, "w") as f:
            json.dump(gens, f)
        start = time.perf_counter()
        run = subprocess.run([binary, "lconv", "--generators", path, "--json"], capture_output=True, text=True,
                             check=True, env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
        ours = time.perf_counter() - start
        dimension = json.loads(run.stdout)["lie_closure_dimension"]
        script = os.path.join(work, f"g{d}.g")
        with open(script, "w") as f:
            f.write(f"gens := {json.dumps(gens)};\nt := Runtime();\nn := Dimension(LieAlgebra(Rationals, gens));\n"
                    "Print(n, \" \", Runtime() - t, \"\\n\");\nQUIT;\n")
        out = subprocess.run(["gap", "-q", script], capture_output=True, text=True, check=True).stdout.split()
        gap_seconds = int(out[1]) / 1000
        print(f"d = {d}: eqgeom {dimension} in {ours:.3f} s (whole command); GAP {out[0]} in {gap_seconds:.3f} s")
