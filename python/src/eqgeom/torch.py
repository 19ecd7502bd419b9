"""eqgeom's architectures as PyTorch modules (torch is imported here, not by `import eqgeom`).

`EquivariantLinear`: a G-equivariant map R^{C_in × n^p} → R^{C_out × n^q} from `eqgeom layer … --out`, with tied
weights W[o, i] = θ[o, i][index] and the equivariant bias b[o] = β[o][bias_index].
`PartitionLinear`: an S_n-equivariant map R^{C_in × n^{×p}} → R^{C_out × n^{×q}} for every n at once, applied by
set-partition operations (sums, diagonals, broadcasts) without forming W (`eqgeom.partitions`).
`ComponentAutoencoder`: a component's weight-sharing autoencoder from `eqgeom mask … --out`: for one permutation
x ↦ Q·D·E·Qᵀx with Q applied by FFTs (`eqgeom.transform`, never a dense Q); for a group x ↦ D·E·x, whose sparse
patterns already carry Q's orbit blocks as coefficients (docs/formats.md)."""
from __future__ import annotations

import math
from typing import Any, Mapping, Optional, Tuple, Union

import numpy as np
import torch

from . import convolution, io, orbit_rows, partitions
from .transform import transform_of


class EquivariantLinear(torch.nn.Module):
    """x of shape (..., C_in, n^p) ↦ (..., C_out, n^q), the channel axis always present (PyTorch's convention);
    a layer between points (p = q = 1) also takes images (..., C_in, H, W) with H·W = n and returns
    (..., C_out, H, W).

    route="fft" (the default for a layer between points that commutes with the translations of an H×W torus, as
    for the torus or torus × D4 on images: `eqgeom.convolution`) applies W as a circular correlation with its first
    row by real FFTs, O(C_in·C_out·n log n); route="rows" (the default otherwise when the group has at most
    `eqgeom.orbit_rows.LARGEST_GROUP` elements) applies W through one representative row per orbit of output
    tuples and a gather of x per group element (`eqgeom.orbit_rows`); neither forms W. route="dense" forms
    W = θ[index] on every call.
    Initialisation preserves variance: θ ~ N(0, gain²/fan_in) with fan_in = C_in·n^p, so every entry of W has
    that variance and Var y = gain²·E[x²] for inputs with independent entries; β = 0 (`reset_parameters`). The
    dtype is torch's default unless given. The index buffers are rebuilt from the file, not stored in
    `state_dict`."""

    bias: Optional[torch.nn.Parameter]

    def __init__(self, layer: Union[io.PathLike, Mapping[str, Any]], in_channels: int = 1, out_channels: int = 1,
                 bias: bool = True, gain: float = 1.0, dtype: Optional[torch.dtype] = None,
                 generator: Optional[torch.Generator] = None, route: str = "auto") -> None:
        super().__init__()
        if route not in ("auto", "fft", "rows", "dense"):
            raise ValueError(f"route is 'auto', 'fft', 'rows' or 'dense', got {route!r}")
        arrays = io.loaded(layer, kind=3)
        index = np.asarray(arrays["index"])
        self.in_channels, self.out_channels, self.gain = in_channels, out_channels, gain
        self.in_power, self.out_power = (int(np.asarray(arrays[k])) for k in ("in_power", "out_power"))
        self.register_buffer("index", torch.as_tensor(index, dtype=torch.long), persistent=False)
        self.torus = convolution.torus_shape(index) if route in ("auto", "fft") and self.in_power == 1 \
            and self.out_power == 1 else None
        if route == "fft" and self.torus is None:
            raise ValueError("route='fft' needs a layer between points that commutes with the translations of a torus")
        self.route = "fft" if self.torus is not None else "dense" if route == "dense" else "rows"
        if self.route == "rows":
            try:
                plan = orbit_rows.orbit_rows(index, np.asarray(arrays["generators"]), self.in_power, self.out_power)
            except ValueError:
                if route == "rows":
                    raise
                self.route = "dense"
            else:
                for name in ("rows", "gather", "select"):
                    self.register_buffer(name, torch.as_tensor(getattr(plan, name)), persistent=False)
        dtype = dtype or torch.get_default_dtype()
        count = int(index.max()) + 1 if index.size else 0
        self.weight = torch.nn.Parameter(torch.empty(out_channels, in_channels, count, dtype=dtype))
        if bias:
            bias_index = np.asarray(arrays["bias_index"])
            self.register_buffer("bias_index", torch.as_tensor(bias_index, dtype=torch.long), persistent=False)
            orbits = int(bias_index.max()) + 1 if bias_index.size else 0
            self.bias = torch.nn.Parameter(torch.zeros(out_channels, orbits, dtype=dtype))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters(generator)

    @torch.no_grad()
    def reset_parameters(self, generator: Optional[torch.Generator] = None) -> None:
        """θ ~ N(0, gain²/(C_in·n^p)), β = 0."""
        fan_in = self.in_channels * self.get_buffer("index").shape[1]
        self.weight.normal_(0.0, self.gain / math.sqrt(fan_in), generator=generator)
        if self.bias is not None:
            self.bias.zero_()

    def extra_repr(self) -> str:
        shape = tuple(self.get_buffer("index").shape)
        return (f"in_channels={self.in_channels}, out_channels={self.out_channels}, shape={shape}, "
                f"orbits={self.weight.shape[-1]}, route={self.route!r}, bias={self.bias is not None}")

    def matrix(self) -> torch.Tensor:
        """W as (C_out, C_in, n^q, n^p)."""
        index = self.get_buffer("index")
        return self.weight[:, :, index]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """y = W x + b on the last axes (see the class)."""
        columns = self.get_buffer("index").shape[1]
        image: Optional[Tuple[int, int]] = None
        if x.dim() >= 3 and x.shape[-1] != columns and x.shape[-2] * x.shape[-1] == columns and self.in_power == 1:
            image = (x.shape[-2], x.shape[-1])
            x = x.flatten(-2)
        if x.dim() < 2 or x.shape[-1] != columns or x.shape[-2] != self.in_channels:
            raise ValueError(f"expected x of shape (..., {self.in_channels}, {columns})"
                             f"{' or (..., C, H, W) with H·W = n' if self.in_power == 1 else ''}, got {tuple(x.shape)}")
        if self.torus is not None:
            y = self._correlate(x, self.torus)
        elif self.route == "rows":
            rows = self.weight[:, :, self.get_buffer("rows")]                  # (C_out, C_in, R, n^p)
            moved = x[..., self.get_buffer("gather")]                          # (..., C_in, |G|, n^p)
            y = torch.einsum("oirc,...igc->...ogr", rows, moved)
            y = y.flatten(-2)[..., self.get_buffer("select")]
        else:
            y = torch.einsum("oiqp,...ip->...oq", self.matrix(), x)
        if self.bias is not None:
            y = y + self.bias[:, self.get_buffer("bias_index")]
        result: torch.Tensor = y.reshape(*y.shape[:-1], *image) if image is not None and self.out_power == 1 else y
        return result


    def _correlate(self, x: torch.Tensor, shape: Tuple[int, int]) -> torch.Tensor:
        """(W x)[a] = Σ_d κ[d]·x[a + d] on the torus, κ[o, i] = W[o, i, 0, :]: in Fourier space
        ŷ[o] = Σ_i conj(κ̂[o, i])·x̂[i] (real κ)."""
        h, w = shape
        kernel = self.weight[:, :, self.get_buffer("index")[0]].reshape(*self.weight.shape[:2], h, w)
        spectrum = torch.fft.rfft2(x.reshape(*x.shape[:-1], h, w))
        product = torch.einsum("oihw,...ihw->...ohw", torch.fft.rfft2(kernel).conj(), spectrum)
        y: torch.Tensor = torch.fft.irfft2(product, s=(h, w))
        return y.flatten(-2)


