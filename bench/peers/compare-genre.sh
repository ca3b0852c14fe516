#!/usr/bin/env bash
# Seconds per training epoch of the three genre experiments: canto vs PyTorch (CPU), back to back.
#
#   bench/peers/compare-genre.sh                     # real lyrics when data/genre/tcc_ceds_music_lyrics_all_rows.csv exists
#   bench/peers/compare-genre.sh --data FILE         # another genre file (features from it when it has them)
#   bench/peers/compare-genre.sh --synthetic         # uniform random ids of the real shapes
#   EPOCHS=1 ROWS=5000 bench/peers/compare-genre.sh  # quicker
#
# Both sides train 22,697 rows per epoch (the training split of the full file, seed 1; or
# synthetic rows), 1 warm + EPOCHS timed epochs. With a real file both read it the same way
# (canto.bench.genre.RealGenreData, pytorch_genre.py --data: same tokenizer, split, vocabulary;
# both print a checksum of the ids, which must agree); features come from the file when it has
# all 22 columns and are synthetic otherwise (the lyrics-only file has none) -- the "data:" lines
# say which.
#
# canto runs canto.bench.genre.GenreEpochs from bench/target/benchmarks.jar (build it with
# `mvn -B -q -pl engine,genre,bench -am package -DskipTests`) with 1 and 2 threads; PyTorch runs
# bench/peers/pytorch_genre.py with 1 and 2 threads, subnormal flushing off and on, Adam with
# foreach=False and True (FOREACH=0,1; its fastest configuration is the peer). PyTorch's
# matrix products go through libblas.so.3: when Debian's OpenBLAS is installed
# (libopenblas0-pthread) it is used for PyTorch's runs (LD_LIBRARY_PATH, this process only),
# since the reference BLAS makes PyTorch several times slower; BLAS=system keeps the system's.
# The last line compares PyTorch's fastest configuration with canto's default (1 thread):
#   speedup vs pytorch: lyrics=X features=Y combined=Z
set -euo pipefail
cd "$(dirname "$0")/../.."

EPOCHS="${EPOCHS:-2}"
ROWS="${ROWS:-22697}"
FOREACH="${FOREACH:-0,1}"
THREADS="${THREADS:-1 2}"
DEFAULT_DATA=data/genre/tcc_ceds_music_lyrics_all_rows.csv
data=""
synthetic=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data) data="${2:?--data needs a file}"; shift 2 ;;
    --synthetic) synthetic=1; shift ;;
    *) echo "compare-genre: unknown option $1 (use --data FILE or --synthetic)" >&2; exit 2 ;;
  esac
done
if [[ $synthetic == 0 && -z "$data" && -f "$DEFAULT_DATA" ]]; then
  data="$DEFAULT_DATA"
  echo "data: $DEFAULT_DATA exists: real lyrics (--synthetic for uniform random ids)"
elif [[ $synthetic == 0 && -z "$data" ]]; then
  echo "data: $DEFAULT_DATA not found: synthetic data (link it as data/README.md says for real lyrics)"
  synthetic=1
fi
if [[ -n "$data" && ! -f "$data" ]]; then
  echo "compare-genre: no such data file: $data" >&2
  exit 2
fi
canto_data=(--synthetic)
torch_data=()
if [[ $synthetic == 0 ]]; then canto_data=(--data "$data"); torch_data=(--data "$data"); fi
JAVA="${JAVA:-java}"
PYTHON="${PYTHON:-/usr/bin/python3}"
JAR=bench/target/benchmarks.jar
OPENBLAS_DIR=/usr/lib/x86_64-linux-gnu/openblas-pthread
BLAS="${BLAS:-auto}"

if [[ ! -f "$JAR" ]]; then
  echo "compare-genre: $JAR is missing; build it with: mvn -B -q -pl engine,genre,bench -am package -DskipTests" >&2
  exit 1
fi
if ! "$PYTHON" -c "import torch" 2>/dev/null; then
  echo "compare-genre: $PYTHON cannot import torch (Debian: apt-get install python3-torch)" >&2
  exit 1
fi

out="$(mktemp)"
trap 'rm -f "$out"' EXIT
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $("$JAVA" -version 2>&1 | head -1)"
for t in $THREADS; do
  "$JAVA" --add-modules jdk.incubator.vector -cp "$JAR" canto.bench.genre.GenreEpochs "${canto_data[@]}" \
      --epochs "$EPOCHS" --rows "$ROWS" --threads "$t" 2>/dev/null | tee -a "$out"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
blas_env=()
blas_name=system
if [[ "$BLAS" != system && -f "$OPENBLAS_DIR/libblas.so.3" ]]; then
  blas_env=(env LD_LIBRARY_PATH="$OPENBLAS_DIR" OPENBLAS_NUM_THREADS=1)
  blas_name=openblas
fi
echo "pytorch blas: $blas_name"
"${blas_env[@]}" "$PYTHON" bench/peers/pytorch_genre.py "${torch_data[@]}" --epochs "$EPOCHS" --rows "$ROWS" \
    --threads "$(echo $THREADS | tr ' ' ,)" --flush 0,1 --foreach "$FOREACH" | sed "s/\$/ blas=$blas_name/" | tee -a "$out"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"

"$PYTHON" - "$out" <<'PY'
import re, sys
rows = []
for line in open(sys.argv[1]):
    kv = dict(re.findall(r"(\w+)=(\S+)", line))
    if line.startswith(("canto ", "torch ")) and "s_per_epoch" in kv:
        rows.append((line.split()[0], line.split()[1], kv))
print()
print("| experiment | engine | threads | flush denormal | foreach | blas | s/epoch (median) | min – max |")
print("| --- | --- | ---: | ---: | ---: | --- | ---: | ---: |")
for who, exp, kv in rows:
    print(f"| {exp} | {who} | {kv['threads']} | {kv.get('flush_denormal', '-')} | {kv.get('foreach', '-')} | {kv.get('blas', '-')} "
          f"| {float(kv['s_per_epoch']):.3f} | {float(kv['min']):.3f} – {float(kv['max']):.3f} |")
speed = []
for exp in ["lyrics", "features", "combined"]:
    canto = [float(kv["s_per_epoch"]) for who, e, kv in rows if who == "canto" and e == exp and kv["threads"] == "1"]
    torch = [float(kv["s_per_epoch"]) for who, e, kv in rows if who == "torch" and e == exp]
    speed.append(f"{exp}={min(torch) / canto[0]:.1f}" if canto and torch else f"{exp}=n/a")
print()
print("speedup vs pytorch: " + " ".join(speed))
PY
