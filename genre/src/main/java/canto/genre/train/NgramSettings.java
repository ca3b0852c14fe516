package canto.genre.train;

import canto.genre.data.NgramBags;
import canto.genre.data.NgramFeatures;

/**
 * The settings of {@code --experiment ngrams}; {@link #DEFAULTS} are the ones chosen on a
 * hold-out part of the training split (docs/EXPERIMENTS.md records the search).
 *
 * @param buckets hash buckets B for words and bigrams (the table has B + {@code features.charBuckets()} rows)
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
 * @param ensemble number K of models trained independently (own initial weights and batch
 *                 order) whose logits are averaged ({@link NgramEnsemble}); saved as one model of width K·dim
 * @param order the longest n-gram hashed: 1 words, 2 words and bigrams, 3 also trigrams
 * @param labelSmoothing ε: the training target is {@code (1 - ε) · onehot + ε / 7} (PyTorch's
 *                       {@code CrossEntropyLoss(label_smoothing=ε)}); 0 for plain cross-entropy
 * @param ngramDropout share of each training song's n-grams left out of each pass ({@link NgramNetwork#setItemDropout})
 * @param klWeight 0: plain TF-IDF; above 0: each bucket's idf times {@code KL^klWeight}, how far
 *                 the genre mix of its training songs lies from the prior ({@link NgramBags#klWeighted})
 * @param averageEpochs 0: the last weights; A above 0: the mean of snapshots of the weights taken
 *                      every {@code averageEvery} steps during the last A epochs (Polyak / SWA averaging)
 * @param averageEvery steps between two snapshots of the averaging
 * @param nbPrior 0: none; above 0: a fixed multinomial Naive Bayes term of this scale added to the logits ({@link NaiveBayesPrior})
 * @param nbAlpha the Naive Bayes term's additive smoothing (in units of TF-IDF bag weight)
 * @param features character n-grams and the weights of the n-gram kinds ({@link NgramFeatures})
 */
public record NgramSettings(int buckets, int dim, int hidden, float dropout, NgramBags.Pooling pooling, double lr, double tableSgdLr, double weightDecay, int minDf, boolean holdout, int ensemble, int order, double labelSmoothing, double ngramDropout, double klWeight, int averageEpochs, int averageEvery, double nbPrior, double nbAlpha, NgramFeatures features) {
    public static final int EPOCHS = 4;
    public static final int BATCH = 32;
    public static final NgramSettings DEFAULTS = new NgramSettings(1 << 20, 16, 0, 0f, NgramBags.Pooling.TFIDF, 0.001, 10, 3e-4, 2, false, 1, 2, 0, 0, 0, 0, 50, 0, 10, new NgramFeatures(3, 5, NgramFeatures.DEFAULT_CHAR_BUCKETS, 1, 0.5));

