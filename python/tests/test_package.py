"""The Python package (python/src/eqgeom) against files the eqgeom binary writes, with values computed
independently: dense Q rebuilt from its description, permutation matrices, eqgeom's own exact loss.

Run with `pytest python/tests` (EQGEOM_BIN names the binary; default: this checkout's debug build). NumPy always
runs; PyTorch and JAX run where they are importable and are skipped, by name, where not.
"""
from __future__ import annotations

import json
import os
from typing import Any, Dict

import numpy as np
import pytest

import eqgeom
from eqgeom import io
from eqgeom.testing import assert_equivariant, permute
from eqgeom.transform import ShiftTransform, SparseQ

Files = Dict[str, Any]


def test_npz_and_safetensors_hold_the_same_arrays(files: Files) -> None:
    for name in ("layer", "mask", "group"):
        a, (b, meta) = io.load(files[f"{name}.npz"]), io.read_safetensors(files[f"{name}.safetensors"])
        assert sorted(a) == sorted(b), name
        assert all(a[k].dtype == b[k].dtype and np.array_equal(a[k], b[k]) for k in a), name
        assert meta["format_version"] == "2" and meta["index_base"] == "0" and int(meta["n"]) == int(a["n"]), meta
    meta = io.read_safetensors(files["layer.safetensors"])[1]
    assert json.loads(meta["generators"]) == io.load(files["layer.npz"])["generators"].tolist()
    assert meta["in_power"] == "1" and meta["out_power"] == "1"
    assert json.loads(io.read_safetensors(files["mask.safetensors"])[1]["tuple"]) == [2, 1, 0, 1]


@pytest.mark.parametrize("writer_package", [False, True])
@pytest.mark.parametrize("reader_package", [False, True])
def test_safetensors_fallback_and_package_agree(tmp_path: Any, writer_package: bool, reader_package: bool) -> None:
    if (writer_package or reader_package) and io._safetensors_numpy() is None:
        pytest.skip("the safetensors package is not installed")
    arrays = {"a": np.arange(6.0).reshape(2, 3), "b": np.array([1, -2], np.int32), "c": np.array(7, np.int64),
              "d": np.array([-1, 0, 1], np.int8), "e": np.linspace(0, 1, 5, dtype=np.float32)}
    path = str(tmp_path / "t.safetensors")
    io.write_safetensors(path, arrays, {"k": "v", "n": 3}, prefer_package=writer_package)
    back, meta = io.read_safetensors(path, prefer_package=reader_package)
    assert meta == {"k": "v", "n": "3"}
    assert sorted(back) == sorted(arrays)
    assert all(np.array_equal(back[k], v) and back[k].dtype == v.dtype and back[k].shape == v.shape
               for k, v in arrays.items())


@pytest.mark.parametrize("content", [b"", b"\xff" * 8 + b"{}"])
def test_malformed_safetensors_is_refused(tmp_path: Any, content: bytes) -> None:
    path = tmp_path / "bad.safetensors"
    path.write_bytes(content)
    with pytest.raises(ValueError):
        io.read_safetensors(path)


def test_transforms_equal_the_dense_q(files: Files) -> None:
    rng = np.random.default_rng(0)
    arch = io.load(files["mask.npz"])
    q = io.basis_from_description(arch)
    assert np.abs(q - arch["Q"]).max() < 1e-12
    x = rng.standard_normal((5, 24))
    t = ShiftTransform(arch)
    assert np.abs(t.forward(x) - x @ q).max() < 1e-12 and np.abs(t.inverse(x) - x @ q.T).max() < 1e-12
    group = io.load(files["group.npz"])
    s = SparseQ(group)
    x = rng.standard_normal((5, 25))
    assert np.abs(s.forward(x) - x @ group["Q"]).max() < 1e-12
    assert np.abs(s.inverse(x) - x @ group["Q"].T).max() < 1e-12
    with pytest.raises(MemoryError):
        io.basis_from_description(arch, limit=10)


def test_permute_follows_the_permutation_matrix() -> None:
    images = [2, 0, 3, 1]
    x = np.random.default_rng(5).standard_normal((3, 4))
    assert np.allclose(permute(x, images), x @ io.permutation_matrix(images).T)


