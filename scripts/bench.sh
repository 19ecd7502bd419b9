#!/usr/bin/env bash
# Benchmarks: eqgeom (release build) and the competing implementations, in the same run.
# Usage: bash scripts/bench.sh > bench-output.txt   (then copy the numbers into docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export OPENBLAS_NUM_THREADS=1
swift build -c release --product eqgeom >&2
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"
echo "## eqgeom bench"
.build/release/eqgeom bench "$@"
echo "## competing implementations (benchmarks/reference.py)"
python3 benchmarks/reference.py
