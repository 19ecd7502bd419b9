"""eqgeom's architectures for JAX as pure functions over parameter pytrees (dicts of arrays); no framework.

    layer = eqgeom.load_layer("d4.npz")
    params = linear_init(layer, jax.random.PRNGKey(0), in_channels=1, out_channels=4)
    y = linear_apply(layer, params, x)              # x (..., 1, n^p) → (..., 4, n^q)

    arch = eqgeom.load_architecture("arch.npz")
    model = Autoencoder(arch)                       # static index arrays and the transform
    params = model.init(jax.random.PRNGKey(0))
    loss = jnp.mean((model.apply(params, x) - x) ** 2)

    params = partition_init(jax.random.PRNGKey(0), in_power=2, out_power=2, in_channels=1, out_channels=4)
    y = partition_apply(params, x, in_power=2, out_power=2)   # x (..., 1, n, n) → (..., 4, n, n), any n

Use float64 (`jax.config.update("jax_enable_x64", True)`) to compare with eqgeom's exact results."""
from __future__ import annotations

import math
from typing import Any, Dict, Mapping, Union

import jax
import jax.numpy as jnp
import numpy as np

from . import convolution, io, partitions
from .transform import transform_of


Params = Dict[str, jax.Array]
Source = Union[io.PathLike, Mapping[str, Any]]


def linear_init(layer: Source, key: jax.Array, in_channels: int = 1, out_channels: int = 1, bias: bool = True,
                gain: float = 1.0) -> Params:
    """Parameters {"weight": (C_out, C_in, orbits), "bias": (C_out, bias orbits)} of an equivariant layer;
    θ ~ N(0, gain²/fan_in), fan_in = C_in·n^p (variance-preserving), β = 0."""
    arrays = io.loaded(layer, kind=3)
    index = np.asarray(arrays["index"])
    count = int(index.max()) + 1 if index.size else 0
    scale = gain / math.sqrt(in_channels * index.shape[1])
    weight = jax.random.normal(key, (out_channels, in_channels, count)) * scale
    params = {"weight": weight}
    if bias:
        params["bias"] = jnp.zeros((out_channels, int(np.asarray(arrays["bias_index"]).max()) + 1))
    return params


def linear_apply(layer: Source, params: Params, x: jax.Array, route: str = "auto") -> jax.Array:
    """x (..., C_in, n^p) ↦ (..., C_out, n^q), the channel axis always present; between points (p = q = 1) also
    images (..., C_in, H, W) with H·W = n ↦ (..., C_out, H, W). route="auto" applies a layer between points that
    commutes with a torus's translations as a circular correlation by FFTs (`eqgeom.convolution`; found when the
    function is traced, so once under `jax.jit`), anything else as W = θ[index]; "dense" always forms W."""
    if route not in ("auto", "dense"):
        raise ValueError(f"route is 'auto' or 'dense', got {route!r}")
    arrays = io.loaded(layer, kind=3)
    index = np.asarray(arrays["index"])
    weight = params["weight"]
    in_channels = weight.shape[1]
    points = int(np.asarray(arrays["in_power"])) == 1 and int(np.asarray(arrays["out_power"])) == 1
    image = None
    if x.ndim >= 3 and x.shape[-1] != index.shape[1] and x.shape[-2] * x.shape[-1] == index.shape[1] and points:
        image = x.shape[-2:]
        x = x.reshape(*x.shape[:-2], index.shape[1])
    if x.ndim < 2 or x.shape[-1] != index.shape[1] or x.shape[-2] != in_channels:
        raise ValueError(f"expected x of shape (..., {in_channels}, {index.shape[1]}), got {tuple(x.shape)}")
    torus = convolution.torus_shape(index) if points and route == "auto" else None
    if torus is not None:
        h, wide = torus
        kernel = weight[:, :, jnp.asarray(index[0])].reshape(*weight.shape[:2], h, wide)
        spectrum = jnp.fft.rfft2(x.reshape(*x.shape[:-1], h, wide))
        product = jnp.einsum("oihw,...ihw->...ohw", jnp.conj(jnp.fft.rfft2(kernel)), spectrum)
        y = jnp.fft.irfft2(product, s=(h, wide)).reshape(*x.shape[:-2], weight.shape[0], h * wide)
    else:
        y = jnp.einsum("oiqp,...ip->...oq", weight[:, :, jnp.asarray(index)], x)
    if "bias" in params:
        y = y + params["bias"][:, jnp.asarray(arrays["bias_index"])]
    return y.reshape(*y.shape[:-1], *image) if image is not None else y


