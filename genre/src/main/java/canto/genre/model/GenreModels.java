package canto.genre.model;

import canto.engine.nn.Activation;
import canto.engine.nn.Dropout;
import canto.engine.nn.Embedding;
import canto.engine.nn.Flatten;
import canto.engine.nn.Linear;
import canto.engine.nn.Sequential;
import canto.engine.nn.TwoBranch;
import canto.engine.util.Rng;

/**
 * The three networks of the blog post "Deep Music Genre Classification" (2024), built on the
 * engine. Layers are created in the order listed, each drawing its initial values from
 * {@code rng}; every dropout layer gets its own stream ({@link Rng#split()}).
 *
 * <p>Parameter names (as {@code Parameters.of(model).named()} lists them):
 * <ul>
 *   <li>{@link #lyrics}: {@code 0.weight [V+1, 4]}, {@code 2.weight [7, 400]}, {@code 2.bias [7]}.</li>
 *   <li>{@link #features}: {@code 0.*}, {@code 3.*}, {@code 6.*}, {@code 9.*}, {@code 12.*}
 *       (Linear layers at those indices; ReLU and Dropout take the indices between).</li>
 *   <li>{@link #combined}: {@code lyrics_pipeline.0.weight [V+1, 3]},
 *       {@code lyrics_pipeline.3.*}; {@code feature_pipeline.0.*}, {@code .3.*}, {@code .6.*},
 *       {@code .9.*}; {@code combined_pipeline.0.*}, {@code .1.*}, {@code .2.*}, {@code .3.*}.</li>
 * </ul>
 * Input of the lyrics networks: {@code [batch, 100]} token ids (id {@code V} pads); of the
 * feature networks: {@code [batch, 22]} floats. Output of all three: {@code [batch, 7]} logits.
 */
public final class GenreModels {
    /** Genres: blues, country, hip hop, jazz, pop, reggae, rock. */
    public static final int CLASSES = 7;
    /** Token ids per song. */
    public static final int SEQUENCE_LENGTH = 100;
    /** Engineered features per song (16 theme scores + 6 audio features). */
    public static final int FEATURES = 22;
    /** Embedding width of experiment 1. */
    public static final int LYRICS_EMBEDDING_DIM = 4;
    /** Embedding width of the lyrics branch of experiment 3. */
    public static final int COMBINED_EMBEDDING_DIM = 3;
    /** Dropout probability everywhere dropout is used. */
    public static final float DROPOUT = 0.2f;

    /** Branch names of {@link #combined}. */
    public static final String LYRICS_BRANCH = "lyrics_pipeline";
    public static final String FEATURE_BRANCH = "feature_pipeline";
    public static final String HEAD = "combined_pipeline";

    private GenreModels() {}

    /**
     * Experiment 1: {@code Embedding(V+1, 4) -> Flatten (400) -> Linear(400, 7)}.
     *
     * @param vocabPlusOne vocabulary size V plus one row for the padding id V
     */
    public static Sequential lyrics(int vocabPlusOne, Rng rng) {
        return new Sequential(
                new Embedding(vocabPlusOne, LYRICS_EMBEDDING_DIM, rng),
                new Flatten(),
                new Linear(SEQUENCE_LENGTH * LYRICS_EMBEDDING_DIM, CLASSES, rng));
    }

    /**
     * Experiment 2: {@code Linear(22,128) ReLU Dropout(0.2) Linear(128,64) ReLU Dropout
     * Linear(64,32) ReLU Dropout Linear(32,16) ReLU Dropout Linear(16,7)}.
     */
    public static Sequential features(Rng rng) {
        return new Sequential(
                new Linear(FEATURES, 128, rng), Activation.relu(), new Dropout(DROPOUT, rng.split()),
                new Linear(128, 64, rng), Activation.relu(), new Dropout(DROPOUT, rng.split()),
                new Linear(64, 32, rng), Activation.relu(), new Dropout(DROPOUT, rng.split()),
                new Linear(32, 16, rng), Activation.relu(), new Dropout(DROPOUT, rng.split()),
                new Linear(16, CLASSES, rng));
    }

    /**
     * Experiment 3. Lyrics branch {@code Embedding(V+1, 3) -> Flatten (300) -> Dropout(0.2) ->
     * Linear(300, 7)}; feature branch {@code Linear(22,512) ReLU Dropout Linear(512,128) ReLU
     * Dropout Linear(128,32) ReLU Dropout Linear(32,7)}; the two 7-wide outputs concatenated
     * (lyrics first) into 14 and mapped by {@code Linear(14,512) Linear(512,256)
     * Linear(256,64) Linear(64,7)} — no activations between these four, as published.
     * Inputs: left = token ids {@code [batch, 100]}, right = features {@code [batch, 22]}.
     */
    public static TwoBranch combined(int vocabPlusOne, Rng rng) {
        Sequential lyricsBranch = new Sequential(
                new Embedding(vocabPlusOne, COMBINED_EMBEDDING_DIM, rng),
                new Flatten(),
                new Dropout(DROPOUT, rng.split()),
                new Linear(SEQUENCE_LENGTH * COMBINED_EMBEDDING_DIM, CLASSES, rng));
        Sequential featureBranch = new Sequential(
                new Linear(FEATURES, 512, rng), Activation.relu(), new Dropout(DROPOUT, rng.split()),
                new Linear(512, 128, rng), Activation.relu(), new Dropout(DROPOUT, rng.split()),
                new Linear(128, 32, rng), Activation.relu(), new Dropout(DROPOUT, rng.split()),
                new Linear(32, CLASSES, rng));
        Sequential head = new Sequential(
                new Linear(2 * CLASSES, 512, rng),
                new Linear(512, 256, rng),
                new Linear(256, 64, rng),
                new Linear(64, CLASSES, rng));
        return new TwoBranch(LYRICS_BRANCH, lyricsBranch, FEATURE_BRANCH, featureBranch, HEAD, head);
    }
}
