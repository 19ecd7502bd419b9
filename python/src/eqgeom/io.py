"""Readers and writers for eqgeom's files (docs/formats.md) with NumPy alone.

`.npz`, `.safetensors` (the same arrays, with a metadata header) and `.json`. All indices are 0-based; −1
(sign 0) marks a structurally zero entry. `.safetensors` goes through the `safetensors` package when it is
installed; the hand-written reader and writer below are the dependency-free fallback, tested against it.
"""
from __future__ import annotations

import json
import os
import struct
from typing import Any, Dict, Mapping, Optional, Tuple, Union

import numpy as np
import numpy.typing as npt

SAFETENSORS_DTYPES = {"F64": "<f8", "F32": "<f4", "I64": "<i8", "I32": "<i4", "I8": "i1", "U8": "u1"}
DENSE_LIMIT = 4096

Arrays = Dict[str, Any]
PathLike = Union[str, "os.PathLike[str]"]


def _safetensors_numpy() -> Any:
    """The `safetensors.numpy` module, or None when the package is not installed."""
    try:
        import safetensors.numpy as module
    except ImportError:
        return None
    return module


def read_safetensors(path: PathLike, *, prefer_package: bool = True) -> Tuple[Arrays, Dict[str, str]]:
    """Read a `.safetensors` file.

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    prefer_package : bool, optional
        Use the `safetensors` package when it is importable (default); False forces the NumPy fallback.

    Returns
    -------
    arrays : dict of str to numpy.ndarray
        The tensors by name.
    metadata : dict of str to str
        The `__metadata__` strings of the header.
    """
    path = os.fspath(path)
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 8:
        raise ValueError(f"{path}: not a safetensors file (shorter than its 8-byte header length)")
    (length,) = struct.unpack("<Q", data[:8])
    if 8 + length > len(data):
        raise ValueError(f"{path}: header length {length} exceeds the file")
    header = json.loads(data[8:8 + length].decode("utf-8"))
    metadata: Dict[str, str] = header.pop("__metadata__", {})
    package = _safetensors_numpy() if prefer_package else None
    if package is not None:
        return dict(package.load(data)), metadata
    body = memoryview(data)[8 + length:]
    arrays: Arrays = {}
    for name, entry in header.items():
        begin, end = entry["data_offsets"]
        dtype = np.dtype(SAFETENSORS_DTYPES[entry["dtype"]])
        arrays[name] = np.frombuffer(body[begin:end], dtype=dtype).reshape(tuple(entry["shape"])).copy()
    return arrays, metadata


def write_safetensors(
    path: PathLike, arrays: Mapping[str, Any], metadata: Optional[Mapping[str, object]] = None, *,
    prefer_package: bool = True,
) -> None:
    """Write NumPy arrays (C order, little-endian) and string metadata as `.safetensors`.

    Parameters
    ----------
    path : str or os.PathLike
        The file to write.
    arrays : mapping of str to array_like
        The tensors by name (float64/32, int64/32/8, uint8).
    metadata : mapping of str to object, optional
        Header metadata; values are written as strings.
    prefer_package : bool, optional
        Use the `safetensors` package when it is importable (default); False forces the NumPy fallback.
    """
    strings = {str(k): str(v) for k, v in (metadata or {}).items()}
    tensors = {name: _little_endian(value) for name, value in arrays.items()}
    package = _safetensors_numpy() if prefer_package else None
    if package is not None:
        package.save_file(tensors, os.fspath(path), metadata=strings)
        return
    names = {np.dtype(v): k for k, v in SAFETENSORS_DTYPES.items()}
    header: Dict[str, Any] = {}
    chunks = []
    offset = 0
    for name, a in tensors.items():
        raw = a.tobytes()
        header[name] = {"dtype": names[np.dtype(a.dtype.str)], "shape": list(a.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    header["__metadata__"] = strings
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))


def _little_endian(value: Any) -> npt.NDArray[Any]:
    a = np.asarray(value, order="C")  # (ascontiguousarray would turn a scalar into shape [1])
    return a.astype(a.dtype.newbyteorder("<"), copy=False)


#: The `kind` member of eqgeom's `.npz` files (docs/formats.md): what a file holds.
KINDS = {1: "block moments (one permutation)", 2: "block moments (a group)", 3: "equivariant layer",
         4: "component architecture", 5: "invariant autoencoder", 6: "training weights", 7: "adapted basis",
         8: "kernel matrices", 9: "equivariant maps"}
#: The newest `format_version` this package reads.
FORMAT_VERSION = 2


