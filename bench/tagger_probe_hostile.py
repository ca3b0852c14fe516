"""The probe's second set of files: what a hostile tester brings from outside the project (files
nobody here wrote the writer of).  Used by tagger_probe_corpus.build.

- mutagen: several TXXX / COMM / USLT / APIC in all four encodings (saved as v2.4 and as v2.3,
  which mutagen re-encodes), a 17 MB picture (frame sizes past 2^21 and 2^24 in both versions),
  padding before an ffmpeg file's Xing / LAME header;
- eyeD3 2.4 / 2.3 with its own frames (UFID, PCNT, POPM, WXXX, GEOB, PRIV, TBPM, TPUB, TDTG,
  TDEN, chapters and a table of contents);
- ffmpeg: the lowest rates of MPEG-2 and MPEG-2.5 Layer III (8 kbit/s), VBR at the lowest quality;
- by hand: ID3v2.3 UTF-16 text with big-endian byte-order marks (and one per string), UTF-8 in
  a 2.3 tag (not allowed there, written by some taggers), UTF-16BE in 2.4 with two values,
  CRC-protected MPEG frames, two ID3v2 tags in a row, APEv2 with header and footer and no ID3v1,
  Lyrics3 v1, an ID3v1-only file with a v1.1 track;
- to refuse: free-format MPEG audio (no bitrate in the headers: mutagen and ffmpeg cannot read it).
"""
import struct

from tagger_probe_corpus import frames, id3, silent_frames, text_frame


def u16(s, big=False):
    """UTF-16 with a byte-order mark (ID3 encoding 1), little-endian as Windows writes it, or big-endian."""
    return b"\xfe\xff" + s.encode("utf-16-be") if big else b"\xff\xfe" + s.encode("utf-16-le")


def crc16(data):
    """The CRC of MPEG audio frames: polynomial 0x8005, initial 0xFFFF, over header bytes 2-3 and the side info."""
    crc = 0xFFFF
    for b in data:
        for i in range(8):
            bit = ((b >> (7 - i)) & 1) ^ ((crc >> 15) & 1)
            crc = (crc << 1) & 0xFFFF
            if bit:
                crc ^= 0x8005
    return crc


def crc_frames(n):
    """MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, joint stereo, protected (a CRC after the header), silent."""
    head = b"\xff\xfa\x90\x64"
    side = b"\0" * 32
    return (head + struct.pack(">H", crc16(head[2:] + side)) + side + b"\0" * (417 - 6 - 32)) * n


def free_format_frames(n, length=1200):
    """Frame headers with bitrate index 0 ("free format"), every frame the same length, silent."""
    return (b"\xff\xfb\x00\x64" + b"\0" * (length - 4)) * n


def ape_v2_full():
    """APEv2 with a header and a footer, a text item and a binary item."""
    items = (struct.pack("<II", 5, 0) + b"Title\0" + b"Hello" +
             struct.pack("<II", 300, 2) + b"Cover Art (Front)\0" + b"front.jpg\0" + b"\x01" * 290)
    size = len(items) + 32
    head = b"APETAGEX" + struct.pack("<IIII", 2000, size, 2, 0xA0000000) + b"\0" * 8
    foot = b"APETAGEX" + struct.pack("<IIII", 2000, size, 2, 0x80000000) + b"\0" * 8
    return head + items + foot


