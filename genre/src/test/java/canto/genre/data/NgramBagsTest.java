package canto.genre.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** TF-IDF weights worked out by hand (scikit-learn's smooth idf, sublinear tf, L2 norm). */
class NgramBagsTest {
    // 5 buckets; song 0: bucket 0 twice, bucket 2 once; song 1: buckets 0 and 3; song 2: bucket 2
    static final NgramBags.Counts COUNTS = new NgramBags.Counts(new int[] {0, 2, 4, 5}, new int[] {0, 2, 0, 3, 2},
            new int[] {2, 1, 1, 1, 1}, 5);
    static final int[] TRAIN = {0, 1};

    @Test
    void idfFromTheTrainingSongsOnly() {
        // N = 2; df = 2, 0, 1, 1, 0 (song 2 is not training): ln(3/3) + 1 = 1, ln(3/2) + 1 = 1.4054651
        assertArrayEquals(new float[] {1f, 0f, 1.4054651f, 1.4054651f, 0f}, NgramBags.idf(COUNTS, TRAIN, 1), 1e-6f);
        assertArrayEquals(new float[] {1f, 0f, 0f, 0f, 0f}, NgramBags.idf(COUNTS, TRAIN, 2), 1e-6f);
    }

    @Test
    void tfidfWeightsAreSublinearAndUnitLength() {
        NgramBags b = NgramBags.weigh(COUNTS, NgramBags.idf(COUNTS, TRAIN, 1), NgramBags.Pooling.TFIDF);
        // song 0: (1 + ln 2) · 1 = 1.6931472 and 1 · 1.4054651, over their norm 2.2004727
        // song 1: 1 and 1.4054651 over 1.7249 ; song 2: one bucket, weight 1
        assertArrayEquals(new int[] {0, 2, 4, 5}, b.start());
        assertArrayEquals(new int[] {0, 2, 0, 3, 2}, b.ids());
        assertArrayEquals(new float[] {0.76944707f, 0.63871058f, 0.57973867f, 0.81480247f, 1f}, b.weights(), 1e-6f);
    }

    @Test
    void klWeightingMultipliesTheIdfByHowFarABucketsGenreMixIsFromThePrior() {
        // genres: song 0 -> 0, song 1 -> 1 (song 2 is not training); prior 0.5 / 0.5
        // bucket 0 is in both songs: p = (1 + 0.5) / (2 + 1) = 0.5 each, KL 0, weight 0
        // bucket 2 only in song 0: p = 1.5 / 2 = 0.75 and 0.25, KL = 0.75 ln 1.5 + 0.25 ln 0.5 = 0.13081204; times idf 1.4054651 (beta 1) or its square root (beta 0.5)
        // bucket 3 only in song 1: the same KL; buckets 1 and 4 have idf 0 and stay 0
        int[] labels = {0, 1, 1};
        float[] idf = NgramBags.idf(COUNTS, TRAIN, 1);
        assertArrayEquals(new float[] {0f, 0f, 0.18385175f, 0.18385175f, 0f}, NgramBags.klWeighted(COUNTS, idf, TRAIN, labels, 2, 1), 1e-6f);
        assertArrayEquals(new float[] {0f, 0f, 0.50832787f, 0.50832787f, 0f}, NgramBags.klWeighted(COUNTS, idf, TRAIN, labels, 2, 0.5), 1e-6f);
        assertArrayEquals(new float[] {1f, 0f, 1.4054651f, 1.4054651f, 0f}, idf, 0f);   // not changed
    }

    @Test
    void bucketsBelowMinDfLeaveTheBags() {
        NgramBags b = NgramBags.weigh(COUNTS, NgramBags.idf(COUNTS, TRAIN, 2), NgramBags.Pooling.TFIDF);
        assertArrayEquals(new int[] {0, 1, 2, 2}, b.start());   // song 2's bag is empty
        assertArrayEquals(new int[] {0, 0}, b.ids());
        assertArrayEquals(new float[] {1f, 1f}, b.weights(), 0f);
    }

    @Test
    void meanPoolingWeighsByCount() {
        NgramBags b = NgramBags.weigh(COUNTS, NgramBags.idf(COUNTS, TRAIN, 1), NgramBags.Pooling.MEAN);
        assertArrayEquals(new float[] {2f / 3, 1f / 3, 0.5f, 0.5f, 1f}, b.weights(), 1e-7f);
    }

    @Test
    void kindWeightsScaleTheIdfOfBigramAndCharacterBuckets() {
        // B = 1000 (Python: zlib.crc32 % 1000): words a 907, b 681, c 655, z 367; bigrams a b 618, b c 202, a z 304
        // training songs 0 "a b" and 1 "b c"; song 2 "a z" is not training, so z's bucket is no word bucket
        TokenizedLyrics lyrics = TokenizedLyrics.of(java.util.List.of("a b", "b c", "a z"), new BasicEnglishTokenizer());
        NgramHasher h = new NgramHasher(1000, 2, 3, 3, 10);
        float[] idf = new float[h.rows()];
        java.util.Arrays.fill(idf, 2f);
        float[] w = NgramBags.groupWeighted(idf, lyrics, TRAIN, h, 0.5, 3);
        for (int b : new int[] {907, 681, 655}) org.junit.jupiter.api.Assertions.assertEquals(2f, w[b], 0f, "word bucket " + b);
        for (int b : new int[] {618, 202, 304, 367, 0, 999}) org.junit.jupiter.api.Assertions.assertEquals(1f, w[b], 0f, "bigram bucket " + b);
        for (int b = 1000; b < 1010; b++) org.junit.jupiter.api.Assertions.assertEquals(6f, w[b], 0f, "char bucket " + b);
        org.junit.jupiter.api.Assertions.assertEquals(2f, idf[618], 0f);   // not changed
    }

    @Test
    void kindWeightsEnterTheTfidfNorm() {
        // buckets 0 (a word, idf 1) and 2 (a bigram, idf 1.4054651 times 2): song 0 of COUNTS with the bigram weighing twice
        // (1 + ln 2) · 1 = 1.6931472 and 2 · 1.4054651 = 2.8109302, norm 3.2814747
        float[] idf = NgramBags.idf(COUNTS, TRAIN, 1);
        idf[2] *= 2;
        NgramBags b = NgramBags.weigh(COUNTS, idf, NgramBags.Pooling.TFIDF);
        assertArrayEquals(new float[] {0.51597143f, 0.85660579f}, java.util.Arrays.copyOf(b.weights(), 2), 1e-6f);
    }
}
