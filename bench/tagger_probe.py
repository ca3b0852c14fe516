"""The tagger's probe: build MP3 files as real writers make them (and files that are not MP3 or
are damaged), tag copies of each with --id3 2.3 and --id3 2.4, read the results back with
mutagen, eyeD3 and ffprobe, decode them with ffmpeg, run the tagger a second time, and count.

usage: /usr/bin/python3 bench/tagger_probe.py [--jar tagger.jar] [--work DIR] [--keep] [-v]
(bench/tagger-probe.sh runs it from the repository root).

Per run (one file, one version) the outcome is one of
  ok                  a valid file tagged (or found already so) and every check passed
  correctly refused   a file that is not MP3, is damaged or has encrypted frames: refused, unchanged
  valid-refused       a valid file refused (left unchanged, but the user cannot tag it)
  damaged             anything else: a refused file changed, a non-MP3 tagged, a tagged file whose
                      other frames, chapters, audio (bytes or decoded PCM) differ, a reader that
                      cannot read it, a second run that changes it
Checks needing a missing tool are skipped (one line says which).
"""
import argparse
import hashlib
import importlib
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

logging.disable(logging.CRITICAL)  # eyeD3 and mutagen log what they find odd; the probe reports findings itself
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tagger_probe_corpus  # noqa: E402

# file names the parser reads with confidence, as youtube-dl / yt-dlp name downloads
NAMES = ["陳奕迅 Eason Chan -《富士山下》MV [Ab3dE_gh1jk].mp3", "AGA 江海迦 - 《小問題》MV-w1TMv7jx8ew.mp3",
         "Twins - 下一站天后 (Official MV) [Tw1nsTw1nsA].mp3", "容祖兒 Joey Yung - 我的驕傲 [Zx9_yW8vU7Q].mp3"]
VERSIONS = ("2.3", "2.4")


