#!/usr/bin/env bash
# Set-up, release build, and eqgeom's main job on built-in data: the paper's MNIST experiment
# (data/mnist-2k.csv.gz, seeded shifts, exact optima and Adam), writing out/mnist/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export OPENBLAS_NUM_THREADS=1
swift build -c release --static-swift-stdlib --product eqgeom
.build/release/eqgeom reproduce mnist "$@"
