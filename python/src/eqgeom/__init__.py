"""eqgeom's exports in Python.

Readers (`eqgeom.io`), Q applied without a dense matrix (`eqgeom.transform`), layers applied without W
(`eqgeom.orbit_rows` for a listed group, `eqgeom.partitions` for S_n at every n), equivariance checks
(`eqgeom.testing`), PyTorch modules (`eqgeom.torch`) and JAX pure functions (`eqgeom.jax`); the last two import
their framework lazily, when imported themselves.
"""
from .io import load, load_architecture, load_layer, load_weights, read_safetensors, write_safetensors

__all__ = ["load", "load_architecture", "load_layer", "load_weights", "read_safetensors", "write_safetensors"]
__version__ = "0.8.0"
