"""S_n-equivariant layers between tensor powers, defined at every n at once (eqgeom's docs/MATH.md §6).

The orbits of S_n on (q+p)-tuples are the set partitions of the q+p places (output places first): a pair
(output tuple, input tuple) lies in orbit π when its entries are equal exactly where π's blocks say. eqgeom
names them by restricted growth strings in lexicographic order (`set_partitions`, the order of the `partitions`
array `eqgeom layer --group S<n> --out` writes), so a weight θ ∈ R^{B(q+p)} is the layer W = θ[index] at any n.

W is applied without forming it: θ becomes coefficients λ = θ·M on the *diagram* operators D_τ (equal where τ
says, free elsewhere: sums over input-only blocks, diagonals, broadcasts to output-only blocks), with M the
Möbius function of the partition lattice, and each D_τ is one `einsum`. This module is NumPy only; the
frameworks (`eqgeom.torch.PartitionLinear`, `eqgeom.jax.partition_apply`) run the plan with their `einsum`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Dict, List, Tuple

import numpy as np
import numpy.typing as npt

Partition = Tuple[int, ...]
# block letters (a…z) for the places; channel letters O and I; output-place letters from the rest
_BLOCK_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_PLACE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
MAXIMUM_PLACES = 12


def set_partitions(places: int) -> List[Partition]:
    """Every set partition of `places` places as a restricted growth string, lexicographically (eqgeom's order).

    >>> set_partitions(3)
    [(0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (0, 1, 2)]
    """
    if places < 0 or places > MAXIMUM_PLACES:
        raise ValueError(f"places must be between 0 and {MAXIMUM_PLACES}, got {places}")
    return list(_set_partitions(places))


@lru_cache(maxsize=None)
def _set_partitions(places: int) -> Tuple[Partition, ...]:
    if places == 0:
        return ((),)
    result: List[Partition] = []

    def extend(prefix: Partition, blocks: int) -> None:
        if len(prefix) == places:
            result.append(prefix)
            return
        for b in range(blocks + 1):
            extend(prefix + (b,), max(blocks, b + 1))

    extend((0,), 1)
    return tuple(result)


def _blocks(p: Partition) -> List[frozenset[int]]:
    return [frozenset(i for i, b in enumerate(p) if b == label) for label in range(max(p, default=-1) + 1)]


def _refines(finer: Partition, coarser: Partition) -> bool:
    """Whether every block of `finer` lies in a block of `coarser` (finer ≤ coarser)."""
    return all(coarser[i] == coarser[j] for i in range(len(finer)) for j in range(len(finer)) if finer[i] == finer[j])


@lru_cache(maxsize=None)
def _mobius(places: int) -> Tuple[Tuple[int, ...], ...]:
    parts = _set_partitions(places)
    rows = []
    for s in parts:
        row = []
        for t in parts:
            if not _refines(s, t):
                row.append(0)
                continue
            # [s, t] ≅ Π over t's blocks of the lattice of partitions of the s-blocks inside it
            value = 1
            for block in _blocks(t):
                m = len({s[i] for i in block})
                value *= (-1) ** (m - 1) * math.factorial(m - 1)
            row.append(value)
        rows.append(tuple(row))
    return tuple(rows)


def mobius_matrix(places: int) -> npt.NDArray[np.int64]:
    """M with M[σ, τ] = μ(σ, τ) for σ finer than or equal to τ, else 0: the orbit indicator A_σ is
    Σ_τ M[σ, τ]·D_τ, so orbit weights θ act as diagram weights λ = θ·M (exact integers)."""
    return np.array(_mobius(places), dtype=np.int64).reshape(len(_set_partitions(places)), -1)


@dataclass(frozen=True)
class Term:
    """One diagram operator D_τ as einsum steps: `reduce` takes the input's diagonals and sums onto the blocks
    shared with the output (no weights; shared by every term with the same input pattern), `mix` applies the
    channel matrix, `expand` places the result on the output axes with ones and identities (shared by every
    term with the same output pattern, applied once to their sum)."""

    reduce: str
    mix: str
    expand: str
    ones: int
    eyes: int
    summed_blocks: int


def _term(partition: Partition, out_power: int) -> Term:
    letter = [_BLOCK_LETTERS[b] for b in partition]
    out_letters, in_letters = letter[:out_power], letter[out_power:]
    shared = "".join(sorted(set(out_letters) & set(in_letters)))
    reduce = f"...I{''.join(in_letters)}->...I{shared}"
    mix = f"OI,...I{shared}->...O{shared}"
    operands = [f"...O{shared}"]
    final, first, eyes, ones = [], {}, 0, 0
    for t, b in enumerate(out_letters):
        if b not in first:
            first[b] = t
            final.append(b)
            if b not in shared:
                operands.append(b)
                ones += 1
        else:
            place = _PLACE_LETTERS[t]
            operands.append(b + place)
            final.append(place)
            eyes += 1
    # ones come first, identities after (the order of the operands the frameworks pass)
    ordered = [operands[0]] + [o for o in operands[1:] if len(o) == 1] + [o for o in operands[1:] if len(o) == 2]
    expand = ",".join(ordered) + "->..." + "O" + "".join(final)
    summed = len(set(in_letters) - set(out_letters))
    return Term(reduce, mix, expand, ones, eyes, summed)


@lru_cache(maxsize=None)
def plan(in_power: int, out_power: int) -> Tuple[Term, ...]:
    """The einsum steps of every D_τ, τ over the set partitions of the out_power + in_power places."""
    if in_power < 0 or out_power < 0:
        raise ValueError(f"tensor powers must be non-negative, got in_power={in_power}, out_power={out_power}")
    return tuple(_term(p, out_power) for p in set_partitions(in_power + out_power))


def apply(einsum: Callable[..., Any], ones: Callable[[int], Any], eye: Callable[[int], Any], in_power: int,
          out_power: int, coefficients: Any, x: Any, n: int, mean: bool) -> Any:
    """Σ_τ D_τ(λ_τ·x): x (..., C_in, n^{×p}) ↦ (..., C_out, n^{×q}) for diagram weights λ (C_out, C_in, terms).

    `mean` divides each D_τ by n^{blocks summed}, so every operator averages instead of summing (scale-free in n).
    Each input pattern is reduced once and each output pattern expanded once, so at most two tensors of the
    output's size exist per pattern.
    """
    reduced: Dict[str, Any] = {}
    mixed: Dict[Tuple[str, int, int], Any] = {}
    for k, term in enumerate(plan(in_power, out_power)):
        if term.reduce not in reduced:
            reduced[term.reduce] = einsum(term.reduce, x)
        z = einsum(term.mix, coefficients[:, :, k], reduced[term.reduce])
        if mean and term.summed_blocks:
            z = z / float(n) ** term.summed_blocks
        key = (term.expand, term.ones, term.eyes)
        mixed[key] = z if key not in mixed else mixed[key] + z
    y = None
    for (expand, count_ones, count_eyes), z in mixed.items():
        if count_ones or count_eyes:
            z = einsum(expand, z, *([ones(n)] * count_ones + [eye(n)] * count_eyes))
        y = z if y is None else y + z
    return y
