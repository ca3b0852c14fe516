package canto.tagger.id3;

import static canto.tagger.id3.Mp3Fixtures.audio;
import static canto.tagger.id3.Mp3Fixtures.comment;
import static canto.tagger.id3.Mp3Fixtures.concat;
import static canto.tagger.id3.Mp3Fixtures.image;
import static canto.tagger.id3.Mp3Fixtures.picture;
import static canto.tagger.id3.Mp3Fixtures.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * ID3v2 layouts as real writers make them, built byte by byte: the valid ones the tagger must
 * read (footer, iTunes' plain sizes in 2.4, plain chapter sub-frame sizes, ID3v2.2,
 * unsynchronisation, extended headers, data-length indicators, compressed, grouped and empty
 * frames, chapters) and the damaged ones it must refuse.
 */
final class Layouts {
    private Layouts() {}

    /** How a frame is written. */
    record Frame(String id, byte[] data, int flags, byte[] extra, boolean plainSize) {
        static Frame of(RawFrame f) {
            return new Frame(f.id(), f.data(), 0, new byte[0], false);
        }
    }

    static byte[] frame(int major, Frame f) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(f.id().getBytes(StandardCharsets.ISO_8859_1));
        int n = f.extra().length + f.data().length;
        b.writeBytes(major == 4 && !f.plainSize() ? Mp3Fixtures.synchsafe(n) : int32(n));
        b.write(f.flags() >>> 8);
        b.write(f.flags());
        b.writeBytes(f.extra());
        b.writeBytes(f.data());
        return b.toByteArray();
    }

    static byte[] frames(int major, Frame... fs) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Frame f : fs) b.writeBytes(frame(major, f));
        return b.toByteArray();
    }

    /** Header + body (+ footer); the body is used as given (extended header, frames, padding). */
    static byte[] tag(int major, int flags, byte[] body) {
        byte[] head = concat(new byte[] {'I', 'D', '3', (byte) major, 0, (byte) flags}, Mp3Fixtures.synchsafe(body.length));
        if ((flags & 0x10) != 0) {
            byte[] foot = head.clone();
            foot[0] = '3'; foot[1] = 'D'; foot[2] = 'I';
            return concat(head, body, foot);
        }
        return concat(head, body);
    }

    static byte[] int32(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    static byte[] unsynchronise(byte[] in) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < in.length; i++) {
            b.write(in[i]);
            if (in[i] == (byte) 0xFF && (i + 1 == in.length || (in[i + 1] & 0xE0) == 0xE0 || in[i + 1] == 0)) b.write(0);
        }
        return b.toByteArray();
    }

    static byte[] deflate(byte[] in) {
        Deflater d = new Deflater();
        d.setInput(in);
        d.finish();
        byte[] buf = new byte[in.length + 64];
        int n = d.deflate(buf);
        d.end();
        return java.util.Arrays.copyOf(buf, n);
    }

    /** The ordinary frames of our layouts: old TPE1, Chinese album (UTF-16), TSSE, a comment, a 300-byte picture. */
    static RawFrame[] ordinary() {
        return new RawFrame[] {text("TPE1", 0, "Old Artist"), text("TALB", 1, "專輯 album"), text("TSSE", 0, "Lavf58.76.100"),
            comment(1, "", "留言 comment"), picture(0, "", image(300, 9))};
    }

    static Frame[] plainFrames() {
        RawFrame[] o = ordinary();
        Frame[] f = new Frame[o.length];
        for (int i = 0; i < o.length; i++) f[i] = Frame.of(o[i]);
        return f;
    }

    static byte[] mp3(byte[] tag) {
        return concat(tag, audio(20, 3), Mp3Fixtures.id3v1("Old Title", "Old Artist"));
    }

    /** CHAP with an element id, times, and the given embedded frames (already packed). */
    static byte[] chap(String element, int startMs, int endMs, byte[] subFrames) {
        return concat((element + "\0").getBytes(StandardCharsets.ISO_8859_1), int32(startMs), int32(endMs),
                int32(-1), int32(-1), subFrames);
    }

    /** CTOC: top-level, ordered, with these children, and the given embedded frames. */
    static byte[] ctoc(String element, List<String> children, byte[] subFrames) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((element + "\0").getBytes(StandardCharsets.ISO_8859_1));
        b.write(0x03);
        b.write(children.size());
        for (String c : children) b.writeBytes((c + "\0").getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes(subFrames);
        return b.toByteArray();
    }

    /** A chapter title of 150+ bytes, so a wrong size field shows (sizes of 128+ differ between plain and synchsafe). */
    static final String LONG_CHAPTER = "第一章 Chapter one — ".repeat(6);

    /** Every valid layout by name: each is a whole MP3 file. */
    static Map<String, byte[]> valid() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        RawFrame[] o = ordinary();
        m.put("plain 2.3", mp3(tag(3, 0, concat(frames(3, plainFrames()), new byte[64]))));
        m.put("plain 2.4 (ffmpeg: UTF-8)", mp3(tag(4, 0, concat(frames(4, Frame.of(text("TSSE", 3, "Lavf60.16.100")),
                Frame.of(text("TALB", 3, "專輯 album")), Frame.of(text("TDRC", 3, "2019-05-03")),
                Frame.of(comment(3, "", "留言")), Frame.of(picture(3, "封面", image(400, 2)))), new byte[32]))));
        m.put("2.4 with footer", mp3(tag(4, 0x10, frames(4, plainFrames()))));
        m.put("2.4 with iTunes plain frame sizes", mp3(tag(4, 0, concat(frames(4,
                plain(plainFrames())), new byte[100]))));
        m.put("ID3v2.2 (old iTunes)", mp3(v22()));
        m.put("2.3 unsynchronised", mp3(tag(3, 0x80, unsynchronise(concat(frames(3, plainFrames()), new byte[10])))));
        m.put("2.4 unsynchronised", mp3(tag(4, 0x80, concat(frames(4, unsyncFrames(true)), new byte[10]))));
        m.put("2.4 frames unsynchronised", mp3(tag(4, 0, concat(frames(4, unsyncFrames(false)), new byte[10]))));
        m.put("2.3 extended header", mp3(tag(3, 0x40, concat(new byte[] {0, 0, 0, 6, 0, 0, 0, 0, 0, 10},
                frames(3, plainFrames()), new byte[10]))));
        m.put("2.4 extended header", mp3(tag(4, 0x40, concat(new byte[] {0, 0, 0, 6, 1, 0}, frames(4, plainFrames()), new byte[10]))));
        m.put("2.4 data-length indicators", mp3(tag(4, 0, concat(frames(4, dli(plainFrames())), new byte[10]))));
        m.put("2.3 compressed frames", mp3(tag(3, 0, concat(frames(3, compressed(3, plainFrames())), new byte[10]))));
        m.put("2.4 compressed frames", mp3(tag(4, 0, concat(frames(4, compressed(4, plainFrames())), new byte[10]))));
        m.put("2.3 zero-size frame", mp3(tag(3, 0, concat(frames(3, Frame.of(o[0]), new Frame("TCOP", new byte[0], 0, new byte[0], false),
                Frame.of(o[1]), Frame.of(o[4])), new byte[10]))));
        m.put("2.4 zero-size frame", mp3(tag(4, 0, concat(frames(4, Frame.of(o[0]), new Frame("TCOP", new byte[0], 0, new byte[0], false),
                Frame.of(o[1]), Frame.of(o[4])), new byte[10]))));
        m.put("2.4 two-valued TPE1", mp3(tag(4, 0, concat(frames(4, Frame.of(text("TPE1", 3, "陳奕迅\0王菀之")), Frame.of(o[1])), new byte[10]))));
        m.put("2.4 chapters (ffmpeg 6+)", mp3(tag(4, 0, chapters(4, false))));
        m.put("2.4 chapters with plain sub-frame sizes", mp3(tag(4, 0, chapters(4, true))));
        m.put("2.3 chapters", mp3(tag(3, 0, chapters(3, false))));
        m.put("no tag", concat(audio(20, 3)));
        m.put("no tag, ID3v1 only", concat(audio(20, 3), Mp3Fixtures.id3v1("Old Title", "Old Artist")));
        m.put("two frames to the end of a tiny file", concat(tag(3, 0, frames(3, plainFrames())), audio(2, 1)));
        m.put("zeros between tag and audio", concat(tag(3, 0, frames(3, plainFrames())), new byte[700], audio(20, 3)));
        m.putAll(OtherWriters.valid());
        return m;
    }

    /** Grouped frames: the group byte is kept (flag at each version's bit); checked with our reader only (mutagen ignores grouping). */
    static Map<String, byte[]> grouped() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        RawFrame album = text("TALB", 1, "專輯 grouped");
        m.put("2.3 grouped frame", mp3(tag(3, 0, concat(frames(3, Frame.of(ordinary()[0]),
                new Frame("TALB", album.data(), 0x0020, new byte[] {7}, false)), new byte[10]))));
        m.put("2.4 grouped frame", mp3(tag(4, 0, concat(frames(4, Frame.of(ordinary()[0]),
                new Frame("TALB", album.data(), 0x0040, new byte[] {7}, false)), new byte[10]))));
        return m;
    }

    /** Damaged files that must be refused, by name, with a part of the expected reason. */
    static Map<String, Object[]> damaged() {
        Map<String, Object[]> m = new LinkedHashMap<>();
        byte[] good = mp3(tag(3, 0, concat(frames(3, plainFrames()), new byte[10])));
        m.put("truncated in the tag", new Object[] {java.util.Arrays.copyOf(good, 200), "truncated"});
        byte[] overflow = good.clone();
        overflow[10 + 4] = 0x01; // TPE1 claims 16 MB
        m.put("frame larger than the tag", new Object[] {overflow, "claims"});
        m.put("encrypted frame", new Object[] {mp3(tag(3, 0, concat(frames(3, Frame.of(ordinary()[0]),
                new Frame("TALB", text("TALB", 0, "x").data(), 0x0040, new byte[] {1}, false)), new byte[10]))), "encrypted"});
        m.put("junk after the frames", new Object[] {mp3(tag(3, 0, concat(frames(3, plainFrames()), "\u0001junk junk".getBytes(StandardCharsets.ISO_8859_1)))),
                "unreadable frame"});
        m.put("compressed frame that does not inflate", new Object[] {mp3(tag(3, 0, concat(frames(3, Frame.of(ordinary()[0]),
                new Frame("TALB", new byte[] {1, 2, 3, 4, 5, 6}, 0x0080, int32(40), false)), new byte[10]))), "inflate"});
        m.put("non-zero byte in the padding", new Object[] {mp3(tag(3, 0, concat(frames(3, plainFrames()), new byte[20], new byte[] {7}, new byte[9]))),
                "non-zero byte"});
        m.put("empty", new Object[] {new byte[0], "empty file"});
        m.put("text", new Object[] {"just text, no audio\n".repeat(40).getBytes(StandardCharsets.US_ASCII), "text file"});
        m.put("tag, then nothing", new Object[] {tag(3, 0, frames(3, plainFrames())), "no MPEG audio"});
        byte[] oneHeader = concat(tag(3, 0, frames(3, plainFrames())), new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64},
                "not audio at all ".repeat(100).getBytes(StandardCharsets.US_ASCII));
        m.put("one MPEG header, then text", new Object[] {oneHeader, "no MPEG audio"});
        m.put("free-format MPEG audio", new Object[] {concat(tag(3, 0, frames(3, plainFrames())), OtherWriters.freeFormat(20)),
                "free-format MPEG audio"});
        m.put("free-format MPEG audio, no tag", new Object[] {OtherWriters.freeFormat(20), "free-format MPEG audio"});
        return m;
    }

    private static Frame[] plain(Frame[] fs) {
        Frame[] out = new Frame[fs.length];
        for (int i = 0; i < fs.length; i++) out[i] = new Frame(fs[i].id(), fs[i].data(), fs[i].flags(), fs[i].extra(), true);
        return out;
    }

    private static Frame[] unsyncFrames(boolean onlyHeaderFlag) {
        Frame[] fs = plainFrames();
        Frame[] out = new Frame[fs.length];
        for (int i = 0; i < fs.length; i++) {
            // with the header flag every frame is unsynchronised; writers also set the frame flag (0x0002)
            out[i] = new Frame(fs[i].id(), unsynchronise(fs[i].data()), onlyHeaderFlag ? 0 : 0x0002, new byte[0], false);
        }
        return out;
    }

    private static Frame[] dli(Frame[] fs) {
        Frame[] out = new Frame[fs.length];
        for (int i = 0; i < fs.length; i++) {
            out[i] = new Frame(fs[i].id(), fs[i].data(), 0x0001, Mp3Fixtures.synchsafe(fs[i].data().length), false);
        }
        return out;
    }

    private static Frame[] compressed(int major, Frame[] fs) {
        Frame[] out = new Frame[fs.length];
        for (int i = 0; i < fs.length; i++) {
            byte[] z = deflate(fs[i].data());
            out[i] = major == 3
                    ? new Frame(fs[i].id(), z, 0x0080, int32(fs[i].data().length), false)
                    : new Frame(fs[i].id(), z, 0x0008 | 0x0001, Mp3Fixtures.synchsafe(fs[i].data().length), false);
        }
        return out;
    }

    /** Two chapters with long titles and a picture, a table of contents, then the ordinary frames. */
    static byte[] chapters(int major, boolean plainSubSizes) {
        return chapters(major, plainSubSizes, false);
    }

    /**
     * The same; with {@code plainChapterSizes} the CHAP / CTOC frames' own sizes are plain
     * integers while everything else is synchsafe: ffmpeg 5.1's layout (with the ordinary
     * frames' 300-byte picture beside them, neither size reading fits the whole tag).
     */
    static byte[] chapters(int major, boolean plainSubSizes, boolean plainChapterSizes) {
        int e = major == 4 ? 3 : 1;
        byte[] sub1 = frames(major, new Frame("TIT2", text("TIT2", e, LONG_CHAPTER + "1").data(), 0, new byte[0], plainSubSizes),
                new Frame("APIC", picture(0, "", image(200, 4)).data(), 0, new byte[0], plainSubSizes));
        byte[] sub2 = frames(major, new Frame("TIT2", text("TIT2", e, LONG_CHAPTER + "2").data(), 0, new byte[0], plainSubSizes));
        byte[] toc = frames(major, new Frame("TIT2", text("TIT2", e, "目錄").data(), 0, new byte[0], plainSubSizes));
        return concat(frames(major,
                new Frame("CTOC", ctoc("toc", List.of("ch0", "ch1"), toc), 0, new byte[0], plainChapterSizes),
                new Frame("CHAP", chap("ch0", 0, 4000, sub1), 0, new byte[0], plainChapterSizes),
                new Frame("CHAP", chap("ch1", 4000, 8000, sub2), 0, new byte[0], plainChapterSizes)),
                frames(major, plainFrames()), new byte[20]);
    }

    /** An ID3v2.2 tag as old iTunes wrote one: TT2, TP1, TAL, TYE, COM, PIC. */
    static byte[] v22() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        frame22(b, "TP1", text("X", 0, "Old Artist").data());
        frame22(b, "TT2", text("X", 1, "舊歌").data());
        frame22(b, "TAL", text("X", 1, "專輯 album").data());
        frame22(b, "TYE", text("X", 0, "1999").data());
        ByteArrayOutputStream com = new ByteArrayOutputStream();
        com.write(0);
        com.writeBytes("eng".getBytes(StandardCharsets.ISO_8859_1));
        com.write(0);
        com.writeBytes("a comment".getBytes(StandardCharsets.ISO_8859_1));
        frame22(b, "COM", com.toByteArray());
        frame22(b, "PIC", concat(new byte[] {0, 'J', 'P', 'G', 3, 0}, image(300, 6)));
        b.writeBytes(new byte[50]);
        byte[] body = b.toByteArray();
        return concat(new byte[] {'I', 'D', '3', 2, 0, 0}, Mp3Fixtures.synchsafe(body.length), body);
    }

    private static void frame22(ByteArrayOutputStream b, String id, byte[] data) {
        b.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        b.write(data.length >>> 16);
        b.write(data.length >>> 8);
        b.write(data.length);
        b.writeBytes(data);
    }
}
