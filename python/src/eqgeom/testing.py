"""Checks for equivariant maps, in NumPy, PyTorch or JAX.

`assert_equivariant(f, x, permutations)` checks f(x·P_g) = f(x)·P_g on the last axis for every generator: the
one check every test, guide and notebook of eqgeom uses.
"""
from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

import numpy as np
import numpy.typing as npt

from .orbit_rows import tensor_power_images

Array = Any


def permute(x: Array, images: npt.ArrayLike) -> Array:
    """Apply P_g to the last axis of x: (P x)[images[j]] = x[j] (eqgeom's convention, MATH.md §1).

    Parameters
    ----------
    x : array
        A NumPy array, torch tensor or jax array whose last axis has n entries.
    images : array_like of int
        The 0-based images of the n points.

    Returns
    -------
    array
        The permuted array, of x's kind.
    """
    inverse = np.argsort(np.asarray(images, dtype=np.int64))
    module = type(x).__module__
    if module.startswith("torch"):
        import torch
        return x[..., torch.as_tensor(inverse, dtype=torch.long, device=x.device)]
    return x[..., inverse]


def assert_equivariant(
    f: Callable[[Array], Array], x: Array, permutations: Sequence[npt.ArrayLike], *, in_power: int = 1,
    out_power: Optional[int] = None, atol: float = 1e-10, rtol: float = 0.0,
) -> float:
    """Assert f(g·x) = g·f(x) for every generator g acting on the last axis.

    Parameters
    ----------
    f : callable
        The map, applied to a batch (last axis: the n^in_power coordinates).
    x : array
        Inputs (NumPy, torch or jax).
    permutations : sequence of array_like
        The generators' 0-based images on the n points (e.g. a layer file's `generators`).
    in_power, out_power : int, optional
        Tensor powers of the input and output (out_power defaults to in_power); g acts on [n]^p diagonally.
    atol, rtol : float, optional
        Tolerance: max |f(gx) − g f(x)| ≤ atol + rtol · max |f(x)|.

    Returns
    -------
    float
        The largest defect max |f(gx) − g f(x)| over the generators.

    Raises
    ------
    AssertionError
        When a defect exceeds the tolerance.
    """
    q = in_power if out_power is None else out_power
    y = f(x)
    scale = float(np.max(np.abs(_numpy(y)))) if _numpy(y).size else 0.0
    worst = 0.0
    for k, images in enumerate(permutations):
        g = np.asarray(images, dtype=np.int64)
        moved = f(permute(x, tensor_power_images(g, in_power)))
        expected = permute(y, tensor_power_images(g, q))
        defect = float(np.max(np.abs(_numpy(moved) - _numpy(expected)))) if _numpy(y).size else 0.0
        worst = max(worst, defect)
        if defect > atol + rtol * scale:
            raise AssertionError(f"not equivariant under generator {k}: max |f(gx) − g f(x)| = {defect:.3e} "
                                 f"(tolerance {atol + rtol * scale:.3e})")
    return worst


def _numpy(a: Array) -> npt.NDArray[Any]:
    if type(a).__module__.startswith("torch"):
        return np.asarray(a.detach().cpu().numpy())
    return np.asarray(a)