class PartitionLinear(torch.nn.Module):
    """x (..., C_in, n, …, n) with p axes of length n ↦ (..., C_out, n, …, n) with q axes, equivariant under S_n
    permuting every axis at once, for any n at run time; the channel axis is always present.

    `weight` (C_out, C_in, B(p+q)) holds one weight per orbit of S_n on (q+p)-tuples, in the order of
    `eqgeom.partitions.set_partitions` (= the `partitions` array of `eqgeom layer --group S<n> --out`): with
    reduction="sum" the layer at n is exactly W = θ[index] of that file. reduction="mean" (default) averages over
    summed indices, so the layer's scale does not grow with n. `bias` (C_out, B(q)) is S_n-invariant on the output.
    Initialisation: θ ~ N(0, gain²/(C_in·B(p+q))) (independent of n), β = 0."""

    bias: Optional[torch.nn.Parameter]

    def __init__(self, in_power: int, out_power: int, in_channels: int = 1, out_channels: int = 1,
                 bias: bool = True, reduction: str = "mean", gain: float = 1.0,
                 dtype: Optional[torch.dtype] = None, device: Optional[torch.device] = None) -> None:
        super().__init__()
        if reduction not in ("mean", "sum"):
            raise ValueError(f"reduction is 'mean' or 'sum', got {reduction!r}")
        self.in_power, self.out_power, self.reduction, self.gain = in_power, out_power, reduction, gain
        self.in_channels, self.out_channels = in_channels, out_channels
        dtype = dtype or torch.get_default_dtype()
        terms = len(partitions.plan(in_power, out_power))
        self.weight = torch.nn.Parameter(torch.empty(out_channels, in_channels, terms, dtype=dtype, device=device))
        mobius = torch.as_tensor(partitions.mobius_matrix(in_power + out_power), dtype=dtype, device=device)
        self.register_buffer("mobius", mobius, persistent=False)
        if bias:
            orbits = len(partitions.plan(0, out_power))
            self.bias = torch.nn.Parameter(torch.empty(out_channels, orbits, dtype=dtype, device=device))
            bias_mobius = torch.as_tensor(partitions.mobius_matrix(out_power), dtype=dtype, device=device)
            self.register_buffer("bias_mobius", bias_mobius, persistent=False)
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    @torch.no_grad()
    def reset_parameters(self, generator: Optional[torch.Generator] = None) -> None:
        """θ ~ N(0, gain²/(C_in·B(p+q))), β = 0."""
        scale = self.gain / math.sqrt(self.in_channels * self.weight.shape[-1])
        self.weight.normal_(0.0, scale, generator=generator)
        if self.bias is not None:
            self.bias.zero_()

    def extra_repr(self) -> str:
        return (f"in_power={self.in_power}, out_power={self.out_power}, in_channels={self.in_channels}, "
                f"out_channels={self.out_channels}, orbits={self.weight.shape[-1]}, reduction={self.reduction!r}, "
                f"bias={self.bias is not None}")

    def _ops(self, device: torch.device, dtype: torch.dtype) -> Tuple[Any, Any]:
        return (lambda n: torch.ones(n, device=device, dtype=dtype),
                lambda n: torch.eye(n, device=device, dtype=dtype))

    def forward(self, x: torch.Tensor, n: Optional[int] = None) -> torch.Tensor:
        """y = W x + b; n is read from x's last axis (give it only when p = 0)."""
        if self.in_power > 0:
            n = x.shape[-1]
            expected = (self.in_channels,) + (n,) * self.in_power
            if tuple(x.shape[-1 - self.in_power:]) != expected:
                raise ValueError(f"expected x of shape (..., {self.in_channels}{', n' * self.in_power}), "
                                 f"got {tuple(x.shape)}")
        elif n is None:
            raise ValueError("an input with no point axes (in_power = 0) needs n: layer(x, n=…)")
        ones, eye = self._ops(x.device, x.dtype)
        mean = self.reduction == "mean"
        lam = self.weight @ self.get_buffer("mobius")
        y = partitions.apply(torch.einsum, ones, eye, self.in_power, self.out_power, lam, x, n, mean)
        if self.bias is not None:
            beta = (self.bias @ self.get_buffer("bias_mobius")).unsqueeze(1)
            one = torch.ones(1, device=x.device, dtype=x.dtype)
            y = y + partitions.apply(torch.einsum, ones, eye, 0, self.out_power, beta, one, n, mean)
        result: torch.Tensor = y
        return result


