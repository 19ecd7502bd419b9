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

from conftest import run

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
    lin = EquivariantLinear(layer, in_channels=2, out_channels=3, dtype=torch.float64)
    with torch.no_grad():
        lin.bias.normal_()
    x = torch.tensor(np.random.default_rng(1).standard_normal((4, 2, 25)))
    assert_equivariant(lin, x, layer["generators"], atol=1e-12)
    # variance preserved at initialisation (512 layers of 8 channels: the sample variance of y is near E[x²])
    wide = EquivariantLinear(layer, in_channels=8, out_channels=512, bias=False, dtype=torch.float64)
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
        losses.append(float(loss.detach()))
    assert losses[-1] < 0.9 * losses[0], losses
    # the component at eqgeom's exact weights gives eqgeom's exact loss
    weights = os.path.join(files["run"], "weights.npz")
    model = ComponentAutoencoder(weights, dtype=torch.float64).load_weights(weights)
    data = torch.tensor(np.load(files["data"]))
    assert abs(float(((model(data) - data) ** 2).mean().detach()) - files["exact_loss"]) < 1e-8
    # a group component is equivariant for any θ
    group = io.load(files["group.npz"])
    gm = ComponentAutoencoder(group, dtype=torch.float64)
    assert_equivariant(gm, torch.tensor(np.random.default_rng(4).standard_normal((3, 25))), group["generators"],
                       atol=1e-12)


@pytest.mark.parametrize("args, order", [
    (["--image", "4x4", "--rotate", "90", "--reflect", "horizontal"], 8),
    (["--gen", "(1 2 3 4 5)", "--in-power", "2", "--out-power", "1"], 5),
    (["--gen", "(1 2)(3 4)", "--gen", "(1 3)", "--n", "5", "--in-power", "1", "--out-power", "2"], 8)])
def test_orbit_rows_route_equals_the_dense_matrix(binary: str, tmp_path: Any, args: Any, order: int) -> None:
    torch = pytest.importorskip("torch")
    from eqgeom.orbit_rows import group_elements
    from eqgeom.torch import EquivariantLinear
    path = str(tmp_path / "layer.npz")
    run(binary, "layer", *args, "--out", path)
    layer = io.load(path)
    assert len(group_elements(layer["generators"])) == order
    rows = EquivariantLinear(layer, in_channels=2, out_channels=3, dtype=torch.float64)
    dense = EquivariantLinear(layer, in_channels=2, out_channels=3, route="dense", dtype=torch.float64)
    assert rows.route == "rows" and dense.route == "dense" and "route='rows'" in repr(rows)
    dense.load_state_dict(rows.state_dict())
    assert sorted(rows.state_dict()) == ["bias", "weight"]
    with torch.no_grad():
        assert rows.bias is not None
        rows.bias.normal_()
        dense.bias.copy_(rows.bias)
    x = torch.randn(4, 2, layer["index"].shape[1], dtype=torch.float64)
    assert (rows(x) - dense(x)).abs().max() < 1e-12
    x.requires_grad_(True)
    rows(x).square().sum().backward()
    assert rows.weight.grad is not None and x.grad is not None


def test_torch_conventions(files: Files) -> None:
    torch = pytest.importorskip("torch")
    from eqgeom.torch import EquivariantLinear
    layer = io.load(files["layer.npz"])                       # D4 on 5×5
    one = EquivariantLinear(layer, in_channels=1, out_channels=3)
    assert one.weight.dtype == torch.get_default_dtype() and sorted(one.state_dict()) == ["bias", "weight"]
    x = torch.randn(4, 1, 25)
    assert one(x).shape == (4, 3, 25)                          # the channel axis is kept for one channel
    images = x.reshape(4, 1, 5, 5)
    assert torch.equal(one(images), one(x).reshape(4, 3, 5, 5))   # (B, C, H, W) in, (B, C, H, W) out
    with pytest.raises(ValueError):
        one(torch.randn(4, 25))                                # no channel axis: refused, not guessed
    before = one.weight.detach().clone()
    one.reset_parameters()
    assert not torch.equal(before, one.weight) and float(one.bias.abs().max()) == 0.0   # type: ignore[union-attr]
    assert "route='rows'" in repr(one)


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