    public NgramSettings {
        if (ensemble < 1) throw new IllegalArgumentException("ensemble must be at least 1: " + ensemble);
        if (order < 1 || order > 3) throw new IllegalArgumentException("n-gram order must be 1, 2 or 3: " + order);
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) throw new IllegalArgumentException("label smoothing must be in [0, 1): " + labelSmoothing);
        if (!(ngramDropout >= 0 && ngramDropout < 1)) throw new IllegalArgumentException("n-gram dropout must be in [0, 1): " + ngramDropout);
        if (!(klWeight >= 0)) throw new IllegalArgumentException("KL weighting exponent must be 0 or more: " + klWeight);
        if (!(nbPrior >= 0) || !(nbAlpha > 0)) throw new IllegalArgumentException("Naive Bayes prior needs scale >= 0 and alpha > 0: " + nbPrior + ", " + nbAlpha);
        if (nbPrior > 0 && hidden > 0) throw new IllegalArgumentException("a Naive Bayes prior needs a model without hidden layer");
        if (features == null) throw new IllegalArgumentException("features must not be null");
        if (averageEpochs < 0 || averageEvery < 1) throw new IllegalArgumentException("averaging needs epochs >= 0 and a step >= 1: " + averageEpochs + ", " + averageEvery);
    }

    /** A single model (ensemble 1) on words and bigrams only (no character n-grams), no label smoothing. */
    public NgramSettings(int buckets, int dim, int hidden, float dropout, NgramBags.Pooling pooling, double lr, double tableSgdLr, double weightDecay, int minDf, boolean holdout) {
        this(buckets, dim, hidden, dropout, pooling, lr, tableSgdLr, weightDecay, minDf, holdout, 1, 2, 0, 0, 0, 0, 50, 0, 10, NgramFeatures.NONE);
    }

    public NgramSettings withHoldout(boolean h) { return new NgramSettings(buckets, dim, hidden, dropout, pooling, lr, tableSgdLr, weightDecay, minDf, h, ensemble, order, labelSmoothing, ngramDropout, klWeight, averageEpochs, averageEvery, nbPrior, nbAlpha, features); }

    public NgramSettings withEnsemble(int k) { return new NgramSettings(buckets, dim, hidden, dropout, pooling, lr, tableSgdLr, weightDecay, minDf, holdout, k, order, labelSmoothing, ngramDropout, klWeight, averageEpochs, averageEvery, nbPrior, nbAlpha, features); }

    public NgramSettings withOrder(int n) { return new NgramSettings(buckets, dim, hidden, dropout, pooling, lr, tableSgdLr, weightDecay, minDf, holdout, ensemble, n, labelSmoothing, ngramDropout, klWeight, averageEpochs, averageEvery, nbPrior, nbAlpha, features); }

    public NgramSettings withNgramDropout(double p) { return new NgramSettings(buckets, dim, hidden, dropout, pooling, lr, tableSgdLr, weightDecay, minDf, holdout, ensemble, order, labelSmoothing, p, klWeight, averageEpochs, averageEvery, nbPrior, nbAlpha, features); }

    public NgramSettings withLabelSmoothing(double e) { return new NgramSettings(buckets, dim, hidden, dropout, pooling, lr, tableSgdLr, weightDecay, minDf, holdout, ensemble, order, e, ngramDropout, klWeight, averageEpochs, averageEvery, nbPrior, nbAlpha, features); }

    public NgramSettings withKlWeight(double b) { return new NgramSettings(buckets, dim, hidden, dropout, pooling, lr, tableSgdLr, weightDecay, minDf, holdout, ensemble, order, labelSmoothing, ngramDropout, b, averageEpochs, averageEvery, nbPrior, nbAlpha, features); }

    public NgramSettings withAveraging(int epochs, int every) { return new NgramSettings(buckets, dim, hidden, dropout, pooling, lr, tableSgdLr, weightDecay, minDf, holdout, ensemble, order, labelSmoothing, ngramDropout, klWeight, epochs, every, nbPrior, nbAlpha, features); }

    public NgramSettings withNbPrior(double scale, double alpha) { return new NgramSettings(buckets, dim, hidden, dropout, pooling, lr, tableSgdLr, weightDecay, minDf, holdout, ensemble, order, labelSmoothing, ngramDropout, klWeight, averageEpochs, averageEvery, scale, alpha, features); }

    public NgramSettings withFeatures(NgramFeatures f) { return new NgramSettings(buckets, dim, hidden, dropout, pooling, lr, tableSgdLr, weightDecay, minDf, holdout, ensemble, order, labelSmoothing, ngramDropout, klWeight, averageEpochs, averageEvery, nbPrior, nbAlpha, f); }

    /** One line for the run's header. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "buckets %d, dim %d, hidden %d, dropout %s, pooling %s, lr %s, table %s, wd %s, min-df %d, ensemble %d, n-grams up to %d, label smoothing %s, n-gram dropout %s, KL weighting %s, averaging %s, Naive Bayes prior %s, %s%s",
                buckets, dim, hidden, dropout, pooling.id(), lr, tableSgdLr > 0 ? "SGD lr " + tableSgdLr + " falling linearly to 0" : "SparseAdam", weightDecay, minDf, ensemble, order, labelSmoothing, ngramDropout, klWeight, averageEpochs > 0 ? "last " + averageEpochs + " epoch(s) every " + averageEvery + " steps" : "off", nbPrior > 0 ? "scale " + nbPrior + " alpha " + nbAlpha : "off", features.describe(), holdout ? ", HOLD-OUT tuning (validation split unused)" : "");
    }
}
