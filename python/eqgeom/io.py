"""Readers for eqgeom's files (docs/formats.md) with NumPy alone: `.npz`, `.safetensors` (the same arrays, with a
metadata header), `.json`. All indices are 0-based; −1 (sign 0) marks a structurally zero entry."""
import json
import os
import struct

import numpy as np

SAFETENSORS_DTYPES = {"F64": "<f8", "F32": "<f4", "I64": "<i8", "I32": "<i4", "I8": "i1", "U8": "u1"}
DENSE_LIMIT = 4096


def read_safetensors(path):
    """(arrays, metadata) of a `.safetensors` file: a dict of NumPy arrays and the `__metadata__` strings."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 8:
        raise ValueError(f"{path}: not a safetensors file (shorter than its 8-byte header length)")
    (length,) = struct.unpack("<Q", data[:8])
    if 8 + length > len(data):
        raise ValueError(f"{path}: header length {length} exceeds the file")
    header = json.loads(data[8:8 + length].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    body = memoryview(data)[8 + length:]
    arrays = {}
    for name, entry in header.items():
        begin, end = entry["data_offsets"]
        dtype = np.dtype(SAFETENSORS_DTYPES[entry["dtype"]])
        arrays[name] = np.frombuffer(body[begin:end], dtype=dtype).reshape(tuple(entry["shape"])).copy()
    return arrays, metadata


def write_safetensors(path, arrays, metadata=None):
    """Writes NumPy arrays (C order, little-endian) and string metadata as `.safetensors`."""
    names = {np.dtype(v): k for k, v in SAFETENSORS_DTYPES.items()}
    header, chunks, offset = {}, [], 0
    for name, value in arrays.items():
        a = np.asarray(value, order="C")  # (ascontiguousarray would turn a scalar into shape [1])
        a = a.astype(a.dtype.newbyteorder("<"), copy=False)
        raw = a.tobytes()
        header[name] = {"dtype": names[np.dtype(a.dtype.str)], "shape": list(a.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    header["__metadata__"] = {str(k): str(v) for k, v in (metadata or {}).items()}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))


def load(path):
    """A dict of a file's arrays: `.npz`, `.safetensors` or `.json` (the JSON object as parsed)."""
    path = os.fspath(path)
    if path.endswith(".safetensors"):
        return read_safetensors(path)[0]
    if path.endswith(".json"):
        with open(path) as f:
            return json.load(f)
    with np.load(path) as z:
        return {k: z[k] for k in z.files}


def loaded(source):
    """The arrays of `source`: a path is read with `load`, a dict of arrays is returned as it is."""
    return load(source) if isinstance(source, (str, os.PathLike)) else source


def load_layer(path):
    """An equivariant layer (`eqgeom layer … --out`): `index` [n^q, n^p] (W = θ[index]), `bias_index` [n^q]
    (b = β[bias_index]), `generators` [g, n], `n`, `in_power`, `out_power`."""
    return load(path)


def load_architecture(path):
    """A component's architecture (`eqgeom mask … --out`), for one permutation or a group."""
    return load(path)


def load_weights(path):
    """`weights.npz` of `eqgeom train … --out DIR`."""
    return load(path)


def permutation_matrix(images):
    """P with P e_j = e_{images[j]} (eqgeom's convention, MATH.md §1)."""
    n = len(images)
    p = np.zeros((n, n))
    p[np.asarray(images), np.arange(n)] = 1.0
    return p


def basis_from_description(z, limit=DENSE_LIMIT):
    """The dense Q_σ (n × n) rebuilt from `cycles`, `cycle_offsets`, `column_kind`, `column_cycle`,
    `column_frequency`; refused above `limit` points (apply Q with `eqgeom.transform.ShiftTransform`)."""
    cycles, offsets = z["cycles"], z["cycle_offsets"]
    kind, cyc, freq = z["column_kind"], z["column_cycle"], z["column_frequency"]
    n = len(kind)
    if n > limit:
        raise MemoryError(f"a dense Q of {n}×{n} is refused above n = {limit}; use eqgeom.transform.ShiftTransform")
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


def pattern_matrix(index, sign, theta):
    """W[r, c] = sign[r, c] · θ[index[r, c]] (0 where index is −1)."""
    theta = np.asarray(theta, dtype=float)
    if theta.size == 0:
        return np.zeros(index.shape)
    return np.where(index >= 0, sign * theta[np.maximum(index, 0)], 0.0)


def parameter_count(index):
    return int(index.max()) + 1 if index.size else 0


def load_invariant(path):
    """An invariant autoencoder (`eqgeom invariant … --out inv.npz`): `orbit` and the encoder/decoder index and
    sign maps; W = D·E is G-invariant: W P_g = W."""
    return load(path)
