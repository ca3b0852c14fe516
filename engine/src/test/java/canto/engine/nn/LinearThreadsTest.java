package canto.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.optim.Adam;
import canto.engine.tensor.Tensor;
import canto.engine.util.Parallel;
import canto.engine.util.Rng;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Training with Linear's products (and Adam) split across 2 or 3 threads gives the one-thread
 * weights bit for bit: a few hundred steps of an MLP with awkward sizes (batches of 40 and 27,
 * widths 300, 97, 161; the packed, dot-tile and broadcast paths) and of genre's combined model
 * shape at batch 64 (where all its large layers are above {@code Linear.PARALLEL_WORK}, the narrow
 * 22-input path included) with a short last batch. The surefire runs cover both kernels (the default
 * run SIMD, {@code scalar-fallback} scalar).
 */
class LinearThreadsTest {
    private static final Parallel[] POOLS = {new Parallel(1), new Parallel(2), new Parallel(3)};

    /** A model, its inputs for one step, and its parameters. */
    private interface Run {
        Module model();
        Tensor[] batch(int step, Rng data);
        int rows(int step);
    }

    @Test
    void mlpWithAwkwardSizes() {
        check(parallel -> {
            Rng rng = new Rng(21);
            Sequential model = new Sequential(
                    new Linear(300, 97, true, rng, parallel), Activation.relu(), new Dropout(0.2f, rng.split()),
                    new Linear(97, 161, true, rng, parallel), Activation.relu(), // not tanh: SIMD tanh changes bits when C2 compiles it (KERNELS.md)
                    new Linear(161, 45, false, rng, parallel), Activation.relu(),
                    new Linear(45, 7, true, rng, parallel));
            return new Run() {
                public Module model() { return model; }
                public int rows(int step) { return step % 3 == 2 ? 27 : 40; }
                public Tensor[] batch(int step, Rng data) {
                    int rows = rows(step);
                    return new Tensor[] {new Tensor(randoms(data, rows * 300), 0, rows, 300)};
                }
            };
        }, 300, new long[] {40L * 97 * 300, 40L * 161 * 97, 27L * 97 * 300});
    }

    @Test
    void genreCombinedModelShape() {
        int vocab = 501;
        check(parallel -> {
            Rng rng = new Rng(22);
            Sequential lyrics = new Sequential(new Embedding(vocab, 3, rng), new Flatten(), new Dropout(0.2f, rng.split()),
                    new Linear(300, 7, true, rng, parallel));
            Sequential features = new Sequential(
                    new Linear(22, 512, true, rng, parallel), Activation.relu(), new Dropout(0.2f, rng.split()),
                    new Linear(512, 128, true, rng, parallel), Activation.relu(), new Dropout(0.2f, rng.split()),
                    new Linear(128, 32, true, rng, parallel), Activation.relu(), new Dropout(0.2f, rng.split()),
                    new Linear(32, 7, true, rng, parallel));
            Sequential head = new Sequential(new Linear(14, 512, true, rng, parallel), new Linear(512, 256, true, rng, parallel),
                    new Linear(256, 64, true, rng, parallel), new Linear(64, 7, true, rng, parallel));
            TwoBranch model = new TwoBranch("lyrics_pipeline", lyrics, "feature_pipeline", features, "combined_pipeline", head);
            return new Run() {
                public Module model() { return model; }
                public int rows(int step) { return step % 50 == 49 ? 5 : 64; } // an epoch's short last batch
                public Tensor[] batch(int step, Rng data) {
                    int rows = rows(step);
                    float[] ids = new float[rows * 100];
                    for (int i = 0; i < ids.length; i++) ids[i] = data.nextInt(vocab);
                    return new Tensor[] {new Tensor(ids, 0, rows, 100), new Tensor(randoms(data, rows * 22), 0, rows, 22)};
                }
            };
        }, 300, new long[] {64L * 512 * 22, 64L * 128 * 512, 64L * 256 * 512, 64L * 64 * 256});
    }

    /** Trains with each pool; every weight, and every step's loss, equals the one-thread run's. */
    private static void check(Function<Parallel, Run> make, int steps, long[] splitProducts) {
        // the test means something only if products are split: these are above the threshold
        for (long work : splitProducts) assertTrue(work >= Linear.PARALLEL_WORK, work + " multiply-adds would not be split");
        float[] oneWeights = null;
        float[] oneLosses = null;
        for (Parallel pool : POOLS) {
            Run run = make.apply(pool);
            Parameters params = Parameters.of(run.model());
            Adam adam = new Adam(params, Adam.Config.defaults(1e-3), pool);
            SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
            Workspace ws = new Workspace();
            Rng data = new Rng(99);
            float[] losses = new float[steps];
            for (int step = 0; step < steps; step++) {
                Tensor[] x = run.batch(step, data);
                int[] labels = new int[run.rows(step)];
                for (int i = 0; i < labels.length; i++) labels[i] = data.nextInt(7);
                adam.zeroGrad();
                losses[step] = loss.forward(run.model().forward(ws, x), labels);
                run.model().backward(ws, loss.backward());
                adam.step();
            }
            float[] weights = params.values().clone();
            if (oneWeights == null) {
                oneWeights = weights;
                oneLosses = losses;
                assertTrue(Float.isFinite(losses[steps - 1]), "training ran");
            } else {
                assertArrayEquals(oneLosses, losses, pool.threads() + " threads: the losses differ");
                assertArrayEquals(oneWeights, weights, pool.threads() + " threads: the weights differ");
            }
        }
    }

    private static float[] randoms(Rng rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = rng.uniform(-1, 1);
        return x;
    }
}
