#!/usr/bin/env python3
"""Single-thread OpenBLAS sgemm through numpy: the peer the canto matrix products are held against.

Usage: OPENBLAS_NUM_THREADS=1 python3 numpy_sgemm.py [SIZE ...]   (default sizes 256 1024)

Debian's python3-numpy uses whatever /usr/lib/x86_64-linux-gnu/libblas.so.3 points to; with
libopenblas0-pthread installed, LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread
selects OpenBLAS for this process only. The first line says which BLAS was loaded.

For each square size n it times C = A @ B on float32 (2 n^3 FLOP), repeating for about a second
after a warm-up, and prints one line per size:  sgemm n=1024 median_s=... gflops=... (min..max)
The last line, `openblas: 256=X,1024=Y`, is what canto.bench.Rates takes as --openblas.
"""
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402  (the thread count must be set before numpy loads OpenBLAS)


def bench(n):
    rng = np.random.default_rng(1)
    a = rng.uniform(-1, 1, (n, n)).astype(np.float32)
    b = rng.uniform(-1, 1, (n, n)).astype(np.float32)
    c = np.empty((n, n), dtype=np.float32)
    for _ in range(3):
        np.matmul(a, b, out=c)
    reps = max(1, int(0.2 / max(1e-7, 2 * n ** 3 / 50e9)))
    samples = []
    for _ in range(7):
        t0 = time.perf_counter()
        for _ in range(reps):
            np.matmul(a, b, out=c)
        samples.append((time.perf_counter() - t0) / reps)
    samples.sort()
    flop = 2.0 * n ** 3
    med = samples[len(samples) // 2]
    print(f"sgemm n={n} median_s={med:.6g} gflops={flop / med / 1e9:.1f} "
          f"({flop / samples[-1] / 1e9:.1f}..{flop / samples[0] / 1e9:.1f}) "
          f"threads={os.environ['OPENBLAS_NUM_THREADS']} numpy={np.__version__}")
    return flop / med / 1e9


def blas_name():
    """The BLAS library this process has loaded (Debian's numpy takes whatever libblas.so.3 is)."""
    np.matmul(np.ones((64, 64), np.float32), np.ones((64, 64), np.float32))
    try:
        with open("/proc/self/maps") as maps:
            libs = {line.split()[-1] for line in maps if "blas" in line}
        for lib in sorted(libs):
            if "openblas" in lib:
                return "openblas (" + lib + ")"
        if libs:
            return "other (" + ", ".join(sorted(libs)) + ")"
    except OSError:
        pass
    try:
        return np.show_config(mode="dicts")["Build Dependencies"]["blas"]["name"]
    except Exception:  # older numpy: no dict mode
        return "unknown"


def main():
    blas = blas_name()
    print(f"numpy {np.__version__} blas={blas}")
    if "openblas" not in blas.lower():
        print("warning: this numpy may not use OpenBLAS (Debian's numpy uses whatever libblas.so.3 "
              "points to; the reference BLAS is ~15x slower). Prefer a numpy built on OpenBLAS.",
              file=sys.stderr)
    sizes = [int(s) for s in sys.argv[1:]] or [256, 1024]
    rates = {n: bench(n) for n in sizes}
    print("openblas: " + ",".join(f"{n}={g:.1f}" for n, g in rates.items()))


if __name__ == "__main__":
    main()