def tools_present():
    have, missing = set(), []
    for mod in ("mutagen", "eyed3"):
        try:
            importlib.import_module(mod)
            have.add(mod)
        except ImportError:
            missing.append(mod)
    for exe in ("ffmpeg", "ffprobe"):
        if shutil.which(exe) and subprocess.run([exe, "-version"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
            have.add(exe)
        else:
            missing.append(exe)
    return have, missing


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def id3v2_length(b):
    if len(b) < 10 or b[:3] != b"ID3":
        return 0
    n = (b[6] & 0x7F) << 21 | (b[7] & 0x7F) << 14 | (b[8] & 0x7F) << 7 | (b[9] & 0x7F)
    return 10 + n + (10 if b[3] == 4 and b[5] & 0x10 else 0)


def after_tag(b):
    """The bytes after the ID3v2 tag, without a trailing ID3v1 tag (which --id3v1 update rewrites)."""
    end = len(b) - 128 if len(b) >= 128 and b[-128:-125] == b"TAG" else len(b)
    return b[id3v2_length(b):end]


def run_tagger(jar, version, folder, java):
    cmd = [java, "-jar", jar, "--bundled-model", "--id3", version, folder]
    p = subprocess.run(cmd, capture_output=True, env=dict(os.environ, LC_ALL="C.UTF-8"))
    out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    results = {}
    for line in out.splitlines():
        parts = line.split("  ")
        if len(parts) >= 2 and parts[0] in ("TAGGED", "UNCHANGED", "SKIPPED", "LOW-CONFIDENCE"):
            path = parts[1].split(": ")[0] if parts[0] == "SKIPPED" else parts[1]
            m = re.match(r"artist=(.*) title=(.*)$", parts[2]) if len(parts) > 2 else None
            results[os.path.normpath(path)] = {"status": parts[0], "artist": m.group(1) if m else None,
                                               "title": m.group(2) if m else None, "line": line}
    for line in err.splitlines():
        if line.startswith("ERROR  "):
            path, _, reason = line[7:].partition(".mp3: ")
            results[os.path.normpath(path + ".mp3")] = {"status": "FAILED", "reason": reason, "line": line}
    return results, cmd


def dated(frames):
    """Frames with their timestamps as digits only, without zero seconds: "20190503" (as ffmpeg writes
    yt-dlp's date) and "2019-05-03" (read back from 2.3's TYER + TDAT) are one date, and mutagen
    itself adds ":00" when it reads TYER + TDAT + TIME."""
    out = []
    for f in frames:
        if f[:5] in ("TDRC=", "TDOR=", "TDRL="):
            digits = re.sub(r"[^0-9]", "", f[5:])
            f = f[:5] + (digits[:12] if len(digits) == 14 and digits.endswith("00") else digits)
        out.append(f)
    return out


def mutagen_view(path):
    from mutagen.id3 import ID3
    from mutagen.mp3 import MP3
    v = {}
    try:
        v["seconds"] = round(MP3(path).info.length, 2)
    except Exception as e:  # noqa: BLE001
        v["audio_error"] = str(e)
    try:
        t = ID3(path)
    except Exception as e:  # noqa: BLE001
        v["error"] = "%s: %s" % (type(e).__name__, e)
        return v
    v["version"] = "2.%d" % t.version[1]
    frames, chapters = [], []
    for f in t.values():
        if f.FrameID in ("CHAP", "CTOC"):
            chapters.append((f.element_id, tuple(sorted(s.pprint() for s in f.sub_frames.values()))))
        elif f.FrameID not in ("TPE1", "TIT2"):
            frames.append(f.pprint())
    v["frames"] = sorted(frames)
    v["chapters"] = sorted(chapters)
    v["chapter_titles"] = [str(f.sub_frames["TIT2"]) for f in sorted(t.getall("CHAP"), key=lambda c: c.start_time) if "TIT2" in f.sub_frames]
    v["unknown"] = len(t.unknown_frames)
    v["TPE1"] = str(t["TPE1"]) if "TPE1" in t else None
    v["TIT2"] = str(t["TIT2"]) if "TIT2" in t else None
    return v


def eyed3_view(path):
    import eyed3
    try:
        a = eyed3.load(path)
        if a is None or a.tag is None:
            return {"error": "no tag"}
        return {"artist": a.tag.artist, "title": a.tag.title}
    except Exception as e:  # noqa: BLE001
        return {"error": "%s: %s" % (type(e).__name__, e)}


def ffprobe_view(path):
    def q(entries):
        p = subprocess.run(["ffprobe", "-v", "error", "-show_entries", entries, "-of", "default=nw=1", path], capture_output=True)
        return p.stdout.decode("utf-8", "replace").splitlines()
    tags = {}
    for line in q("format_tags"):
        k, _, val = line.partition("=")
        tags[k.replace("TAG:", "").lower()] = val
    chapters = [line.split("=", 1)[1] for line in q("chapter_tags=title")]
    return {"tags": tags, "chapters": chapters}


def pcm_md5(path):
    p = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-map", "0:a", "-f", "md5", "-"], capture_output=True)
    return p.stdout.decode().strip() if p.returncode == 0 else "decode failed: " + p.stderr.decode("utf-8", "replace")[-200:]


def check_tagged(case, orig, new, res, version, tools, views):
    """Problems of one tagged file (empty: all good)."""
    problems = []
    ob, nb = open(orig, "rb").read(), open(new, "rb").read()
    if after_tag(ob) != after_tag(nb):
        problems.append("bytes after the tag differ")
    kept = "[kept ID3v2" in res["line"]
    artist = None if res["artist"] is None or res["artist"].startswith("(none found") else res["artist"]
    title = None if res["title"] is None or res["title"].startswith("(none found") else res["title"].split("  ")[0]
    if "mutagen" in tools:
        was, now = views.setdefault(("mutagen", orig), mutagen_view(orig)), mutagen_view(new)
        if "error" in now:
            problems.append("mutagen: " + now["error"])
        else:
            if not kept and now["version"] != version:
                problems.append("mutagen reads version %s" % now["version"])
            if artist and now["TPE1"] != artist:
                problems.append("mutagen TPE1 %r, the tagger said %r" % (now["TPE1"], artist))
            if title and now["TIT2"] != title:
                problems.append("mutagen TIT2 %r, the tagger said %r" % (now["TIT2"], title))
            if now["unknown"]:
                problems.append("mutagen: %d unknown frames" % now["unknown"])
            if case.chapters is not None and now["chapter_titles"] != case.chapters:
                problems.append("chapters: %d written, mutagen reads %s in the result" % (len(case.chapters), now["chapter_titles"][:3]))
            if "mutagen-misreads" not in case.note and "error" not in was:
                if sorted(dated(was["frames"])) != sorted(dated(now["frames"])):
                    lost = sorted(set(was["frames"]) - set(now["frames"]))
                    added = sorted(set(now["frames"]) - set(was["frames"]))
                    problems.append("mutagen frames differ: lost %s, new %s" % ([x[:60] for x in lost], [x[:60] for x in added]))
                if was["chapters"] != now["chapters"]:
                    problems.append("mutagen chapters differ")
            if was.get("seconds") != now.get("seconds"):
                problems.append("mutagen audio length %s -> %s" % (was.get("seconds"), now.get("seconds")))
    if "eyed3" in tools:
        was, now = views.setdefault(("eyed3", orig), eyed3_view(orig)), eyed3_view(new)
        if "error" in now:
            problems.append("eyeD3: " + now["error"])
        else:
            if artist and now["artist"] != artist:
                problems.append("eyeD3 artist %r" % now["artist"])
            if title and now["title"] != title:
                problems.append("eyeD3 title %r" % now["title"])
    if "ffprobe" in tools:
        now = ffprobe_view(new)
        if artist and now["tags"].get("artist") != artist:
            problems.append("ffprobe artist %r" % now["tags"].get("artist"))
        if title and now["tags"].get("title") != title:
            problems.append("ffprobe title %r" % now["tags"].get("title"))
    if "ffmpeg" in tools:
        before = views.setdefault(("pcm", orig), pcm_md5(orig))
        after = pcm_md5(new)
        if before != after:
            problems.append("decoded audio differs (%s -> %s)" % (before[:40], after[:40]))
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jar", default="tagger.jar")
    ap.add_argument("--java", default=os.environ.get("JAVA", "java"))
    ap.add_argument("--work", default=None, help="folder for the copies (default: a new temporary folder)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every run")
    ap.add_argument("--only", default=None, metavar="TEXT", help="run only the files whose name contains TEXT")
    a = ap.parse_args()
    if not os.path.isfile(a.jar):
        sys.exit("tagger-probe: %s is missing; build it with: mvn -B -q package -DskipTests" % a.jar)
    tools, missing = tools_present()
    print("tagger-probe: tools: %s; missing (their files and checks skipped): %s"
          % (", ".join(sorted(tools)) or "none", ", ".join(missing) or "none"))
    started = time.time()
    corpus = tagger_probe_corpus.build(tools)
    if a.only:
        corpus.cases[:] = [c for c in corpus.cases if a.only in c.name]
    if corpus.skipped:
        print("tagger-probe: not built: " + "; ".join(corpus.skipped))
    work = a.work or tempfile.mkdtemp(prefix="tagger-probe-")
    os.makedirs(work, exist_ok=True)
    layout = []  # (case, original path, {version: copy path})
    for i, case in enumerate(corpus.cases):
        name = NAMES[i % len(NAMES)]
        orig = os.path.join(work, "original", "%03d" % i, name)
        os.makedirs(os.path.dirname(orig), exist_ok=True)
        with open(orig, "wb") as f:
            f.write(case.data)
        copies = {}
        for v in VERSIONS:
            c = os.path.join(work, "v" + v, "%03d" % i, name)
            os.makedirs(os.path.dirname(c), exist_ok=True)
            shutil.copyfile(orig, c)
            copies[v] = c
        layout.append((case, orig, copies))
    print("tagger-probe: %d files (%d valid, %d to refuse), %d runs" % (
        len(layout), sum(c.kind == "valid" for c, _, _ in layout), sum(c.kind == "refuse" for c, _, _ in layout), 2 * len(layout)))

    counts = {"ok": 0, "correctly refused": 0, "valid-refused": 0, "damaged": 0}
    findings = []
    views = {}
    for v in VERSIONS:
        folder = os.path.join(work, "v" + v)
        first, cmd = run_tagger(a.jar, v, folder, a.java)
        after_first = {c[v]: sha(c[v]) for _, _, c in layout}
        second, _ = run_tagger(a.jar, v, folder, a.java)
        for case, orig, copies in layout:
            path = os.path.normpath(copies[v])
            res = first.get(path, {"status": "MISSING", "line": "(no output line)"})
            again = second.get(path, {"status": "MISSING", "line": "(no output line)"})
            unchanged = sha(orig) == after_first[copies[v]]
            problems = []
            if res["status"] == "FAILED":
                if not unchanged:
                    problems.append("refused but changed")
                outcome = "correctly refused" if case.kind == "refuse" else "valid-refused"
            elif res["status"] in ("TAGGED", "UNCHANGED"):
                if case.kind == "refuse":
                    problems.append("should have been refused")
                else:
                    problems += check_tagged(case, orig, copies[v], res, v, tools, views)
                outcome = "ok"
            else:
                problems.append("status " + res["status"])
                outcome = "valid-refused" if unchanged else "damaged"
            if sha(copies[v]) != after_first[copies[v]]:
                problems.append("second run changed the file (%s)" % again["line"][:80])
            elif res["status"] != "FAILED" and again["status"] != "UNCHANGED":
                problems.append("second run said " + again["status"])
            if problems:
                outcome = "damaged"
            counts[outcome] += 1
            if outcome in ("damaged", "valid-refused") or a.verbose:
                findings.append("%-17s --id3 %s  %s: %s" % (outcome, v, case.name, "; ".join(problems) or res["line"][:160]))
    if findings:
        print("\n".join(findings))
    runs = sum(counts.values())
    print("tagger-probe: %d runs: %d ok, %d correctly refused, %d valid-refused, %d damaged  (%.0f s; %s)" % (
        runs, counts["ok"], counts["correctly refused"], counts["valid-refused"], counts["damaged"], time.time() - started,
        "command: java -jar %s --bundled-model --id3 2.3|2.4 DIR, twice" % a.jar))
    if not a.keep and not a.work:
        shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(corpus.tmp, ignore_errors=True)
    return 1 if counts["damaged"] or counts["valid-refused"] else 0


if __name__ == "__main__":
    sys.exit(main())
