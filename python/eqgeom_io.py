"""Compatibility name for the scripts in python/: the readers live in the `eqgeom` package (eqgeom/io.py)."""
import os
import sys

# the checkout's package (python/src/eqgeom), whether or not a copy is installed
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))
from eqgeom.io import *  # noqa: E402,F401,F403
from eqgeom.io import basis_from_description, load, load_invariant, pattern_matrix, parameter_count  # noqa: E402,F401


def load_layer(path):
    """(index, generators), the form the check scripts use."""
    z = load(path)
    return z["index"], z["generators"]


def load_architecture(path):
    """The archive's arrays, with `Q` rebuilt from its description when not stored."""
    arch = load(path)
    if "Q" not in arch:
        arch["Q"] = basis_from_description(arch)
    return arch
