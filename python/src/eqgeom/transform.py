"""Q and Qᵀ applied to the last axis of a batch without a dense matrix, in NumPy, PyTorch or JAX.

`ShiftTransform`: Q_σ of one permutation, cycle by cycle a real DFT (MATH.md §5): column (cycle, f) holds
Re X(f)·√(2/c) (cosine), −Im X(f)·√(2/c) (sine), X(0)/√c, X(c/2)/√c, X(f) = Σ_s x_s e^{−2πifs/c}.
`SparseQ`: a group's Q from its orbit blocks (`q_row`, `q_col`, `q_value`; Σ|O|² entries).
Every operation is a gather, a reshape, an FFT or a segment sum, so gradients flow in torch and jax."""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Sequence, Union

import numpy as np
import numpy.typing as npt

Array = Any


class Backend:
    """The few array operations the transforms need, for numpy, torch or jax.numpy arrays."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lib: Any
        if name == "torch":
            import torch
            self.lib = torch
        elif name == "jax":
            import jax.numpy as jnp
            self.lib = jnp
        else:
            self.lib = np

    @staticmethod
    def of(x: Array) -> "Backend":
        """The backend of an array: torch, jax or numpy."""
        module = type(x).__module__
        if module.startswith("torch"):
            return Backend("torch")
        if module.startswith("jax") or module.startswith("jaxlib"):
            return Backend("jax")
        return Backend("numpy")

    def index(self, a: npt.ArrayLike) -> Array:
        """Integer indices for this backend."""
        if self.name == "torch":
            return self.lib.as_tensor(a, dtype=self.lib.long)
        return self.lib.asarray(a)

    def constant(self, a: npt.ArrayLike, like: Array) -> Array:
        """Constant values of `like`'s dtype (and device)."""
        if self.name == "torch":
            return self.lib.as_tensor(a, dtype=like.dtype, device=like.device)
        return self.lib.asarray(a, dtype=like.dtype)

    def take(self, x: Array, idx: npt.ArrayLike) -> Array:
        """x[..., idx]."""
        return x[..., self.index(idx)]

    def concat(self, parts: Sequence[Array]) -> Array:
        """Concatenation along the last axis."""
        if self.name == "torch":
            return self.lib.cat(parts, dim=-1)
        return self.lib.concatenate(parts, axis=-1)

    def zeros_like_last(self, x: Array, n: int) -> Array:
        """Zeros of x's leading shape with a last axis of n."""
        shape = tuple(x.shape[:-1]) + (n,)
        if self.name == "torch":
            return self.lib.zeros(shape, dtype=x.dtype, device=x.device)
        return self.lib.zeros(shape, dtype=x.dtype)

    def segment_sum(self, values: Array, segments: npt.NDArray[np.int64], n: int) -> Array:
        """out[..., k] = Σ_{i: segments[i] = k} values[..., i]."""
        out = self.zeros_like_last(values, n)
        if self.name == "torch":
            return out.index_add(-1, self.index(segments), values)
        if self.name == "jax":
            return out.at[..., self.index(segments)].add(values)
        flat = out.reshape(-1, n)
        np.add.at(flat.T, segments, values.reshape(-1, values.shape[-1]).T)
        return flat.reshape(out.shape)


