package canto.genre.data;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Words and word bigrams hashed into a fixed number of buckets, reproducibly in any language
 * with a CRC-32 (Python: {@code zlib.crc32}):
 * <pre>
 *   h(w)         = crc32(UTF-8 bytes of w)                       (unsigned 32 bits)
 *   word bucket  = h(w) mod B
 *   bigram bucket = ((h(a) · 116049371 + h(b)) mod 2^32) mod B   (fastText's n-gram multiplier)
 * </pre>
 * A song of n tokens has n word and n - 1 bigram buckets. Words and bigrams share the B
 * buckets; a collision merges two n-grams into one feature.
 */
public final class NgramHasher {
    public static final long BIGRAM_MULTIPLIER = 116_049_371L;

    private final int buckets;

    public NgramHasher(int buckets) {
        if (buckets < 1) throw new IllegalArgumentException("buckets must be positive: " + buckets);
        this.buckets = buckets;
    }

    public int buckets() { return buckets; }

    /** The unsigned CRC-32 of the word's UTF-8 bytes. */
    public static long wordHash(String word) {
        CRC32 crc = new CRC32();
        crc.update(word.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** The word hash of every token type of {@code lyrics}, indexed by type. */
    public static long[] typeHashes(TokenizedLyrics lyrics) {
        long[] h = new long[lyrics.typeCount()];
        for (int t = 0; t < h.length; t++) h[t] = wordHash(lyrics.type(t));
        return h;
    }

    /** The word hash of each token. */
    public static long[] hashes(List<String> tokens) {
        long[] h = new long[tokens.size()];
        for (int i = 0; i < h.length; i++) h[i] = wordHash(tokens.get(i));
        return h;
    }

    /**
     * The {@code 2n - 1} buckets of a song whose tokens have word hashes {@code h[0 .. n)}:
     * its words in order, then its bigrams in order (none for an empty song).
     */
    public int[] buckets(long[] h, int n) {
        if (n == 0) return new int[0];
        int[] out = new int[2 * n - 1];
        for (int i = 0; i < n; i++) out[i] = (int) (h[i] % buckets);
        for (int i = 0; i + 1 < n; i++) out[n + i] = (int) (((h[i] * BIGRAM_MULTIPLIER + h[i + 1]) & 0xFFFF_FFFFL) % buckets);
        return out;
    }
}
