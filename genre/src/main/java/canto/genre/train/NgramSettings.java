package canto.genre.train;

import canto.genre.data.NgramBags;

/**
 * The settings of {@code --experiment ngrams}; {@link #DEFAULTS} are the ones chosen on a
 * hold-out part of the training split (docs/EXPERIMENTS.md records the search).
 *
 * @param buckets hash buckets B for words and bigrams (the table's rows)
 * @param dim embedding width
 * @param hidden width of the ReLU hidden layer, 0 for none (plain fastText)
 * @param dropout dropout on the pooled bag in training, 0 for none
 * @param pooling TF-IDF weights or plain mean
 * @param lr learning rate of SparseAdam (table) and Adam (dense layers)
 * @param tableSgdLr 0: SparseAdam on the table at {@code lr}; above 0: plain SGD on the table at this rate
 * @param weightDecay L2 penalty on the table rows a batch uses (lazy) and on the dense layers
 * @param minDf buckets in fewer training songs than this are left out of every bag
 * @param holdout tune mode: train on 80% of the training split and score the other 20% of
 *                it; the validation split is not used at all
 */
public record NgramSettings(int buckets, int dim, int hidden, float dropout, NgramBags.Pooling pooling, double lr, double tableSgdLr, double weightDecay, int minDf, boolean holdout) {
    public static final int EPOCHS = 3;
    public static final int BATCH = 32;
    public static final NgramSettings DEFAULTS = new NgramSettings(1 << 20, 16, 0, 0f, NgramBags.Pooling.TFIDF, 0.001, 10, 3e-4, 2, false);

    public NgramSettings withHoldout(boolean h) { return new NgramSettings(buckets, dim, hidden, dropout, pooling, lr, tableSgdLr, weightDecay, minDf, h); }

    /** One line for the run's header. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "buckets %d, dim %d, hidden %d, dropout %s, pooling %s, lr %s, table %s, wd %s, min-df %d%s",
                buckets, dim, hidden, dropout, pooling.id(), lr, tableSgdLr > 0 ? "SGD lr " + tableSgdLr + " falling linearly to 0" : "SparseAdam", weightDecay, minDf, holdout ? ", HOLD-OUT tuning (validation split unused)" : "");
    }
}
