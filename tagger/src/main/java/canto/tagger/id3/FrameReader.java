package canto.tagger.id3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Our reader of the frame layer of ID3v2.2 / 2.3 / 2.4 tags, written after mutagen's (we do
 * not use mp3agic's: 0.9.1 reads ID3v2.3 frame flags at the ID3v2.4 bit positions, ignores
 * unsynchronisation, extended headers and footers, and stops silently at frames it cannot
 * read). What it reads as mutagen does:
 * <ul>
 *   <li>ID3v2.4 frame sizes as synchsafe integers, or as plain integers when the frames only
 *       line up that way (iTunes wrote them so): the choice is mutagen's {@code determine_bpi},
 *       made for each list of frames (the top level, each CHAP / CTOC body);</li>
 *   <li>when neither reading lines up, each frame's size read either way, a CHAP / CTOC frame
 *       only with sub-frames that fill it exactly ({@link MixedFrameSizes}: ffmpeg 5.1 writes
 *       CHAP / CTOC sizes plain and all other sizes synchsafe, which mutagen misreads);</li>
 *   <li>unsynchronisation (whole tag in 2.2 / 2.3, per frame or whole tag in 2.4), undone;</li>
 *   <li>data-length indicators, dropped; zlib-compressed frames, inflated; group ids, kept;</li>
 *   <li>frames of size 0 (invalid: a frame has at least one byte), dropped;</li>
 *   <li>a zero byte where a frame id should start begins the padding, which must be zeros to the end.</li>
 * </ul>
 * Unlike mutagen it refuses, with one line, what would lose data if rewritten: encrypted
 * frames (we cannot decrypt them), a frame claiming more bytes than the tag has left, bytes
 * that are neither frames nor padding (a non-zero byte in the padding too: mutagen ignores
 * it, but it is where frames read at a wrong size would be lost), compressed data that does not inflate.
 */
final class FrameReader {
    /** Inflated frames larger than this are refused (a damaged or hostile size field). */
    private static final int MAX_INFLATED = 64 << 20;

    private final int major;
    private final boolean tagUnsync24;
    private final List<String> repairs;

    /**
     * @param major       2, 3 or 4: the version whose frame layout the data has
     * @param tagUnsync24 an ID3v2.4 tag header with the unsynchronisation flag (applies to every frame)
     * @param repairs     receives one remark per change made while reading (e.g. a dropped empty frame)
     */
    FrameReader(int major, boolean tagUnsync24, List<String> repairs) {
        this.major = major;
        this.tagUnsync24 = tagUnsync24;
        this.repairs = repairs;
    }

    /** The frames in {@code d} (frame headers and data, then optional zero padding). */
    List<RawFrame> read(byte[] d, String where) throws TagException {
        return major == 2 ? read22(d, where) : read234(d, where, 0);
    }

    private List<RawFrame> read234(byte[] d, String where, int depth) throws TagException {
        List<RawFrame> out = new ArrayList<>();
        for (MixedFrameSizes.Bound b : bounds(d, where, depth)) {
            int at = b.at();
            String id = new String(d, at, 4, StandardCharsets.ISO_8859_1);
            if (b.size() == 0) {
                repairs.add("dropped empty frame " + id + where(where));
                continue;
            }
            int flags = ((d[at + 8] & 0xFF) << 8) | (d[at + 9] & 0xFF);
            int start = at + 10, end = start + b.size();
            RawFrame f = major == 3 ? flags23(id, flags, d, start, end, where) : flags24(id, flags, d, start, end, where);
            if (ChapterFrames.isChapter(id) && depth == 0) f = chapter(f, where);
            out.add(f);
        }
        return out;
    }

    /**
     * Where the frames are: in 2.3 with plain sizes; in 2.4 with the sizes read as mutagen's
     * {@code determine_bpi} chooses (synchsafe, or plain for iTunes), and when the frames do not
     * line up that way, each frame's size read either way ({@link MixedFrameSizes}, for
     * ffmpeg 5.1's chapter frames). At depth 0 a CHAP / CTOC frame lines up only when its
     * sub-frames fill its body.
     */
    private List<MixedFrameSizes.Bound> bounds(byte[] d, String where, int depth) throws TagException {
        if (major == 3) return walkOneWay(d, true, where, depth);
        boolean plain = plainSizesFit(d);
        try {
            List<MixedFrameSizes.Bound> b = walkOneWay(d, plain, where, depth);
            if (plain) repairs.add("read the frame sizes" + where(where) + " as plain integers (not synchsafe)");
            return b;
        } catch (TagException oneWay) {
            List<MixedFrameSizes.Bound> b = MixedFrameSizes.find(d, (at, size) -> depth > 0 || chapterBodyFits(d, at, size) ? 1 : 0);
            if (b == null) throw oneWay;
            List<String> plainOnes = b.stream().filter(MixedFrameSizes.Bound::plain)
                    .map(x -> new String(d, x.at(), 4, StandardCharsets.ISO_8859_1)).distinct().toList();
            repairs.add("read the sizes of frame" + (plainOnes.size() == 1 ? " " : "s ") + String.join(", ", plainOnes) + where(where)
                    + " as plain integers and the others' as synchsafe (as ffmpeg 5.1 writes chapters)");
            return b;
        }
    }

