"""The probe's files: MP3s as ffmpeg, mutagen, eyeD3 and older taggers write them, hand-made
ID3 layouts, other formats named .mp3, and damaged files.  Used by tagger_probe.py.

Each builder returns Case(name, data, kind, note): kind "valid" (the tagger must tag it and keep
everything) or "refuse" (not MP3, damaged or encrypted: it must be refused and left alone).
"mutagen-misreads" in note: mutagen 1.46 misreads the original (ffmpeg 5.1's chapters beside a
128+ byte frame), so its frames are not compared; chapters: the chapter titles, in order, as
written (compared with mutagen's reading of the result).
"""
import io
import os
import random
import struct
import subprocess
import tempfile
import zlib
from collections import namedtuple

Case = namedtuple("Case", "name data kind note chapters", defaults=("", None))


def run(cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Corpus:
    def __init__(self, tmp, tools):
        self.tmp = tmp
        self.tools = tools
        self.cases = []
        self.skipped = []

    def add(self, name, data, kind="valid", note="", chapters=None):
        self.cases.append(Case(name, data, kind, note, chapters))

    # ---------------------------------------------------------------- helpers
    def path(self, name):
        return os.path.join(self.tmp, name)

    def ffmpeg(self, out, *args):
        run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y"] + list(args) + [self.path(out)])
        with open(self.path(out), "rb") as f:
            return f.read()

    def ffmeta(self, name, tags, chapters):
        lines = [";FFMETADATA1"] + ["%s=%s" % kv for kv in tags]
        for i, title in enumerate(chapters):
            lines += ["[CHAPTER]", "TIMEBASE=1/1000", "START=%d" % (i * 100), "END=%d" % (i * 100 + 100), "title=" + title]
        with open(self.path(name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        return self.path(name)

    # ---------------------------------------------------------------- ffmpeg
    def build_ffmpeg(self):
        if "ffmpeg" not in self.tools:
            self.skipped.append("ffmpeg-made files")
            return
        sine = ["-f", "lavfi", "-i", "sine=f=440:d=3"]
        self.ffmpeg("cover.png", "-f", "lavfi", "-i", "testsrc=s=320x180:d=1", "-frames:v", "1")
        self.ffmpeg("thumb.png", "-f", "lavfi", "-i", "testsrc=s=1280x720:d=1", "-frames:v", "1")
        self.ffmpeg("cover.jpg", "-f", "lavfi", "-i", "testsrc=s=300x300:d=1", "-frames:v", "1")
        meta = ["-metadata", "title=浮誇 (Official MV)", "-metadata", "artist=陳奕迅 Eason Chan", "-metadata", "album=U-87",
                "-metadata", "date=2005", "-metadata", "comment=https://www.youtube.com/watch?v=Ab3dE_gh1jk",
                "-metadata", "genre=Cantopop"]
        enc = ["-c:a", "libmp3lame", "-b:a", "128k"]
        for v in ("3", "4"):
            self.add("ffmpeg v2.%s plain" % v, self.ffmpeg("a.mp3", *sine, *meta, *enc, "-id3v2_version", v))
            self.add("ffmpeg v2.%s + ID3v1" % v, self.ffmpeg("a.mp3", *sine, *meta, *enc, "-id3v2_version", v, "-write_id3v1", "1"))
            self.add("ffmpeg v2.%s no metadata" % v, self.ffmpeg("a.mp3", *sine, "-map_metadata", "-1", *enc, "-id3v2_version", v))
            for pic in ("cover.png", "cover.jpg", "thumb.png"):
                self.add("ffmpeg v2.%s cover %s" % (v, pic), self.ffmpeg(
                    "a.mp3", *sine, "-i", self.path(pic), "-map", "0:a", "-map", "1:v", "-c:v", "copy",
                    "-disposition:v", "attached_pic", *meta, *enc, "-id3v2_version", v))
            small = self.ffmeta("small.ffmeta", [("title", "Podcast"), ("artist", "Host")], ["Intro", "Part 2 第二部分", "End"])
            self.add("ffmpeg v2.%s chapters" % v, self.ffmpeg("a.mp3", *sine, "-i", small, "-map_metadata", "1", *enc, "-id3v2_version", v))
            long_titles = ["Chapter one: a title long enough for a CHAP frame of 128 bytes or more, " + str(i) for i in range(3)]
            big = self.ffmeta("big.ffmeta", [("title", "A long main title " * 8), ("artist", "Host")], long_titles + ["第%d章" % i for i in range(30)])
            note = "mutagen-misreads" if v == "4" else ""
            titles = long_titles + ["第%d章" % i for i in range(30)]
            self.add("ffmpeg v2.%s long + many chapters" % v, self.ffmpeg(
                "a.mp3", *sine, "-i", big, "-map_metadata", "1", *enc, "-id3v2_version", v), note=note, chapters=titles)
            self.add("ffmpeg v2.%s chapters + cover" % v, self.ffmpeg(
                "a.mp3", *sine, "-i", big, "-i", self.path("cover.png"), "-map", "0:a", "-map", "2:v", "-c:v", "copy",
                "-disposition:v", "attached_pic", "-map_metadata", "1", *enc, "-id3v2_version", v), note=note, chapters=titles)
        # yt-dlp: --embed-metadata --embed-thumbnail through ffmpeg (v2.4, purl / description TXXX, 1280x720 PNG)
        yt = ["-metadata", "title=AGA 江海迦 - 《小問題》MV", "-metadata", "artist=AGA Official", "-metadata",
              "purl=https://www.youtube.com/watch?v=w1TMv7jx8ew", "-metadata", "description=" + "官方MV 歌詞 lyrics\n" * 20,
              "-metadata", "synopsis=" + "長描述 " * 40, "-metadata", "date=20190503"]
        self.add("yt-dlp style (ffmpeg)", self.ffmpeg("a.mp3", *sine, "-i", self.path("thumb.png"), "-map", "0:a", "-map", "1:v",
                                                      "-c:v", "copy", "-disposition:v", "attached_pic", *yt, *enc, "-write_id3v1", "1"))
        self.add("ffmpeg VBR 22 kHz mono", self.ffmpeg("a.mp3", *sine, *meta, "-c:a", "libmp3lame", "-q:a", "6", "-ar", "22050", "-ac", "1"))
        self.add("ffmpeg MPEG-2 16 kHz", self.ffmpeg("a.mp3", *sine, *meta, "-c:a", "libmp3lame", "-b:a", "32k", "-ar", "16000"))
        self.add("ffmpeg MPEG-2.5 8 kHz", self.ffmpeg("a.mp3", *sine, *meta, "-c:a", "libmp3lame", "-b:a", "16k", "-ar", "8000"))
        self.add("ffmpeg no ID3v2 (bare)", self.ffmpeg("a.mp3", *sine, "-map_metadata", "-1", *enc, "-id3v2_version", "0"))
        self.add("ffmpeg bare + ID3v1", self.ffmpeg("a.mp3", *sine, *meta, *enc, "-id3v2_version", "0", "-write_id3v1", "1"))
        self.bare = self.ffmpeg("bare.mp3", *sine, "-map_metadata", "-1", *enc, "-id3v2_version", "0", "-write_xing", "0")
        # other formats named .mp3
        for name, args in [("M4A (AAC)", ["-c:a", "aac", "-f", "mp4"]), ("WebM (Opus)", ["-c:a", "libopus", "-f", "webm"]),
                           ("Ogg Vorbis", ["-c:a", "libvorbis", "-f", "ogg"]), ("Ogg Opus", ["-c:a", "libopus", "-f", "ogg"]),
                           ("FLAC", ["-c:a", "flac", "-f", "flac"]), ("WAV", ["-f", "wav"]), ("AIFF", ["-f", "aiff"]),
                           ("AAC ADTS", ["-c:a", "aac", "-f", "adts"]), ("WMA", ["-c:a", "wmav2", "-f", "asf"]),
                           ("Matroska", ["-c:a", "aac", "-f", "matroska"])]:
            try:
                data = self.ffmpeg("other.bin", *sine, *meta, *args)
            except subprocess.CalledProcessError:
                self.skipped.append(name + " (no encoder)")
                continue
            self.add("not MP3: " + name, data, "refuse")
        # MPEG-1 Layer II is MPEG audio too, tagged with ID3v2 like MP3 (mutagen and ffmpeg read it so)
        self.add("MPEG-1 Layer II named .mp3", self.ffmpeg("other.bin", *sine, *meta, "-c:a", "mp2", "-f", "mp2"))
        self.add("not MP3: ID3v2 + M4A", id3(4, frames(4, [text_frame("TIT2", 3, "x")])) +
                 self.ffmpeg("other.bin", *sine, "-c:a", "aac", "-f", "mp4"), "refuse")
        self.add("not MP3: PNG", open(self.path("cover.png"), "rb").read(), "refuse")
        self.add("not MP3: JPEG", open(self.path("cover.jpg"), "rb").read(), "refuse")

    # ---------------------------------------------------------------- mutagen
    def build_mutagen(self):
        if "mutagen" not in self.tools or not hasattr(self, "bare"):
            self.skipped.append("mutagen-made files")
            return
        from mutagen import id3 as m
        jpeg = open(self.path("cover.jpg"), "rb").read()

        def make(name, v, frames_, v1=0, padding=None, note=""):
            p = self.path("m.mp3")
            with open(p, "wb") as f:
                f.write(self.bare)
            t = m.ID3()
            for fr in frames_:
                t.add(fr)
            kw = {"v2_version": v, "v1": v1}
            if padding is not None:
                kw["padding"] = lambda info: padding
            t.save(p, **kw)
            self.add("mutagen v2.%d %s" % (v, name), open(p, "rb").read(), note=note)

        zh = [m.TIT2(encoding=3, text="舊標題 old title"), m.TPE1(encoding=3, text="舊歌手"), m.TALB(encoding=3, text="專輯 😀")]
        for v in (3, 4):
            make("text", v, zh)
            make("latin-1", v, [m.TIT2(encoding=0, text="Beyoncé"), m.TPE1(encoding=0, text="Halo")])
            make("cover + comments", v, zh + [m.APIC(encoding=3, mime="image/jpeg", type=3, desc="封面", data=jpeg),
                                              m.COMM(encoding=3, lang="eng", desc="", text="留言"),
                                              m.COMM(encoding=3, lang="chi", desc="desc", text="第二個"),
                                              m.USLT(encoding=3, lang="chi", desc="", text="歌詞\n第二行" * 30)])
            make("TXXX WXXX POPM PRIV GEOB", v, zh + [m.TXXX(encoding=3, desc="purl", text="https://y.tu/x"),
                                                      m.WXXX(encoding=3, desc="", url="https://example.com/"),
                                                      m.POPM(email="a@b.c", rating=200, count=3),
                                                      m.PRIV(owner="WM/MediaClassPrimaryID", data=b"\x01\x02" * 20),
                                                      m.GEOB(encoding=3, mime="application/octet-stream", filename="a.bin", desc="d", data=b"\0" * 300)])
            make("dates", v, zh + [m.TDRC(encoding=3, text="2019-05-03T21:30"), m.TDOR(encoding=3, text="1999"),
                                   m.TCON(encoding=3, text="(13)"), m.TRCK(encoding=3, text="3/12"), m.TPOS(encoding=3, text="1/2")])
            make("ID3v1 too", v, zh, v1=2)
            make("no padding", v, zh, padding=0)
            make("64 kB padding", v, zh, padding=65536)
            sub = [m.TIT2(encoding=3, text="Chapter title long enough for a sub-frame of 128 bytes or more 章節 " * 2)]
            make("chapters", v, zh + [m.CTOC(element_id="toc", flags=3, child_element_ids=["c0", "c1"], sub_frames=[m.TIT2(encoding=3, text="目錄")]),
                                      m.CHAP(element_id="c0", start_time=0, end_time=1500, sub_frames=sub),
                                      m.CHAP(element_id="c1", start_time=1500, end_time=3000,
                                             sub_frames=[m.TIT2(encoding=3, text="第二章"), m.APIC(encoding=3, mime="image/jpeg", type=0, desc="", data=jpeg)])])
        make("two-valued TPE1", 4, [m.TPE1(encoding=3, text=["陳奕迅", "王菀之"]), m.TIT2(encoding=3, text="x")])
        make("two-valued TCON", 4, zh + [m.TCON(encoding=3, text=["Pop", "Cantopop"])])
        make("TIPL", 4, zh + [m.TIPL(encoding=3, people=[["producer", "A"]])])

    # ---------------------------------------------------------------- eyeD3
    def build_eyed3(self):
        if "eyed3" not in self.tools or not hasattr(self, "bare"):
            self.skipped.append("eyeD3-made files")
            return
        import eyed3
        import eyed3.id3
        jpeg = open(self.path("cover.jpg"), "rb").read()
        for v, label in ((eyed3.id3.ID3_V2_3, "2.3"), (eyed3.id3.ID3_V2_4, "2.4"), (eyed3.id3.ID3_V1_1, "v1.1 only")):
            for extra in ("text", "images + lyrics") if label != "v1.1 only" else ("text",):
                p = self.path("e.mp3")
                with open(p, "wb") as f:
                    f.write(self.bare)
                a = eyed3.load(p)
                a.initTag(version=v)
                t = a.tag
                t.artist = "Old Artist" if label == "v1.1 only" else "舊歌手 old"
                t.title = "Old Title" if label == "v1.1 only" else "舊標題"
                t.album = "Album"
                t.track_num = (3, 12)
                if extra != "text":
                    t.images.set(3, jpeg, "image/jpeg", "封面")
                    t.lyrics.set("歌詞 " * 50)
                    t.comments.set("留言 comment")
                    t.user_text_frames.set("value", "desc")
                t.save(version=v)
                self.add("eyeD3 %s %s" % (label, extra), open(p, "rb").read())

    # ---------------------------------------------------------------- by hand
    def build_hand(self):
        audio = self.bare if hasattr(self, "bare") else silent_frames(40)
        o3 = [text_frame("TPE1", 0, "Old Artist"), text_frame("TALB", 1, "專輯 album"), text_frame("TSSE", 0, "Lavf58.76.100"),
              (b"APIC", b"\x00image/jpeg\x00\x03\x00" + bytes(range(256)) * 2)]
        v1 = b"TAG" + b"Old Title".ljust(30, b"\0") + b"Old Artist".ljust(30, b"\0") + b"\0" * 30 + b"1999" + b"\0" * 30 + b"\xff"
        self.add("hand v2.4 footer", id3(4, frames(4, o3), flags=0x10, footer=True) + audio)
        self.add("hand v2.4 iTunes plain sizes", id3(4, frames(4, o3, plain=True) + b"\0" * 100) + audio)
        self.add("hand v2.2", id3_22() + audio)
        self.add("hand v2.3 unsynchronised", id3(3, unsync(frames(3, o3) + b"\0" * 10), flags=0x80) + audio)
        self.add("hand v2.4 frames unsynchronised", id3(4, frames(4, [(i, unsync(d), 0x0002) for i, d in o3]) + b"\0" * 10) + audio)
        self.add("hand v2.3 extended header", id3(3, b"\0\0\0\x06\0\0\0\0\0\x0a" + frames(3, o3) + b"\0" * 10, flags=0x40) + audio)
        self.add("hand v2.4 extended header", id3(4, b"\0\0\0\x06\x01\0" + frames(4, o3) + b"\0" * 10, flags=0x40) + audio)
        self.add("hand v2.4 data-length indicators", id3(4, frames(4, [(i, synchsafe(len(d)) + d, 0x0001) for i, d in o3]) + b"\0" * 10) + audio)
        self.add("hand v2.3 compressed", id3(3, frames(3, [(i, struct.pack(">I", len(d)) + zlib.compress(d), 0x0080) for i, d in o3]) + b"\0" * 10) + audio)
        self.add("hand v2.4 compressed", id3(4, frames(4, [(i, synchsafe(len(d)) + zlib.compress(d), 0x0009) for i, d in o3]) + b"\0" * 10) + audio)
        self.add("hand v2.3 zero-size frame", id3(3, frames(3, o3[:1] + [(b"TCOP", b"")] + o3[1:]) + b"\0" * 10) + audio)
        self.add("hand v2.3 grouped frame", id3(3, frames(3, o3[:1] + [(b"TALB", b"\x07" + o3[1][1], 0x0020)]) + b"\0" * 10) + audio)
        self.add("hand v2.3 + ID3v1 + APE tag", id3(3, frames(3, o3)) + audio + ape_tag() + v1)
        self.add("hand v2.3 + Lyrics3v2", id3(3, frames(3, o3)) + audio + lyrics3() + v1)
        self.add("hand zeros between tag and audio", id3(3, frames(3, o3)) + b"\0" * 700 + audio)
        self.add("hand junk before audio (RIFF-less)", id3(3, frames(3, o3)) + b"\x12\x34" * 50 + audio)
        self.add("hand v2.4 ffmpeg 5.1 mixed sizes", id3(4, frames(4, [o3[3]]) + frames(4, [
            (b"CHAP", b"ch0\0" + b"\0" * 16 + frames(4, [text_frame("TIT2", 3, "章節 chapter title " * 8)]))], plain=True) + b"\0" * 10) + audio,
            note="mutagen-misreads", chapters=["章節 chapter title " * 8])
        # damaged / refused
        good = id3(3, frames(3, o3) + b"\0" * 10) + audio
        self.add("damaged: cut inside the tag", good[:300], "refuse")
        self.add("damaged: tag size beyond the file", id3(3, frames(3, o3))[:6] + synchsafe(10 ** 6) + frames(3, o3) + audio[:2000], "refuse")
        self.add("damaged: frame claims 16 MB", id3(3, frames(3, [(b"TPE1", b"\0x")])).replace(b"TPE1\0\0\0\x02", b"TPE1\x01\0\0\x02") + audio, "refuse")
        self.add("damaged: junk after the frames", id3(3, frames(3, o3) + b"\x01junk junk junk") + audio, "refuse")
        self.add("damaged: compressed frame that does not inflate", id3(3, frames(3, [(b"TALB", b"\0\0\0\x28\1\2\3\4\5", 0x0080)])) + audio, "refuse")
        self.add("refused: encrypted frame", id3(3, frames(3, [(b"TALB", b"\x01\0x", 0x0040)])) + audio, "refuse")
        self.add("damaged: tag, then nothing", id3(3, frames(3, o3)), "refuse")
        self.add("damaged: unknown ID3 version 2.5", b"ID3\x05\0\0" + synchsafe(len(frames(3, o3))) + frames(3, o3) + audio, "refuse")
        self.add("empty file", b"", "refuse")
        self.add("text file", b"just text, no audio\n" * 40, "refuse")
        self.add("HTML page", b"<!DOCTYPE html><html><body>" + b"x" * 2000 + b"</body></html>", "refuse")
        rnd = random.Random(9)
        self.add("random bytes", bytes(rnd.getrandbits(8) for _ in range(20000)), "refuse")
        self.add("ZIP", zip_bytes(), "refuse")
        self.add("one MPEG header then text", id3(3, frames(3, o3)) + b"\xff\xfb\x90\x64" + b"not audio " * 200, "refuse")
        # valid although cut: the tag is whole and audio frames follow (the audio just ends early)
        self.add("audio cut mid-frame (tag whole)", good[:len(good) - len(audio) + 5000])


def synchsafe(n):
    return bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])


def text_frame(fid, enc, s):
    body = s.encode("latin-1") if enc == 0 else b"\xff\xfe" + s.encode("utf-16-le") if enc == 1 else s.encode("utf-8")
    return (fid.encode("ascii"), bytes([enc]) + body)


def frames(major, fs, plain=False):
    out = io.BytesIO()
    for f in fs:
        fid, data = f[0], f[1]
        flags = f[2] if len(f) > 2 else 0
        out.write(fid)
        out.write(synchsafe(len(data)) if major == 4 and not plain else struct.pack(">I", len(data)))
        out.write(struct.pack(">H", flags))
        out.write(data)
    return out.getvalue()


def id3(major, body, flags=0, footer=False):
    head = b"ID3" + bytes([major, 0, flags]) + synchsafe(len(body))
    return head + body + (b"3DI" + head[3:] if footer else b"")


def unsync(b):
    out = bytearray()
    for i, c in enumerate(b):
        out.append(c)
        if c == 0xFF and (i + 1 == len(b) or b[i + 1] >= 0xE0 or b[i + 1] == 0):
            out.append(0)
    return bytes(out)


def id3_22():
    def f22(fid, data):
        return fid + struct.pack(">I", len(data))[1:] + data
    body = (f22(b"TP1", b"\0Old Artist") + f22(b"TT2", b"\x01\xff\xfe" + "舊歌".encode("utf-16-le")) +
            f22(b"TAL", b"\0Album") + f22(b"TYE", b"\x001999") + f22(b"COM", b"\0eng\0a comment") +
            f22(b"PIC", b"\0JPG\x03\0" + bytes(range(256))) + b"\0" * 50)
    return b"ID3\x02\0\0" + synchsafe(len(body)) + body


def ape_tag():
    item = struct.pack("<II", 5, 0) + b"Title\0" + b"Hello"
    footer = b"APETAGEX" + struct.pack("<IIII", 2000, len(item) + 32, 1, 0) + b"\0" * 8
    return item + footer


def lyrics3():
    content = b"IND0000210EAL00005AlbumETT00005Title"
    return b"LYRICSBEGIN" + content + str(len(content) + 11).zfill(6).encode() + b"LYRICS200"


def silent_frames(n):
    frame = b"\xff\xfb\x90\x64" + b"\0" * 413
    return frame * n


def zip_bytes():
    import zipfile
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr("a.txt", "hello " * 100)
    return b.getvalue()


def build(tools):
    tmp = tempfile.mkdtemp(prefix="tagger-probe-build-")
    c = Corpus(tmp, tools)
    c.build_ffmpeg()
    c.build_mutagen()
    c.build_eyed3()
    c.build_hand()
    import tagger_probe_hostile  # imports this module's helpers
    tagger_probe_hostile.build(c)
    return c
