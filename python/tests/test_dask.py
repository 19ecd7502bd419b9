"""Block moments in NumPy and on a Dask LocalCluster with two workers, against `eqgeom spectra` on the same data
(equal to rounding), for one permutation and a group; the merged statistics through `eqgeom train --stats`."""
from __future__ import annotations

import os
import subprocess
from typing import List

import numpy as np
import pytest

from eqgeom import io
from eqgeom.moments import add_moments, chunk_moments, save_moments

from conftest import run

ACTIONS = {"shift": ["--image", "4x6", "--shift", "x"], "d4": ["--image", "5x5", "--rotate", "90", "--reflect",
                                                                "horizontal"]}


def spectra_file(binary: str, action: List[str], data: str, out: str) -> None:
    done = subprocess.run([binary, "spectra", *action, "--data", data, "--out", out], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("name", sorted(ACTIONS))
def test_numpy_moments_equal_eqgeom_spectra(binary: str, tmp_path: "os.PathLike[str]", name: str) -> None:
    action = ACTIONS[name]
    work = str(tmp_path)
    basis_path = os.path.join(work, "basis.npz")
    run(binary, "basis", *action, "--out", basis_path)
    basis = io.load(basis_path)
    n = basis["Q"].shape[0]
    x = np.random.default_rng(5).random((70, n)) + np.arange(n) / n
    np.save(os.path.join(work, "x.npy"), x)
    spectra_file(binary, action, os.path.join(work, "x.npy"), os.path.join(work, "eqgeom.npz"))
    reference = io.load(os.path.join(work, "eqgeom.npz"))
    mine = add_moments(chunk_moments(x[:30], basis), chunk_moments(x[30:], basis))
    for key, value in mine.items():
        assert np.allclose(value, reference[key], rtol=1e-12, atol=1e-12 * float(np.sum(x * x))), key
    ours = os.path.join(work, "python.npz")
    save_moments(ours, mine, basis)
    a = run(binary, "train", "--stats", ours, "--rank", "5")
    b = run(binary, "train", "--stats", os.path.join(work, "eqgeom.npz"), "--rank", "5")
    assert a["tuple"] == b["tuple"] and abs(a["loss"] - b["loss"]) <= 1e-12 * b["loss"]


def test_dask_local_cluster_equals_one_spectra_run(binary: str, tmp_path: "os.PathLike[str]") -> None:
    distributed = pytest.importorskip("distributed")
    da = pytest.importorskip("dask.array")
    from eqgeom.dask import block_moments

    action = ACTIONS["d4"]
    work = str(tmp_path)
    run(binary, "basis", *action, "--out", os.path.join(work, "basis.npz"))
    basis = io.load(os.path.join(work, "basis.npz"))
    x = np.random.default_rng(6).random((400, 25))
    np.save(os.path.join(work, "x.npy"), x)
    spectra_file(binary, action, os.path.join(work, "x.npy"), os.path.join(work, "one.npz"))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        moments = block_moments(da.from_array(x, chunks=(37, 25)), basis, split_every=3)
    save_moments(os.path.join(work, "dask.npz"), moments, basis)
    one = io.load(os.path.join(work, "one.npz"))
    assert int(moments["samples"]) == 400
    for key in one:
        if key.startswith("block_"):
            assert np.allclose(moments[key], one[key], rtol=1e-12, atol=1e-10), key
    a = run(binary, "train", "--stats", os.path.join(work, "dask.npz"), "--rank", "6")
    b = run(binary, "train", "--stats", os.path.join(work, "one.npz"), "--rank", "6")
    assert a["tuple"] == b["tuple"] and abs(a["loss"] - b["loss"]) <= 1e-12 * b["loss"]
