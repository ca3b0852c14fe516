#!/usr/bin/env bash
# Fetches the complete tcc_ceds_music.csv (28,372 rows, 31 columns) into data/genre/ and
# checks that it is the genuine file by its git blob id. Needs internet, curl or wget, and
# git (or sha1sum). data/genre/ is git-ignored: the file is never committed.
#
#   data/fetch-genre.sh              download, verify, install as data/genre/tcc_ceds_music.csv
#   data/fetch-genre.sh --verify F   only check an existing copy F
set -euo pipefail

URL="https://raw.githubusercontent.com/PhilChodrow/PIC16B/master/datasets/tcc_ceds_music.csv"
BLOB_ID="2f0edbced3d1376242819a7fb566ea3ad3de790e"
DEST="$(cd "$(dirname "$0")" && pwd)/genre/tcc_ceds_music.csv"

# git's blob id of a file: sha1 of "blob <size>\0" followed by the content.
blob_id() {
  if command -v git >/dev/null 2>&1; then
    git hash-object --no-filters "$1"
  else
    { printf 'blob %d\0' "$(wc -c <"$1")"; cat "$1"; } | sha1sum | cut -d' ' -f1
  fi
}

verify() {
  local got
  got="$(blob_id "$1")"
  if [ "$got" != "$BLOB_ID" ]; then
    echo "fetch-genre: $1: git blob id $got, expected $BLOB_ID: not the genuine tcc_ceds_music.csv" >&2
    return 1
  fi
  echo "fetch-genre: $1: genuine (git blob id $BLOB_ID)"
}

if [ "${1:-}" = "--verify" ]; then
  [ $# -eq 2 ] || { echo "usage: $0 --verify FILE" >&2; exit 2; }
  [ -f "$2" ] || { echo "fetch-genre: $2: no such file" >&2; exit 2; }
  verify "$2"
  exit
fi
[ $# -eq 0 ] || { echo "usage: $0 [--verify FILE]" >&2; exit 2; }

mkdir -p "$(dirname "$DEST")"
tmp="$(mktemp "$DEST.XXXXXX.part")"
trap 'rm -f "$tmp"' EXIT
echo "fetch-genre: downloading $URL"
if command -v curl >/dev/null 2>&1; then
  curl -fL --retry 3 -o "$tmp" "$URL"
elif command -v wget >/dev/null 2>&1; then
  wget -q -O "$tmp" "$URL"
else
  echo "fetch-genre: needs curl or wget" >&2
  exit 1
fi
verify "$tmp"
chmod 644 "$tmp"
mv -f "$tmp" "$DEST"
trap - EXIT
echo "fetch-genre: installed $DEST"
