"""The shell-free API: named groups and image actions as eqgeom options, the executable's discovery, `layer`."""
from __future__ import annotations

import pytest

import eqgeom
from eqgeom import groups
from eqgeom import binary as executables


def test_groups_name_eqgeom_options() -> None:
    assert groups.S(5).args == ["--group", "S5"] and repr(groups.D(4)) == "eqgeom.groups.D(4)"
    d4 = groups.image(28, 28).rotate(90).reflect()
    assert d4.args == ["--image", "28x28", "--rotate", "90", "--reflect", "horizontal"]
    assert groups.torus(3, 4).args == ["--image", "3x4", "--shift", "x", "--shift", "y"]
    assert groups.cycles("(1 2 3)", "(1 2)", n=5).args == ["--gen", "(1 2 3)", "--gen", "(1 2)", "--n", "5"]
    # 0-based images become 1-based one-line notation
    assert groups.from_images([[1, 2, 0, 3]]).args == ["--gen", "[2,3,1,4]", "--n", "4"]


@pytest.mark.parametrize("make", [lambda: groups.S(0), lambda: groups.image(0, 3), lambda: groups.cycles(),
                                  lambda: groups.from_images([[0, 0, 1]]), lambda: groups.image(4, 4).rotate(45),
                                  lambda: groups.image(4, 4).shift("z"), lambda: groups.image(4, 4).reflect("x")])
def test_bad_groups_are_refused_in_python(make: object) -> None:
    with pytest.raises(ValueError):
        make()  # type: ignore[operator]


def test_executable_is_found_in_order(binary: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(executables, "bundled", lambda: None)
    monkeypatch.setenv("EQGEOM_BIN", binary)
    assert executables.executable() == binary
    monkeypatch.delenv("EQGEOM_BIN")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(FileNotFoundError, match="EQGEOM_BIN"):
        executables.executable()


def test_layer_through_the_api(binary: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(executables, "bundled", lambda: None)
    monkeypatch.setenv("EQGEOM_BIN", binary)
    # S_n on matrices: the Bell number B4 = 15 for every n ≥ 4, as set partitions of the four places
    for n in (5, 60):
        layer = eqgeom.layer(groups.S(n), in_power=2, out_power=2)
        assert int(layer["parameter_count"]) == 15 and layer["partitions"].shape == (15, 4)
    # the cyclic shift of 3 points: W circulant, 3 parameters
    shift = eqgeom.layer(groups.cycles("(1 2 3)"))
    assert int(shift["parameter_count"]) == 3 and shift["index"].shape == (3, 3)
    assert eqgeom.run_json(["equivariant", "--group", "C3", "--rank", "1"])["n"] == 3
    with pytest.raises(eqgeom.EqgeomError) as refused:
        eqgeom.layer(groups.cycles("(1 2"))
    assert "\n" not in str(refused.value) and not str(refused.value).startswith("eqgeom:")


def test_files_name_their_kind_and_readers_check_it(binary: str, tmp_path: "object") -> None:
    from eqgeom import io
    from conftest import run as run_cli

    work = str(tmp_path)
    run_cli(binary, "layer", "--group", "S3", "--out", f"{work}/layer.npz")
    run_cli(binary, "layer", "--group", "S3", "--out", f"{work}/layer.safetensors")
    run_cli(binary, "mask", "--perm", "(1 2 3)", "--rank", "1", "--tuple", "1,0", "--out", f"{work}/mask.npz")
    assert int(io.load_layer(f"{work}/layer.npz")["kind"]) == 3
    assert int(io.load_layer(f"{work}/layer.safetensors")["kind"]) == 3
    assert int(io.load_architecture(f"{work}/mask.npz")["kind"]) == 4
    with pytest.raises(ValueError, match="holds component architecture, not equivariant layer"):
        io.load_layer(f"{work}/mask.npz")
    with pytest.raises(ValueError, match="not training weights"):
        io.load_weights(f"{work}/layer.npz")
    import numpy as np

    z = dict(np.load(f"{work}/layer.npz"))
    z["format_version"] = np.int64(3)
    np.savez(f"{work}/future.npz", **z)
    with pytest.raises(ValueError, match="newer"):
        io.load_layer(f"{work}/future.npz")


def test_group_runs_load_into_the_modules(binary: str, tmp_path: "object") -> None:
    """A D4 run's weights.npz carries the architecture and θ: the module built from it reproduces eqgeom's exact
    loss, in PyTorch and JAX."""
    import numpy as np
    from conftest import run as run_cli

    work = str(tmp_path)
    x = np.random.default_rng(8).random((60, 25))
    np.save(f"{work}/x.npy", x)
    d4 = ["--image", "5x5", "--rotate", "90", "--reflect", "horizontal"]
    exact = run_cli(binary, "train", *d4, "--rank", "6", "--method", "exact", "--data", f"{work}/x.npy",
                    "--out", f"{work}/run")["exact_loss"]
    weights = f"{work}/run/weights.npz"
    torch = pytest.importorskip("torch")
    from eqgeom.torch import ComponentAutoencoder

    model = ComponentAutoencoder(weights, dtype=torch.float64).load_weights(weights)
    data = torch.tensor(x)
    assert abs(float(((model(data) - data) ** 2).mean()) - exact) < 1e-10
    jax = pytest.importorskip("jax")
    from eqgeom.jax import Autoencoder

    jax.config.update("jax_enable_x64", True)
    try:
        auto = Autoencoder(weights)
        y = auto.apply(auto.from_weights(weights), jax.numpy.asarray(x))
        assert abs(float(((np.asarray(y) - x) ** 2).mean()) - exact) < 1e-10
    finally:
        jax.config.update("jax_enable_x64", False)