    /** The frames with every size read one way; throws the reason when they do not line up. */
    private List<MixedFrameSizes.Bound> walkOneWay(byte[] d, boolean plainSizes, String where, int depth) throws TagException {
        List<MixedFrameSizes.Bound> out = new ArrayList<>();
        int at = 0;
        while (at < d.length) {
            if (d[at] == 0) {
                checkPadding(d, at, where);
                break;
            }
            if (at + 10 > d.length) throw unreadable(at, where);
            if (!validId(d, at)) throw unreadable(at, where);
            String id = new String(d, at, 4, StandardCharsets.ISO_8859_1);
            long size = plainSizes ? int32(d, at + 4) : synchsafe(d, at + 4);
            long left = d.length - at - 10L;
            if (size > left) {
                throw new TagException("damaged ID3v2 tag: frame " + id + where(where) + " claims " + size
                        + " bytes but only " + left + " are left");
            }
            if (depth == 0 && ChapterFrames.isChapter(id)) checkChapterBody(d, at, (int) size);
            out.add(new MixedFrameSizes.Bound(at, (int) size, plainSizes));
            at += 10 + (int) size;
        }
        return out;
    }

    /**
     * The body of the CHAP / CTOC frame at {@code at} lines up as sub-frames (as {@link #bounds}
     * reads them); a frame with flags that change its data (compression, unsynchronisation,
     * grouping ...) or an unreadable fixed part is not checked here (read as it is later).
     */
    private void checkChapterBody(byte[] d, int at, int size) throws TagException {
        int flags = ((d[at + 8] & 0xFF) << 8) | (d[at + 9] & 0xFF);
        if ((major == 3 ? flags & 0x00E0 : flags & 0x004F) != 0 || tagUnsync24) return;
        byte[] data = java.util.Arrays.copyOfRange(d, at + 10, at + 10 + size);
        String id = new String(d, at, 4, StandardCharsets.ISO_8859_1);
        int start = ChapterFrames.subFramesStart(id, data);
        if (start < 0) return;
        new FrameReader(major, false, new ArrayList<>())
                .bounds(java.util.Arrays.copyOfRange(data, start, data.length), "in " + id + " " + ChapterFrames.elementId(data), 1);
    }

    private boolean chapterBodyFits(byte[] d, int at, int size) {
        try {
            checkChapterBody(d, at, size);
            return true;
        } catch (TagException e) {
            return false;
        }
    }

    /** CHAP / CTOC: their embedded frames are read like top-level ones and packed again for this version. */
    private RawFrame chapter(RawFrame f, String where) throws TagException {
        int start = ChapterFrames.subFramesStart(f.id(), f.data());
        if (start < 0) return f; // damaged header part: kept as it is (conversion to the other version refuses it)
        byte[] sub = java.util.Arrays.copyOfRange(f.data(), start, f.data().length);
        String inner = "in " + f.id() + " " + ChapterFrames.elementId(f.data());
        List<RawFrame> subFrames = read234(sub, inner, 1);
        byte[] packed = FramePacker.frames(subFrames, major);
        return f.withData(Bytes.concat(java.util.Arrays.copyOf(f.data(), start), packed));
    }

    private RawFrame flags23(String id, int flags, byte[] d, int from, int to, String where) throws TagException {
        int p = from;
        long declared = -1;
        if ((flags & 0x0080) != 0) {
            if (to - p < 4) throw damagedFrame(id, where, "compressed but too short");
            declared = int32(d, p);
            p += 4;
        }
        if ((flags & 0x0040) != 0) throw encrypted(id, where);
        int group = -1;
        if ((flags & 0x0020) != 0) {
            if (to - p < 1) throw damagedFrame(id, where, "grouped but empty");
            group = d[p++] & 0xFF;
        }
        byte[] data = java.util.Arrays.copyOfRange(d, p, to);
        if ((flags & 0x0080) != 0) {
            data = inflate(data, declared, id, where);
            repairs.add("inflated compressed frame " + id + where(where));
        }
        return new RawFrame(id, data, group);
    }

    private RawFrame flags24(String id, int flags, byte[] d, int from, int to, String where) throws TagException {
        int p = from;
        int group = -1;
        if ((flags & 0x0040) != 0) {
            if (to - p < 1) throw damagedFrame(id, where, "grouped but empty");
            group = d[p++] & 0xFF;
        }
        if ((flags & 0x0004) != 0) throw encrypted(id, where);
        long declared = -1;
        boolean compressed = (flags & 0x0008) != 0;
        if ((flags & 0x0001) != 0 || compressed) { // mutagen: a compressed frame always has the length
            if (to - p < 4) throw damagedFrame(id, where, "too short for its data-length indicator");
            declared = synchsafe(d, p);
            p += 4;
        }
        byte[] data = java.util.Arrays.copyOfRange(d, p, to);
        if ((flags & 0x0002) != 0 || tagUnsync24) {
            byte[] plain = Unsynchronisation.decode(data);
            if (plain.length != data.length) repairs.add("undid unsynchronisation of frame " + id + where(where));
            data = plain;
        }
        if (compressed) {
            data = inflate(data, declared, id, where);
            repairs.add("inflated compressed frame " + id + where(where));
        }
        return new RawFrame(id, data, group);
    }

