#!/usr/bin/env bash
# Wall and CPU time of `java -jar tagger.jar` on generated libraries (docs/TAGGER.md, "Speed"):
# 1,000 small files (32 kB) and 200 files of 4 MB, made by canto.tagger.cli.GenerateMp3s (an
# ffmpeg-style ID3v2.4 tag with a 20 kB picture, silent MPEG frames, an ID3v1 tag: every file
# is converted to 2.3). For each JDK and round: a dry run (-n), the real run on fresh copies,
# and the real run again (every file UNCHANGED). JDKS (default: java on PATH) is a list of
# JAVA_HOMEs; ROUNDS (default 2). Prints one line per run with the load average.
# Build first: mvn -B -q package -DskipTests (test classes are needed for GenerateMp3s).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="${WORK:-$(mktemp -d /tmp/tagger-speed.XXXXXX)}"
ROUNDS="${ROUNDS:-2}"
JDKS="${JDKS:-}"
CP=tagger/target/classes:tagger/target/test-classes:engine/target/classes
[[ -f tagger.jar && -d tagger/target/test-classes ]] || { echo "tagger-speed: build first: mvn -B -q package -DskipTests" >&2; exit 1; }
java -cp "$CP" canto.tagger.cli.GenerateMp3s "$WORK/small" 1000
java -cp "$CP" canto.tagger.cli.GenerateMp3s "$WORK/large" 200 9600
echo "files: 1000 x $(stat -c %s "$(ls "$WORK"/small/*.mp3 | head -1)") bytes, 200 x $(stat -c %s "$(ls "$WORK"/large/*.mp3 | head -1)") bytes in $WORK"
timed() { # label, java, args...
  local label="$1" j="$2"; shift 2
  local load; load=$(cut -d' ' -f1-3 /proc/loadavg)
  local t; t=$( { /usr/bin/time -f "%e %U %S" "$j" -jar tagger.jar --bundled-model "$@" > "$WORK/out.txt"; } 2>&1 | tail -1)
  read -r wall user sys <<< "$t"
  printf '%-34s wall %6.2f s  cpu %6.2f s  (%s; load %s)\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$(tail -1 "$WORK/out.txt" | cut -c1-60)" "$load"
}
for ((r = 1; r <= ROUNDS; r++)); do
  for home in ${JDKS:-default}; do
    if [[ "$home" == default ]]; then j=java; else j="$home/bin/java"; fi
    v=$("$j" -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/')
    for set in small large; do
      rm -rf "$WORK/run"; cp -r "$WORK/$set" "$WORK/run"; sync
      timed "JDK $v $set dry run (-n)" "$j" -n "$WORK/run"
      timed "JDK $v $set real" "$j" "$WORK/run"
      timed "JDK $v $set again (UNCHANGED)" "$j" "$WORK/run"
    done
  done
done
rm -rf "$WORK"
