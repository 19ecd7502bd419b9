"""eqgeom's wheel. With EQGEOM_BIN set to a built `eqgeom`, the wheel bundles it as `eqgeom/_bin/eqgeom` and is
tagged for this platform (`scripts/build-wheel.sh` then vendors its shared libraries with auditwheel); without it
the wheel is pure Python and finds the executable on PATH. Everything else is in pyproject.toml."""
import os
import shutil
from typing import Tuple

from setuptools import setup
from setuptools.command.bdist_wheel import bdist_wheel
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

BINARY = os.environ.get("EQGEOM_BIN", "")


class BuildPy(build_py):
    """Copies the binary into the built package (the source tree is never written)."""

    def run(self) -> None:
        super().run()
        if BINARY:
            target = os.path.join(self.build_lib, "eqgeom", "_bin")
            os.makedirs(target, exist_ok=True)
            shutil.copy2(BINARY, os.path.join(target, "eqgeom"))


class BinaryDistribution(Distribution):
    """A distribution whose files are platform-specific (installed to platlib) when it carries the binary."""

    def has_ext_modules(self) -> bool:
        return bool(BINARY)


class BinaryWheel(bdist_wheel):
    """A platform wheel (py3-none-PLATFORM) when it carries the binary: any Python 3, no extension module."""

    def get_tag(self) -> Tuple[str, str, str]:
        python, abi, platform = super().get_tag()
        return ("py3", "none", platform) if BINARY else (python, abi, platform)


setup(distclass=BinaryDistribution, cmdclass={"build_py": BuildPy, "bdist_wheel": BinaryWheel})
