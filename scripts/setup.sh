#!/usr/bin/env bash
# Installs the Debian packages eqgeom builds against, when they are missing (needs root or sudo).
# FLINT 2.9 + GMP for exact arithmetic; LAPACKE + OpenBLAS for floating point.
set -euo pipefail
packages=(libgmp-dev libflint-dev liblapacke-dev libopenblas-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "eqgeom setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
