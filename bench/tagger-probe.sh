#!/usr/bin/env bash
# The tagger's probe (issue 9): builds MP3 files as ffmpeg, mutagen, eyeD3 and older taggers
# write them, other formats named .mp3 and damaged files; tags copies with --id3 2.3 and 2.4,
# reads them back with mutagen / eyeD3 / ffprobe, decodes them with ffmpeg, runs again, and
# prints runs / ok / correctly refused / valid-refused / damaged (exit 1 if any of the last two).
# Needs Debian's python3 (mutagen, eyeD3) and ffmpeg; what is missing is named and skipped.
# Build first: mvn -B -q package -DskipTests.   Options: see bench/tagger_probe.py --help
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-/usr/bin/python3}"
[[ -x "$PYTHON" ]] || PYTHON=python3
exec "$PYTHON" bench/tagger_probe.py --jar tagger.jar "$@"
