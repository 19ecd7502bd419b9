#!/usr/bin/env bash
# The long fuzz run: 100,000 seeded cases against the release binary (about an hour on 2 cores).
# The result is recorded in docs/fuzzing.md. Usage: bash scripts/fuzz-long.sh [CASES] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --static-swift-stdlib --product eqgeom
python3 scripts/fuzz.py --cases "${1:-100000}" --seed "${2:-20261124}" --binary .build/release/eqgeom --timeout 120 \
  --verbose --json out/fuzz-long.json
