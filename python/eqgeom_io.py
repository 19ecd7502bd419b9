"""Read eqgeom's exported architectures with plain Python + NumPy (no eqgeom needed).

Files (docs/formats.md): `eqgeom mask … --out arch.npz` (a component's weight-sharing autoencoder),
`eqgeom layer … --out layer.npz` (an equivariant layer), `eqgeom basis … --out Q.npy`. All indices
are 0-based.

    import numpy as np, eqgeom_io
    arch = eqgeom_io.load_architecture("arch.npz")
    enc = eqgeom_io.pattern_matrix(arch["encoder_index"], arch["encoder_sign"], theta_e)   # rank × n, in the Q basis
    W = arch["Q"] @ dec @ enc @ arch["Q"].T                                               # n × n, σ-equivariant
"""
import numpy as np


def permutation_matrix(images):
    """P with P e_j = e_{images[j]} (eqgeom's convention, MATH.md §1)."""
    n = len(images)
    p = np.zeros((n, n))
    p[np.asarray(images), np.arange(n)] = 1.0
    return p


def basis_from_description(z):
    """Rebuilds Q_σ (n × n) from `cycles`, `cycle_offsets`, `column_kind`, `column_cycle`, `column_frequency`."""
    cycles, offsets = z["cycles"], z["cycle_offsets"]
    kind, cyc, freq = z["column_kind"], z["column_cycle"], z["column_frequency"]
    n = len(kind)
    q = np.zeros((n, n))
    for j in range(n):
        points = cycles[offsets[cyc[j]]:offsets[cyc[j] + 1]]
        c = len(points)
        s = np.arange(c)
        angle = 2 * np.pi * ((freq[j] * s) % c) / c
        if kind[j] == 0:
            col = np.full(c, 1 / np.sqrt(c))
        elif kind[j] == 1:
            col = np.sqrt(2 / c) * np.cos(angle)
        elif kind[j] == 2:
            col = np.sqrt(2 / c) * np.sin(angle)
        else:
            col = (-1.0) ** s / np.sqrt(c)
        q[points, j] = col
    return q


def load_architecture(path):
    """A dict of the archive's arrays; `Q` is rebuilt from its description when not stored."""
    with np.load(path) as z:
        arch = {k: z[k] for k in z.files}
    if "Q" not in arch:
        arch["Q"] = basis_from_description(arch)
    return arch


def pattern_matrix(index, sign, theta):
    """The dense matrix of a weight-sharing pattern: W[r, c] = sign[r, c] · theta[index[r, c]] (index −1 and sign 0
    where the entry is structurally zero)."""
    theta = np.asarray(theta, dtype=float)
    if theta.size == 0:
        return np.zeros(index.shape)
    return np.where(index >= 0, sign * theta[np.maximum(index, 0)], 0.0)


def parameter_count(index):
    return int(index.max()) + 1 if index.size else 0


def load_layer(path):
    """(index, generators): W = theta[index] is equivariant for every θ ∈ R^{index.max()+1}."""
    with np.load(path) as z:
        return z["index"], z["generators"]


def load_invariant(path):
    """A dict with `orbit` (orbit number of each point) and the encoder/decoder index and sign maps of
    an invariant autoencoder (`eqgeom invariant … --out inv.npz`); W = D·E is G-invariant: W P_g = W."""
    with np.load(path) as z:
        return {k: z[k] for k in z.files}
