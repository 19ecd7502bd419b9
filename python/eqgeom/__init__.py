"""eqgeom's exports in Python: readers (`eqgeom.io`), Q applied without a dense matrix (`eqgeom.transform`),
PyTorch modules (`eqgeom.torch`) and JAX pure functions (`eqgeom.jax`), the last two imported lazily."""
from .io import load, load_architecture, load_layer, load_weights, read_safetensors, write_safetensors

__all__ = ["load", "load_architecture", "load_layer", "load_weights", "read_safetensors", "write_safetensors"]
__version__ = "0.5.0"
