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
 *   char bucket  = B + crc32(UTF-8 bytes of g) mod C   for every substring g of "&lt;" + w + "&gt;"
 *                  of charMin .. charMax code points (fastText's subwords; off when C = 0)
 * </pre>
 * A song of n tokens has n word and n - 1 bigram buckets, with order 3 also n - 2 trigram
 * buckets, and with character n-grams each token's grams. Words, bigrams and trigrams share the
 * B buckets (a collision merges two n-grams into one feature); character n-grams have their own
 * C buckets after them, so the table has {@link #rows()} = B + C rows.
 */
public final class NgramHasher {
    public static final long BIGRAM_MULTIPLIER = 116_049_371L;

    private final int buckets;
    private final int order;
    private final int charMin, charMax, charBuckets;

    /** Words and bigrams (order 2). */
    public NgramHasher(int buckets) { this(buckets, 2); }

    /** @param order the longest n-gram: 1 (words), 2 (+ bigrams) or 3 (+ trigrams) */
    public NgramHasher(int buckets, int order) { this(buckets, order, 0, 0, 0); }

    /**
     * @param charMin shortest character n-gram (code points, the brackets included)
     * @param charMax longest character n-gram
     * @param charBuckets C, their own buckets B .. B + C - 1; 0 for no character n-grams
     */
    public NgramHasher(int buckets, int order, int charMin, int charMax, int charBuckets) {
        if (buckets < 1) throw new IllegalArgumentException("buckets must be positive: " + buckets);
        if (order < 1 || order > 3) throw new IllegalArgumentException("n-gram order must be 1, 2 or 3: " + order);
        if (charBuckets < 0 || (charBuckets > 0 && (charMin < 1 || charMax < charMin)))
            throw new IllegalArgumentException("character n-grams need 1 <= min <= max and buckets >= 0: " + charMin + "-" + charMax + ", " + charBuckets);
        if ((long) buckets + charBuckets > Integer.MAX_VALUE) throw new IllegalArgumentException("buckets plus character buckets must stay below 2^31");
        this.buckets = buckets;
        this.order = order;
        this.charMin = charMin;
        this.charMax = charMax;
        this.charBuckets = charBuckets;
    }

    /** B, the word and bigram buckets (the hash modulus). */
    public int buckets() { return buckets; }
    public int order() { return order; }
    public int charBuckets() { return charBuckets; }
    public boolean hasCharNgrams() { return charBuckets > 0; }
    /** The table rows B + C. */
    public int rows() { return buckets + charBuckets; }

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
     * The character n-gram buckets of one word: every substring of {@code "<" + word + ">"} of
     * charMin .. charMax code points, by start then length; none without character n-grams.
     */
    public int[] charBuckets(String word) {
        if (charBuckets == 0) return new int[0];
        int[] cp = ("<" + word + ">").codePoints().toArray();
        int count = 0;
        for (int n = charMin; n <= charMax; n++) count += Math.max(0, cp.length - n + 1);
        int[] out = new int[count];
        int o = 0;
        for (int i = 0; i < cp.length; i++) {
            for (int n = charMin; n <= charMax && i + n <= cp.length; n++) {
                out[o++] = buckets + (int) (wordHash(new String(cp, i, n)) % charBuckets);
            }
        }
        return out;
    }

    /**
     * The buckets of a song whose tokens have word hashes {@code h[0 .. n)}: its words in order,
     * then (order 2 and up) its bigrams in order, then (order 3) its trigrams in order; none for
     * an empty song.
     */
    public int[] buckets(long[] h, int n) { return buckets(h, null, n); }

    /**
     * As {@link #buckets(long[], int)}, then the character n-gram buckets {@code chars[i]} of
     * token i ({@link #charBuckets(String)}) for i = 0 .. n - 1; {@code chars} may be null
     * without character n-grams.
     */
    public int[] buckets(long[] h, int[][] chars, int n) {
        int total = 0;
        for (int k = 1; k <= order; k++) total += Math.max(0, n - k + 1);
        if (chars != null) for (int i = 0; i < n; i++) total += chars[i].length;
        int[] out = new int[total];
        int o = 0;
        for (int i = 0; i < n; i++) out[o++] = (int) (h[i] % buckets);
        if (order >= 2) for (int i = 0; i + 1 < n; i++) out[o++] = (int) (pair(h[i], h[i + 1]) % buckets);
        if (order >= 3) for (int i = 0; i + 2 < n; i++) out[o++] = (int) (pair(pair(h[i], h[i + 1]), h[i + 2]) % buckets);
        if (chars != null) for (int i = 0; i < n; i++) { System.arraycopy(chars[i], 0, out, o, chars[i].length); o += chars[i].length; }
        return out;
    }

    /** {@code (a · 116049371 + b) mod 2^32} for unsigned 32-bit a, b. */
    static long pair(long a, long b) { return (a * BIGRAM_MULTIPLIER + b) & 0xFFFF_FFFFL; }
}
