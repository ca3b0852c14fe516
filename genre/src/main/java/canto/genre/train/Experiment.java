package canto.genre.train;

import java.util.Locale;

/**
 * The three published experiments, with their published settings and results, and ours.
 * Accuracies are fractions; NaN where the post gave none.
 */
public enum Experiment {
    /** Experiment 1: lyrics only. Published 76.2% train, 26.3% validation. */
    LYRICS(30, 8, true, false, 0.762, 0.263),
    /** Experiment 2: the 22 engineered features only. Published 37.4% validation. */
    FEATURES(50, 16, false, true, Double.NaN, 0.374),
    /** Experiment 3: lyrics and features. Published 65.5% train, 34.9% validation. */
    COMBINED(40, 16, true, true, 0.655, 0.349),
    /** Ours: the fastText classifier on TF-IDF-weighted word, bigram and character n-gram buckets ({@link NgramExperiment}). */
    NGRAMS(NgramSettings.EPOCHS, NgramSettings.BATCH, true, false, Double.NaN, Double.NaN);

    /** The three published experiments, in order (what {@code --experiment all} runs). */
    public static final java.util.List<Experiment> PUBLISHED = java.util.List.of(LYRICS, FEATURES, COMBINED);

    /** Adam's learning rate in the three published experiments. */
    public static final float LEARNING_RATE = 0.001f;

    private final int epochs;
    private final int batchSize;
    private final boolean usesLyrics;
    private final boolean usesFeatures;
    private final double publishedTrainAccuracy;
    private final double publishedValAccuracy;

    Experiment(int epochs, int batchSize, boolean usesLyrics, boolean usesFeatures, double publishedTrain, double publishedVal) {
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.usesLyrics = usesLyrics;
        this.usesFeatures = usesFeatures;
        this.publishedTrainAccuracy = publishedTrain;
        this.publishedValAccuracy = publishedVal;
    }

    /** The name used on the command line and in results: lyrics, features, combined. */
    public String id() { return name().toLowerCase(Locale.ROOT); }
    public int publishedEpochs() { return epochs; }
    public int publishedBatchSize() { return batchSize; }
    public boolean usesLyrics() { return usesLyrics; }
    public boolean usesFeatures() { return usesFeatures; }
    public double publishedTrainAccuracy() { return publishedTrainAccuracy; }
    public double publishedValAccuracy() { return publishedValAccuracy; }

    /** The experiment called {@code id}, or null. */
    public static Experiment byId(String id) {
        for (Experiment e : values()) if (e.id().equals(id)) return e;
        return null;
    }
}
