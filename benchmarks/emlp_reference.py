#!/usr/bin/env python3
"""EMLP (Finzi et al. 2021, PyPI `emlp` 1.0.3) solving the same equivariance constraints as `eqgeom-bench
--filter emlp`, timed in the same run (scripts/bench.sh). EMLP caches solutions in memory, so each case runs in
a fresh process and the time excludes `import emlp` (reported separately). EMLP solves in float32 with a
Krylov/SVD cut-off; eqgeom exactly over Q. Usage: python benchmarks/emlp_reference.py (EMLP importable)."""
import os
import subprocess
import sys

os.environ.setdefault("TQDM_DISABLE", "1")  # EMLP's progress bars break with current tqdm
CASES = {
    "emlp.S8_T2_T2": "from emlp.groups import S; G, p = S(8), 2",
    "emlp.SO3_T3_T3": "from emlp.groups import SO; G, p = SO(3), 3",
}
CHILD = """
import time
t = time.perf_counter()
from emlp.reps import V
{setup}
imported = time.perf_counter() - t
t = time.perf_counter()
Q = (V(G) ** p >> V(G) ** p).equivariant_basis()
print(f"{{time.perf_counter() - t:.4f}}\\t{{imported:.2f}}\\t{{Q.shape[1]}} basis vectors (float32)")
"""

for name, setup in CASES.items():
    done = subprocess.run([sys.executable, "-c", CHILD.format(setup=setup)], capture_output=True, text=True)
    if done.returncode != 0:
        print(f"{name}\tEMLP failed: {done.stderr.strip().splitlines()[-1] if done.stderr else '?'}")
        continue
    seconds, imported, result = done.stdout.strip().split("\t")
    print(f"{name} (EMLP)\t{seconds}\t{result}; import {imported} s")
