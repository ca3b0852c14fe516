package canto.engine.optim;

import static canto.engine.optim.AdamRestingTest.BATCH;
import static canto.engine.optim.AdamRestingTest.CLASSES;
import static canto.engine.optim.AdamRestingTest.DIM;
import static canto.engine.optim.AdamRestingTest.LEN;
import static canto.engine.optim.AdamRestingTest.WORDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import canto.engine.kernels.Kernels;
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
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Adam's dense path on an embedding table ({@link GradientRows}: rows without a gradient updated
 * without reading it, only the rows with one cleared) against a reference written here: one
 * {@code adamStep} over the whole arena and a fill of every gradient, as the dense step was
 * before. Bit for bit, on the Zipf embedding model of {@link AdamRestingTest} (most rows get a
 * gradient once in thousands of steps): fused and unfused, 1 and 2 threads, with weight decay,
 * with gradients already in the table when the optimiser is made, and with its tracker taken
 * over by another optimiser. After every fused step every gradient must be +0.
 */
class AdamGradientRowsTest {
    /** The dense step as it was: every element through adamStep, every gradient cleared. */
    static final class Reference implements Optimizer {
        final Kernels kernels = Kernels.get();
        final Parameters params;
        final Adam.Config c;
        final float[] m, v;
        int t;

        Reference(Parameters params, Adam.Config c) {
            this.params = params;
            this.c = c;
            m = new float[params.size()];
            v = new float[params.size()];
        }

        @Override
        public void step() {
            t++;
            float stepSize = (float) (c.lr() / (1 - StrictMath.pow(c.beta1(), t)));
            float sqrtBc2 = (float) Math.sqrt(1 - StrictMath.pow(c.beta2(), t));
            kernels.adamStep(params.values(), params.grads(), m, v, 0, params.size(), stepSize,
                    (float) c.beta1(), (float) (1 - c.beta1()), (float) c.beta2(), (float) (1 - c.beta2()),
                    (float) c.eps(), sqrtBc2, (float) c.weightDecay());
        }

        @Override
        public void zeroGrad() { Arrays.fill(params.grads(), 0f); }
    }

    /** A model, its optimiser and its batch stream (the same seeds give the same stream). */
    static final class Run {
        final Sequential model = new Sequential(new Embedding(WORDS, DIM, new Rng(1)), new Flatten(), new Linear(LEN * DIM, CLASSES, new Rng(2)));
        final Parameters params = Parameters.of(model);
        final Workspace ws = new Workspace();
        final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        final Rng data = new Rng(3);
        final double[] cdf = AdamRestingTest.zipfCdf(WORDS, 1.1);
        final float[] ids = new float[BATCH * LEN];
        final int[] labels = new int[BATCH];
        Optimizer opt;

        /** Forward and backward on the next batch, no step. */
        void backward() {
            for (int i = 0; i < ids.length; i++) ids[i] = AdamRestingTest.sample(cdf, data.nextDouble());
            for (int i = 0; i < BATCH; i++) labels[i] = (int) (ids[i * LEN] % CLASSES);
            Tensor logits = model.forward(ws, new Tensor(ids, 0, BATCH, LEN));
            loss.forward(logits, labels);
            model.backward(ws, loss.backward());
        }

        /** {@code n} steps; {@code fused}: backward, stepAndZeroGrad; else zeroGrad, backward, step. */
        void train(int n, boolean fused) {
            for (int s = 0; s < n; s++) {
                if (!fused) opt.zeroGrad();
                backward();
                if (fused) opt.stepAndZeroGrad();
                else opt.step();
            }
        }
    }

    static Run reference(Adam.Config c) {
        Run r = new Run();
        r.opt = new Reference(r.params, c);
        return r;
    }

    static Run adam(Adam.Config c, int threads) {
        Run r = new Run();
        r.opt = new Adam(r.params, c, new Parallel(threads), Adam.Update.DENSE);
        return r;
    }

    /** Weights, both moments and the step count bit for bit; with {@code cleared}, every gradient of the Adam run +0. */
    static void assertSame(Run reference, Run run, boolean cleared, String where) {
        Reference ref = (Reference) reference.opt;
        Adam adam = (Adam) run.opt;
        assertEquals(ref.t, adam.steps(), where + ": steps");
        AdamRestingTest.assertBits(reference.params.values(), run.params.values(), where + " weights");
        AdamRestingTest.assertBits(ref.m, adam.firstMoments(), where + " first moments");
        AdamRestingTest.assertBits(ref.v, adam.secondMoments(), where + " second moments");
        if (!cleared) return;
        float[] g = run.params.grads();
        for (int i = 0; i < g.length; i++) {
            if (Float.floatToRawIntBits(g[i]) != 0) fail(where + ": gradient " + i + " (row " + i / DIM + ") is " + g[i] + " after the fused step, not +0");
        }
    }

    @Test
    void denseStepsEqualTheReferenceOverThreeThousandZipfSteps() {
        Adam.Config c = Adam.Config.defaults(1e-3);
        for (boolean fused : new boolean[] {true, false}) {
            for (int threads : new int[] {1, 2}) {
                Run ref = reference(c), run = adam(c, threads);
                ref.opt.zeroGrad();
                run.opt.zeroGrad();
                for (int block = 1; block <= 3; block++) {
                    ref.train(1000, fused);
                    run.train(1000, fused);
                    assertSame(ref, run, fused, "fused=" + fused + ", " + threads + " threads, after " + 1000 * block + " steps");
                }
            }
        }
    }

    @Test
    void withWeightDecayEveryGradientCounts() {
        Adam.Config c = Adam.Config.defaults(1e-3).withWeightDecay(1e-2);
        Run ref = reference(c), run = adam(c, 1);
        ref.opt.zeroGrad();
        run.opt.zeroGrad();
        ref.train(600, true);
        run.train(600, true);
        assertSame(ref, run, true, "weight decay, after 600 steps");
    }

    @Test
    void gradientsInTheTableBeforeTheOptimiserWasMadeAreCleared() {
        Adam.Config c = Adam.Config.defaults(1e-3);
        Run ref = reference(c), run = new Run();
        ref.backward();
        run.backward();   // the optimiser made next has not seen these rows
        run.opt = new Adam(run.params, c, new Parallel(1), Adam.Update.DENSE);
        ref.opt.stepAndZeroGrad();
        run.opt.stepAndZeroGrad();   // no zeroGrad() first: every row counts as having a gradient
        assertSame(ref, run, true, "after the first step");
        ref.train(500, true);
        run.train(500, true);
        assertSame(ref, run, true, "after 501 steps");
    }

    @Test
    void anOptimiserWhoseTrackerWasTakenOverTreatsEveryRowAsHavingAGradient() {
        Adam.Config c = Adam.Config.defaults(1e-3);
        for (boolean fused : new boolean[] {true, false}) {
            Run ref = reference(c), run = adam(c, 1);
            ref.opt.zeroGrad();
            run.opt.zeroGrad();
            ref.train(300, fused);
            run.train(300, fused);
            new Adam(run.params, c, new Parallel(1), Adam.Update.DENSE);   // takes the tracker
            ref.train(300, fused);
            run.train(300, fused);   // hears of no rows now
            assertSame(ref, run, fused, "fused=" + fused + ", after 600 steps, the tracker replaced at 300");
        }
    }
}
