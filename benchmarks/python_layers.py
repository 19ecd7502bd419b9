"""Forward+backward of eqgeom's PyTorch layers: the orbit-rows route against the dense route for D4 on 28×28
(16→16 channels, batch 32, float32), and PartitionLinear (S_n T2→T2, 16→16 channels) at two n.

Usage: eqgeom layer --image 28x28 --rotate 90 --reflect horizontal --out d4.npz
       python3 benchmarks/python_layers.py rows|dense d4.npz
       python3 benchmarks/python_layers.py partition N BATCH
Prints the median of 3 steps after a first one, and the peak RSS of the process (before: after building the module).
"""
import os
import resource
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python", "src"))
from eqgeom import io  # noqa: E402
from eqgeom.torch import EquivariantLinear, PartitionLinear  # noqa: E402

route = sys.argv[1]
torch.manual_seed(0)
if route == "partition":
    n, batch = int(sys.argv[2]), int(sys.argv[3])
    layer = PartitionLinear(2, 2, 16, 16, dtype=torch.float32)
    x = torch.randn(batch, 16, n, n)
else:
    layer = EquivariantLinear(io.load(sys.argv[2]), 16, 16, dtype=torch.float32, route=route)
    x = torch.randn(32, 16, 784)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
times = []
for _ in range(4):
    start = time.perf_counter()
    layer.zero_grad()
    layer(x).square().mean().backward()
    times.append(time.perf_counter() - start)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{route} {sys.argv[2:]}: forward+backward median {sorted(times[1:])[1]:.3f} s (first {times[0]:.3f} s), "
      f"peak RSS {peak / 1024:.0f} MB (before {before / 1024:.0f} MB), torch threads {torch.get_num_threads()}")
