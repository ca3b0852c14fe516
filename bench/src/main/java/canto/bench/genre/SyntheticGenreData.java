package canto.bench.genre;

import canto.engine.util.Rng;
import canto.genre.model.GenreModels;

/**
 * Random data of the real genre shapes: token ids {@code [rows, 100]} drawn uniformly from a
 * vocabulary of 45,640 words plus the padding id (as exact-integer floats, the way the genre
 * networks take them), 22 features in [0, 1) per row, and labels in [0, 7). Uniform ids are
 * not what real lyrics look like (there most words are rare): {@link RealGenreData} reads the
 * real file.
 */
public final class SyntheticGenreData {
    /** Vocabulary size of the full dataset's training split; the table has one more row. */
    public static final int VOCABULARY = 45_640;
    /** Training rows of the full dataset (80% of 28,372). */
    public static final int TRAIN_ROWS = 22_697;

    private SyntheticGenreData() {}

    public static GenreBenchData make(int rows, long seed) {
        Rng rng = new Rng(seed);
        int len = GenreModels.SEQUENCE_LENGTH;
        float[] ids = new float[rows * len];
        for (int r = 0; r < rows; r++) {
            // a song of 20..100 tokens, padded with id V to 100, as the real ones are
            int tokens = 20 + rng.nextInt(len - 19);
            for (int t = 0; t < len; t++) ids[r * len + t] = t < tokens ? rng.nextInt(VOCABULARY) : VOCABULARY;
        }
        float[] features = features(rows, rng);
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) labels[r] = rng.nextInt(GenreModels.CLASSES);
        int[] train = new int[rows];
        for (int i = 0; i < rows; i++) train[i] = i;
        return new GenreBenchData(ids, features, labels, train, VOCABULARY + 1, "lyrics=synthetic features=synthetic");
    }

    /** {@code [rows, 22]} uniform in [0, 1). */
    static float[] features(int rows, Rng rng) {
        float[] f = new float[rows * GenreModels.FEATURES];
        for (int i = 0; i < f.length; i++) f[i] = rng.nextFloat();
        return f;
    }
}