def _brute_force_layer(theta: Any, n: int, in_power: int, out_power: int) -> Any:
    """W[o, i] = θ[number of the equality pattern of (o, i)], the patterns listed by itertools: independent of the
    einsum plan and of the Möbius function."""
    import itertools
    from eqgeom.partitions import set_partitions
    number = {p: k for k, p in enumerate(set_partitions(in_power + out_power))}
    w = np.zeros((n ** out_power, n ** in_power))
    for row, out in enumerate(itertools.product(range(n), repeat=out_power)):
        for col, inp in enumerate(itertools.product(range(n), repeat=in_power)):
            labels: Dict[int, int] = {}
            pattern = tuple(labels.setdefault(v, len(labels)) for v in out + inp)
            w[row, col] = theta[number[pattern]]
    return w


def test_set_partitions_are_eqgeoms_orbits(binary: str, tmp_path: Any) -> None:
    from eqgeom.partitions import mobius_matrix, set_partitions
    assert [len(set_partitions(k)) for k in range(8)] == [1, 1, 2, 5, 15, 52, 203, 877]   # Bell numbers
    # μ(0̂, 1̂) = (−1)^{k−1}(k−1)!: the finest partition against the coarsest
    assert mobius_matrix(4)[-1, 0] == -6 and mobius_matrix(4)[0, 0] == 1
    path = str(tmp_path / "s5.npz")
    run(binary, "layer", "--group", "S5", "--in-power", "2", "--out-power", "2", "--out", path)
    layer = io.load(path)
    assert [tuple(p) for p in layer["partitions"].tolist()] == set_partitions(4)
    theta = np.random.default_rng(7).standard_normal(15)
    assert np.array_equal(theta[layer["index"]], _brute_force_layer(theta, 5, 2, 2))


@pytest.mark.parametrize("powers", [(1, 1), (2, 2), (2, 1), (1, 2), (0, 2), (2, 0), (3, 1)])
def test_partition_linear_is_the_listed_layer_and_equivariant_at_every_n(powers: Any) -> None:
    torch = pytest.importorskip("torch")
    from eqgeom.torch import PartitionLinear
    p, q = powers
    torch.manual_seed(0)
    layer = PartitionLinear(p, q, bias=False, reduction="sum", dtype=torch.float64)
    theta = layer.weight.detach()[0, 0].numpy()
    for n in (1, 2, 4):
        basis = torch.eye(n ** p, dtype=torch.float64).reshape((n ** p, 1) + (n,) * p)
        w = layer(basis, n=n).detach().reshape(n ** p, n ** q).numpy().T
        assert np.abs(w - _brute_force_layer(theta, n, p, q)).max() < 1e-12, (p, q, n)
    # one layer, many n: equivariant under a random permutation of every axis, channels 2 → 3, with bias
    wide = PartitionLinear(p, q, in_channels=2, out_channels=3, dtype=torch.float64)
    with torch.no_grad():
        assert wide.bias is not None
        wide.bias.normal_()
    for n in (5, 23):
        x = torch.randn((4, 2) + (n,) * p, dtype=torch.float64)
        perm = torch.randperm(n)

        def act(t: Any, axes: int) -> Any:
            for axis in range(axes):
                t = t.index_select(t.dim() - axes + axis, perm)
            return t
        assert (wide(act(x, p), n=n) - act(wide(x, n=n), q)).abs().max() < 1e-12


def test_partition_linear_scales_and_follows_torch_conventions() -> None:
    torch = pytest.importorskip("torch")
    from eqgeom.torch import PartitionLinear
    torch.manual_seed(1)
    layer = PartitionLinear(2, 2, in_channels=2, out_channels=2)
    assert layer.weight.dtype == torch.get_default_dtype() and "orbits=15" in repr(layer)
    assert sorted(layer.state_dict()) == ["bias", "weight"]          # Möbius matrices are rebuilt, not stored
    for n in (5, 500):                                               # one module, n = 5 and n = 500
        x = torch.randn(2, 2, n, n)
        perm = torch.randperm(n)
        y = layer(x)
        assert y.shape == (2, 2, n, n)
        moved = layer(x[:, :, perm][:, :, :, perm]) - y[:, :, perm][:, :, :, perm]
        assert float(moved.detach().abs().max()) < 1e-4 * float(y.detach().abs().max())
        y.square().mean().backward()
    with pytest.raises(ValueError):
        layer(torch.randn(2, 3, 5, 5))


