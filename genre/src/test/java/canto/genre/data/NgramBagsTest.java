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
}
