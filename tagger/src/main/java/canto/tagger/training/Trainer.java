package canto.tagger.training;

import canto.engine.nn.Parameters;
import canto.engine.optim.Adam;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import canto.tagger.features.FeatureExtractor;
import canto.tagger.features.TokenFeatures;
import canto.tagger.model.TokenClassifier;
import canto.tagger.tokens.Token;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Trains a {@link TokenClassifier}: Adam on the CRF's mean negative log-likelihood per title, mini-batches of
 * whole titles in a seeded shuffled order, feature dropout (each hashed feature of each token
 * dropped with probability {@code featureDropout}, the bias feature never) and word dropout (a
 * word's own features hidden with probability {@code wordDropout}, see {@link #unseenWords}). Everything random
 * comes from one {@link Rng}, so the same data, options and kernels give the same weights
 * bit for bit.
 */
public final class Trainer {
    /** Training hyper-parameters. */
    public record Options(int epochs, int batchTitles, float lr, float weightDecay, float featureDropout, float wordDropout, long seed) {
        public Options {
            if (epochs < 1 || batchTitles < 1 || !(lr > 0) || weightDecay < 0 || featureDropout < 0 || featureDropout >= 1
                    || wordDropout < 0 || wordDropout >= 1) {
                throw new IllegalArgumentException("bad training options");
            }
        }

        /** Options without word dropout. */
        public Options(int epochs, int batchTitles, float lr, float weightDecay, float featureDropout, long seed) {
            this(epochs, batchTitles, lr, weightDecay, featureDropout, 0f, seed);
        }

        public static Options defaults(long seed) { return new Options(30, 16, 0.003f, 0f, 0.1f, seed); }

        public Options withSeed(long s) { return new Options(epochs, batchTitles, lr, weightDecay, featureDropout, wordDropout, s); }

        public Options withEpochs(int e) { return new Options(e, batchTitles, lr, weightDecay, featureDropout, wordDropout, seed); }
    }

    private Trainer() {}

    /** The loss after each epoch is printed to {@code log} when it is not null. Returns the trained model. */
    public static TokenClassifier train(List<LabelledTitle> data, TokenClassifier.Config config, Options opt, PrintStream log) {
        return train(data, config, opt, log, null);
    }

    /**
     * As {@link #train(List, TokenClassifier.Config, Options, PrintStream)} with the lexicon feature:
     * {@code lexiconMarks} gives the {@link canto.tagger.features.ArtistLexicon} marks of a title's
     * tokens, asked once per title in data order (the recipe's known acts, {@link KnownActs}).
     */
    public static TokenClassifier trainWithLexicon(List<LabelledTitle> data, TokenClassifier.Config config, Options opt, PrintStream log,
                                                   BiFunction<LabelledTitle, List<Token>, int[]> lexiconMarks) {
        return fresh(data, config, opt, log, null, new FineTune(lexiconMarks, null, 1f));
    }

    /** As {@link #train(List, TokenClassifier.Config, Options, PrintStream)}; {@code epochLosses}, when given, receives each epoch's mean loss. */
    static TokenClassifier train(List<LabelledTitle> data, TokenClassifier.Config config, Options opt, PrintStream log,
                                 List<Double> epochLosses) {
        return fresh(data, config, opt, log, epochLosses, new FineTune(null, null, 1f));
    }

    /** A new model of {@code config}, initialised from the seed's first split, trained on {@code data}. */
    private static TokenClassifier fresh(List<LabelledTitle> data, TokenClassifier.Config config, Options opt, PrintStream log,
                                         List<Double> epochLosses, FineTune ft) {
        if (data.isEmpty()) throw new IllegalArgumentException("no training titles");
        if (config.featureVersion() != FeatureExtractor.VERSION) {
            throw new IllegalArgumentException("feature version " + config.featureVersion() + " is not " + FeatureExtractor.VERSION);
        }
        Rng rng = new Rng(opt.seed());
        Rng initRng = rng.split();
        return fit(new TokenClassifier(config, initRng), data, opt, rng, log, epochLosses, ft);
    }

    /**
     * Trains on from the weights {@code start} holds (it is changed in place and returned):
     * fine-tuning, as the user model continues the bundled one. Deterministic like {@link #train}.
     */
    public static TokenClassifier train(List<LabelledTitle> data, TokenClassifier start, Options opt, PrintStream log) {
        return train(data, start, opt, log, new FineTune(null, null, 1f));
    }

    /**
     * As {@link #train(List, TokenClassifier, Options, PrintStream)} with the lexicon feature:
     * {@code lexiconMarks} gives the {@link ArtistLexicon} marks of a title's tokens (null: none).
     */
    public static TokenClassifier train(List<LabelledTitle> data, TokenClassifier start, Options opt, PrintStream log,
                                        BiFunction<LabelledTitle, List<Token>, int[]> lexiconMarks) {
        return train(data, start, opt, log, new FineTune(lexiconMarks, null, 1f));
    }

    /**
     * How fine-tuning differs from a fresh training: {@code lexiconMarks} gives the
     * {@link ArtistLexicon} marks of a title's tokens (null: none); {@code wordDropout} gives
     * each title's own word dropout probability (null: the options' for every title), so that
     * replayed titles can hide their words while the user's do not; {@code sharedStep} scales
     * the step of every parameter but the embedding rows (the shared layers: hidden, output,
     * CRF), 1 = the same step, 0 = frozen; {@code pull} is the weight λ of an L2 penalty
     * {@code λ·||w − w_start||²} on the change from the starting weights (its gradient added before
     * each step, {@link BasePull#addGradient}; 0 = none), and {@code decay} the rate κ of a
     * decoupled pull back toward them after each step ({@link BasePull#shrink}; 0 = none).
     */
    public record FineTune(BiFunction<LabelledTitle, List<Token>, int[]> lexiconMarks, ToDoubleFunction<LabelledTitle> wordDropout,
                           float sharedStep, float pull, float decay) {
        public FineTune {
            if (!(sharedStep >= 0 && sharedStep <= 1)) throw new IllegalArgumentException("shared step scale must be in [0, 1]: " + sharedStep);
            if (!(pull >= 0) || Float.isInfinite(pull)) throw new IllegalArgumentException("pull toward the start must be >= 0: " + pull);
            if (!(decay >= 0) || Float.isInfinite(decay)) throw new IllegalArgumentException("decay toward the start must be >= 0: " + decay);
        }

        /** Without a pull toward the starting weights. */
        public FineTune(BiFunction<LabelledTitle, List<Token>, int[]> lexiconMarks, ToDoubleFunction<LabelledTitle> wordDropout,
                        float sharedStep) {
            this(lexiconMarks, wordDropout, sharedStep, 0f, 0f);
        }
    }

    /** As {@link #train(List, TokenClassifier, Options, PrintStream)}, fine-tuned as {@code ft} says. */
    public static TokenClassifier train(List<LabelledTitle> data, TokenClassifier start, Options opt, PrintStream log, FineTune ft) {
        if (data.isEmpty()) throw new IllegalArgumentException("no training titles");
        Rng rng = new Rng(opt.seed());
        rng.split(); // the initialisation stream, unused: the other streams are those of a fresh training
        return fit(start, data, opt, rng, log, null, ft);
    }

    private static TokenClassifier fit(TokenClassifier model, List<LabelledTitle> data, Options opt, Rng rng, PrintStream log,
                                       List<Double> epochLosses, FineTune ft) {
        BiFunction<LabelledTitle, List<Token>, int[]> lexiconMarks = ft.lexiconMarks();
        TokenClassifier.Config config = model.config();
        Rng orderRng = rng.split(), dropRng = rng.split();
        Parameters params = Parameters.of(model);
        Adam adam = new Adam(params, Adam.Config.defaults(opt.lr()).withWeightDecay(opt.weightDecay()));
        FeatureExtractor fx = new FeatureExtractor(config.buckets());
        List<Example> examples = Example.of(data);
        List<TokenFeatures> feats = new ArrayList<>(examples.size());
        List<int[]> marks = new ArrayList<>(examples.size());
        for (Example e : examples) {
            int[] m = lexiconMarks == null ? null : lexiconMarks.apply(e.source(), e.tokens());
            marks.add(m);
            feats.add(fx.extract(e.tokens(), m));
        }
        float[] wordP = new float[examples.size()];
        boolean anyWords = false;
        for (int i = 0; i < wordP.length; i++) {
            wordP[i] = ft.wordDropout() == null ? opt.wordDropout() : (float) ft.wordDropout().applyAsDouble(examples.get(i).source());
            if (!(wordP[i] >= 0 && wordP[i] < 1)) throw new IllegalArgumentException("word dropout must be in [0, 1): " + wordP[i]);
            anyWords |= wordP[i] > 0;
        }
        Rng wordRng = anyWords ? dropRng.split() : null;
        // the shared layers' values: everything after the embedding rows (collected first)
        String first = params.named().keySet().iterator().next();
        if (ft.sharedStep() < 1 && !first.equals("embedding.weight")) throw new IllegalStateException("the embedding rows are not first: " + first);
        int sharedFrom = params.named().get(first).size();
        float[] before = ft.sharedStep() < 1 ? new float[params.size() - sharedFrom] : null;
        BasePull pull = ft.pull() > 0 ? BasePull.of(params, ft.pull()) : null;     // the starting weights, copied
        BasePull decay = ft.decay() > 0 ? BasePull.of(params, ft.decay()) : null;
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        for (int epoch = 1; epoch <= opt.epochs(); epoch++) {
            orderRng.shuffle(order);
            double sum = 0;
            int batches = 0;
            for (int from = 0; from < order.length; from += opt.batchTitles()) {
                int to = Math.min(order.length, from + opt.batchTitles());
                List<TokenFeatures> parts = new ArrayList<>(to - from);
                int tokens = 0;
                for (int k = from; k < to; k++) {
                    float p = wordP[order[k]];
                    TokenFeatures f = wordRng == null || p == 0 ? feats.get(order[k])
                            : unseenWords(fx, examples.get(order[k]).tokens(), marks.get(order[k]), p, wordRng);
                    parts.add(opt.featureDropout() > 0 ? dropout(f, opt.featureDropout(), dropRng) : f);
                    tokens += f.tokens();
                }
                TokenFeatures batch = TokenFeatures.concat(parts);
                int[] titleOf = new int[tokens], tags = new int[tokens], starts = new int[to - from + 1];
                int at = 0;
                for (int k = from; k < to; k++) {
                    int[] l = examples.get(order[k]).tags();
                    starts[k - from] = at;
                    System.arraycopy(l, 0, tags, at, l.length);
                    Arrays.fill(titleOf, at, at + l.length, k);
                    at += l.length;
                }
                starts[to - from] = at;
                adam.zeroGrad();
                Tensor emissions = model.forward(batch, titleOf);                    // [T, 5]
                sum += model.crf().forward(emissions, tags, starts, to - from);     // mean NLL per title
                model.backward(model.crf().backward());
                if (pull != null) pull.addGradient(params);                         // + 2λ(w − w_start); the loss printed is the NLL alone
                if (before != null) System.arraycopy(params.values(), sharedFrom, before, 0, before.length);
                adam.step();
                if (before != null) {
                    float[] v = params.values();
                    for (int i = 0; i < before.length; i++) v[sharedFrom + i] = before[i] + ft.sharedStep() * (v[sharedFrom + i] - before[i]);
                }
                if (decay != null) decay.shrink(params.values(), opt.lr());
                batches++;
            }
            double mean = sum / batches;
            if (epochLosses != null) epochLosses.add(mean);
            if (log != null) log.printf("epoch %d/%d  loss %.4f%n", epoch, opt.epochs(), mean);
        }
        return model;
    }

    /**
     * Word dropout: the features of the title with each word (a Latin, Han, kana or Hangul token)
     * shown as a word never seen, with probability {@code p} ({@link FeatureExtractor#extract(List,
     * int[], boolean[])}), so that the model learns where a name or a song stands in a title and
     * not only which names it has met. Nothing is dropped when no word is drawn.
     */
    private static TokenFeatures unseenWords(FeatureExtractor fx, List<Token> tokens, int[] marks, float p, Rng rng) {
        boolean[] unseen = new boolean[tokens.size()];
        for (int t = 0; t < unseen.length; t++) {
            switch (tokens.get(t).kind()) {
                case LATIN: case HAN: case KANA: case HANGUL: unseen[t] = rng.nextFloat() < p; break;
                default: break;
            }
        }
        return fx.extract(tokens, marks, unseen);
    }

    /** A copy of {@code f} with each feature (the bias kept) dropped with probability {@code p}. */
    private static TokenFeatures dropout(TokenFeatures f, float p, Rng rng) {
        int[] ids = new int[f.size()], offsets = new int[f.tokens() + 1];
        int[] fIds = f.ids(), fOffsets = f.offsets();
        int n = 0;
        for (int t = 0; t < f.tokens(); t++) {
            offsets[t] = n;
            for (int k = fOffsets[t]; k < fOffsets[t + 1]; k++) {
                if (k == fOffsets[t] /* bias */ || rng.nextFloat() >= p) ids[n++] = fIds[k];
            }
        }
        offsets[f.tokens()] = n;
        return new TokenFeatures(ids, offsets);
    }
}
