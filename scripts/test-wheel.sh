#!/usr/bin/env bash
# Installs the wheel of scripts/build-wheel.sh into a fresh virtual environment (no system site-packages; NumPy
# from PyPI) and runs scripts/wheel-check.py from an empty directory with a minimal PATH: nothing of the build tree
# or the project's .venv is visible.
set -euo pipefail
cd "$(dirname "$0")/.."
wheel="$(ls "${1:-.build-wheel}"/eqgeom-*.whl | head -1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$wheel"
# PyTorch only as a CPU build at hand (as scripts/setup.sh): then the check also runs the D4 layer
for torch_wheel in /opt/wheels/torch-*+cpu-*.whl; do
  [ -e "$torch_wheel" ] || continue
  "$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$torch_wheel" || true
  break
done
cp scripts/wheel-check.py "$work/check.py"
(cd "$work" && env -i HOME="$HOME" PATH=/usr/bin:/bin "$work/venv/bin/python" check.py)
