package canto.tagger.id3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;

/**
 * Frame boundaries of an ID3v2.4 frame list whose frames do not all use one size encoding,
 * found when neither reading lines up. ffmpeg 5.1 writes the sizes of CHAP and CTOC frames as
 * plain 32-bit integers and every other frame's (their sub-frames too) as synchsafe integers,
 * so a file with chapters of 128 bytes or more beside any other frame of 128 bytes or more (a
 * cover, a long title or comment) lines up under neither reading; mutagen's {@code determine_bpi}
 * then picks one reading for the whole list and loses frames.
 *
 * <p>Here each frame's size may be read either way: a frame is accepted under a reading when
 * the frames after it line up to the end of the data (or to padding that is all zeros to the
 * end), and a CHAP / CTOC frame only when its own sub-frames fill its body exactly. The synchsafe
 * reading is tried first (it is the standard's). The search runs backwards over every byte
 * position once, so it is linear in the data and needs no recursion.
 */
final class MixedFrameSizes {
    private MixedFrameSizes() {}

    /** A frame: where its header starts, its data size, and whether that size was read as a plain integer. */
    record Bound(int at, int size, boolean plain) {}

    /**
     * The boundaries, or null when no choice of readings makes the frames line up.
     *
     * @param bodyOk for a CHAP / CTOC frame at (header position, data size): 1 when its
     *               sub-frames fill its body exactly (or its fixed part cannot be read: then it
     *               is kept as it is), 0 when not
     */
    static List<Bound> find(byte[] d, IntBinaryOperator bodyOk) {
        int n = d.length;
        int zeroTail = n; // d[zeroTail..n) are all zero
        while (zeroTail > 0 && d[zeroTail - 1] == 0) zeroTail--;
        byte[] choice = new byte[n + 1]; // 0: no line-up from here; 1: synchsafe; 2: plain; 3: end or padding
        choice[n] = 3;
        for (int p = n - 1; p >= 0; p--) {
            if (d[p] == 0) {
                if (p >= zeroTail) choice[p] = 3;
                continue;
            }
            if (p + 10 > n || !FrameReader.validId(d, p)) continue;
            long sync = synchsafeStrict(d, p + 4), plain = FrameReader.int32(d, p + 4);
            boolean chapter = ChapterFrames.isChapter(new String(d, p, 4, StandardCharsets.ISO_8859_1));
            if (fits(d, choice, p, sync, chapter, bodyOk)) choice[p] = 1;
            else if (plain != sync && fits(d, choice, p, plain, chapter, bodyOk)) choice[p] = 2;
        }
        if (choice[0] == 0) return null;
        List<Bound> out = new ArrayList<>();
        int p = 0;
        while (choice[p] == 1 || choice[p] == 2) {
            boolean plain = choice[p] == 2;
            int size = (int) (plain ? FrameReader.int32(d, p + 4) : synchsafeStrict(d, p + 4));
            out.add(new Bound(p, size, plain));
            p += 10 + size;
        }
        return out;
    }

    private static boolean fits(byte[] d, byte[] choice, int p, long size, boolean chapter, IntBinaryOperator bodyOk) {
        if (size < 0) return false;
        long next = p + 10L + size;
        if (next > d.length || choice[(int) next] == 0) return false;
        return !chapter || bodyOk.applyAsInt(p, (int) size) == 1;
    }

    /** A synchsafe size, or -1 when a byte has its top bit set (then it is not synchsafe). */
    private static long synchsafeStrict(byte[] d, int at) {
        for (int i = at; i < at + 4; i++) if ((d[i] & 0x80) != 0) return -1;
        return FrameReader.synchsafe(d, at);
    }
}
