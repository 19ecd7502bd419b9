"""Block moments of data in NumPy, in the format of `eqgeom spectra --out` (docs/formats.md): the statistics of a
shard that add across shards and that `eqgeom train --stats` turns into every component's optimum.

The basis comes from `eqgeom basis ACTION --out basis.npz` (its `Q` and its description): for one permutation the
moments are Hermitian d×d per block (`block_<b>_real`, `block_<b>_imag`: Σ z zᴴ with z = x_cos + i·x_sin on the
complex blocks), for a group real δμ×δμ per block (`block_<b>`: Σ z zᵀ over the block's slots).
"""
from __future__ import annotations

import os
from typing import Any, Dict, Mapping

import numpy as np
import numpy.typing as npt

from . import io

__all__ = ["chunk_moments", "add_moments", "save_moments"]

Moments = Dict[str, npt.NDArray[Any]]
FORMAT_VERSION = 2


def _blocks(basis: Mapping[str, Any]) -> Any:
    """(weight, multiplicity, δ, first column) of each block, canonical order."""
    weight = np.asarray(basis["block_weight"], dtype=np.int64)
    multiplicity = np.asarray(basis["block_multiplicity"], dtype=np.int64)
    if "block_type_dimension" in basis:
        delta = np.asarray(basis["block_type_dimension"], dtype=np.int64)
        offset = np.asarray(basis["block_offset"], dtype=np.int64)
    else:  # one permutation: real blocks of weight 1, complex of weight 2, columns block after block
        delta = weight
        offset = np.concatenate([[0], np.cumsum(weight * multiplicity)[:-1]])
    return zip(weight.tolist(), multiplicity.tolist(), delta.tolist(), offset.tolist())


def chunk_moments(x: npt.ArrayLike, basis: Mapping[str, Any]) -> Moments:
    """The block moments of the rows of `x` (N × n samples) in the frame of `basis`.

    Parameters
    ----------
    x : array_like
        The samples, one per row.
    basis : mapping
        The arrays of `eqgeom basis ACTION --out basis.npz` (`Q` and the symmetry's description).

    Returns
    -------
    dict
        `samples` and the per-block moments, keyed as in eqgeom's statistics files.
    """
    rows = np.asarray(x, dtype=np.float64)
    q = np.asarray(basis["Q"], dtype=np.float64)
    if rows.ndim != 2 or rows.shape[1] != q.shape[0]:
        raise ValueError(f"x must be N × {q.shape[0]}, got shape {rows.shape}")
    y = rows @ q
    out: Moments = {"samples": np.asarray(len(rows), dtype=np.int64)}
    group = "block_type_dimension" in basis
    for b, (w, mu, delta, start) in enumerate(_blocks(basis)):
        block = y[:, start:start + w * mu]
        if group:  # column k·w + j·δ + a: copy k, slot j, D-slot a; the slots become rows
            z = block.reshape(len(rows), mu, w // delta, delta).transpose(0, 2, 1, 3).reshape(-1, mu * delta)
            out[f"block_{b}"] = z.T @ z
        elif w == 1:
            out[f"block_{b}_real"] = block.T @ block
        else:  # z = cos + i·sin per copy: Σ z zᴴ = (CᵀC + SᵀS) + i(SᵀC − CᵀS)
            c, s = block[:, 0::2], block[:, 1::2]
            out[f"block_{b}_real"] = c.T @ c + s.T @ s
            out[f"block_{b}_imag"] = s.T @ c - c.T @ s
    return out


def add_moments(a: Moments, b: Moments) -> Moments:
    """The moments of two disjoint shards together (member by member)."""
    if a.keys() != b.keys():
        raise ValueError("the moments were taken in different frames")
    return {k: a[k] + b[k] for k in a}


def save_moments(path: io.PathLike, moments: Moments, basis: Mapping[str, Any]) -> None:
    """Write `moments` as an eqgeom statistics file (`eqgeom train --stats` reads it).

    Parameters
    ----------
    path : str or os.PathLike
        The `.npz` to write.
    moments : dict
        From `chunk_moments` (and `add_moments`).
    basis : mapping
        The basis the moments were taken in.
    """
    n = int(np.asarray(basis["Q"]).shape[0])
    z: Dict[str, Any] = {"format_version": np.int64(FORMAT_VERSION), "index_base": np.int64(0), "n": np.int64(n)}
    blocks = list(_blocks(basis))
    if "block_type_dimension" in basis:
        z["kind"] = np.int64(2)
        z["generators"] = np.asarray(basis["generators"], dtype=np.int64)
        z["blocks"] = np.array([[w, mu, delta] for w, mu, delta, _ in blocks], dtype=np.int64).reshape(-1, 3)
    else:
        z["kind"] = np.int64(1)
        z["permutation"] = np.asarray(basis["permutation"], dtype=np.int64)
        z["blocks"] = np.stack([np.asarray(basis["block_l"]), np.asarray(basis["block_m"]),
                                np.asarray(basis["block_multiplicity"])], axis=1).astype(np.int64)
    z["samples"] = np.int64(moments["samples"])
    z.update({k: np.asarray(v, dtype=np.float64) for k, v in moments.items() if k != "samples"})
    with open(os.fspath(path), "wb") as f:
        np.savez(f, **z)