class ComponentAutoencoder(torch.nn.Module):
    """x (..., n) ↦ Q·D·E·Qᵀx with E (rank × n) and D (n × rank) tied by the component's weight-sharing pattern.

    θ starts N(0, 1/n) (the scale eqgeom's Adam uses); `load_weights` sets it from `eqgeom train … --out`. The
    dtype is torch's default unless given (float64 reproduces eqgeom's exact losses to 1e-12)."""

    def __init__(self, arch: Union[io.PathLike, Mapping[str, Any]], dtype: Optional[torch.dtype] = None,
                 generator: Optional[torch.Generator] = None) -> None:
        super().__init__()
        dtype = dtype or torch.get_default_dtype()
        arch = io.loaded(arch, kind=(4, 6))
        self.transform = transform_of(arch)
        n = self.transform.n
        self.group = "q_row" in arch
        if self.group:
            for name in ("encoder", "decoder"):
                for key in ("row", "col", "param"):
                    self.register_buffer(f"{name}_{key}", torch.as_tensor(arch[f"{name}_{key}"], dtype=torch.long))
                self.register_buffer(f"{name}_coef", torch.as_tensor(arch[f"{name}_coef"], dtype=dtype))
                setattr(self, f"{name}_shape", tuple(int(v) for v in arch[f"{name}_shape"]))
            count = int(np.asarray(arch["parameter_count"]))
            self.theta = torch.nn.Parameter(torch.randn(count, dtype=dtype, generator=generator) / math.sqrt(n))
        else:
            for name in ("encoder", "decoder"):
                index = np.asarray(arch[f"{name}_index"])
                self.register_buffer(f"{name}_index", torch.as_tensor(np.maximum(index, 0), dtype=torch.long))
                self.register_buffer(f"{name}_sign", torch.as_tensor(arch[f"{name}_sign"], dtype=dtype))
                count = int(index.max()) + 1 if index.size else 0
                theta = torch.randn(count, dtype=dtype, generator=generator) / math.sqrt(n)
                setattr(self, f"{name}_theta", torch.nn.Parameter(theta))

    def _pattern(self, name: str) -> torch.Tensor:
        if self.group:
            rows, cols = getattr(self, f"{name}_row"), getattr(self, f"{name}_col")
            values = getattr(self, f"{name}_coef") * self.theta[getattr(self, f"{name}_param")]
            m = torch.zeros(getattr(self, f"{name}_shape"), dtype=values.dtype, device=values.device)
            return m.index_put((rows, cols), values, accumulate=True)
        theta = getattr(self, f"{name}_theta")
        result: torch.Tensor = getattr(self, f"{name}_sign") * theta[getattr(self, f"{name}_index")]
        return result

    def encoder(self) -> torch.Tensor:
        """E (rank × n): in the Q basis for one permutation, on points for a group."""
        return self._pattern("encoder")

    def decoder(self) -> torch.Tensor:
        """D (n × rank): in the Q basis for one permutation, on points for a group."""
        return self._pattern("decoder")

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """The latent code E·Qᵀx (a group's E already acts on points: E·x)."""
        coordinates: torch.Tensor = x if self.group else self.transform.forward(x)
        return coordinates @ self.encoder().T

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Q·D·E·Qᵀx for one permutation, D·E·x for a group."""
        y = self.encode(x) @ self.decoder().T
        result: torch.Tensor = y if self.group else self.transform.inverse(y)
        return result

    @torch.no_grad()
    def load_weights(self, weights: Union[io.PathLike, Mapping[str, Any]]) -> "ComponentAutoencoder":
        """Sets θ from `weights.npz` of `eqgeom train … --out DIR` or `reproduce … --out DIR` (one permutation:
        `encoder_theta`, `decoder_theta`; a group: `theta`)."""
        w = io.loaded(weights, kind=6)
        if self.group:
            if "theta" not in w:
                raise ValueError("this weights.npz has no θ (written by an eqgeom before 0.9); run train again")
            self.theta.copy_(torch.as_tensor(w["theta"]))
            return self
        for name in ("encoder", "decoder"):
            getattr(self, f"{name}_theta").copy_(torch.as_tensor(w[f"{name}_theta"]))
        return self
