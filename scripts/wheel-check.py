"""Uses an installed eqgeom wheel as a user would: run by scripts/test-wheel.sh in a fresh virtual environment
(no system site-packages, no build tree on any path). Checks that the bundled binary is the one used and that its
libraries resolve inside the wheel, then builds layers through the Python API and verifies them independently
(orbit counts by union-find over the generators' action on index pairs, equivariance of a random layer)."""
import os
import resource
import subprocess
import sys
import time

import numpy as np

import eqgeom
from eqgeom import groups
from eqgeom.binary import EqgeomError, bundled, executable


def check(condition: bool, message: str) -> None:
    if not condition:
        sys.exit(f"wheel check failed: {message}")


def orbit_count(generators: np.ndarray, p: int, q: int) -> int:
    """Orbits of G on [n]^(q+p) by union-find (the layer's parameter count), independent of eqgeom."""
    n = generators.shape[1]
    k = p + q
    size = n ** k
    parent = np.arange(size)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return int(x)

    digits = np.array(np.unravel_index(np.arange(size), (n,) * k)) if k else np.zeros((0, 1), dtype=int)
    for g in generators:
        image = np.ravel_multi_index(tuple(g[d] for d in digits), (n,) * k) if k else np.zeros(1, dtype=int)
        for a, b in zip(range(size), image):
            ra, rb = find(a), find(int(b))
            if ra != rb:
                parent[ra] = rb
    return len({find(x) for x in range(size)})


def main() -> None:
    check(bundled() is not None and executable() == bundled(), f"the bundled binary is not used: {executable()}")
    libraries = subprocess.run(["ldd", executable()], capture_output=True, text=True, check=True).stdout
    site = os.path.dirname(os.path.dirname(os.path.abspath(eqgeom.__file__)))
    for name in ("libflint", "libgmp", "libfftw3", "libopenblas", "libblas", "liblapack"):
        lines = [line for line in libraries.splitlines() if name in line]
        check(all(site in line for line in lines), f"{name} resolves outside the wheel: {lines}")
    check(any("libflint" in line for line in libraries.splitlines()), "the binary does not link FLINT")

    # S5 on matrices: 15 parameters (the Bell number B4), as set partitions and as a listed index
    s5 = eqgeom.layer(groups.S(5), in_power=2, out_power=2)
    check(int(s5["parameter_count"]) == 15, f"S5 T2→T2 has {s5['parameter_count']} parameters, not 15")
    check(int(s5["parameter_count"]) == orbit_count(np.asarray(s5["generators"]), 2, 2), "S5 orbit count")
    # D4 on 4×4 images, and a torus: counts against union-find; a random layer commutes with every generator
    for group in (groups.image(4, 4).rotate(90).reflect(), groups.torus(3, 4), groups.cycles("(1 2 3)(4 5)")):
        layer = eqgeom.layer(group, in_power=1, out_power=1)
        gens = np.asarray(layer["generators"])
        check(int(layer["parameter_count"]) == orbit_count(gens, 1, 1), f"{group}: parameter count")
        theta = np.random.default_rng(1).standard_normal(int(layer["parameter_count"]))
        w = theta[np.asarray(layer["index"])]
        for g in gens:
            check(np.array_equal(w[np.ix_(g, g)], w), f"{group}: W[g(i), g(j)] != W[i, j]")
    big = eqgeom.layer(groups.S(500), in_power=2, out_power=2)
    check(int(big["parameter_count"]) == 15 and "partitions" in big, "S500 T2→T2 by set partitions")
    # D4 on the square's vertices: 1 + 1' + 2 (its character (4, 0, 0, 2, 0) against the table)
    blocks = eqgeom.run_json(["equivariant", "--group", "D4", "--rank", "2"])["blocks"]
    shapes = sorted((b["weight"], b["multiplicity"]) for b in blocks)
    check(shapes == [(1, 1), (1, 1), (2, 1)], f"D4 on 4 points: blocks {shapes}")
    try:
        eqgeom.layer(groups.cycles("(1 2"), in_power=1, out_power=1)
        check(False, "a malformed cycle was accepted")
    except EqgeomError as error:
        check("\n" not in str(error) and len(str(error)) < 400, f"error is not one bounded line: {error!r}")
    check_torch()
    print(f"wheel check: eqgeom {eqgeom.__version__} from {site}: binary bundled, libraries in the wheel, layers "
          "verified")


def check_torch() -> None:
    """With PyTorch installed: the D4 layer on 28×28 images, 16→16 channels, batch 32 in float32 (the default
    dtype), forward and backward; equivariant under a rotation and a flip to 1e-5; the torus × D4 layer by FFTs,
    equivariant under a translation too. Time and memory are printed,
    not asserted (docs/benchmarks.md measures them)."""
    try:
        import torch
    except ImportError:
        print("wheel check: PyTorch not installed, its layer skipped")
        return
    from eqgeom.torch import EquivariantLinear

    d4 = eqgeom.layer(groups.image(28, 28).rotate(90).reflect(), in_power=1, out_power=1)
    module = EquivariantLinear(d4, in_channels=16, out_channels=16)
    x = torch.randn(32, 16, 28, 28, generator=torch.Generator().manual_seed(0))
    for _ in range(2):  # the first passes fill torch's allocator and the page cache
        module(x).square().sum().backward()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    elapsed = float("inf")
    for _ in range(3):
        module.zero_grad()
        start = time.perf_counter()
        y = module(x)
        y.square().sum().backward()
        elapsed = min(elapsed, time.perf_counter() - start)
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    check(y.dtype == torch.float32 and y.shape == x.shape, f"D4 layer output {y.dtype} {tuple(y.shape)}")
    with torch.no_grad():
        for move in (lambda t: torch.rot90(t, 1, (2, 3)), lambda t: torch.flip(t, (3,))):
            error = (module(move(x)) - move(module(x))).abs().max() / module(x).abs().max()
            check(float(error) < 1e-5, f"D4 layer equivariance error {float(error)}")
    print(f"wheel check: D4 28x28 16->16 batch 32 float32 forward+backward {elapsed:.3f} s (best of 3 after 2), "
          f"peak RSS {before / 1024:.0f} MB after them, +{grown:.0f} MB")
    # torus × D4 (order 6,272): the FFT route, equivariant under a translation, a rotation and a flip
    wallpaper = eqgeom.layer(groups.torus(28, 28).rotate(90).reflect(), in_power=1, out_power=1)
    conv = EquivariantLinear(wallpaper, in_channels=16, out_channels=16)
    check(conv.route == "fft", f"torus x D4 layer route {conv.route}")
    start = time.perf_counter()
    conv(x).square().sum().backward()
    elapsed = time.perf_counter() - start
    with torch.no_grad():
        for move in (lambda t: torch.roll(t, (3, 5), (2, 3)), lambda t: torch.rot90(t, 1, (2, 3)),
                     lambda t: torch.flip(t, (3,))):
            error = (conv(move(x)) - move(conv(x))).abs().max() / conv(x).abs().max()
            check(float(error) < 1e-5, f"torus x D4 layer equivariance error {float(error)}")
    print(f"wheel check: torus x D4 28x28 16->16 batch 32 by FFTs, forward+backward {elapsed:.3f} s")


if __name__ == "__main__":
    main()
