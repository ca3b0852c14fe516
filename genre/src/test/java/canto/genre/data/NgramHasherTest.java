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

    @Test
    void characterNgramsOfTheBracketedWordInTheirOwnBucketsAsPythonComputesThem() {
        // "<ab>": "<ab" (start 0, length 3), "<ab>" (0, 4), "ab>" (1, 3); B + zlib.crc32(g) % C
        NgramHasher h = new NgramHasher(1000, 2, 3, 4, 100);
        assertEquals(1100, h.rows());
        assertArrayEquals(new int[] {1044, 1080, 1043}, h.charBuckets("ab"));
        // code points, not UTF-16 units or bytes: "<é>" gives "<é", "<é>", "é>" for 2-3-grams
        assertArrayEquals(new int[] {1023, 1039, 1052}, new NgramHasher(1000, 2, 2, 3, 100).charBuckets("é"));
        // a song: words, bigrams, then each token's character 3-grams (C = 50)
        NgramHasher s = new NgramHasher(1000, 2, 3, 3, 50);
        List<String> song = List.of("love", "baby");
        int[][] chars = {s.charBuckets("love"), s.charBuckets("baby")};
        assertArrayEquals(new int[] {981, 134, 317, 1004, 1049, 1000, 1001, 1019, 1046, 1008, 1008}, s.buckets(NgramHasher.hashes(song), chars, 2));
        NgramBags.Counts one = NgramBags.count(song, s);
        assertArrayEquals(new int[] {134, 317, 981, 1000, 1001, 1004, 1008, 1019, 1046, 1049}, one.ids());
        assertEquals(2, one.counts()[6]);   // "<ba" and "by>" share bucket 1008
        assertEquals(1050, one.buckets());
        // without character n-grams nothing changes
        assertArrayEquals(new int[0], new NgramHasher(1000).charBuckets("ab"));
        assertEquals(1000, new NgramHasher(1000).rows());
    }

    @Test
    void characterNgramsOfASongTableMatchThoseOfItsTokens() {
        TokenizedLyrics a = TokenizedLyrics.of(List.of("la la love you baby", "baby love"), new BasicEnglishTokenizer());
        NgramHasher h = new NgramHasher(1 << 18, 2, 3, 5, 1 << 16);
        NgramBags.Counts table = NgramBags.count(a, h);
        NgramBags.Counts single = NgramBags.count(new BasicEnglishTokenizer().tokenize("baby love"), h);
        assertArrayEquals(single.ids(), java.util.Arrays.copyOfRange(table.ids(), table.start()[1], table.start()[2]));
        assertArrayEquals(single.counts(), java.util.Arrays.copyOfRange(table.counts(), table.start()[1], table.start()[2]));
        // "baby love": 2 words + 1 bigram + "<baby>" 4 + 3 + 2 and "<love>" 4 + 3 + 2 grams = 21
        assertEquals(21, java.util.Arrays.stream(single.counts()).sum());
    }
}
