package canto.tagger.id3;

/**
 * Finds MPEG audio (MPEG-1 / 2 / 2.5, Layer I / II / III) the way mutagen does: a frame
 * header whose length leads exactly to the next frame header, four times in a row (or, at the
 * very end of a short file, at least two frames that reach that end). One header alone proves
 * nothing: any two bytes {@code FF Ex} look like one, and M4A, Ogg or random data contain them.
 */
final class MpegAudio {
    /** mutagen searches the first megabyte after the tag. */
    static final int SEARCH = 1 << 20;
    static final int ENOUGH = 4;

    private static final int[][] BITRATES = { // kbit/s by [version/layer row][index]
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // V1 L1
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // V1 L2
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // V1 L3
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // V2/2.5 L1
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},         // V2/2.5 L2, L3
    };
    private static final int[] RATES_V1 = {44100, 48000, 32000};

    private MpegAudio() {}

    /**
     * The offset in {@code b[0, n)} of the first of a chain of frames, or -1.
     *
     * @param atEnd true when {@code n} is where the audio data ends (the file, or an ID3v1 tag, follows)
     */
    static int find(byte[] b, int n, boolean atEnd) {
        int limit = Math.min(n - 4, SEARCH);
        for (int i = 0; i <= limit; i++) {
            if ((b[i] & 0xFF) != 0xFF || (b[i + 1] & 0xE0) != 0xE0) continue;
            if (chained(b, n, i, atEnd)) return i;
        }
        return -1;
    }

    private static boolean chained(byte[] b, int n, int at, boolean atEnd) {
        int first = header(b, at);
        if (first == -1) return false;
        int frames = 0, p = at;
        while (frames < ENOUGH) {
            if (p == n || (atEnd && n - p < 4)) return atEnd && frames >= 2;
            if (p + 4 > n) return false;
            int len = length(b, p);
            if (len <= 0 || !sameStream(header(b, p), first)) return false;
            p += len;
            frames++;
            if (p > n) return atEnd && frames >= 2 && p - n < len; // the last frame is cut at the end: still audio
        }
        return true;
    }

    /**
     * True when {@code b[0, n)} holds a chain of free-format frames (bitrate index 0: the
     * encoder chose a rate outside the table, and the frame length is the distance between two
     * headers, the same for every frame but the padding byte). mutagen and ffmpeg 5.1 do not read
     * such files, so we say what they are rather than "not an MP3 file".
     */
    static boolean freeFormat(byte[] b, int n) {
        int limit = Math.min(n - 4, SEARCH);
        for (int i = 0; i <= limit; i++) {
            int h = freeHeader(b, i);
            if (h == -1) continue;
            for (int j = i + 24; j <= Math.min(limit, i + 8192); j++) { // the next header of the same stream sets the length
                if (freeHeader(b, j) == -1 || !sameStream(freeHeader(b, j), h)) continue;
                int base = j - i - ((h >>> 9) & 1), p = j, frames = 1;
                while (frames < ENOUGH && p <= limit) {
                    int next = freeHeader(b, p);
                    if (next == -1 || !sameStream(next, h)) break;
                    p += base + ((next >>> 9) & 1);
                    frames++;
                }
                if (frames >= ENOUGH) return true;
                break;
            }
        }
        return false;
    }

    private static int freeHeader(byte[] b, int at) {
        if (at + 4 > b.length || (b[at] & 0xFF) != 0xFF || (b[at + 1] & 0xE0) != 0xE0) return -1;
        int h = ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
        int version = (h >>> 19) & 3, layer = (h >>> 17) & 3, bitrate = (h >>> 12) & 15, rate = (h >>> 10) & 3;
        return version == 1 || layer == 0 || bitrate != 0 || rate == 3 ? -1 : h;
    }

    /** The 32-bit header at {@code at} when it is a valid MPEG audio header, else -1. */
    private static int header(byte[] b, int at) {
        if (at + 4 > b.length) return -1;
        int h = ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
        if ((h & 0xFFE00000) != 0xFFE00000) return -1;
        int version = (h >>> 19) & 3, layer = (h >>> 17) & 3, bitrate = (h >>> 12) & 15, rate = (h >>> 10) & 3;
        if (version == 1 || layer == 0 || bitrate == 0 || bitrate == 15 || rate == 3) return -1;
        return h;
    }

    /** Version, layer and sample rate must stay the same along a stream. */
    private static boolean sameStream(int h, int first) {
        return h != -1 && (h & 0xFFFE0C00) == (first & 0xFFFE0C00);
    }

    /** The frame length in bytes of the header at {@code at}; -1 when it is not a valid header. */
    static int length(byte[] b, int at) {
        int h = header(b, at);
        if (h == -1) return -1;
        int version = (h >>> 19) & 3, layer = (h >>> 17) & 3, index = (h >>> 12) & 15, rateIndex = (h >>> 10) & 3;
        int padding = (h >>> 9) & 1;
        boolean v1 = version == 3;
        int layerNo = 4 - layer; // 1, 2 or 3
        int row = v1 ? layerNo - 1 : (layerNo == 1 ? 3 : 4);
        int bitrate = BITRATES[row][index] * 1000;
        int rate = RATES_V1[rateIndex] >> (version == 3 ? 0 : version == 2 ? 1 : 2);
        if (layerNo == 1) return (12 * bitrate / rate + padding) * 4;
        int coefficient = layerNo == 3 && !v1 ? 72 : 144;
        return coefficient * bitrate / rate + padding;
    }
}
