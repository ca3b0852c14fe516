"""Reads MP3 files with mutagen and eyeD3 (Debian's python3-mutagen, eyed3) for the tagger's tests.

usage: read_tags.py FILE...   prints, for each file, a line "== FILE" and then lines
"reader.key=value" (value as JSON on one line): mutagen.version, mutagen.frames (pprint of
every frame, sorted), mutagen.chapters ([element id, [sub-frame pprints]] sorted),
mutagen.TPE1 / TIT2, mutagen.audio_seconds, eyed3.version / artist / title; X.error when
that reader failed.
mutagen's frames are read with its default translation to ID3v2.4 names, so two files whose
tags mean the same give the same list whatever their version.
"""
import json
import logging
import sys

logging.disable(logging.CRITICAL)


def with_mutagen(path):
    out = {}
    try:
        from mutagen.id3 import ID3
        from mutagen.mp3 import MP3
        out["audio_seconds"] = round(MP3(path).info.length, 3)
        tag = ID3(path)
        out["version"] = "2.%d" % tag.version[1]
        frames = []
        chapters = []
        for f in tag.values():
            if f.FrameID in ("CHAP", "CTOC"):
                subs = sorted(s.pprint() for s in f.sub_frames.values())
                chapters.append([f.element_id, subs])
                frames.append(f.FrameID + " " + f.element_id)
            else:
                frames.append(f.pprint())
        out["frames"] = sorted(frames)
        out["chapters"] = sorted(chapters)
        out["unknown"] = len(tag.unknown_frames)
        for key in ("TPE1", "TIT2"):
            out[key] = str(tag[key]) if key in tag else None
    except Exception as e:  # noqa: BLE001 - every failure is a finding for the test
        out["error"] = "%s: %s" % (type(e).__name__, e)
    return out


def with_eyed3(path):
    out = {}
    try:
        import eyed3
        audio = eyed3.load(path)
        if audio is None or audio.tag is None:
            out["error"] = "no tag"
        else:
            out["version"] = "%d.%d" % audio.tag.version[:2]
            out["artist"] = audio.tag.artist
            out["title"] = audio.tag.title
    except Exception as e:  # noqa: BLE001
        out["error"] = "%s: %s" % (type(e).__name__, e)
    return out


for p in sys.argv[1:]:
    print("== " + p)
    for reader, values in (("mutagen", with_mutagen(p)), ("eyed3", with_eyed3(p))):
        for key in sorted(values):
            print("%s.%s=%s" % (reader, key, json.dumps(values[key], ensure_ascii=False, sort_keys=True)))
