package canto.bench.genre;

import canto.engine.util.Rng;
import canto.genre.model.GenreModels;

/**
 * Random data of the real genre shapes: token ids {@code [rows, 100]} over a vocabulary of
 * 45,640 words plus the padding id (as exact-integer floats, the way the genre networks take
 * them), 22 features in [0, 1) per row, and labels in [0, 7). Timing needs only the shapes.
 */
public final class SyntheticGenreData {
    /** Vocabulary size of the full dataset's training split; the table has one more row. */
    public static final int VOCABULARY = 45_640;
    /** Training rows of the full dataset (80% of 28,372). */
    public static final int TRAIN_ROWS = 22_697;

    public final int rows;
    public final float[] ids;
    public final float[] features;
    public final int[] labels;

    public SyntheticGenreData(int rows, long seed) {
        this.rows = rows;
        Rng rng = new Rng(seed);
        int len = GenreModels.SEQUENCE_LENGTH;
        ids = new float[rows * len];
        for (int r = 0; r < rows; r++) {
            // a song of 20..100 tokens, padded with id V to 100, as the real ones are
            int tokens = 20 + rng.nextInt(len - 19);
            for (int t = 0; t < len; t++) ids[r * len + t] = t < tokens ? rng.nextInt(VOCABULARY) : VOCABULARY;
        }
        features = new float[rows * GenreModels.FEATURES];
        for (int i = 0; i < features.length; i++) features[i] = rng.nextFloat();
        labels = new int[rows];
        for (int r = 0; r < rows; r++) labels[r] = rng.nextInt(GenreModels.CLASSES);
    }
}
