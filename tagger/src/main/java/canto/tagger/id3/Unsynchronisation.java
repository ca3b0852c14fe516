package canto.tagger.id3;

/**
 * ID3v2 unsynchronisation: a writer inserts a zero byte after every 0xFF that is followed by
 * a byte of 0xE0 or more, or by zero, so no false MPEG sync appears in the tag. Undoing it
 * removes the zero after every 0xFF (leniently, as mutagen falls back to: a writer that set
 * the flag without stuffing loses nothing, since real data after 0xFF then is not zero).
 */
final class Unsynchronisation {
    private Unsynchronisation() {}

    static byte[] decode(byte[] in) {
        byte[] out = new byte[in.length];
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            out[n++] = in[i];
            if (in[i] == (byte) 0xFF && i + 1 < in.length && in[i + 1] == 0) i++;
        }
        return n == in.length ? out : java.util.Arrays.copyOf(out, n);
    }
}
