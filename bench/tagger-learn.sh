#!/usr/bin/env bash
# Wall and CPU time of `java -jar tagger.jar learn DIR` on a library of N tagged MP3 files (default
# 2000), RUNS runs (default 3) each into a fresh XDG_DATA_HOME: prints every time and the medians,
# with the JDK and the load (the machine may be shared: say "loaded" when quoting a loaded run).
# Build first: mvn -B -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2000}"
RUNS="${RUNS:-3}"
JAVA="${JAVA:-java}"
[[ -f tagger.jar ]] || { echo "tagger-learn: tagger.jar is missing; build it with: mvn -B -q package -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$JAVA" -cp tagger.jar bench/tagger/MakeTaggedLibrary.java "$work/lib" "$N"
times=() cpus=()
for ((i = 0; i < RUNS; i++)); do
  s=$(date +%s%N)
  XDG_DATA_HOME="$work/xdg$i" /usr/bin/time -f '%U %S' -o "$work/cpu$i" "$JAVA" -jar tagger.jar learn "$work/lib" > "$work/out$i.txt"
  e=$(date +%s%N)
  times+=("$(( (e - s) / 1000000 ))")
  cpus+=("$(awk '{printf "%d", ($1 + $2) * 1000}' "$work/cpu$i")")
done
cat "$work/out0.txt"
cmp -s "$work/xdg0/canto/tagger-model.safetensors" "$work/xdg1/canto/tagger-model.safetensors" 2>/dev/null \
  && echo "runs 1 and 2 made the same model bytes" || echo "runs 1 and 2 made different model bytes (or RUNS < 2)"
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
sortedc=($(printf '%s\n' "${cpus[@]}" | sort -n))
echo "java -jar tagger.jar learn ($N files), wall ms: ${times[*]}; CPU ms (user+sys): ${cpus[*]}"
echo "median wall ${sorted[$((RUNS / 2))]} ms, CPU ${sortedc[$((RUNS / 2))]} ms ($("$JAVA" -version 2>&1 | head -1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
