"""eqgeom's exports in Python.

Readers (`eqgeom.io`), Q applied without a dense matrix (`eqgeom.transform`), layers applied without W
(`eqgeom.orbit_rows` for a listed group, `eqgeom.partitions` for S_n at every n), equivariance checks
(`eqgeom.testing`), PyTorch modules (`eqgeom.torch`) and JAX pure functions (`eqgeom.jax`); the last two import
their framework lazily, when imported themselves. Without a shell: `eqgeom.layer(eqgeom.groups.S(5), in_power=2,
out_power=2)` and `eqgeom.run_json([...])` call the `eqgeom` executable (the wheel's bundled copy first).
"""
from . import groups
from .binary import EqgeomError, run, run_json
from .io import load, load_architecture, load_layer, load_weights, read_safetensors, write_safetensors
from .layers import layer

__all__ = [
    "EqgeomError", "groups", "layer", "load", "load_architecture", "load_layer", "load_weights", "read_safetensors",
    "run", "run_json", "write_safetensors",
]
__version__ = "0.9.0"