def test_assert_equivariant_detects_a_non_equivariant_map() -> None:
    generators = [np.array([1, 2, 3, 0])]
    x = np.random.default_rng(6).standard_normal((4, 4))
    assert assert_equivariant(lambda v: v.sum(-1, keepdims=True) + 0 * v, x, generators) < 1e-12
    with pytest.raises(AssertionError):
        assert_equivariant(lambda v: v * np.arange(4.0), x, generators)


def test_torch_modules(files: Files) -> None:
    torch = pytest.importorskip("torch")
    from eqgeom.torch import ComponentAutoencoder, EquivariantLinear
    torch.manual_seed(0)
    layer = io.load(files["layer.safetensors"])
    lin = EquivariantLinear(layer, in_channels=2, out_channels=3)
    with torch.no_grad():
        lin.bias.normal_()
    x = torch.tensor(np.random.default_rng(1).standard_normal((4, 2, 25)))
    assert_equivariant(lin, x, layer["generators"], atol=1e-12)
    # variance preserved at initialisation (512 layers of 8 channels: the sample variance of y is near E[x²])
    wide = EquivariantLinear(layer, in_channels=8, out_channels=512, bias=False)
    y = wide(torch.randn(64, 8, 25, dtype=torch.float64))
    assert 0.8 < float(y.detach().var()) < 1.25, float(y.detach().var())
    # a few Adam steps on a small regression reduce the loss
    target = torch.tensor(np.random.default_rng(2).standard_normal((4, 3, 25)))
    opt = torch.optim.Adam(lin.parameters(), lr=0.05)
    losses = []
    for _ in range(20):
        opt.zero_grad()
        loss = ((lin(x) - target) ** 2).mean()
        loss.backward()
        opt.step()
        losses.append(float(loss))
    assert losses[-1] < 0.9 * losses[0], losses
    # the component at eqgeom's exact weights gives eqgeom's exact loss
    weights = os.path.join(files["run"], "weights.npz")
    model = ComponentAutoencoder(weights).load_weights(weights)
    data = torch.tensor(np.load(files["data"]))
    assert abs(float(((model(data) - data) ** 2).mean()) - files["exact_loss"]) < 1e-8
    # a group component is equivariant for any θ
    group = io.load(files["group.npz"])
    gm = ComponentAutoencoder(group)
    assert_equivariant(gm, torch.tensor(np.random.default_rng(4).standard_normal((3, 25))), group["generators"],
                       atol=1e-12)


def test_jax_functions(files: Files) -> None:
    jax = pytest.importorskip("jax")
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    from eqgeom.jax import Autoencoder, linear_apply, linear_init
    layer = io.load(files["layer.npz"])
    params = linear_init(layer, jax.random.PRNGKey(0), in_channels=2, out_channels=3)
    params["bias"] = jax.random.normal(jax.random.PRNGKey(1), params["bias"].shape)
    x = jnp.asarray(np.random.default_rng(1).standard_normal((4, 2, 25)))
    assert_equivariant(lambda v: linear_apply(layer, params, v), x, layer["generators"], atol=1e-12)
    target = jnp.asarray(np.random.default_rng(2).standard_normal((4, 3, 25)))

    def loss(p: Any) -> Any:
        return jnp.mean((linear_apply(layer, p, x) - target) ** 2)
    first = float(loss(params))
    step = jax.jit(lambda p: jax.tree_util.tree_map(lambda v, g: v - 0.2 * g, p, jax.grad(loss)(p)))
    for _ in range(20):
        params = step(params)
    assert float(loss(params)) < 0.9 * first
    weights = os.path.join(files["run"], "weights.npz")
    model = Autoencoder(weights)
    data = jnp.asarray(np.load(files["data"]))
    value = float(jnp.mean((model.apply(model.from_weights(weights), data) - data) ** 2))
    assert abs(value - files["exact_loss"]) < 1e-8, (value, files["exact_loss"])
    group = Autoencoder(files["group.safetensors"])
    gp = group.init(jax.random.PRNGKey(3))
    xg = jnp.asarray(np.random.default_rng(4).standard_normal((3, 25)))
    assert_equivariant(lambda v: group.apply(gp, v), xg, io.load(files["group.npz"])["generators"], atol=1e-12)


def test_version() -> None:
    assert eqgeom.__version__.count(".") == 2
