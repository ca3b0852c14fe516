package canto.genre.predict;

import canto.engine.io.SafeTensors;
import canto.engine.nn.Module;
import canto.engine.nn.Parameter;
import canto.engine.nn.Parameters;
import canto.engine.nn.Trainable;
import canto.engine.nn.Workspace;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import canto.genre.data.BasicEnglishTokenizer;
import canto.genre.data.LabelEncoder;
import canto.genre.data.NgramBags;
import canto.genre.data.NgramHasher;
import canto.genre.model.NgramModel;
import canto.genre.data.Vocabulary;
import canto.genre.model.BlogNames;
import canto.genre.model.GenreModels;
import canto.genre.model.ModelFileException;
import canto.genre.model.ModelFolder;
import canto.genre.train.Experiment;
import canto.genre.train.GenreNetwork;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model folder ({@link ModelFolder}) loaded for prediction: the network rebuilt from the
 * file's metadata, its weights copied in by name, evaluation mode.
 */
public final class SavedModel {
    private final Experiment experiment;
    private final Vocabulary vocabulary;   // experiments 1 and 3
    private final Trainable model;
    private final float[] idf;             // ngrams
    private final NgramBags.Pooling pooling;  // ngrams
    private final NgramHasher hasher;         // ngrams
    private final BasicEnglishTokenizer tokenizer = new BasicEnglishTokenizer();

    private SavedModel(Experiment experiment, Vocabulary vocabulary, Trainable model, float[] idf, NgramBags.Pooling pooling, NgramHasher hasher) {
        this.experiment = experiment;
        this.vocabulary = vocabulary;
        this.model = model;
        this.idf = idf;
        this.pooling = pooling;
        this.hasher = hasher;
        model.setTraining(false);
    }

    public Experiment experiment() { return experiment; }

