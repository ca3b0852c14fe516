package canto.genre.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hashing is what a model file's buckets mean, so it must never change: the expected
 * values were computed with Python's {@code zlib.crc32} and the formula of rescore.py.
 */
class NgramHasherTest {
    @Test
    void wordHashIsTheUnsignedCrc32OfUtf8() {
        assertEquals(3904355907L, NgramHasher.wordHash("a"));
        assertEquals(907060870L, NgramHasher.wordHash("hello"));
        assertEquals(1468157981L, NgramHasher.wordHash("love"));
        assertEquals(2272035134L, NgramHasher.wordHash("baby"));
        assertEquals(2561491637L, NgramHasher.wordHash("café"));   // UTF-8, not UTF-16
    }

    @Test
    void wordsThenBigramsAsPythonComputesThem() {
        NgramHasher h = new NgramHasher(1000);
        long[] hashes = NgramHasher.hashes(List.of("love", "baby", "love"));
        assertArrayEquals(new int[] {981, 134, 981, 317, 487}, h.buckets(hashes, 3));
        NgramHasher big = new NgramHasher(1 << 20);
        assertEquals(973629, big.buckets(NgramHasher.hashes(List.of("café", "naïve")), 2)[2]);
        assertArrayEquals(new int[0], h.buckets(new long[0], 0));
    }

    @Test
    void trigramsAndWordsOnlyAsPythonComputesThem() {
        long[] hashes = NgramHasher.hashes(List.of("love", "baby", "love", "you"));
        // words, then bigrams, then trigrams ((g(a, b) * 116049371 + h(c)) mod 2^32) mod B
        assertArrayEquals(new int[] {981, 134, 981, 126, 317, 487, 309, 324, 851}, new NgramHasher(1000, 3).buckets(hashes, 4));
        assertArrayEquals(new int[] {981, 134, 981, 126}, new NgramHasher(1000, 1).buckets(hashes, 4));
        assertArrayEquals(new int[] {869045, 1016166, 66696, 973629, 275658, 950967},
                new NgramHasher(1 << 20, 3).buckets(NgramHasher.hashes(List.of("café", "naïve", "über")), 3));
        // short songs: no trigram of two words, nothing of none
        assertArrayEquals(new int[] {981, 134, 317}, new NgramHasher(1000, 3).buckets(hashes, 2));
        assertArrayEquals(new int[0], new NgramHasher(1000, 3).buckets(hashes, 0));
        assertEquals("n-gram order must be 1, 2 or 3: 4",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new NgramHasher(10, 4)).getMessage());
    }

    @Test
    void theSameSongGivesTheSameBucketsEveryTime() {
        TokenizedLyrics a = TokenizedLyrics.of(List.of("la la love you baby", "baby love"), new BasicEnglishTokenizer());
        TokenizedLyrics b = TokenizedLyrics.of(List.of("baby love", "la la love you baby"), new BasicEnglishTokenizer());
        NgramHasher h = new NgramHasher(1 << 18);
        NgramBags.Counts ca = NgramBags.count(a, h), cb = NgramBags.count(b, h);
        // song 0 of a is song 1 of b: other type numbering, same buckets and counts
        assertArrayEquals(java.util.Arrays.copyOfRange(ca.ids(), ca.start()[0], ca.start()[1]),
                java.util.Arrays.copyOfRange(cb.ids(), cb.start()[1], cb.start()[2]));
        assertArrayEquals(java.util.Arrays.copyOfRange(ca.counts(), ca.start()[0], ca.start()[1]),
                java.util.Arrays.copyOfRange(cb.counts(), cb.start()[1], cb.start()[2]));
        NgramBags.Counts single = NgramBags.count(new BasicEnglishTokenizer().tokenize("la la love you baby"), h);
        assertArrayEquals(java.util.Arrays.copyOfRange(ca.ids(), 0, ca.start()[1]), single.ids());
        // "la la love you baby": 5 words (la twice) + 4 bigrams: 8 distinct n-grams (barring a collision)
        assertEquals(8, ca.start()[1]);
        assertEquals(9, java.util.Arrays.stream(single.counts()).sum());
    }
}