def partition_init(key: jax.Array, in_power: int, out_power: int, in_channels: int = 1, out_channels: int = 1,
                   bias: bool = True, gain: float = 1.0) -> Params:
    """Parameters of an S_n-equivariant layer for every n (`eqgeom.torch.PartitionLinear`'s, as a pytree):
    {"weight": (C_out, C_in, B(p+q)), "bias": (C_out, B(q))}, one weight per set partition of the places;
    θ ~ N(0, gain²/(C_in·B(p+q))), β = 0. Float32 unless jax_enable_x64 is on."""
    terms = len(partitions.plan(in_power, out_power))
    params = {"weight": jax.random.normal(key, (out_channels, in_channels, terms)) * (
        gain / math.sqrt(in_channels * terms))}
    if bias:
        params["bias"] = jnp.zeros((out_channels, len(partitions.plan(0, out_power))))
    return params


def partition_apply(params: Params, x: jax.Array, in_power: int, out_power: int, reduction: str = "mean",
                    n: Union[int, None] = None) -> jax.Array:
    """x (..., C_in, n, …, n) with p point axes ↦ (..., C_out, n, …, n) with q, for any n (read from x; give n only
    when p = 0); the set-partition operations of `eqgeom.partitions`, W never formed. reduction="sum" is
    W = θ[index] of `eqgeom layer --group S<n> --out`; "mean" averages over summed indices."""
    if reduction not in ("mean", "sum"):
        raise ValueError(f"reduction is 'mean' or 'sum', got {reduction!r}")
    if in_power > 0:
        n = x.shape[-1]
    elif n is None:
        raise ValueError("an input with no point axes (in_power = 0) needs n")
    dtype = params["weight"].dtype
    mean = reduction == "mean"

    def ones(m: int) -> jax.Array:
        return jnp.ones(m, dtype)

    def eye(m: int) -> jax.Array:
        return jnp.eye(m, dtype=dtype)

    lam = params["weight"] @ jnp.asarray(partitions.mobius_matrix(in_power + out_power), dtype)
    y = partitions.apply(jnp.einsum, ones, eye, in_power, out_power, lam, x, n, mean)
    if "bias" in params:
        beta = (params["bias"] @ jnp.asarray(partitions.mobius_matrix(out_power), dtype))[:, None, :]
        y = y + partitions.apply(jnp.einsum, ones, eye, 0, out_power, beta, jnp.ones(1, dtype), n, mean)
    result: jax.Array = y
    return result


class Autoencoder:
    """A component's weight-sharing autoencoder (`eqgeom mask … --out`); `init` and `apply` are pure
    (the object only holds the static index arrays and the transform)."""

    def __init__(self, arch: Source) -> None:
        self.arch = io.loaded(arch, kind=(4, 6))
        self.transform = transform_of(self.arch)
        self.group = "q_row" in self.arch

    def init(self, key: jax.Array) -> Params:
        """Parameters drawn N(0, 1/n), the scale eqgeom's Adam uses."""
        n = self.transform.n
        if self.group:
            return {"theta": jax.random.normal(key, (int(np.asarray(self.arch["parameter_count"])),)) / math.sqrt(n)}
        k1, k2 = jax.random.split(key)
        counts = [int(np.asarray(self.arch[f"{m}_index"]).max()) + 1 for m in ("encoder", "decoder")]
        return {"encoder_theta": jax.random.normal(k1, (counts[0],)) / math.sqrt(n),
                "decoder_theta": jax.random.normal(k2, (counts[1],)) / math.sqrt(n)}

    def from_weights(self, weights: Source) -> Params:
        """Parameters from `weights.npz` of `eqgeom train … --out DIR` (one permutation or a group)."""
        w = io.loaded(weights, kind=6)
        if self.group:
            return {"theta": jnp.asarray(w["theta"])}
        return {"encoder_theta": jnp.asarray(w["encoder_theta"]), "decoder_theta": jnp.asarray(w["decoder_theta"])}

    def pattern(self, params: Params, name: str) -> jax.Array:
        """E (rank × n) or D (n × rank): in the Q basis for one permutation, on points for a group."""
        a = self.arch
        if self.group:
            shape = tuple(int(v) for v in a[f"{name}_shape"])
            values = jnp.asarray(a[f"{name}_coef"]) * params["theta"][jnp.asarray(a[f"{name}_param"])]
            return jnp.zeros(shape, values.dtype).at[jnp.asarray(a[f"{name}_row"]), jnp.asarray(a[f"{name}_col"])].add(
                values)
        index = np.maximum(np.asarray(a[f"{name}_index"]), 0)
        return jnp.asarray(a[f"{name}_sign"], dtype=params[f"{name}_theta"].dtype) * params[f"{name}_theta"][index]

    def apply(self, params: Params, x: jax.Array) -> jax.Array:
        """Q·D·E·Qᵀx for one permutation; D·E·x for a group (its patterns act on points)."""
        h = (x if self.group else self.transform.forward(x)) @ self.pattern(params, "encoder").T
        y = h @ self.pattern(params, "decoder").T
        return y if self.group else self.transform.inverse(y)