    /** Reads {@code dir}; a file that is missing, corrupt or does not fit the model is one clear line. */
    public static SavedModel load(Path dir) throws ModelFileException, IOException {
        SafeTensors.Contents c = ModelFolder.readModel(dir);
        String id = ModelFolder.setting(c, dir, "experiment");
        Experiment e = Experiment.byId(id);
        if (e == null) throw new ModelFileException(dir.resolve(ModelFolder.MODEL) + ": metadata 'experiment' is '" + id + "', not one of lyrics, features, combined, ngrams");
        if (e == Experiment.NGRAMS) return loadNgrams(c, dir);
        Vocabulary vocab = null;
        if (e.usesLyrics()) {
            List<String> words = ModelFolder.readVocab(dir);
            try {
                vocab = Vocabulary.ofWords(words);
            } catch (IllegalArgumentException bad) {
                throw new ModelFileException(dir.resolve(ModelFolder.VOCAB) + ": " + bad.getMessage());
            }
        }
        Rng unused = new Rng(0);   // the weights come from the file
        Trainable model;
        switch (e) {
            case LYRICS: model = GenreModels.lyrics(vocab.size() + 1, unused); break;
            case FEATURES: model = GenreModels.features(unused); break;
            default: model = GenreModels.combined(vocab.size() + 1, unused);
        }
        Map<String, Parameter> byBlogName = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> p : Parameters.of(model).named().entrySet()) byBlogName.put(BlogNames.of(e, p.getKey()), p.getValue());
        ModelFolder.copyInto(c, byBlogName, dir);
        return new SavedModel(e, vocab, model, null, null, null);
    }

    private static SavedModel loadNgrams(SafeTensors.Contents c, Path dir) throws ModelFileException {
        int buckets = ModelFolder.intSetting(c, dir, "buckets", 1, 1 << 26);
        int dim = ModelFolder.intSetting(c, dir, "dim", 1, 4096);
        int hidden = ModelFolder.intSetting(c, dir, "hidden", 0, 100_000);
        if ((long) buckets * dim > Integer.MAX_VALUE) throw new ModelFileException(dir.resolve(ModelFolder.MODEL) + ": buckets times dim is above 2^31");
        String p = ModelFolder.setting(c, dir, "pooling");
        NgramBags.Pooling pooling = NgramBags.Pooling.byId(p);
        if (pooling == null) throw new ModelFileException(dir.resolve(ModelFolder.MODEL) + ": metadata 'pooling' is '" + p + "', not tfidf or mean");
        // files written before trigrams existed have no 'ngram_order': words and bigrams
        int order = c.metadata().containsKey("ngram_order") ? ModelFolder.intSetting(c, dir, "ngram_order", 1, 3) : 2;
        // files written before character n-grams existed have no 'char_buckets': none
        int charBuckets = c.metadata().containsKey("char_buckets") ? ModelFolder.intSetting(c, dir, "char_buckets", 0, 1 << 24) : 0;
        int charMin = 0, charMax = 0;
        if (charBuckets > 0) {
            String range = ModelFolder.setting(c, dir, "char_ngrams");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,2})-([0-9]{1,2})").matcher(range);
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) < Integer.parseInt(m.group(1)))
                throw new ModelFileException(dir.resolve(ModelFolder.MODEL) + ": metadata 'char_ngrams' is '" + range + "', not MIN-MAX");
            charMin = Integer.parseInt(m.group(1));
            charMax = Integer.parseInt(m.group(2));
        }
        int rows = buckets + charBuckets;
        if ((long) rows * dim > Integer.MAX_VALUE) throw new ModelFileException(dir.resolve(ModelFolder.MODEL) + ": buckets plus char_buckets times dim is above 2^31");
        NgramModel model = new NgramModel(new NgramModel.Shape(rows, dim, hidden, 0f), new Rng(0));
        Map<String, Parameter> named = new LinkedHashMap<>(model.named());
        Parameter idf = new Parameter("idf", rows);   // a constant buffer, not trained
        named.put("idf", idf);
        ModelFolder.copyInto(c, named, dir);
        return new SavedModel(Experiment.NGRAMS, null, model, idf.value().data(), pooling, new NgramHasher(buckets, order, charMin, charMax, charBuckets));
    }

    /**
     * Genre probabilities {@code [songs][7]} (encoder order) of songs given by their lyrics
     * and/or their 22 features {@code [songs, 22]}; either may be null when the model does not
     * use it.
     */
    public double[][] probabilities(List<String> lyrics, float[] features) {
        int n = lyrics != null ? lyrics.size() : features.length / GenreModels.FEATURES;
        if (experiment == Experiment.NGRAMS) return ngramProbabilities(lyrics);
        float[] ids = null;
        if (experiment.usesLyrics()) {
            ids = new float[n * Vocabulary.LENGTH];
            for (int s = 0; s < n; s++) vocabulary.encodeTokens(tokenizer.tokenize(lyrics.get(s)), ids, s * Vocabulary.LENGTH);
        }
        int batch = Math.max(1, Math.min(n, 1024));
        GenreNetwork net;
        switch (experiment) {
            case LYRICS: net = GenreNetwork.lyrics((Module) model, ids, batch); break;
            case FEATURES: net = GenreNetwork.features((Module) model, features, batch); break;
            default: net = GenreNetwork.combined((Module) model, ids, features, batch);
        }
        net.setTraining(false);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        double[][] p = new double[n][];
        for (int from = 0; from < n; from += batch) {
            int count = Math.min(batch, n - from);
            Tensor logits = net.forward(rows, from, count);   // [count, 7]
            for (int r = 0; r < count; r++) p[from + r] = softmax(logits, r);
        }
        return p;
    }

    private double[][] ngramProbabilities(List<String> lyrics) {
        NgramModel m = (NgramModel) model;
        double[][] p = new double[lyrics.size()][];
        int[] offsets = {0};
        Workspace ws = new Workspace();
        for (int s = 0; s < lyrics.size(); s++) {
            NgramBags bag = NgramBags.weigh(NgramBags.count(tokenizer.tokenize(lyrics.get(s)), hasher), idf, pooling);
            Tensor logits = m.forward(ws, bag.ids(), bag.ids().length, offsets, 1, bag.weights());   // [1, 7]
            p[s] = softmax(logits, 0);
        }
        return p;
    }

    /** Softmax of row {@code r} of {@code logits [rows, 7]}, in double. */
    static double[] softmax(Tensor logits, int r) {
        int k = logits.cols();
        float[] d = logits.data();
        int off = logits.offset() + r * k;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) max = Math.max(max, d[off + j]);
        double[] p = new double[k];
        double sum = 0;
        for (int j = 0; j < k; j++) sum += p[j] = StrictMath.exp(d[off + j] - max);
        for (int j = 0; j < k; j++) p[j] /= sum;
        return p;
    }

    /** The genre name of the largest probability (the first on ties). */
    public static String genreOf(double[] p) {
        int best = 0;
        for (int j = 1; j < p.length; j++) if (p[j] > p[best]) best = j;
        return LabelEncoder.GENRES.decode(best);
    }
}
