"""Fixtures: the eqgeom binary (EQGEOM_BIN, or the debug build of this checkout) and the files it writes."""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
from typing import Any, Dict

import numpy as np
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
D4 = ["--image", "5x5", "--rotate", "90", "--reflect", "horizontal"]


@pytest.fixture(scope="session")
def binary() -> str:
    path = os.environ.get("EQGEOM_BIN") or str(ROOT / ".build" / "debug" / "eqgeom")
    if not os.path.exists(path):
        pytest.skip(f"no eqgeom binary at {path} (build it, or set EQGEOM_BIN)")
    return path


def run(binary: str, *args: str) -> Dict[str, Any]:
    out = subprocess.run([binary, *args, "--json"], capture_output=True, text=True)
    assert out.returncode == 0, f"eqgeom {' '.join(args)}: {out.stderr}"
    result: Dict[str, Any] = json.loads(out.stdout)
    return result


@pytest.fixture(scope="session")
def files(binary: str, tmp_path_factory: pytest.TempPathFactory) -> Dict[str, Any]:
    """Layer, mask and group-mask files in both formats, seeded data, and a run of `train` on it."""
    work = str(tmp_path_factory.mktemp("eqgeom"))
    f: Dict[str, Any] = {}
    for ext in ("npz", "safetensors"):
        f[f"layer.{ext}"] = os.path.join(work, f"layer.{ext}")
        run(binary, "layer", *D4, "--out", f[f"layer.{ext}"])
        f[f"mask.{ext}"] = os.path.join(work, f"mask.{ext}")
        run(binary, "mask", "--image", "4x6", "--shift", "x", "--rank", "5", "--tuple", "2,1,0,1", "--out",
            f[f"mask.{ext}"])
        f[f"group.{ext}"] = os.path.join(work, f"group.{ext}")
        run(binary, "mask", *D4, "--rank", "4", "--tuple", "0,0,1,1,1", "--out", f[f"group.{ext}"])
    data = np.random.default_rng(3).random((120, 24))
    f["data"] = os.path.join(work, "data.npy")
    np.save(f["data"], data)
    f["run"] = os.path.join(work, "run")
    f["exact_loss"] = run(binary, "train", "--image", "4x6", "--shift", "x", "--rank", "5", "--component", "2,1,0,1",
                          "--method", "exact", "--max-shift", "0", "--data", f["data"], "--out", f["run"])["exact_loss"]
    f["work"] = work
    return f
