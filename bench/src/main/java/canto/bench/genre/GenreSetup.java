package canto.bench.genre;

import canto.engine.nn.Parameters;
import canto.engine.optim.Adam;
import canto.engine.util.Parallel;
import canto.engine.util.Rng;
import canto.genre.model.GenreModels;
import canto.genre.train.GenreNetwork;
import canto.genre.train.Trainer;

/**
 * One genre experiment ready to train on benchmark data ({@link GenreBenchData}): the genre module's own network,
 * Adam (lr 0.001, as published) and training loop, at the published batch size.
 */
public final class GenreSetup {
    /** The three experiments with their published batch sizes. */
    public enum Experiment {
        LYRICS(8), FEATURES(16), COMBINED(16);

        public final int batch;

        Experiment(int batch) { this.batch = batch; }

        public String key() { return name().toLowerCase(java.util.Locale.ROOT); }

        public static Experiment of(String key) {
            for (Experiment e : values()) if (e.key().equals(key)) return e;
            throw new IllegalArgumentException("experiment must be lyrics, features or combined, not '" + key + "'");
        }
    }

    public final Experiment experiment;
    public final GenreNetwork network;
    public final Parameters params;
    public final Adam adam;
    public final Trainer trainer;
    public final int[] trainRows;

    public GenreSetup(Experiment experiment, GenreBenchData data, Parallel parallel, long seed) {
        this.experiment = experiment;
        Rng rng = new Rng(seed);
        int vocabPlusOne = data.vocabPlusOne;
        int maxBatch = Trainer.EVAL_BATCH;
        switch (experiment) {
            case LYRICS:
                network = GenreNetwork.lyrics(GenreModels.lyrics(vocabPlusOne, rng), data.ids, maxBatch);
                break;
            case FEATURES:
                network = GenreNetwork.features(GenreModels.features(rng), data.features, maxBatch);
                break;
            default:
                network = GenreNetwork.combined(GenreModels.combined(vocabPlusOne, rng), data.ids, data.features, maxBatch);
                break;
        }
        params = Parameters.of(network.model());
        adam = new Adam(params, Adam.Config.defaults(1e-3f), parallel);
        trainer = new Trainer(network, adam, data.labels, maxBatch);
        trainRows = data.trainRows.clone();
    }
}
