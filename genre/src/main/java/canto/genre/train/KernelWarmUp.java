package canto.genre.train;

import canto.engine.nn.Module;
import canto.engine.nn.Parameters;
import canto.engine.optim.Adam;
import canto.engine.util.Rng;
import canto.genre.model.GenreModels;

/**
 * Trains a throw-away copy of an experiment's network on random data on a background thread,
 * so that the JIT compiles the training step's hot code (C2's thresholds are thousands of
 * calls of each per-step method) while the main thread still reads and tokenises the CSV,
 * instead of during the first real epoch. It shares nothing with the real run but the
 * compiled code: its own model, data, {@link Rng} and buffers. Every engine kernel computes
 * the same bits however it is compiled, so a run's results do not depend on it (the model
 * file and accuracies are the same with and without: {@code KernelWarmUpTest}).
 *
 * <p>{@link #finish} stops it after its current step and waits for that step: the real run
 * never waits longer than one small step for it. {@code -Dcanto.warmup=false} turns it off.
 */
public final class KernelWarmUp {
    /** Vocabulary of the random lyrics: smaller than the real one, so that steps are quick. */
    static final int WORDS = 2000;
    /** Random rows to train on; also the size of one evaluation pass. */
    static final int ROWS = 2048;
    /** Steps after which the warm-up stops by itself (C2 compiles well before). */
    static final int MAX_STEPS = 12_000;

    private final Thread thread;
    private volatile boolean stop;
    private volatile int steps;

    private KernelWarmUp(Experiment e, int batchSize) {
        thread = new Thread(() -> run(e, batchSize), "canto-warm-up");
        thread.setDaemon(true);
    }

    /** Whether {@code -Dcanto.warmup} leaves it on (the default). */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty("canto.warmup", "true").trim());
    }

    /** Starts warming {@code e}'s training step at {@code batchSize}; null for the n-gram experiment (not warmed). */
    public static KernelWarmUp start(Experiment e, int batchSize) {
        if (e == Experiment.NGRAMS) return null;
        KernelWarmUp w = new KernelWarmUp(e, batchSize);
        w.thread.start();
        return w;
    }

    /** Stops the warm-up after its current step, waits for it, and returns the steps it made. */
    public int finish() {
        stop = true;
        try {
            thread.join();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return steps;
    }

    private void run(Experiment e, int batchSize) {
        Rng rng = new Rng(0x5eed);
        float[] ids = e.usesLyrics() ? new float[ROWS * GenreModels.SEQUENCE_LENGTH] : null;
        if (ids != null) {
            for (int i = 0; i < ids.length; i++) ids[i] = (i % GenreModels.SEQUENCE_LENGTH) < 70 ? rng.nextInt(WORDS) : WORDS;
        }
        float[] features = e.usesFeatures() ? new float[ROWS * GenreModels.FEATURES] : null;
        if (features != null) for (int i = 0; i < features.length; i++) features[i] = rng.nextFloat();
        int[] labels = new int[ROWS];
        for (int i = 0; i < ROWS; i++) labels[i] = rng.nextInt(GenreModels.CLASSES);
        int maxBatch = Math.max(batchSize, Trainer.EVAL_BATCH);
        GenreNetwork network;
        switch (e) {
            case LYRICS: network = GenreNetwork.lyrics(GenreModels.lyrics(WORDS + 1, rng), ids, maxBatch); break;
            case FEATURES: network = GenreNetwork.features(GenreModels.features(rng), features, maxBatch); break;
            default: network = GenreNetwork.combined(GenreModels.combined(WORDS + 1, rng), ids, features, maxBatch);
        }
        Adam adam = new Adam(Parameters.of(network.model()), Experiment.LEARNING_RATE);
        Trainer trainer = new Trainer(network, adam, labels, maxBatch);
        int[] rows = new int[ROWS];
        for (int i = 0; i < ROWS; i++) rows[i] = i;
        int[] order = rows.clone();
        trainer.zeroGrad();
        EpochListener stopper = new EpochListener() {
            @Override
            public void batchDone(int epoch, int batch, int batches, double runningAccuracy) {
                steps++;
                if (stop || steps >= MAX_STEPS) throw new Stopped();
            }
        };
        try {
            for (int epoch = 1; ; epoch++) {
                trainer.trainEpoch(order, epoch, batchSize, rng, stopper);
                trainer.accuracy(rows);
            }
        } catch (Stopped done) {
            // the thread's job is over
        }
    }

    /** Ends the warm-up from inside a step's listener. */
    private static final class Stopped extends RuntimeException {
        Stopped() { super(null, null, false, false); }
    }
}
