package canto.tagger.id3;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * CHAP and CTOC frames (the ID3v2 chapter addendum, written by ffmpeg for files with
 * chapters and by podcast tools) carry frames of their own after a fixed part:
 * <ul>
 *   <li>CHAP: element id (ISO-8859-1, zero-terminated), start / end time and start / end
 *       offset (4 bytes each), then embedded frames (TIT2, APIC, ...);</li>
 *   <li>CTOC: element id (terminated), a flags byte, an entry count byte, that many child
 *       element ids (terminated), then embedded frames.</li>
 * </ul>
 * The embedded frames have the frame layout of the tag's version (plain sizes in 2.3,
 * synchsafe in 2.4, each version's text encodings), so moving a tag to the other version
 * converts them like top-level frames and packs them again.
 */
final class ChapterFrames {
    private ChapterFrames() {}

    static boolean isChapter(String id) {
        return id.equals("CHAP") || id.equals("CTOC");
    }

    /** Where the embedded frames start in the data of a CHAP or CTOC frame; -1 when the fixed part is damaged. */
    static int subFramesStart(String id, byte[] d) {
        int idEnd = terminator(d, 0);
        if (idEnd < 0) return -1;
        if (id.equals("CHAP")) {
            int start = idEnd + 1 + 16;
            return start <= d.length ? start : -1;
        }
        int p = idEnd + 1;
        if (p + 2 > d.length) return -1;
        int entries = d[p + 1] & 0xFF;
        p += 2;
        for (int i = 0; i < entries; i++) {
            int end = terminator(d, p);
            if (end < 0) return -1;
            p = end + 1;
        }
        return p;
    }

    /** The element id, for messages. */
    static String elementId(byte[] d) {
        int end = terminator(d, 0);
        return end < 0 ? "?" : new String(d, 0, Math.min(end, 40), StandardCharsets.ISO_8859_1);
    }

    private static int terminator(byte[] d, int from) {
        for (int i = from; i < d.length; i++) if (d[i] == 0) return i;
        return -1;
    }

    /**
     * The frame for a tag of version {@code to}: its embedded frames converted by
     * {@link FrameConverter} and packed in {@code to}'s layout; the refusal when they cannot be.
     */
    static FrameConverter.Result convert(RawFrame f, Id3Version from, Id3Version to) {
        int start = subFramesStart(f.id(), f.data());
        if (start < 0) return FrameConverter.Result.refused("frame " + f.id() + " is damaged");
        List<RawFrame> sub;
        try {
            sub = new FrameReader(from.major(), false, new java.util.ArrayList<>())
                    .read(Arrays.copyOfRange(f.data(), start, f.data().length), "");
        } catch (TagException e) {
            return FrameConverter.Result.refused("frame " + f.id() + " " + elementId(f.data()) + " has damaged embedded frames");
        }
        FrameConverter.Result r = FrameConverter.convert(sub, from, to);
        if (r.frames() == null) return FrameConverter.Result.refused(r.refusal() + " (in " + f.id() + " " + elementId(f.data()) + ")");
        byte[] data = Bytes.concat(Arrays.copyOf(f.data(), start), FramePacker.frames(r.frames(), to.major()));
        return new FrameConverter.Result(List.of(f.withData(data)), null);
    }
}