class ShiftTransform:
    """Q_σ from an architecture's basis description (`cycles`, `cycle_offsets`, `column_*`): O(n log c) per row."""

    def __init__(self, arch: Mapping[str, Any]) -> None:
        cycles, offsets = np.asarray(arch["cycles"]), np.asarray(arch["cycle_offsets"])
        kind, cyc, freq = (np.asarray(arch[k]) for k in ("column_kind", "column_cycle", "column_frequency"))
        self.n = len(kind)
        lengths = np.diff(offsets)
        self.groups: List[Dict[str, Any]] = []
        column_order: List[npt.NDArray[np.int64]] = []
        point_order: List[npt.NDArray[np.int64]] = []
        for c in sorted(set(lengths.tolist())):
            members = np.flatnonzero(lengths == c)
            local = {int(t): k for k, t in enumerate(members)}
            points = np.concatenate([cycles[offsets[t]:offsets[t + 1]] for t in members])
            half = c // 2 + 1
            columns = np.flatnonzero(np.isin(cyc, members))
            k = np.array([local[int(t)] for t in cyc[columns]], dtype=np.int64)
            f = freq[columns].astype(np.int64)
            sine = (kind[columns] == 2).astype(np.int64)
            source = (k * half + f) * 2 + sine
            pair = (kind[columns] == 1) | (kind[columns] == 2)
            scale = np.where(pair, np.sqrt(2 / c), 1 / np.sqrt(c)) * np.where(sine == 1, -1.0, 1.0)
            # inverse: slot (k, f, re/im) of the half spectrum ← column (or the zero pad at index n)
            inverse_source = np.full(len(members) * half * 2, self.n, dtype=np.int64)
            inverse_source[source] = columns
            inverse_scale = np.zeros(len(members) * half * 2)
            inverse_scale[source] = np.where(pair, np.sqrt(c / 2), np.sqrt(c)) * np.where(sine == 1, -1.0, 1.0)
            self.groups.append(dict(length=c, cycles=len(members), points=points, source=source, scale=scale,
                                    inverse_source=inverse_source, inverse_scale=inverse_scale))
            column_order.append(columns)
            point_order.append(points)
        self.column_position = np.argsort(np.concatenate(column_order))
        self.point_position = np.argsort(np.concatenate(point_order))

    def forward(self, x: Array) -> Array:
        """Qᵀx for every row (last axis n): the coordinates in the Q_σ basis."""
        b = Backend.of(x)
        parts = []
        for g in self.groups:
            c, k = g["length"], g["cycles"]
            xs = b.take(x, g["points"]).reshape(tuple(x.shape[:-1]) + (k, c))
            spectrum = b.lib.fft.rfft(xs)
            flat = b.lib.stack([spectrum.real, spectrum.imag], -1).reshape(tuple(x.shape[:-1]) + (-1,))
            parts.append(b.take(flat, g["source"]) * b.constant(g["scale"], x))
        return b.take(b.concat(parts), self.column_position)

    def inverse(self, y: Array) -> Array:
        """Q·y for every row: back from coordinates to points."""
        b = Backend.of(y)
        padded = b.concat([y, b.zeros_like_last(y, 1)])
        parts = []
        for g in self.groups:
            c, k = g["length"], g["cycles"]
            slots = b.take(padded, g["inverse_source"]) * b.constant(g["inverse_scale"], y)
            slots = slots.reshape(tuple(y.shape[:-1]) + (k, c // 2 + 1, 2))
            spectrum = slots[..., 0] + 1j * slots[..., 1]
            values = b.lib.fft.irfft(spectrum, n=c)
            parts.append(values.reshape(tuple(y.shape[:-1]) + (k * c,)))
        return b.take(b.concat(parts), self.point_position)


class SparseQ:
    """A group's Q from its orbit blocks (`q_row`, `q_col`, `q_value` of `eqgeom mask GROUP --out`)."""

    def __init__(self, arch: Mapping[str, Any]) -> None:
        self.row = np.asarray(arch["q_row"], dtype=np.int64)
        self.col = np.asarray(arch["q_col"], dtype=np.int64)
        self.value = np.asarray(arch["q_value"], dtype=np.float64)
        self.n = int(np.asarray(arch["n"]))

    def forward(self, x: Array) -> Array:
        """Qᵀx for every row."""
        b = Backend.of(x)
        return b.segment_sum(b.take(x, self.row) * b.constant(self.value, x), self.col, self.n)

    def inverse(self, y: Array) -> Array:
        """Q·y for every row."""
        b = Backend.of(y)
        return b.segment_sum(b.take(y, self.col) * b.constant(self.value, y), self.row, self.n)


def transform_of(arch: Mapping[str, Any]) -> Union[SparseQ, ShiftTransform]:
    """The transform an architecture describes: `SparseQ` for a group, `ShiftTransform` for one permutation."""
    return SparseQ(arch) if "q_row" in arch else ShiftTransform(arch)
