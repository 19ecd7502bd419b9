#!/usr/bin/env python3
"""Every `MATH.md §N` or `§N.M` cited in the repository names a section of docs/MATH.md. Exit 1 otherwise.
Used by scripts/lint.sh."""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CITATION = re.compile(r"MATH\.md (?:§\s?)((?:\d+(?:\.\d+)?)(?:[–-]§?\d+(?:\.\d+)?)?(?:, §?\d+(?:\.\d+)?)*)")


def main() -> int:
    sections = set()
    for line in (ROOT / "docs" / "MATH.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^#{2,3} (\d+(?:\.\d+)?)\.? ", line)
        if m:
            sections.add(m.group(1))
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    bad = []
    for name in files:
        if not name.endswith((".swift", ".py", ".md", ".sh", ".g", ".m2")):
            continue
        text = (ROOT / name).read_text(encoding="utf-8", errors="replace")
        for m in CITATION.finditer(text):
            for section in re.findall(r"\d+(?:\.\d+)?", m.group(1)):
                if section not in sections:
                    bad.append(f"{name}: MATH.md §{section} does not exist")
    for line in bad:
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
