"""Equivariant layers from Python without a shell: `eqgeom.layer(group, in_power=, out_power=)`."""
from __future__ import annotations

import os
import tempfile

from .binary import run
from .groups import Group
from .io import Arrays, load

__all__ = ["layer"]


def layer(group: Group, in_power: int = 1, out_power: int = 1) -> Arrays:
    """The G-equivariant linear layers R^{n^p} → R^{n^q}: one parameter per orbit of G on index tuples.

    Parameters
    ----------
    group : eqgeom.groups.Group
        The group, e.g. ``eqgeom.groups.S(5)`` or ``eqgeom.groups.image(28, 28).rotate(90).reflect()``.
    in_power, out_power : int
        The tensor powers p and q (q = 0: invariants).

    Returns
    -------
    dict
        The arrays of `eqgeom layer … --out` (docs/formats.md): `parameter_count`, `generators`, and `index` /
        `bias_index` where they can be listed, `partitions` / `bias_partitions` for groups with S_n's orbits.
        Pass it to `eqgeom.torch.EquivariantLinear` (or `PartitionLinear` for partitions) or `eqgeom.jax`.

    Raises
    ------
    eqgeom.binary.EqgeomError
        When eqgeom refuses the request (its one-line reason).
    """
    if in_power < 0 or out_power < 0:
        raise ValueError(f"tensor powers must be non-negative, not {in_power} and {out_power}")
    with tempfile.TemporaryDirectory(prefix="eqgeom-") as directory:
        path = os.path.join(directory, "layer.npz")
        run(["layer", *group.args, "--in-power", str(in_power), "--out-power", str(out_power), "--out", path])
        return load(path)
