package canto.genre;

import canto.genre.data.NgramBags;
import canto.genre.data.NgramFeatures;
import canto.genre.train.Experiment;
import canto.genre.train.NgramSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line, parsed and checked.
 *
 * @param experiments the experiments to run, in order
 * @param epochs epochs per run, or 0 for each experiment's published count
 * @param batch batch size, or 0 for each experiment's published size
 * @param seeds runs per experiment, with seeds 1, 2, ..., seeds
 * @param syntheticFeatures replace the 22 features with random numbers (timing runs only)
 * @param ngrams the settings of experiment ngrams
 */
public record Options(List<Experiment> experiments, Path data, int epochs, int batch, int seeds, Path out,
                      boolean syntheticFeatures, NgramSettings ngrams) {

    public static final String USAGE = String.join("\n",
            "usage: java --add-modules jdk.incubator.vector -jar genre.jar --experiment lyrics|features|combined|all|ngrams --data FILE",
            "                 [--epochs N] [--batch N] [--seeds N] [--out DIR] [--synthetic-features]",
            "                 [--buckets N] [--dim N] [--hidden N] [--dropout P] [--pooling tfidf|mean] [--lr X] [--table-sgd X] [--wd X] [--min-df N] [--ensemble K] [--ngram-order N] [--label-smoothing E] [--ngram-dropout P] [--kl-weight B] [--average A] [--average-every S] [--nb-prior X] [--nb-alpha X]",
            "                 [--char-ngrams MIN-MAX] [--char-buckets N] [--char-weight X] [--bigram-weight X] [--holdout]",
            "       java -jar genre.jar predict --model DIR [--json] [--data FILE] [TEXT...]",
            "",
            "Reproduces the three experiments of \"Deep Music Genre Classification\" (2024) on tcc_ceds_music.csv.",
            "  --experiment  lyrics (exp. 1: 30 epochs, batch 8), features (exp. 2: 50 epochs, batch 16),",
            "                combined (exp. 3: 40 epochs, batch 16), all three, or ngrams (ours: fastText on",
            "                TF-IDF-weighted word, bigram and character n-gram buckets; default " + NgramSettings.EPOCHS + " epochs, batch " + NgramSettings.BATCH + ")",
            "  --data FILE   tcc_ceds_music.csv or a partial copy (columns are found by name)",
            "  --epochs N    epochs per run (default: the published count)",
            "  --batch N     batch size (default: the published size)",
            "  --seeds N     runs per experiment, seeds 1..N; each seed gives its own split (default 1)",
            "  --out DIR     where results.json and the pictures go (default out/)",
            "ngrams only (defaults: " + NgramSettings.DEFAULTS.describe() + "):",
            "  --buckets N   hash buckets for words and bigrams     --dim N     embedding width",
            "  --hidden N    ReLU hidden layer width (0: none)       --dropout P dropout on the pooled bag",
            "  --pooling     tfidf (sublinear tf x idf, L2-normalised) or mean (fastText)   --lr X  learning rate",
            "  --min-df N    leave out buckets found in fewer than N training songs",
            "  --wd X        L2 penalty on the table rows each batch uses, and on the dense layers",
            "  --table-sgd X plain SGD at rate X for the table instead of SparseAdam (0: SparseAdam)",
            "  --ensemble K  train K models (own initial weights and batch order), average their logits;",
            "                saved as one model K times as wide",
            "  --ngram-order N  longest n-gram: 1 words, 2 words + bigrams, 3 + trigrams",
            "  --label-smoothing E  train towards (1 - E) onehot + E / 7 (0: plain cross-entropy)",
            "  --ngram-dropout P  leave each n-gram of a training song out with probability P, per pass",
            "  --kl-weight B  supervised term weights: idf times KL(genre mix of the bucket's training songs || all)^B (0: off)",
            "  --average A   use the mean of weight snapshots taken every --average-every S steps over the last A epochs (0: off)",
            "  --nb-prior X  add a fixed multinomial Naive Bayes term (TF-IDF counts, smoothing --nb-alpha) times X to the logits (0: off)",
            "  --char-ngrams MIN-MAX  add each word's character n-grams of MIN..MAX code points of '<word>' (fastText's subwords; default 3-5; 0: none)",
            "  --char-buckets N  their own hash buckets after the word/bigram ones (default 2^19)",
            "  --char-weight X   factor on the character n-grams' idf (default 0.5); --bigram-weight X: on the bigrams' (default 1)",
            "  --holdout     tuning: train on 80% of the training split, score the other 20%; the validation split is not used",
            "  --synthetic-features  replace the 22 features by random numbers: for timing experiments 2 and 3",
            "                on a file without them; the accuracies then mean nothing",
            "Each run saves its model under DIR/models/<experiment>-seed<S>/ (model.safetensors, vocab.txt, validation.txt);",
            "`genre.jar predict --help` tells how to use one.",
            "Without --add-modules jdk.incubator.vector the same runs use the scalar kernels (slower).",
            "",
            "example: java --add-modules jdk.incubator.vector -jar genre/target/genre.jar --experiment lyrics \\",
            "           --data data/genre/tcc_ceds_music_lyrics_all_rows.csv --seeds 5 --out out/lyrics");

    /** Character n-gram buckets when --char-ngrams is given without --char-buckets. */
    public static final int DEFAULT_CHAR_BUCKETS = NgramFeatures.DEFAULT_CHAR_BUCKETS;

    /** Thrown for a bad command line; the message is one line for the user. */
    public static final class UsageException extends Exception {
        public UsageException(String message) { super(message); }
    }

    /** True when {@code args} ask for the help text. */
    public static boolean wantsHelp(String[] args) {
        for (String a : args) if (a.equals("--help") || a.equals("-h")) return true;
        return false;
    }

    public static Options parse(String[] args) throws UsageException {
        List<Experiment> experiments = null;
        Path data = null, out = Path.of("out");
        int epochs = 0, batch = 0, seeds = 1;
        boolean synthetic = false;
        NgramSettings ng = NgramSettings.DEFAULTS;
        int buckets = ng.buckets(), dim = ng.dim(), hidden = ng.hidden();
        float dropout = ng.dropout();
        NgramBags.Pooling pooling = ng.pooling();
        double lr = ng.lr();
        int minDf = ng.minDf();
        double wd = ng.weightDecay(), tableSgd = ng.tableSgdLr();
        boolean holdout = false;
        int ensemble = ng.ensemble(), order = ng.order();
        double smoothing = ng.labelSmoothing(), ngramDropout = ng.ngramDropout(), klWeight = ng.klWeight();
        int averageEpochs = ng.averageEpochs(), averageEvery = ng.averageEvery();
        double nbPrior = ng.nbPrior(), nbAlpha = ng.nbAlpha();
        int charMin = ng.features().charMin(), charMax = ng.features().charMax(), charBuckets = ng.features().charBuckets();
        double bigramWeight = ng.features().bigramWeight(), charWeight = ng.features().charWeight();
        boolean charBucketsGiven = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--experiment": {
                    String v = value(args, ++i, a);
                    if (v.equals("all")) {
                        experiments = Experiment.PUBLISHED;
                    } else {
                        Experiment e = Experiment.byId(v);
                        if (e == null) throw new UsageException("--experiment must be lyrics, features, combined, all or ngrams, not '" + v + "'");
                        experiments = List.of(e);
                    }
                    break;
                }
                case "--data": data = Path.of(value(args, ++i, a)); break;
                case "--epochs": epochs = positive(args, ++i, a); break;
                case "--batch": batch = positive(args, ++i, a); break;
                case "--seeds": seeds = positive(args, ++i, a); break;
                case "--out": out = Path.of(value(args, ++i, a)); break;
                case "--synthetic-features": synthetic = true; break;
                case "--buckets": buckets = positive(args, ++i, a, 1 << 26); break;
                case "--dim": dim = positive(args, ++i, a, 4096); break;
                case "--hidden": hidden = nonNegative(args, ++i, a); break;
                case "--dropout": dropout = (float) fraction(args, ++i, a, 0, 1); break;
                case "--lr": lr = fraction(args, ++i, a, 1e-9, 10); break;
                case "--holdout": holdout = true; break;
                case "--ensemble": ensemble = positive(args, ++i, a, 64); break;
                case "--ngram-order": order = positive(args, ++i, a, 3); break;
                case "--label-smoothing": smoothing = fraction(args, ++i, a, 0, 1); break;
                case "--ngram-dropout": ngramDropout = fraction(args, ++i, a, 0, 1); break;
                case "--kl-weight": klWeight = fraction(args, ++i, a, 0, 10); break;
                case "--average": averageEpochs = nonNegative(args, ++i, a); break;
                case "--average-every": averageEvery = positive(args, ++i, a); break;
                case "--nb-prior": nbPrior = fraction(args, ++i, a, 0, 1000); break;
                case "--nb-alpha": nbAlpha = fraction(args, ++i, a, 1e-9, 1000); break;
                case "--char-ngrams": {
                    String v = value(args, ++i, a);
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,2})-([0-9]{1,2})").matcher(v);
                    if (v.equals("0")) { charMin = 0; charMax = 0; break; }
                    if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) < Integer.parseInt(m.group(1)) || Integer.parseInt(m.group(2)) > 20)
                        throw new UsageException("--char-ngrams must be MIN-MAX with 1 <= MIN <= MAX <= 20 (e.g. 3-5), or 0 for none, not '" + v + "'");
                    charMin = Integer.parseInt(m.group(1));
                    charMax = Integer.parseInt(m.group(2));
                    break;
                }
                case "--char-buckets": charBuckets = positive(args, ++i, a, 1 << 24); charBucketsGiven = true; break;
                case "--bigram-weight": bigramWeight = fraction(args, ++i, a, 1e-6, 1000); break;
                case "--char-weight": charWeight = fraction(args, ++i, a, 1e-6, 1000); break;
                case "--min-df": minDf = positive(args, ++i, a); break;
                case "--wd": wd = fraction(args, ++i, a, 0, 10); break;
                case "--table-sgd": tableSgd = fraction(args, ++i, a, 0, 10_000); break;
                case "--pooling": {
                    String v = value(args, ++i, a);
                    pooling = NgramBags.Pooling.byId(v);
                    if (pooling == null) throw new UsageException("--pooling must be tfidf or mean, not '" + v + "'");
                    break;
                }
                default: throw new UsageException("unknown option '" + a + "'");
            }
        }
        List<String> missing = new ArrayList<>();
        if (experiments == null) missing.add("--experiment");
        if (data == null) missing.add("--data");
        if (!missing.isEmpty()) throw new UsageException("missing " + String.join(" and ", missing));
        if (charMin == 0) {
            if (charBucketsGiven) throw new UsageException("--char-buckets needs --char-ngrams MIN-MAX");
            charBuckets = 0;
        } else if (charBuckets == 0) {
            charBuckets = DEFAULT_CHAR_BUCKETS;
        }
        if ((long) (buckets + charBuckets) * dim * ensemble > Integer.MAX_VALUE) throw new UsageException("--buckets (plus --char-buckets) times --dim times --ensemble must stay below 2^31");
        return new Options(experiments, data, epochs, batch, seeds, out, synthetic,
                new NgramSettings(buckets, dim, hidden, dropout, pooling, lr, tableSgd, wd, minDf, holdout, ensemble, order, smoothing, ngramDropout, klWeight, averageEpochs, averageEvery, nbPrior, nbAlpha,
                        new NgramFeatures(charMin, charMax, charBuckets, bigramWeight, charWeight)));
    }

    /** Epochs for {@code e}: the option, or the published count. */
    public int epochsFor(Experiment e) { return epochs > 0 ? epochs : e.publishedEpochs(); }

    /** Batch size for {@code e}: the option, or the published size. */
    public int batchFor(Experiment e) { return batch > 0 ? batch : e.publishedBatchSize(); }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) throw new UsageException(option + " needs a value");
        return args[i];
    }

    private static int positive(String[] args, int i, String option) throws UsageException {
        return positive(args, i, option, 1_000_000);
    }

    private static int positive(String[] args, int i, String option, int max) throws UsageException {
        String v = value(args, i, option);
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= max) return n;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException(option + " must be a whole number from 1 to " + max + ", not '" + v + "'");
    }

    private static int nonNegative(String[] args, int i, String option) throws UsageException {
        String v = value(args, i, option);
        if (v.equals("0")) return 0;
        return positive(args, i, option, 100_000);
    }

    /** A number in [min, max) (min included). */
    private static double fraction(String[] args, int i, String option, double min, double max) throws UsageException {
        String v = value(args, i, option);
        try {
            double x = Double.parseDouble(v);
            if (x >= min && x < max) return x;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException(option + " must be a number in [" + min + ", " + max + "), not '" + v + "'");
    }
}
