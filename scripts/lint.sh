#!/usr/bin/env bash
# Style check: swift-format's linter with the repository's .swift-format (line length 120, no
# semicolon-joined statements, no force unwraps or force tries in Sources), plus a plain check that no
# Swift or Python line is longer than 120 characters (swift-format cannot break long string literals).
set -euo pipefail
cd "$(dirname "$0")/.."
swift format lint --strict --recursive --parallel Sources Tests Package.swift
long=$(git ls-files '*.swift' '*.py' | python3 -c '
import sys
for path in sys.stdin.read().split():
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        if len(line.rstrip("\n")) > 120:
            print(f"{path}:{number}: line of {len(line.rstrip())} characters")
')
if [ -n "$long" ]; then
  echo "$long" >&2
  echo "lint: lines longer than 120 characters" >&2
  exit 1
fi
# Every public declaration of Geometry and NumericBridge has a doc comment.
python3 scripts/check-doc-comments.py || { echo "lint: public declarations without a doc comment" >&2; exit 1; }
# Every MATH.md section a file cites exists.
python3 scripts/check-math-citations.py || { echo "lint: citations of missing MATH.md sections" >&2; exit 1; }
# The Python package's type hints (mypy --strict, configured in python/pyproject.toml).
if python3 -c "import mypy" >/dev/null 2>&1; then
  (cd python && python3 -m mypy --strict --no-error-summary src) ||
    { echo "lint: mypy --strict python/src" >&2; exit 1; }
else
  echo "lint: mypy not installed; python/src not type-checked" >&2
fi
echo "lint: ok"
