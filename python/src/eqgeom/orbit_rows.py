"""An equivariant layer applied through its orbit rows, never forming W (NumPy plan; frameworks run it).

W: R^{n^p} → R^{n^q} commutes with G acting on tuples, so W[g·a, b] = W[a, g⁻¹·b] and
(W x)[g·a] = Σ_c W[a, c]·x[g·c]: the rows a of one representative per G-orbit of output tuples (about n^q/|G| of
them) determine W. A forward pass gathers x at g·c for every element g, multiplies by those rows, and reads each
output tuple from one (g, a) with g·a = it. Memory: the representative rows (≈ W/|G|) and |G| copies of x.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
LARGEST_GROUP = 4096


def tensor_power_images(images: npt.ArrayLike, power: int) -> IntArray:
    """The images of g on [n]^power, flattened row-major (how eqgeom lays out tensor powers)."""
    g = np.asarray(images, dtype=np.int64)
    n = len(g)
    result = np.zeros(1, dtype=np.int64)
    for _ in range(power):
        result = (result[:, None] * n + g[None, :]).reshape(-1)
    return result


def group_elements(generators: npt.ArrayLike, limit: int = LARGEST_GROUP) -> IntArray:
    """Every element of ⟨generators⟩ as 0-based images (|G| × n), the identity first, by closure under
    multiplication by the generators; ValueError past `limit` elements."""
    array = np.asarray(generators, dtype=np.int64)
    if array.size == 0 or array.ndim != 2:
        raise ValueError("the group needs at least one generator, as a [g, n] array of 0-based images")
    gens = list(array)
    n = len(gens[0])
    identity = np.arange(n, dtype=np.int64)
    seen = {identity.tobytes()}
    elements: List[IntArray] = [identity]
    k = 0
    while k < len(elements):
        for g in gens:
            h = g[elements[k]]
            key = h.tobytes()
            if key not in seen:
                if len(elements) >= limit:
                    raise ValueError(f"the group has more than {limit} elements; use the dense route")
                seen.add(key)
                elements.append(h)
        k += 1
    return np.stack(elements)


@dataclass(frozen=True)
class OrbitRows:
    """`rows` [R, n^p]: the orbit numbers of the representative rows (W's rows = θ[rows]); `gather` [|G|, n^p]:
    g·c for every element and input tuple; `select` [n^q]: for each output tuple, the flat position g·R + r of
    one (element, representative) that reaches it."""

    rows: IntArray
    gather: IntArray
    select: IntArray


def orbit_rows(index: npt.ArrayLike, generators: npt.ArrayLike, in_power: int, out_power: int,
               limit: int = LARGEST_GROUP) -> OrbitRows:
    """The plan for W = θ[index] under the group the generators make (at most `limit` elements)."""
    index = np.asarray(index)
    elements = group_elements(generators, limit)
    out_images = np.stack([tensor_power_images(g, out_power) for g in elements])
    gather = np.stack([tensor_power_images(g, in_power) for g in elements])
    outputs = out_images.shape[1]
    # the least tuple of each orbit is its representative
    least = out_images.min(axis=0)
    reps = np.flatnonzero(least == np.arange(outputs))
    select = np.full(outputs, -1, dtype=np.int64)
    positions = out_images[:, reps]                                   # [|G|, R]: g·a
    flat = np.arange(positions.size, dtype=np.int64).reshape(positions.shape)
    select[positions.reshape(-1)] = flat.reshape(-1)
    if (select < 0).any():
        raise ValueError("the generators do not act on the layer's output tuples")
    return OrbitRows(rows=index[reps].astype(np.int64), gather=gather, select=select)