def test_partition_apply_in_jax_equals_torch() -> None:
    jax = pytest.importorskip("jax")
    torch = pytest.importorskip("torch")
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    from eqgeom.jax import partition_apply, partition_init
    from eqgeom.torch import PartitionLinear
    params = partition_init(jax.random.PRNGKey(0), 2, 1, in_channels=2, out_channels=3)
    params["bias"] = jax.random.normal(jax.random.PRNGKey(1), params["bias"].shape)
    layer = PartitionLinear(2, 1, in_channels=2, out_channels=3, dtype=torch.float64)
    with torch.no_grad():
        layer.weight.copy_(torch.as_tensor(np.array(params["weight"])))
        assert layer.bias is not None
        layer.bias.copy_(torch.as_tensor(np.array(params["bias"])))
    x = np.random.default_rng(3).standard_normal((4, 2, 9, 9))
    y = np.asarray(jax.jit(lambda p, v: partition_apply(p, v, 2, 1))(params, jnp.asarray(x)))
    assert np.abs(y - layer(torch.as_tensor(x)).detach().numpy()).max() < 1e-12
    grad = jax.grad(lambda p: jnp.sum(partition_apply(p, jnp.asarray(x), 2, 1) ** 2))(params)
    assert grad["weight"].shape == (3, 2, 5)


def test_version() -> None:
    assert eqgeom.__version__.count(".") == 2


@pytest.mark.parametrize("args, shape", [
    (["--image", "6x6", "--shift", "x", "--shift", "y", "--rotate", "90", "--reflect", "horizontal"], (6, 6)),
    (["--image", "4x6", "--shift", "x", "--shift", "y"], (4, 6)),
    (["--gen", "(1 2 3 4 5 6 7)"], (1, 7))])
def test_fft_route_equals_the_dense_matrix(binary: str, tmp_path: Any, args: Any, shape: Any) -> None:
    """Layers that commute with a torus's translations run as circular correlations by FFTs: the same maps as W."""
    torch = pytest.importorskip("torch")
    from eqgeom.convolution import torus_shape
    from eqgeom.torch import EquivariantLinear
    path = str(tmp_path / "layer.npz")
    run(binary, "layer", *args, "--out", path)
    layer = io.load(path)
    assert torus_shape(layer["index"]) == shape
    fft = EquivariantLinear(layer, in_channels=2, out_channels=3, dtype=torch.float64)
    dense = EquivariantLinear(layer, in_channels=2, out_channels=3, route="dense", dtype=torch.float64)
    assert fft.route == "fft" and "route='fft'" in repr(fft)
    dense.load_state_dict(fft.state_dict())
    x = torch.randn(4, 2, layer["index"].shape[1], dtype=torch.float64)
    assert (fft(x) - dense(x)).abs().max() < 1e-12
    assert_equivariant(fft, x, layer["generators"], atol=1e-12)
    x.requires_grad_(True)
    fft(x).square().sum().backward()
    assert fft.weight.grad is not None and x.grad is not None
    jax = pytest.importorskip("jax")
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    from eqgeom.jax import linear_apply
    params = {"weight": jnp.asarray(fft.weight.detach().numpy()), "bias": jnp.asarray(fft.bias.detach().numpy())}
    xj = jnp.asarray(x.detach().numpy())
    by_fft = linear_apply(layer, params, xj)
    assert float(jnp.abs(by_fft - linear_apply(layer, params, xj, route="dense")).max()) < 1e-12
    assert float(jnp.abs(by_fft - jnp.asarray(dense(x).detach().numpy())).max()) < 1e-12
    # D4 alone commutes with no torus: refused on request, rows by default
    run(binary, "layer", "--image", "4x4", "--rotate", "90", "--reflect", "horizontal", "--out", path)
    d4 = io.load(path)
    assert torus_shape(d4["index"]) is None and EquivariantLinear(d4).route == "rows"
    with pytest.raises(ValueError):
        EquivariantLinear(d4, route="fft")
