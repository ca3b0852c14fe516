#!/usr/bin/env bash
# Cold-start wall time of `java -jar tagger.jar parse TITLE`, RUNS runs (default 10):
# prints every time and the median. Build first: mvn -B -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-10}"
JAVA="${JAVA:-java}"
TITLE="${1:-AGA 江海迦 - 《小問題》MV-w1TMv7jx8ew.mp3}"
[[ -f tagger.jar ]] || { echo "tagger-cold: tagger.jar is missing; build it with: mvn -B -q package -DskipTests" >&2; exit 1; }
times=()
for ((i = 0; i < RUNS; i++)); do
  s=$(date +%s%N)
  "$JAVA" -jar tagger.jar parse "$TITLE" > /dev/null
  e=$(date +%s%N)
  times+=("$(( (e - s) / 1000000 ))")
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "cold java -jar tagger.jar parse, ms: ${times[*]}"
echo "median ${sorted[$((RUNS / 2))]} ms, min ${sorted[0]} ms, max ${sorted[$((RUNS - 1))]} ms ($("$JAVA" -version 2>&1 | head -1))"
