#!/usr/bin/env python3
"""Re-records the expected output of every `$ eqgeom …` command in notebooks-text/*.md.

Each ```console block holds commands (lines starting with `$ `) each followed by its expected
stdout (for a failing command: its stderr line and `(exit status N)`). The test NotebookTests runs the
same commands and fails on any difference, so re-record
only after checking the new numbers. Usage: python3 scripts/record-notebooks.py [path/to/eqgeom]
"""
import os, pathlib, shlex, subprocess, sys

os.environ["OPENBLAS_NUM_THREADS"] = "1"  # as scripts/test.sh runs the NotebookTests

root = pathlib.Path(__file__).resolve().parent.parent
binary = sys.argv[1] if len(sys.argv) > 1 else str(root / ".build/debug/eqgeom")

for nb in sorted((root / "notebooks-text").glob("*.md")):
    out, inside = [], False
    for line in nb.read_text().splitlines():
        if line.startswith("```console"):
            inside = True
            out.append(line)
            continue
        if inside and line.startswith("```"):
            inside = False
            out.append(line)
            continue
        if inside:
            if line.startswith("$ "):
                out.append(line)
                args = shlex.split(line[2:])
                assert args[0] == "eqgeom", line
                res = subprocess.run([binary] + args[1:], capture_output=True, text=True)
                out.extend(res.stdout.rstrip("\n").splitlines())
                if res.returncode != 0:   # errors: the stderr line and the exit status
                    out.extend(res.stderr.rstrip("\n").splitlines())
                    out.append(f"(exit status {res.returncode})")
            continue
        out.append(line)
    nb.write_text("\n".join(out) + "\n")
    print(f"recorded {nb.name}")
