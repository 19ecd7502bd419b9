#!/usr/bin/env python3
"""Tests of the Python package (python/eqgeom) against files the eqgeom binary writes, with values computed
independently (dense Q rebuilt from its description, permutation matrices, eqgeom's own exact loss).

Usage: python3 python/tests/test_package.py --binary .build/debug/eqgeom
NumPy and JAX always run; PyTorch runs where it is importable (prints "torch: skipped" otherwise)."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import eqgeom  # noqa: E402
from eqgeom import io  # noqa: E402
from eqgeom.transform import ShiftTransform, SparseQ  # noqa: E402

D4 = ["--image", "5x5", "--rotate", "90", "--reflect", "horizontal"]


def run(binary, *args):
    out = subprocess.run([binary, *args, "--json"], capture_output=True, text=True)
    assert out.returncode == 0, f"eqgeom {' '.join(args)}: {out.stderr}"
    return json.loads(out.stdout)


def permuted(x, images):
    """(P x) for every row: (P x)[σ(j)] = x[j]."""
    y = np.empty_like(x)
    y[..., images] = x
    return y


def make_files(binary, work):
    f = {}
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
    return f


def check_formats(f):
    for name in ("layer", "mask", "group"):
        a, (b, meta) = io.load(f[f"{name}.npz"]), io.read_safetensors(f[f"{name}.safetensors"])
        assert sorted(a) == sorted(b), name
        assert all(a[k].dtype == b[k].dtype and np.array_equal(a[k], b[k]) for k in a), name
        assert meta["format_version"] == "2" and meta["index_base"] == "0" and int(meta["n"]) == int(a["n"]), meta
    meta = io.read_safetensors(f["layer.safetensors"])[1]
    assert json.loads(meta["generators"]) == io.load(f["layer.npz"])["generators"].tolist()
    assert meta["in_power"] == "1" and meta["out_power"] == "1"
    assert json.loads(io.read_safetensors(f["mask.safetensors"])[1]["tuple"]) == [2, 1, 0, 1]
    # writing and reading back every dtype eqgeom uses
    arrays = {"a": np.arange(6.0).reshape(2, 3), "b": np.array([1, -2], np.int32), "c": np.array(7, np.int64),
              "d": np.array([-1, 0, 1], np.int8)}
    path = f["data"] + ".safetensors"
    io.write_safetensors(path, arrays, {"k": "v"})
    back, meta = io.read_safetensors(path)
    assert meta == {"k": "v"}
    assert all(np.array_equal(back[k], v) and back[k].dtype == v.dtype for k, v in arrays.items())
    for bad in (b"", b"\xff" * 8 + b"{}"):
        with open(path, "wb") as h:
            h.write(bad)
        try:
            io.read_safetensors(path)
            raise AssertionError("a malformed safetensors file was accepted")
        except ValueError:
            pass
    print("formats: npz = safetensors for layer, mask and group mask; metadata; write/read round trip")


def check_transforms(f):
    rng = np.random.default_rng(0)
    arch = io.load(f["mask.npz"])
    q = io.basis_from_description(arch)
    assert np.abs(q - arch["Q"]).max() < 1e-12
    x = rng.standard_normal((5, 24))
    t = ShiftTransform(arch)
    assert np.abs(t.forward(x) - x @ q).max() < 1e-12 and np.abs(t.inverse(x) - x @ q.T).max() < 1e-12
    group = io.load(f["group.npz"])
    s = SparseQ(group)
    x = rng.standard_normal((5, 25))
    assert np.abs(s.forward(x) - x @ group["Q"]).max() < 1e-12 and np.abs(s.inverse(x) - x @ group["Q"].T).max() < 1e-12
    try:
        io.basis_from_description(arch, limit=10)
        raise AssertionError("a dense Q above the limit was built")
    except MemoryError:
        pass
    print("transforms: FFT and orbit-block Q equal the dense Q to 1e-12; dense Q refused above the limit")


def check_torch(f):
    try:
        import torch
    except ImportError:
        print("torch: skipped (not importable)")
        return
    from eqgeom.torch import ComponentAutoencoder, EquivariantLinear
    torch.manual_seed(0)
    layer = io.load(f["layer.safetensors"])
    lin = EquivariantLinear(layer, in_channels=2, out_channels=3)
    with torch.no_grad():
        lin.bias.normal_()
    x = np.random.default_rng(1).standard_normal((4, 2, 25))
    for g in layer["generators"]:
        a = lin(torch.tensor(permuted(x, g))).detach().numpy()
        b = permuted(lin(torch.tensor(x)).detach().numpy(), g)
        assert np.abs(a - b).max() < 1e-12, np.abs(a - b).max()
    # variance preserved at initialisation (512 layers of 8 channels: the sample variance of y is near E[x²])
    wide = EquivariantLinear(layer, in_channels=8, out_channels=512, bias=False)
    y = wide(torch.randn(64, 8, 25, dtype=torch.float64))
    assert 0.8 < float(y.var()) < 1.25, float(y.var())
    # a few Adam steps on a small regression reduce the loss
    target = torch.tensor(np.random.default_rng(2).standard_normal((4, 3, 25)))
    opt = torch.optim.Adam(lin.parameters(), lr=0.05)
    losses = []
    for _ in range(20):
        opt.zero_grad()
        loss = ((lin(torch.tensor(x)) - target) ** 2).mean()
        loss.backward()
        opt.step()
        losses.append(float(loss))
    assert losses[-1] < 0.9 * losses[0], losses
    # the paper-style component at eqgeom's exact weights: eqgeom's exact loss
    model = ComponentAutoencoder(os.path.join(f["run"], "weights.npz")).load_weights(
        os.path.join(f["run"], "weights.npz"))
    data = torch.tensor(np.load(f["data"]))
    loss = float(((model(data) - data) ** 2).mean())
    assert abs(loss - f["exact_loss"]) < 1e-8, (loss, f["exact_loss"])
    # a group component is equivariant for any θ
    group = io.load(f["group.npz"])
    gm = ComponentAutoencoder(group)
    x = np.random.default_rng(4).standard_normal((3, 25))
    for g in group["generators"]:
        a = gm(torch.tensor(permuted(x, g))).detach().numpy()
        assert np.abs(a - permuted(gm(torch.tensor(x)).detach().numpy(), g)).max() < 1e-12
    print(f"torch {torch.__version__}: EquivariantLinear equivariant to 1e-12, variance kept, Adam "
          f"{losses[0]:.3f} → {losses[-1]:.3f}; ComponentAutoencoder at eqgeom's weights: loss {loss:.12g} "
          f"(eqgeom {f['exact_loss']:.12g}); group component equivariant")


def check_jax(f):
    import jax
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    from eqgeom.jax import Autoencoder, linear_apply, linear_init
    layer = io.load(f["layer.npz"])
    params = linear_init(layer, jax.random.PRNGKey(0), in_channels=2, out_channels=3)
    params["bias"] = jax.random.normal(jax.random.PRNGKey(1), params["bias"].shape)
    x = np.random.default_rng(1).standard_normal((4, 2, 25))
    for g in layer["generators"]:
        a = np.asarray(linear_apply(layer, params, jnp.asarray(permuted(x, g))))
        b = permuted(np.asarray(linear_apply(layer, params, jnp.asarray(x))), g)
        assert np.abs(a - b).max() < 1e-12, np.abs(a - b).max()
    target = jnp.asarray(np.random.default_rng(2).standard_normal((4, 3, 25)))

    def loss(p):
        return jnp.mean((linear_apply(layer, p, jnp.asarray(x)) - target) ** 2)
    first = float(loss(params))
    step = jax.jit(lambda p: jax.tree_util.tree_map(lambda v, g: v - 0.2 * g, p, jax.grad(loss)(p)))
    for _ in range(20):
        params = step(params)
    assert float(loss(params)) < 0.9 * first
    model = Autoencoder(os.path.join(f["run"], "weights.npz"))
    p = model.from_weights(os.path.join(f["run"], "weights.npz"))
    data = jnp.asarray(np.load(f["data"]))
    value = float(jnp.mean((model.apply(p, data) - data) ** 2))
    assert abs(value - f["exact_loss"]) < 1e-8, (value, f["exact_loss"])
    group = Autoencoder(f["group.safetensors"])
    gp = group.init(jax.random.PRNGKey(3))
    trained = float(loss(params))
    xg = np.random.default_rng(4).standard_normal((3, 25))
    for g in io.load(f["group.npz"])["generators"]:
        a = np.asarray(group.apply(gp, jnp.asarray(permuted(xg, g))))
        assert np.abs(a - permuted(np.asarray(group.apply(gp, jnp.asarray(xg))), g)).max() < 1e-12
    print(f"jax {jax.__version__}: layer equivariant to 1e-12, gradient steps {first:.3f} → {trained:.3f}; "
          f"Autoencoder at eqgeom's weights: loss {value:.12g}; group component equivariant")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        f = make_files(os.path.abspath(args.binary), work)
        check_formats(f)
        check_transforms(f)
        check_torch(f)
        check_jax(f)
    print(f"eqgeom {eqgeom.__version__}: package tests passed")


if __name__ == "__main__":
    main()
