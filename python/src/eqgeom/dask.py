"""Block moments of a Dask array of samples: one `chunk_moments` per chunk of rows, summed by a tree reduction,
written in the format of `eqgeom spectra --out` for `eqgeom train --stats` (docs/distributed.md). Works on any Dask
scheduler, a `dask.distributed` cluster included; Dask is imported only here."""
from __future__ import annotations

from typing import Any, List, Mapping

import dask.array as da
from dask.base import compute
from dask.delayed import delayed

from .moments import Moments, add_moments, chunk_moments

__all__ = ["block_moments"]


def block_moments(x: "da.Array", basis: Mapping[str, Any], split_every: int = 8) -> Moments:
    """The block moments of the rows of a Dask array.

    Parameters
    ----------
    x : dask.array.Array
        N × n samples, chunked along the rows (one chunk across the columns).
    basis : mapping
        The arrays of `eqgeom basis ACTION --out basis.npz`.
    split_every : int, optional
        The fan-in of the tree reduction.

    Returns
    -------
    dict
        The moments of all rows (`eqgeom.moments.save_moments` writes them).
    """
    if x.ndim != 2:
        raise ValueError(f"x must be a 2-D Dask array of samples, got {x.ndim} dimensions")
    if len(x.chunks[1]) != 1:
        x = x.rechunk({1: -1})
    shared = delayed(dict(basis), pure=True)  # one copy of Q in the graph, not one per chunk
    level: List[Any] = [delayed(chunk_moments)(chunk, shared) for chunk in x.to_delayed().ravel()]
    while len(level) > 1:
        level = [_sum(level[i:i + split_every]) for i in range(0, len(level), split_every)]
    result: Moments = compute(level[0])[0]
    return result


def _sum(parts: List[Any]) -> Any:
    total = parts[0]
    for part in parts[1:]:
        total = delayed(add_moments)(total, part)
    return total
