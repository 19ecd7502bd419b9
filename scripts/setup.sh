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
# NumPy, for the Python reader of eqgeom's exports (python/eqgeom_io.py) and its round-trip test.
if ! python3 -c "import numpy" >/dev/null 2>&1; then
  echo "eqgeom setup: installing numpy" >&2
  python3 -m pip install --quiet numpy || { $SUDO apt-get install -y -qq python3-numpy >/dev/null; }
fi
