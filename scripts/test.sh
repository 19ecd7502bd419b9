#!/usr/bin/env bash
# Set-up, build, and the whole test suite (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export OPENBLAS_NUM_THREADS=1
bash scripts/lint.sh
swift build
swift test
