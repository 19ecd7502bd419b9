#!/usr/bin/env bash
# Installs the Debian packages eqgeom builds against, when they are missing (needs root or sudo).
# FLINT 2.9 + GMP for exact arithmetic, antic for number fields, arb for certified real roots; LAPACKE + OpenBLAS for floating point; zlib for .gz and PNG.
set -euo pipefail
packages=(libgmp-dev libflint-dev libantic-dev libflint-arb-dev liblapacke-dev libopenblas-dev libfftw3-dev zlib1g-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "eqgeom setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# NumPy, for the Python package (python/src/eqgeom) and the stand-alone readers (python/eqgeom_io.py).
if ! python3 -c "import numpy" >/dev/null 2>&1; then
  echo "eqgeom setup: installing numpy" >&2
  python3 -m pip install --quiet numpy || { $SUDO apt-get install -y -qq python3-numpy >/dev/null; }
fi
# The Python package (python/: readers, eqgeom.torch, eqgeom.jax) and JAX on CPU for its tests (~140 MB).
if ! python3 -c "import jax" >/dev/null 2>&1; then
  echo "eqgeom setup: installing jax[cpu]" >&2
  python3 -m pip install --quiet "jax[cpu]" || echo "eqgeom setup: jax could not be installed (offline?)" >&2
fi
# PyTorch only as a CPU build already at hand (PyPI's default torch pulls several GB of CUDA libraries).
if ! python3 -c "import torch" >/dev/null 2>&1; then
  for wheel in /opt/wheels/torch-*+cpu-*.whl; do
    [ -e "$wheel" ] || continue
    echo "eqgeom setup: installing $(basename "$wheel")" >&2
    python3 -m pip install --quiet "$wheel" || echo "eqgeom setup: $wheel could not be installed" >&2
    break
  done
fi
# pytest runs python/tests (the suite calls it), mypy checks python/src, safetensors is the package's preferred
# .safetensors reader and writer (its NumPy fallback is tested against it).
for module in pytest mypy safetensors; do
  if ! python3 -c "import $module" >/dev/null 2>&1; then
    echo "eqgeom setup: installing $module" >&2
    python3 -m pip install --quiet "$module" || echo "eqgeom setup: $module could not be installed" >&2
  fi
done
if ! (cd / && python3 -c "import eqgeom.testing") >/dev/null 2>&1; then
  echo "eqgeom setup: pip install ./python" >&2
  python3 -m pip install --quiet "$(dirname "$0")/../python" || echo "eqgeom setup: ./python not installed" >&2
fi