def load(path: PathLike, kind: Union[None, int, Tuple[int, ...]] = None) -> Arrays:
    """Read any file eqgeom writes.

    Parameters
    ----------
    path : str or os.PathLike
        A `.npz`, `.safetensors` or `.json` file.
    kind : int or tuple of int, optional
        The `kind` (or kinds) the file must have (`KINDS`); files that carry another are refused. Files without a `kind`
        (written before it existed) are accepted.

    Returns
    -------
    dict
        The arrays by name (for `.json`, the object as parsed).

    Raises
    ------
    ValueError
        For a file of another kind, or written by a newer eqgeom (`format_version` above `FORMAT_VERSION`).
    """
    path = os.fspath(path)
    arrays: Arrays
    if path.endswith(".safetensors"):
        arrays, metadata = read_safetensors(path)
        for key in ("kind", "format_version"):
            if key not in arrays and key in metadata:
                arrays[key] = np.asarray(json.loads(metadata[key]))
    elif path.endswith(".json"):
        with open(path) as f:
            document: Arrays = json.load(f)
            return document
    else:
        with np.load(path) as z:
            arrays = {k: z[k] for k in z.files}
    version = arrays.get("format_version")
    if version is not None and int(np.asarray(version)) > FORMAT_VERSION:
        raise ValueError(f"{path}: format_version {int(np.asarray(version))} is newer than this package reads "
                         f"({FORMAT_VERSION}); update the eqgeom package")
    found = arrays.get("kind")
    wanted = (kind,) if isinstance(kind, int) else kind
    if wanted is not None and found is not None and int(np.asarray(found)) not in wanted:
        what = KINDS.get(int(np.asarray(found)), f"kind {int(np.asarray(found))}")
        raise ValueError(f"{path} holds {what}, not {' or '.join(KINDS[k] for k in wanted)}")
    return arrays


def loaded(source: Union[PathLike, Mapping[str, Any]],
           kind: Union[None, int, Tuple[int, ...]] = None) -> Mapping[str, Any]:
    """The arrays of `source`: a path is read with `load` (checking `kind`), a mapping is returned as it is."""
    if isinstance(source, (str, os.PathLike)):
        return load(source, kind)
    return source


def load_layer(path: PathLike) -> Arrays:
    """Read an equivariant layer (`eqgeom layer … --out`).

    Returns `index` [n^q, n^p] (W = θ[index]), `bias_index` [n^q] (b = β[bias_index]), `generators` [g, n], `n`,
    `in_power` and `out_power`.
    """
    return load(path, kind=3)


def load_architecture(path: PathLike) -> Arrays:
    """Read a component's architecture (`eqgeom mask … --out`, or one permutation's `weights.npz`, which carries it)."""
    return load(path, kind=(4, 6))


def load_weights(path: PathLike) -> Arrays:
    """Read `weights.npz` of `eqgeom train … --out DIR` or `eqgeom reproduce … --out DIR`."""
    return load(path, kind=6)


def load_moments(path: PathLike) -> Arrays:
    """Read a statistics file (`eqgeom spectra … --out`, `eqgeom.moments.save_moments`), of either kind."""
    arrays = load(path)
    if int(np.asarray(arrays.get("kind", 0))) not in (1, 2):
        raise ValueError(f"{os.fspath(path)} is not a block-moments file")
    return arrays


def permutation_matrix(images: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """The permutation matrix P with P e_j = e_{images[j]} (eqgeom's convention, MATH.md §1).

    Parameters
    ----------
    images : array_like of int
        The 0-based images of the points.

    Returns
    -------
    numpy.ndarray
        The n × n matrix.
    """
    index = np.asarray(images, dtype=np.int64)
    n = len(index)
    p = np.zeros((n, n))
    p[index, np.arange(n)] = 1.0
    return p


def basis_from_description(z: Mapping[str, Any], limit: int = DENSE_LIMIT) -> npt.NDArray[np.float64]:
    """The dense Q_σ (n × n) rebuilt from an architecture's basis description.

    Parameters
    ----------
    z : mapping
        `cycles`, `cycle_offsets`, `column_kind`, `column_cycle`, `column_frequency`.
    limit : int, optional
        Largest n for which the dense matrix is built (apply Q with `eqgeom.transform.ShiftTransform` beyond).

    Returns
    -------
    numpy.ndarray
        Q_σ, column j the j-th basis vector.
    """
    cycles, offsets = np.asarray(z["cycles"]), np.asarray(z["cycle_offsets"])
    kind, cyc, freq = (np.asarray(z[k]) for k in ("column_kind", "column_cycle", "column_frequency"))
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


def pattern_matrix(index: npt.NDArray[Any], sign: npt.NDArray[Any], theta: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """The weight-sharing matrix W[r, c] = sign[r, c] · θ[index[r, c]] (0 where index is −1)."""
    values = np.asarray(theta, dtype=float)
    if values.size == 0:
        return np.zeros(index.shape)
    result: npt.NDArray[np.float64] = np.where(index >= 0, sign * values[np.maximum(index, 0)], 0.0)
    return result


def parameter_count(index: npt.NDArray[Any]) -> int:
    """The number of tied parameters an index map refers to (its largest entry + 1)."""
    return int(index.max()) + 1 if index.size else 0


def load_invariant(path: PathLike) -> Arrays:
    """Read an invariant autoencoder (`eqgeom invariant … --out inv.npz`).

    Returns `orbit` and the encoder/decoder index and sign maps; W = D·E is G-invariant: W P_g = W.
    """
    return load(path)
