#!/usr/bin/env bash
# Set-up, build, and the whole test suite (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --python
# the suite's Python (pytest, the docs' pages, fuzz.py, the oracles' scripts) is the project's .venv
export PATH="$PWD/.venv/bin:$PATH"
export OPENBLAS_NUM_THREADS=1
bash scripts/lint.sh
swift build
swift test
# the pip wheel (release binary and its libraries bundled), installed and used in a fresh virtual environment
bash scripts/build-wheel.sh
bash scripts/test-wheel.sh
