#!/usr/bin/env bash
# Benchmarks: eqgeom (release build) and the competing implementations, in the same run, one thread.
# Usage: bash scripts/bench.sh > bench-output.txt   (then copy the numbers into docs/benchmarks.md)
#   BENCH_FILTER=transform bash scripts/bench.sh   runs only eqgeom benchmarks whose name contains the text.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export OPENBLAS_NUM_THREADS=1
swift build -c release --static-swift-stdlib --product eqgeom >&2
swift build -c release --static-swift-stdlib --product eqgeom-bench >&2
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"
echo "## eqgeom-bench"
.build/release/eqgeom-bench ${BENCH_FILTER:+--filter "$BENCH_FILTER"} "$@"
echo "## start-up: median of 50 runs of 'eqgeom --version' (and of /bin/true, the process floor)"
python3 - <<'PY'
import statistics, subprocess, time
for cmd in ([".build/release/eqgeom", "--version"], ["/bin/true"]):
    times = []
    for _ in range(50):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
    print(f"{' '.join(cmd)}\t{statistics.median(times) * 1000:.2f} ms")
PY
echo "## C references (benchmarks/reference_fftw.c: FFTW + OpenBLAS; benchmarks/reference_loops.c: plain loops)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -march=native -ffp-contract=off -DFLAGS=FFTW_ESTIMATE benchmarks/reference_fftw.c -o "$work/fftw" \
    -lfftw3 -llapacke -lopenblas -lm
cc -O2 -march=native benchmarks/reference_loops.c -o "$work/loops"
"$work/fftw"
"$work/loops"
echo "## competitors of issue 11 (benchmarks/competitors.py: pyfftw, scipy.fft, NumPy, JAX, python-flint)"
python3 -m pip install -q numpy scipy pyfftw "jax[cpu]" python-flint >&2 || echo "(pip install failed: offline?)" >&2
python3 benchmarks/competitors.py
echo "## other competing implementations (benchmarks/reference.py)"
python3 benchmarks/reference.py
echo "## EMLP (benchmarks/emlp_reference.py, in .build/emlp-venv: emlp 1.0.3 with its dependencies)"
if [ ! -x .build/emlp-venv/bin/python ]; then
    python3 -m venv --system-site-packages .build/emlp-venv >&2
    .build/emlp-venv/bin/pip install -q --no-deps emlp==1.0.3 >&2 &&
        .build/emlp-venv/bin/pip install -q objax plum-dispatch optax tqdm scikit-learn matplotlib h5py >&2 ||
        echo "(EMLP could not be installed: offline?)" >&2
fi
.build/emlp-venv/bin/python benchmarks/emlp_reference.py || echo "(EMLP did not run)"

echo "## neural-tangents (benchmarks/nt_reference.py, in .build/nt-venv: neural-tangents 0.6.5, JAX 0.4.30; one core)"
if [ ! -x .build/nt-venv/bin/python ]; then
    python3 -m venv --system-site-packages .build/nt-venv >&2
    .build/nt-venv/bin/pip install -q neural-tangents==0.6.5 "jax[cpu]==0.4.30" jaxlib==0.4.30 tf2jax==0.3.6 >&2 ||
        echo "(neural-tangents could not be installed: offline?)" >&2
fi
taskset -c 0 .build/nt-venv/bin/python benchmarks/nt_reference.py 2>/dev/null || echo "(neural-tangents did not run)"
echo "## eqgeom's kernels on the same core"
taskset -c 0 .build/release/eqgeom-bench --filter kernel.
