package canto.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import canto.engine.io.SafeTensors;
import canto.engine.nn.Embedding;
import canto.engine.nn.Flatten;
import canto.engine.nn.Linear;
import canto.engine.nn.Parameters;
import canto.engine.nn.Sequential;
import canto.engine.nn.SoftmaxCrossEntropy;
import canto.engine.nn.Workspace;
import canto.engine.tensor.Tensor;
import canto.engine.util.Parallel;
import canto.engine.util.Rng;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adam's resting path ({@link Adam.Update#RESTING}) against the dense reference, bit for bit, on
 * an embedding model fed Zipf-distributed word ids (most rows get a gradient once in thousands of
 * steps, as in real lyrics): every weight and both moments after thousands of steps, reading the
 * moments mid-run, saving and resuming, and a tracker taken over by another optimiser.
 */
class AdamRestingTest {
    static final int WORDS = 20_000, DIM = 4, LEN = 20, BATCH = 8, CLASSES = 7;

    /** One model, its optimiser and its batch stream (the same seeds give the same stream). */
    static final class Run {
        final Sequential model = new Sequential(new Embedding(WORDS, DIM, new Rng(1)), new Flatten(), new Linear(LEN * DIM, CLASSES, new Rng(2)));
        final Parameters params = Parameters.of(model);
        Adam adam;
        final Workspace ws = new Workspace();
        final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        final Rng data = new Rng(3);
        final double[] cdf = zipfCdf(WORDS, 1.1);
        final float[] ids = new float[BATCH * LEN];
        final int[] labels = new int[BATCH];
        int steps;

        Run(Adam.Update path, Parallel parallel) { adam = new Adam(params, Adam.Config.defaults(1e-3), parallel, path); }

        /** {@code n} steps; {@code fused}: stepAndZeroGrad, else zeroGrad, ..., step. */
        void train(int n, boolean fused) {
            for (int s = 0; s < n; s++, steps++) {
                for (int i = 0; i < ids.length; i++) ids[i] = sample(cdf, data.nextDouble());
                for (int i = 0; i < BATCH; i++) labels[i] = (int) (ids[i * LEN] % CLASSES);   // learnable from the first word
                if (!fused) adam.zeroGrad();
                Tensor logits = model.forward(ws, new Tensor(ids, 0, BATCH, LEN));
                loss.forward(logits, labels);
                model.backward(ws, loss.backward());
                if (fused) adam.stepAndZeroGrad();
                else adam.step();
            }
        }
    }

