package canto.genre.train;

import canto.engine.kernels.Kernels;
import canto.engine.nn.Parameter;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import canto.genre.data.NgramBags;
import canto.genre.data.NgramHasher;
import canto.genre.data.SongTable;
import canto.genre.data.TokenizedLyrics;
import canto.genre.data.TrainValidationSplit;
import canto.genre.model.GenreModels;
import canto.genre.model.NgramModel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --experiment ngrams}: the same split as the published experiments (same seed, same
 * rows), TF-IDF from the training songs only, the {@link NgramModel} trained with SparseAdam
 * on its table and Adam on its dense layers, mean cross-entropy, training rows reshuffled
 * every epoch. Draws from {@code new Rng(seed)}: split, weights, shuffles, then (hold-out
 * mode only) the hold-out part of the training split.
 */
public final class NgramExperiment {
    private NgramExperiment() {}

    public static TrainedRun run(SongTable table, TokenizedLyrics lyrics, long seed, int epochs, int batchSize,
                                 NgramSettings s, EpochListener listener) {
        Rng master = new Rng(seed);
        TrainValidationSplit split = TrainValidationSplit.shuffled(table.rows(), master.split());
        Rng init = master.split();
        Rng shuffle = master.split();
        int[] train = split.train(), validation = split.validation();
        if (s.holdout()) {
            int[] t = train.clone();
            master.split().shuffle(t);
            int held = TrainValidationSplit.validationSize(t.length);
            validation = Arrays.copyOfRange(t, 0, held);
            train = Arrays.copyOfRange(t, held, t.length);
        }
        NgramBags.Counts counts = NgramBags.count(lyrics, new NgramHasher(s.buckets()));
        float[] idf = NgramBags.idf(counts, train, s.minDf());
        NgramBags bags = NgramBags.weigh(counts, idf, s.pooling());
        NgramModel model = new NgramModel(new NgramModel.Shape(s.buckets(), s.dim(), s.hidden(), s.dropout()), init);
        NgramNetwork network = new NgramNetwork(model, bags);
        int maxBatch = Math.max(batchSize, Trainer.EVAL_BATCH);
        Trainer trainer = new Trainer(network, network.optimizer(s.lr(), s.weightDecay(), s.tableSgdLr(),
                epochs * ((train.length + batchSize - 1) / batchSize)), table.labels(), maxBatch);
        List<EpochResult> epochResults = trainer.train(train, validation, epochs, batchSize, shuffle, listener);
        int[][] confusion = trainer.confusion(validation, GenreModels.CLASSES);
        RunResult result = new RunResult(Experiment.NGRAMS, seed, table.file(), table.rows(), Kernels.get().name(),
                ExperimentRunner.jdk(), epochResults, confusion);

        Map<String, Tensor> state = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> p : model.named().entrySet()) state.put(p.getKey(), p.getValue().value());
        state.put("idf", new Tensor(idf, 0, idf.length));
        Map<String, String> config = ExperimentRunner.config(Experiment.NGRAMS, seed, table);
        config.put("buckets", Integer.toString(s.buckets()));
        config.put("dim", Integer.toString(s.dim()));
        config.put("hidden", Integer.toString(s.hidden()));
        config.put("dropout", Float.toString(s.dropout()));
        config.put("pooling", s.pooling().id());
        config.put("lr", Double.toString(s.lr()));
        config.put("table_optimizer", s.tableSgdLr() > 0 ? "sgd lr " + s.tableSgdLr() + " falling linearly to 0" : "sparse_adam");
        config.put("weight_decay", Double.toString(s.weightDecay()));
        config.put("min_df", Integer.toString(s.minDf()));
        config.put("epochs", Integer.toString(epochs));
        config.put("batch", Integer.toString(batchSize));
        config.put("hashing", "word: crc32(utf8) mod buckets; bigram: ((crc32(a) * 116049371 + crc32(b)) mod 2^32) mod buckets");
        config.put("holdout", Boolean.toString(s.holdout()));
        config.put("train_accuracy_eval", Double.toString(trainer.accuracy(train)));
        config.put("val_accuracy", Double.toString(result.valAccuracy()));
        return new TrainedRun(result, model, null, train, validation, state, config);
    }
}
