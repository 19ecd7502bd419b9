"""An equivariant layer between points applied as a circular correlation (NumPy plan; frameworks run it).

When W: R^n → R^n commutes with the translations of an H×W torus of pixels (the point r·W + c moved to
((r + i) mod H)·W + (c + j) mod W), W[a, b] depends only on b − a: W[a, b] = W[0, b − a], so
(W x)[a] = Σ_d κ[d]·x[a + d] with κ = W's first row on the torus, a circular correlation that FFTs apply in
O(n log n) per channel pair. Any group containing those translations (the torus itself, torus × D4, …) qualifies,
whatever else it contains; `torus_shape` checks it on the layer's orbit numbers, exactly.
"""
from __future__ import annotations

from typing import Optional, Tuple

import numpy as np
import numpy.typing as npt


def torus_shape(index: npt.ArrayLike) -> Optional[Tuple[int, int]]:
    """The first (H, W) with H·W = n (H ascending, 1×n the cyclic shift) whose two generating translations keep
    every orbit number: index[t(a), t(b)] = index[a, b]. None when there is none or the layer is not n × n."""
    table = np.asarray(index)
    if table.ndim != 2 or table.shape[0] != table.shape[1] or table.shape[0] == 0:
        return None
    n = table.shape[0]
    points = np.arange(n)
    for h in range(1, n + 1):
        if n % h:
            continue
        w = n // h
        row, column = points // w, points % w
        moves = (row * w + (column + 1) % w, ((row + 1) % h) * w + column)
        # row 0 first (n entries), then the whole table
        if all(np.array_equal(table[t[0], t], table[0]) for t in moves) and \
                all(np.array_equal(table[np.ix_(t, t)], table) for t in moves):
            return h, w
    return None