def build(c):
    audio = c.bare if hasattr(c, "bare") else silent_frames(40)
    try:
        jpeg = open(c.path("cover.jpg"), "rb").read()
    except OSError:
        jpeg = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4
    pad = b"\0" * 64

    # ---------------------------------------------------------------- by hand: text encodings
    be = [(b"TPE1", b"\x01" + u16("舊歌手", True)), (b"TIT2", b"\x01" + u16("舊標題", True)),
          (b"TALB", b"\x01" + u16("專輯 album", True) + b"\0\0"),
          (b"TXXX", b"\x01" + u16("描述", True) + b"\0\0" + u16("值 value")),
          (b"COMM", b"\x01chi" + u16("", True) + b"\0\0" + u16("留言 comment", True)),
          (b"USLT", b"\x01chi" + u16("desc") + b"\0\0" + u16("歌詞\n第二行", True)),
          (b"APIC", b"\x01image/jpeg\0\x03" + u16("封面", True) + b"\0\0" + jpeg)]
    c.add("hostile v2.3 UTF-16 big-endian BOMs", id3(3, frames(3, be) + pad) + audio)
    utf8_in_23 = [text_frame("TPE1", 3, "舊歌手"), text_frame("TIT2", 3, "舊標題"), text_frame("TALB", 3, "專輯 😀"),
                  (b"COMM", b"\x03eng\0" + "留言".encode("utf-8"))]
    c.add("hostile v2.3 with UTF-8 text (not allowed in 2.3)", id3(3, frames(3, utf8_in_23) + pad) + audio)
    two_be = [(b"TPE1", b"\x02" + "陳奕迅".encode("utf-16-be") + b"\0\0" + "王菀之".encode("utf-16-be")),
              (b"TCON", b"\x02" + "Cantopop".encode("utf-16-be")), (b"TIT2", b"\x02" + "舊".encode("utf-16-be"))]
    c.add("hostile v2.4 UTF-16BE two values", id3(4, frames(4, two_be) + pad) + audio)

    # ---------------------------------------------------------------- by hand: audio and tags around it
    o3 = [text_frame("TPE1", 0, "Old Artist"), text_frame("TIT2", 0, "Old Title"), text_frame("TALB", 1, "專輯")]
    c.add("hostile CRC-protected MPEG frames", id3(3, frames(3, o3) + pad) + crc_frames(120))
    c.add("hostile CRC-protected, no ID3v2", crc_frames(120))
    second = id3(4, frames(4, [text_frame("TPE1", 3, "Second Tag Artist"), text_frame("TIT2", 3, "Second Tag Title"),
                               text_frame("TCOM", 3, "作曲 composer")]) + pad)
    c.add("hostile two ID3v2 tags in a row", id3(3, frames(3, o3) + pad) + second + audio)
    c.add("hostile APEv2 header+footer, no ID3v1", id3(3, frames(3, o3) + pad) + audio + ape_v2_full())
    lyrics3v1 = b"LYRICSBEGIN" + b"[00:01]la la\r\n[00:02]na na" + b"LYRICSEND"
    v11 = b"TAG" + b"Old Title".ljust(30, b"\0") + b"Old Artist".ljust(30, b"\0") + b"Album".ljust(30, b"\0") + b"1999" + \
        b"comment".ljust(28, b"\0") + b"\0\x07" + b"\x0d"
    c.add("hostile Lyrics3 v1 + ID3v1.1", id3(3, frames(3, o3) + pad) + audio + lyrics3v1 + v11)
    c.add("hostile ID3v1.1 only", audio + v11)
    c.add("hostile refused: free-format MPEG audio", id3(3, frames(3, o3) + pad) + free_format_frames(100), "refuse")
    c.add("hostile refused: free-format MPEG audio, no ID3v2", free_format_frames(100), "refuse")

    # ---------------------------------------------------------------- ffmpeg: low rates, VBR
    if "ffmpeg" in c.tools:
        sine = ["-f", "lavfi", "-i", "sine=f=440:d=3"]
        meta = ["-metadata", "title=浮誇", "-metadata", "artist=陳奕迅", "-c:a", "libmp3lame"]
        for label, args in [("MPEG-2 24 kHz 8 kbit/s", ["-ar", "24000", "-b:a", "8k"]),
                            ("MPEG-2.5 11 kHz 8 kbit/s", ["-ar", "11025", "-b:a", "8k"]),
                            ("MPEG-2.5 8 kHz 8 kbit/s mono", ["-ar", "8000", "-ac", "1", "-b:a", "8k"]),
                            ("VBR -q:a 9 44.1 kHz", ["-q:a", "9"])]:
            c.add("hostile ffmpeg " + label, c.ffmpeg("a.mp3", *sine, *meta, *args))
        with_xing = c.ffmpeg("x.mp3", *sine, "-map_metadata", "-1", "-c:a", "libmp3lame", "-b:a", "128k", "-id3v2_version", "0")
    else:
        c.skipped.append("hostile ffmpeg-made files")
        with_xing = None

    # ---------------------------------------------------------------- mutagen: many frames, all encodings, huge picture
    if "mutagen" in c.tools and hasattr(c, "bare"):
        from mutagen import id3 as m

        def make(name, v, fs, base=None, padding=None):
            p = c.path("h.mp3")
            with open(p, "wb") as f:
                f.write(base if base is not None else c.bare)
            t = m.ID3()
            for fr in fs:
                t.add(fr)
            kw = {"v2_version": v}
            if padding is not None:
                kw["padding"] = lambda info: padding
            t.save(p, **kw)
            c.add("hostile mutagen v2.%d %s" % (v, name), open(p, "rb").read())

        many = [m.TIT2(encoding=1, text="舊標題"), m.TPE1(encoding=2, text="舊歌手"), m.TALB(encoding=0, text="Album"),
                m.TXXX(encoding=0, desc="latin", text="value é"), m.TXXX(encoding=1, desc="utf16 描述", text="值"),
                m.TXXX(encoding=2, desc="utf16be", text="值二"), m.TXXX(encoding=3, desc="utf8", text="值三 😀"),
                m.COMM(encoding=0, lang="eng", desc="", text="plain"), m.COMM(encoding=1, lang="chi", desc="a", text="一"),
                m.COMM(encoding=2, lang="chi", desc="b", text="二"), m.COMM(encoding=3, lang="jpn", desc="c", text="三"),
                m.USLT(encoding=1, lang="chi", desc="", text="歌詞\n" * 20), m.USLT(encoding=3, lang="eng", desc="en", text="lyrics\n" * 20),
                m.APIC(encoding=3, mime="image/jpeg", type=3, desc="封面 front", data=jpeg),
                m.APIC(encoding=0, mime="image/jpeg", type=4, desc="back", data=jpeg[::-1]),
                m.APIC(encoding=2, mime="image/png", type=0, desc="其他", data=b"\x89PNG\r\n\x1a\n" + bytes(300))]
        for v in (3, 4):
            make("four encodings, many TXXX COMM USLT APIC", v, many)
            make("17 MB picture", v, [m.TIT2(encoding=3, text="x"), m.TPE1(encoding=3, text="y"),
                                      m.APIC(encoding=3, mime="image/jpeg", type=3, desc="big", data=jpeg + bytes(17 << 20))])
            if with_xing is not None:
                make("4 kB padding before a Xing/LAME header", v, [m.TIT2(encoding=3, text="x")], base=with_xing, padding=4096)
    else:
        c.skipped.append("hostile mutagen-made files")

    # ---------------------------------------------------------------- eyeD3: its own frames, chapters
    if "eyed3" in c.tools and hasattr(c, "bare"):
        import eyed3
        import eyed3.id3
        for v, label in ((eyed3.id3.ID3_V2_4, "2.4"), (eyed3.id3.ID3_V2_3, "2.3")):
            p = c.path("he.mp3")
            with open(p, "wb") as f:
                f.write(c.bare)
            a = eyed3.load(p)
            a.initTag(version=v)
            t = a.tag
            t.artist, t.title, t.album, t.album_artist = "舊歌手", "舊標題", "專輯", "群星"
            t.bpm, t.publisher, t.play_count = 120, "環球", 7
            t.genre = "Cantopop"
            t.recording_date = "2005-06-07"
            t.encoding_date = "2005-06-08"
            t.tagging_date = "2020-01-02"
            t.unique_file_ids.set(b"\x01\x02id", b"http://owner.example/")
            t.user_url_frames.set("https://example.com/u", "site")
            t.objects.set(b"\0" * 64, "application/octet-stream", "物件", "o.bin")
            t.privates.set(b"\x05" * 20, b"owner.example")
            t.popularities.set(b"a@b.c", 128, 3)
            t.comments.set("留言", "", b"chi")
            t.lyrics.set("歌詞 " * 40, "", b"chi")
            t.images.set(3, jpeg, "image/jpeg", "封面")
            ch = t.chapters.set(b"ch0", (0, 1500))
            ch.title = "第一章 " * 20
            ch2 = t.chapters.set(b"ch1", (1500, 3000))
            ch2.title = "第二章"
            toc = t.table_of_contents.set(b"toc", toplevel=True, child_ids=[b"ch0", b"ch1"])
            toc.description = "目錄"
            t.save(version=v)
            c.add("hostile eyeD3 %s own frames + chapters" % label, open(p, "rb").read())
    else:
        c.skipped.append("hostile eyeD3-made files")
