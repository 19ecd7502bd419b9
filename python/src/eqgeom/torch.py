"""eqgeom's architectures as PyTorch modules (torch is imported here, not by `import eqgeom`).

`EquivariantLinear`: a G-equivariant map R^{C_in × n^p} → R^{C_out × n^q} from `eqgeom layer … --out`, with tied
weights W[o, i] = θ[o, i][index] and the equivariant bias b[o] = β[o][bias_index].
`ComponentAutoencoder`: a component's weight-sharing autoencoder from `eqgeom mask … --out`: for one permutation
x ↦ Q·D·E·Qᵀx with Q applied by FFTs (`eqgeom.transform`, never a dense Q); for a group x ↦ D·E·x, whose sparse
patterns already carry Q's orbit blocks as coefficients (docs/formats.md)."""
from __future__ import annotations

import math
from typing import Any, Mapping, Optional, Union

import numpy as np
import torch

from . import io
from .transform import transform_of


class EquivariantLinear(torch.nn.Module):
    """x of shape (..., C_in, n^p) ↦ (..., C_out, n^q); a channel axis is present only when there is more than one
    channel (C_in = 1: x is (..., n^p); C_out = 1: the output is (..., n^q)), so layers stack.

    Initialisation preserves variance: θ ~ N(0, gain²/fan_in) with fan_in = C_in·n^p, so every entry of W has
    that variance and Var y = gain²·E[x²] for inputs with independent entries; β = 0."""

    bias: Optional[torch.nn.Parameter]

    def __init__(self, layer: Union[io.PathLike, Mapping[str, Any]], in_channels: int = 1, out_channels: int = 1,
                 bias: bool = True, gain: float = 1.0, dtype: torch.dtype = torch.float64,
                 generator: Optional[torch.Generator] = None) -> None:
        super().__init__()
        arrays = io.loaded(layer)
        index = np.asarray(arrays["index"])
        self.in_channels, self.out_channels = in_channels, out_channels
        self.register_buffer("index", torch.as_tensor(index, dtype=torch.long))
        fan_in = in_channels * index.shape[1]
        count = int(index.max()) + 1 if index.size else 0
        theta = torch.randn(out_channels, in_channels, count, dtype=dtype, generator=generator)
        self.weight = torch.nn.Parameter(theta * (gain / math.sqrt(fan_in)))
        if bias:
            bias_index = np.asarray(arrays["bias_index"])
            self.register_buffer("bias_index", torch.as_tensor(bias_index, dtype=torch.long))
            orbits = int(bias_index.max()) + 1 if bias_index.size else 0
            self.bias = torch.nn.Parameter(torch.zeros(out_channels, orbits, dtype=dtype))
        else:
            self.register_parameter("bias", None)

    def matrix(self) -> torch.Tensor:
        """W as (C_out, C_in, n^q, n^p)."""
        index = self.get_buffer("index")
        return self.weight[:, :, index]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """y = W x + b on the last axes (see the class)."""
        if self.in_channels == 1:
            x = x.unsqueeze(-2)
        y = torch.einsum("oiqp,...ip->...oq", self.matrix(), x)
        if self.bias is not None:
            y = y + self.bias[:, self.get_buffer("bias_index")]
        return y.squeeze(-2) if self.out_channels == 1 else y


class ComponentAutoencoder(torch.nn.Module):
    """x (..., n) ↦ Q·D·E·Qᵀx with E (rank × n) and D (n × rank) tied by the component's weight-sharing pattern.

    θ starts N(0, 1/n) (the scale eqgeom's Adam uses); `load_weights` sets it from `eqgeom train … --out`."""

    def __init__(self, arch: Union[io.PathLike, Mapping[str, Any]], dtype: torch.dtype = torch.float64,
                 generator: Optional[torch.Generator] = None) -> None:
        super().__init__()
        arch = io.loaded(arch)
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
        """Sets θ from `weights.npz` of `eqgeom train … --out DIR` (one permutation: `encoder_theta`,
        `decoder_theta`)."""
        w = io.loaded(weights)
        if self.group:
            raise ValueError("group weights.npz stores block maps, not θ; train the module or use the maps directly")
        for name in ("encoder", "decoder"):
            getattr(self, f"{name}_theta").copy_(torch.as_tensor(w[f"{name}_theta"]))
        return self