    static double[] zipfCdf(int n, double s) {
        double[] c = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) c[r] = sum += 1 / Math.pow(r + 1, s);
        for (int r = 0; r < n; r++) c[r] /= sum;
        return c;
    }

    static int sample(double[] cdf, double u) {
        int i = java.util.Arrays.binarySearch(cdf, u);
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }

    /** Every weight, first and second moment, and the step count, bit for bit. */
    static void assertSameState(Run dense, Run resting, String where) {
        assertEquals(dense.adam.steps(), resting.adam.steps(), where + ": steps");
        assertBits(dense.params.values(), resting.params.values(), where + " weights");
        assertBits(dense.adam.firstMoments(), resting.adam.firstMoments(), where + " first moments");
        assertBits(dense.adam.secondMoments(), resting.adam.secondMoments(), where + " second moments");
        assertBits(dense.params.grads(), resting.params.grads(), where + " gradients");
    }

    static void assertBits(float[] expected, float[] actual, String where) {
        assertEquals(expected.length, actual.length, where + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                fail(where + " differ at " + i + " (row " + i / DIM + "): dense " + expected[i] + ", resting " + actual[i]);
            }
        }
    }

    @Test
    void restingEqualsDenseOverFourThousandZipfSteps() {
        for (boolean fused : new boolean[] {true, false}) {
            Run dense = new Run(Adam.Update.DENSE, new Parallel(1));
            Run resting = new Run(Adam.Update.RESTING, new Parallel(2));
            assertEquals(Adam.Update.DENSE, dense.adam.update());
            assertEquals(Adam.Update.RESTING, resting.adam.update());
            int mostResting = 0;
            for (int block = 1; block <= 4; block++) {
                dense.train(1000, fused);
                resting.train(1000, fused);
                mostResting = Math.max(mostResting, resting.adam.restingRows());
                assertSameState(dense, resting, "fused=" + fused + ", after " + 1000 * block + " steps");   // reads the moments mid-run
            }
            assertEquals(0, dense.adam.restingRows());
            assertTrue(mostResting > WORDS / 4, "fused=" + fused + ": only " + mostResting + " of " + WORDS + " rows ever rested: the test would not exercise the path");
        }
    }

    @Test
    void savedAndResumedRestingRunEqualsTheDenseRun(@TempDir Path dir) throws Exception {
        Run dense = new Run(Adam.Update.DENSE, new Parallel(1));
        Run resting = new Run(Adam.Update.RESTING, new Parallel(1));
        dense.train(1500, true);
        resting.train(1500, true);
        assertTrue(resting.adam.restingRows() > 0, "nothing rests after 1,500 steps");
        Path weights = dir.resolve("model.safetensors"), state = dir.resolve("adam.safetensors");
        SafeTensors.save(weights, resting.params, java.util.Map.of());
        AdamState.save(state, resting.adam);
        // a fresh model and optimiser from the files, fed the same batches from here on
        Run resumed = new Run(Adam.Update.RESTING, new Parallel(1));
        SafeTensors.load(weights, resumed.params);
        AdamState.load(state, resumed.adam);
        resumed.train(1500, true);   // the first 1,500 batches again, to put its data stream where the others are
        SafeTensors.load(weights, resumed.params);
        AdamState.load(state, resumed.adam);
        dense.train(1500, true);
        resting.train(1500, true);
        resumed.train(1500, true);
        assertSameState(dense, resting, "after 3,000 steps");
        assertSameState(dense, resumed, "resumed at 1,500, after 3,000 steps");
    }

    @Test
    void anOptimiserWhoseTrackerWasTakenOverStaysExact() {
        Run dense = new Run(Adam.Update.DENSE, new Parallel(1));
        Run resting = new Run(Adam.Update.RESTING, new Parallel(1));
        dense.train(800, true);
        resting.train(800, true);
        int restingBefore = resting.adam.restingRows();
        Adam other = new Adam(resting.params, Adam.Config.defaults(1e-3), new Parallel(1), Adam.Update.RESTING);
        assertEquals(Adam.Update.RESTING, other.update());
        dense.train(800, true);
        resting.train(800, true);   // its tracker hears nothing now: it must treat every row as touched
        assertTrue(restingBefore > 0);
        assertSameState(dense, resting, "after 1,600 steps, the tracker replaced at 800");
    }

    @Test
    void weightDecayOrNoTableMeansDense() {
        Run run = new Run(Adam.Update.DENSE, new Parallel(1));
        assertEquals(Adam.Update.DENSE, new Adam(run.params, Adam.Config.defaults(1e-3).withWeightDecay(1e-4), new Parallel(1), Adam.Update.RESTING).update());
        assertEquals(Adam.Update.DENSE, new Adam(run.params, new Adam.Config(1e-3, 0.9, 0.999, 0, 0), new Parallel(1), Adam.Update.RESTING).update());
        Parameters linear = Parameters.of(new Linear(4, 3, new Rng(1)));
        assertEquals(Adam.Update.DENSE, new Adam(linear, Adam.Config.defaults(1e-3), new Parallel(1), Adam.Update.RESTING).update());
    }

    @Test
    void theFlagIsReadStrictly() {
        String old = System.getProperty("canto.adam");
        try {
            System.clearProperty("canto.adam");
            assertEquals(canto.engine.kernels.Kernels.get().name().equals("scalar") ? Adam.Update.RESTING : Adam.Update.DENSE,
                    Adam.Update.fromProperty(), "the default: resting with the scalar kernels, dense with SIMD");
            System.setProperty("canto.adam", "resting");
            assertEquals(Adam.Update.RESTING, Adam.Update.fromProperty());
            System.setProperty("canto.adam", "dense");
            assertEquals(Adam.Update.DENSE, Adam.Update.fromProperty());
            System.setProperty("canto.adam", "lazy");
            IllegalStateException e = assertThrows(IllegalStateException.class, Adam.Update::fromProperty);
            assertTrue(e.getMessage().contains("lazy"), e.getMessage());
        } finally {
            if (old == null) System.clearProperty("canto.adam");
            else System.setProperty("canto.adam", old);
        }
    }
}
