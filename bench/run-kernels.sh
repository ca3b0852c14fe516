#!/usr/bin/env bash
# Kernel benchmarks held against the machine's limits, in one session:
#   1. single-thread OpenBLAS sgemm through numpy (bench/peers/numpy_sgemm.py),
#   2. JMH: every kernel benchmark (or the ones named in the arguments), SIMD and scalar side by
#      side, plus copy bandwidth and FMA peak,
#   3. canto.bench.Rates: GFLOP/s, GB/s, SIMD/scalar, fraction of the limits (Markdown table).
#
#   bench/run-kernels.sh                                  # everything (~20 minutes)
#   bench/run-kernels.sh 'MatmulBench' -p shape=1024x1024x1024,256x256x256
#   JAR=/tmp/old-benchmarks.jar OUT=/tmp/old.json bench/run-kernels.sh MatmulBench   # a baseline
#   BEFORE=/tmp/old.json bench/run-kernels.sh MatmulBench                            # + ratios
#
# Needs bench/target/benchmarks.jar (mvn -B -q -pl engine,genre,bench -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR="${JAR:-bench/target/benchmarks.jar}"
JAVA="${JAVA:-java}"
PYTHON="${PYTHON:-/usr/bin/python3}"
OUT="${OUT:-bench/target/kernels.json}"
OPENBLAS_DIR=/usr/lib/x86_64-linux-gnu/openblas-pthread

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%F)"
echo "java: $("$JAVA" -version 2>&1 | head -1)"
openblas=()
if "$PYTHON" -c "import numpy" 2>/dev/null; then
  env=(OPENBLAS_NUM_THREADS=1)
  [[ -f "$OPENBLAS_DIR/libblas.so.3" ]] && env+=(LD_LIBRARY_PATH="$OPENBLAS_DIR")
  np_out="$(env "${env[@]}" "$PYTHON" bench/peers/numpy_sgemm.py 256 1024)"
  echo "$np_out"
  line="$(grep '^openblas: ' <<< "$np_out")"
  openblas=(--openblas "${line#openblas: }")
else
  echo "numpy not found for $PYTHON: no OpenBLAS column" >&2
fi
filter=("$@")
[[ ${#filter[@]} -eq 0 ]] && filter=('canto.bench.kernels.')
"$JAVA" -jar "$JAR" "${filter[@]}" -rf json -rff "$OUT" > "${OUT%.json}.log" 2>&1 || { tail -30 "${OUT%.json}.log"; exit 1; }
before=()
[[ -n "${BEFORE:-}" ]] && before=(--before "$BEFORE")
"$JAVA" --add-modules jdk.incubator.vector -cp "$JAR" canto.bench.Rates "$OUT" "${openblas[@]}" "${before[@]}" 2>/dev/null
