#!/usr/bin/env python3
"""Executes the code of documentation pages: in a fresh directory per page, every ```sh block in order (with
the given eqgeom binary first on PATH), then the page's ```python blocks as one script (PYTHONPATH=python/src).
Usage: python3 scripts/run-docs.py --binary .build/debug/eqgeom docs/pytorch.md docs/jax.md. Exit 1 on failure."""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def blocks(text, language):
    return re.findall(r"```" + language + r"\n(.*?)```", text, flags=re.S)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("pages", nargs="+")
    args = parser.parse_args()
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(os.path.abspath(args.binary)) + os.pathsep + env.get("PATH", "")
    env["PYTHONPATH"] = os.path.join(ROOT, "python", "src") + os.pathsep + env.get("PYTHONPATH", "")
    for page in args.pages:
        with open(page) as f:
            text = f.read()
        if "import torch" in text:
            try:
                import torch  # noqa: F401
            except ImportError:
                print(f"{page}: skipped (torch is not importable)")
                continue
        with tempfile.TemporaryDirectory() as work:
            for code in blocks(text, "sh"):
                done = subprocess.run(["bash", "-euo", "pipefail", "-c", code], cwd=work, env=env,
                                      capture_output=True, text=True)
                if done.returncode != 0:
                    sys.exit(f"{page}: shell block failed:\n{code}\n{done.stderr}")
            script = "\n".join(blocks(text, "python"))
            done = subprocess.run([sys.executable, "-c", script], cwd=work, env=env, capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"{page}: python failed:\n{done.stdout}\n{done.stderr}")
            print(f"{page}: ok\n{done.stdout}")


if __name__ == "__main__":
    main()