    private List<RawFrame> read22(byte[] d, String where) throws TagException {
        List<RawFrame> out = new ArrayList<>();
        int at = 0;
        while (at < d.length) {
            if (d[at] == 0) {
                checkPadding(d, at, where);
                break;
            }
            if (at + 6 > d.length || !validChars(d, at, 3)) throw unreadable(at, where);
            String id = new String(d, at, 3, StandardCharsets.ISO_8859_1);
            int size = ((d[at + 3] & 0xFF) << 16) | ((d[at + 4] & 0xFF) << 8) | (d[at + 5] & 0xFF);
            long left = d.length - at - 6L;
            if (size > left) throw new TagException("damaged ID3v2.2 tag: frame " + id + " claims " + size + " bytes but only " + left + " are left");
            int start = at + 6;
            at = start + size;
            if (size == 0) {
                repairs.add("dropped empty frame " + id);
                continue;
            }
            out.add(Id3v22.convert(id, java.util.Arrays.copyOfRange(d, start, at)));
        }
        return out;
    }

    /**
     * mutagen's {@code determine_bpi}: walk the frames once with synchsafe and once with plain
     * sizes, counting frame ids that look real; plain sizes win when they find more frames, or
     * as many while the synchsafe walk overshoots the data and the plain one does not.
     */
    static boolean plainSizesFit(byte[] d) {
        long[] syncsafe = walk(d, false), plain = walk(d, true);
        return plain[0] > syncsafe[0] || (plain[0] == syncsafe[0] && syncsafe[1] >= 1 && plain[1] <= 1);
    }

    /** {frames with plausible ids, how far past the end the walk went (negative: stopped in padding)}. */
    private static long[] walk(byte[] d, boolean plain) {
        long o = 0, found = 0;
        while (o < d.length - 10) {
            int at = (int) o;
            if (allZero(d, at, 10)) return new long[] {found, -((d.length - o) % 10)};
            long size = plain ? int32(d, at + 4) : synchsafe(d, at + 4);
            o += 10 + size;
            if (validId(d, at)) found++;
        }
        return new long[] {found, o - d.length};
    }

    private static boolean allZero(byte[] d, int at, int n) {
        for (int i = at; i < at + n; i++) if (d[i] != 0) return false;
        return true;
    }

    static boolean validId(byte[] b, int at) {
        return validChars(b, at, 4);
    }

    private static boolean validChars(byte[] b, int at, int n) {
        for (int i = at; i < at + n; i++) {
            char c = (char) (b[i] & 0xFF);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
        }
        return true;
    }

    private byte[] inflate(byte[] data, long declared, String id, String where) throws TagException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 64), 1 << 20));
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) throw damagedFrame(id, where, "compressed data ends early");
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED) throw damagedFrame(id, where, "inflates to more than 64 MB");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw damagedFrame(id, where, "compressed data does not inflate (" + e.getMessage() + ")");
        } finally {
            inf.end();
        }
    }

    /**
     * Padding is zeros to the end. A non-zero byte after the first zero means frames read at a
     * wrong size (an ffmpeg 5.1 CTOC read synchsafe ends on the zero after a child id, and the
     * CHAP frames after it would be dropped as "padding") or junk: either way refused here.
     */
    private static void checkPadding(byte[] d, int at, String where) throws TagException {
        for (int i = at; i < d.length; i++) {
            if (d[i] != 0) {
                throw new TagException("damaged ID3v2 tag: the padding from byte " + at + where(where)
                        + " of the frames has a non-zero byte at " + i + " (frames there would be lost)");
            }
        }
    }

    private static String where(String where) {
        return where.isEmpty() ? "" : " " + where;
    }

    private static TagException unreadable(int at, String where) {
        return new TagException("damaged ID3v2 tag: unreadable frame at byte " + at + (where.isEmpty() ? "" : " " + where)
                + " of the frames (the frames after it would be lost)");
    }

    private static TagException damagedFrame(String id, String where, String what) {
        return new TagException("damaged ID3v2 tag: frame " + id + where(where) + " is " + what);
    }

    private static TagException encrypted(String id, String where) {
        return new TagException("frame " + id + where(where) + " is encrypted; tags with encrypted frames are not rewritten"
                + " (we cannot decrypt it, and a rewrite could lose it)");
    }

    static long int32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    /** As mutagen's BitPaddedInt: the low 7 bits of each byte. */
    static long synchsafe(byte[] b, int at) {
        return ((b[at] & 0x7F) << 21) | ((b[at + 1] & 0x7F) << 14) | ((b[at + 2] & 0x7F) << 7) | (b[at + 3] & 0x7F);
    }
}
