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
 *   trigram bucket = ((g(a, b) · 116049371 + h(c)) mod 2^32) mod B, g(a, b) = (h(a) · 116049371 + h(b)) mod 2^32
 * </pre>
 * A song of n tokens has n word and n - 1 bigram buckets, and with order 3 also n - 2 trigram
 * buckets. All n-grams share the B buckets; a collision merges two n-grams into one feature.
 */
public final class NgramHasher {
    public static final long BIGRAM_MULTIPLIER = 116_049_371L;

    private final int buckets;
    private final int order;

    /** Words and bigrams (order 2). */
    public NgramHasher(int buckets) { this(buckets, 2); }

    /** @param order the longest n-gram: 1 (words), 2 (+ bigrams) or 3 (+ trigrams) */
    public NgramHasher(int buckets, int order) {
        if (buckets < 1) throw new IllegalArgumentException("buckets must be positive: " + buckets);
        if (order < 1 || order > 3) throw new IllegalArgumentException("n-gram order must be 1, 2 or 3: " + order);
        this.buckets = buckets;
        this.order = order;
    }

    public int buckets() { return buckets; }
    public int order() { return order; }

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
     * The buckets of a song whose tokens have word hashes {@code h[0 .. n)}: its words in order,
     * then (order 2 and up) its bigrams in order, then (order 3) its trigrams in order; none for
     * an empty song.
     */
    public int[] buckets(long[] h, int n) {
        int total = 0;
        for (int k = 1; k <= order; k++) total += Math.max(0, n - k + 1);
        int[] out = new int[total];
        int o = 0;
        for (int i = 0; i < n; i++) out[o++] = (int) (h[i] % buckets);
        if (order >= 2) for (int i = 0; i + 1 < n; i++) out[o++] = (int) (pair(h[i], h[i + 1]) % buckets);
        if (order >= 3) for (int i = 0; i + 2 < n; i++) out[o++] = (int) (pair(pair(h[i], h[i + 1]), h[i + 2]) % buckets);
        return out;
    }

    /** {@code (a · 116049371 + b) mod 2^32} for unsigned 32-bit a, b. */
    static long pair(long a, long b) { return (a * BIGRAM_MULTIPLIER + b) & 0xFFFF_FFFFL; }
}
