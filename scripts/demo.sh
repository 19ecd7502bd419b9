#!/usr/bin/env bash
# Set-up, release build, and eqgeom's main job on built-in data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export OPENBLAS_NUM_THREADS=1
swift build -c release --product eqgeom
.build/release/eqgeom demo "$@"
