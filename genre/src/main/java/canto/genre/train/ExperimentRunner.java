package canto.genre.train;

import canto.engine.kernels.Kernels;
import canto.engine.nn.Module;
import canto.engine.nn.Parameters;
import canto.engine.nn.TwoBranch;
import canto.engine.optim.Adam;
import canto.engine.util.Rng;
import canto.genre.data.SongColumns;
import canto.genre.data.SongTable;
import canto.genre.data.TokenizedLyrics;
import canto.genre.data.TrainValidationSplit;
import canto.genre.data.Vocabulary;
import canto.genre.model.GenreModels;
import canto.engine.nn.Parameter;
import canto.engine.tensor.Tensor;
import canto.genre.data.LabelEncoder;
import canto.genre.model.BlogNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one experiment with one seed: split, vocabulary from the training split, model,
 * Adam, training. The seed fixes everything, in this order of draws from {@code new Rng(seed)}:
 * the split, the initial weights and dropout streams, the per-epoch shuffles. The same seed
 * therefore gives the same split to all three experiments.
 */
public final class ExperimentRunner {
    private ExperimentRunner() {}

    /** What a data file must hold for {@code e}; null when {@code table} can serve it. */
    public static String whyNot(SongTable table, Experiment e) {
        if (e.usesLyrics() && !table.hasLyrics()) return "it has no 'lyrics' column";
        if (e.usesFeatures() && !table.hasFeatures()) {
            List<String> missing = table.missingFeatureColumns();
            if (missing.size() == SongColumns.FEATURES.size()) return "it has none of the 22 feature columns";
            return "it lacks " + missing.size() + " of the 22 feature columns (first: '" + missing.get(0) + "')";
        }
        return null;
    }

    /**
     * @param lyrics the table's tokenised lyrics (null when {@code e} does not use lyrics)
     */
    public static TrainedRun run(SongTable table, TokenizedLyrics lyrics, Experiment e, long seed,
                                 int epochs, int batchSize, EpochListener listener) {
        return run(table, lyrics, e, seed, epochs, batchSize, NgramSettings.DEFAULTS, listener);
    }

    /** As above; {@code ngrams} are the settings of experiment ngrams (unused by the others). */
    public static TrainedRun run(SongTable table, TokenizedLyrics lyrics, Experiment e, long seed,
                                 int epochs, int batchSize, NgramSettings ngrams, EpochListener listener) {
        if (e == Experiment.NGRAMS) {
            String problem = whyNot(table, e);
            if (problem != null) throw new IllegalArgumentException(table.file() + " cannot serve experiment " + e.id() + ": " + problem);
            return NgramExperiment.run(table, lyrics, seed, epochs, batchSize, ngrams, listener);
        }
        String problem = whyNot(table, e);
        if (problem != null) throw new IllegalArgumentException(table.file() + " cannot serve experiment " + e.id() + ": " + problem);
        Rng master = new Rng(seed);
        TrainValidationSplit split = TrainValidationSplit.shuffled(table.rows(), master.split());
        Rng init = master.split();
        Rng shuffle = master.split();

        Vocabulary vocabulary = e.usesLyrics() ? Vocabulary.build(lyrics, split.train()) : null;
        float[] ids = vocabulary == null ? null : vocabulary.encodeAll(lyrics);
        int maxBatch = Math.max(batchSize, Trainer.EVAL_BATCH);
        GenreNetwork network;
        switch (e) {
            case LYRICS: {
                Module model = GenreModels.lyrics(vocabulary.size() + 1, init);
                network = GenreNetwork.lyrics(model, ids, maxBatch);
                break;
            }
            case FEATURES: {
                Module model = GenreModels.features(init);
                network = GenreNetwork.features(model, table.features(), maxBatch);
                break;
            }
            default: {
                TwoBranch model = GenreModels.combined(vocabulary.size() + 1, init);
                network = GenreNetwork.combined(model, ids, table.features(), maxBatch);
            }
        }
        Parameters params = Parameters.of(network.model());
        Adam adam = new Adam(params, Experiment.LEARNING_RATE);
        Trainer trainer = new Trainer(network, adam, table.labels(), maxBatch);
        var epochResults = trainer.train(split.train(), split.validation(), epochs, batchSize, shuffle, listener);
        RunResult result = new RunResult(e, seed, table.file(), table.rows(), Kernels.get().name(), jdk(), epochResults,
                trainer.confusion(split.validation(), GenreModels.CLASSES));
        Map<String, String> config = config(e, seed, table);
        // evaluation-mode accuracies of the saved weights, for anyone re-scoring the file
        config.put("train_accuracy_eval", Double.toString(trainer.accuracy(split.train())));
        config.put("val_accuracy", Double.toString(result.valAccuracy()));
        return new TrainedRun(result, network.model(), vocabulary, split.train(), split.validation(),
                blogState(e, params), config);
    }

    /** The parameters under the blog's PyTorch names ({@link BlogNames}), in state_dict order. */
    static Map<String, Tensor> blogState(Experiment e, Parameters params) {
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> p : params.named().entrySet()) state.put(BlogNames.of(e, p.getKey()), p.getValue().value());
        return state;
    }

    /** The model file's metadata: what rebuilds the model, and where it came from. */
    static Map<String, String> config(Experiment e, long seed, SongTable table) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("experiment", e.id());
        c.put("seed", Long.toString(seed));
        c.put("data_file", table.file());
        c.put("rows", Integer.toString(table.rows()));
        c.put("genres", String.join(",", LabelEncoder.GENRES.classes()));
        return c;
    }

    /** The running JDK, e.g. {@code Eclipse Adoptium 25.0.3+9-LTS}. */
    public static String jdk() {
        return System.getProperty("java.vendor", "?") + " " + System.getProperty("java.runtime.version", System.getProperty("java.version", "?"));
    }
}
