"""The `eqgeom` executable: found (the wheel's bundled copy first) and run without a shell.

The wheel built by `scripts/build-wheel.sh` carries the release binary at `eqgeom/_bin/eqgeom` with the shared
libraries it needs; a source install finds the binary through `EQGEOM_BIN` or `PATH`.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, Optional, Sequence

__all__ = ["EqgeomError", "executable", "run", "run_json"]


class EqgeomError(RuntimeError):
    """eqgeom refused or failed; the message is its one-line error."""


def bundled() -> Optional[str]:
    """The binary inside this package (a wheel's), or None for a source install."""
    path = Path(__file__).resolve().parent / "_bin" / "eqgeom"
    return str(path) if path.is_file() and os.access(path, os.X_OK) else None


def executable() -> str:
    """The `eqgeom` executable: the bundled one, else `$EQGEOM_BIN`, else the first on `PATH`.

    Raises
    ------
    FileNotFoundError
        When there is none (a source install without the command line tool).
    """
    found = bundled() or os.environ.get("EQGEOM_BIN") or shutil.which("eqgeom")
    if not found:
        raise FileNotFoundError(
            "no eqgeom executable: install the eqgeom wheel, or set EQGEOM_BIN to a built eqgeom, or put it on PATH")
    return found


def run(args: Sequence[str]) -> str:
    """Run `eqgeom ARGS…` and return its standard output.

    Parameters
    ----------
    args : sequence of str
        The command line after `eqgeom`, e.g. ``["layer", "--group", "S5", "--json"]``.

    Returns
    -------
    str
        What eqgeom printed on standard output.

    Raises
    ------
    EqgeomError
        When eqgeom exits non-zero (the message is its error line).
    """
    done = subprocess.run([executable(), *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        message = lines[-1] if lines else f"eqgeom exited with status {done.returncode}"
        raise EqgeomError(message.removeprefix("eqgeom: error: "))
    return done.stdout


def run_json(args: Sequence[str]) -> Any:
    """Run `eqgeom ARGS… --json` and return the parsed object."""
    return json.loads(run([*args, "--json"]))
