#!/usr/bin/env python3
"""Lists public declarations in Sources/Geometry and Sources/NumericBridge that have no doc comment (`///` on
the lines right above, attributes allowed between). Exit 1 when any is missing. Used by scripts/lint.sh."""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DECLARATION = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*public\s+(?:static\s+|final\s+|mutating\s+|override\s+)*"
                         r"(?:func|var|let|init|struct|enum|class|protocol|typealias|subscript|case)\b")
# members that restate a protocol requirement documented where the protocol is
REQUIREMENTS = re.compile(r"public\s+(?:func\s+(?:encode\(to|hash\(into|makeIterator|next\()|init\(from decoder"
                          r"|var\s+(?:description|debugDescription)\b|static\s+func\s+[<>=!+*/-]+\s*\()")


def missing(path: pathlib.Path) -> list:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for number, line in enumerate(lines):
        if not DECLARATION.match(line) or REQUIREMENTS.search(line):
            continue
        k = number - 1
        while k >= 0 and re.match(r"^\s*@\w+", lines[k]):
            k -= 1
        if k < 0 or not lines[k].lstrip().startswith("///"):
            found.append(f"{path.relative_to(ROOT)}:{number + 1}: {line.strip()[:100]}")
    return found


def main() -> int:
    report = []
    for module in ("Geometry", "NumericBridge"):
        for path in sorted((ROOT / "Sources" / module).rglob("*.swift")):
            report += missing(path)
    for line in report:
        print(line)
    if report:
        print(f"{len(report)} public declarations without a doc comment", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
