package canto.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every layer's hand-written backward against central finite differences ({@link GradCheck}):
 * parameter gradients and input gradients, each layer alone and inside small models.
 *
 * <p>A layer's output y is turned into a scalar with a fixed random projection
 * {@code L = Σ r·y} (so the gradient fed to backward is r); whole models use the
 * cross-entropy loss.
 */
class GradientCheckTest {

    /** Random values in ±range. */
    private static float[] random(Rng rng, int n, float range) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = rng.uniform(-range, range);
        return a;
    }

    /**
     * Checks the parameters of {@code module} and, when {@code inputHasGradient}, its input
     * gradient, on input {@code x} of {@code shape}.
     */
    private static void checkModule(Module module, float[] x, int[] shape, boolean inputHasGradient, long seed) {
        Workspace ws = new Workspace();
        Parameters params = Parameters.of(module);
        Rng rng = new Rng(seed);
        Tensor y = module.forward(ws, new Tensor(x, 0, shape));
        float[] r = random(rng, y.size(), 1f);
        int[] outShape = y.shape();
        DoubleSupplier loss = () -> GradCheck.project(module.forward(ws, new Tensor(x, 0, shape)), r);

        params.zeroGrad();
        module.forward(ws, new Tensor(x, 0, shape));
        Tensor dx = module.backward(ws, new Tensor(r.clone(), 0, outShape));
        if (inputHasGradient) {
            assertArrayEquals(shape, dx.shape(), "input gradient shape");
            GradCheck.check(module + " input", x, 0, dx.toArray(), 0, x.length, loss);
        } else {
            assertNull(dx, "ids have no gradient");
        }
        GradCheck.checkParameters(params, loss);
    }

    @Test
    void linear() {
        Rng rng = new Rng(1);
        checkModule(new Linear(5, 4, rng), random(rng, 3 * 5, 1f), new int[] {3, 5}, true, 10);
    }

    @Test
    void linearOnARank3InputTreatsItAsRows() {
        Rng rng = new Rng(2);
        checkModule(new Linear(5, 3, rng), random(rng, 2 * 3 * 5, 1f), new int[] {2, 3, 5}, true, 11);
    }

    @Test
    void linearWithoutBias() {
        Rng rng = new Rng(3);
        Linear linear = new Linear(4, 6, false, rng);
        checkModule(linear, random(rng, 2 * 4, 1f), new int[] {2, 4}, true, 12);
    }

    @Test
    void embeddingScatterAddsRepeatedIds() {
        Rng rng = new Rng(4);
        float[] ids = {0, 3, 3, 6, 1, 3, 0, 5}; // repeats: their gradients must add up; rows 2 and 4 unused
        checkModule(new Embedding(7, 3, rng), ids, new int[] {2, 4}, false, 13);
    }

    @Test
    void relu() {
        Rng rng = new Rng(5);
        float[] x = random(rng, 4 * 6, 1f);
        for (int i = 0; i < x.length; i++) x[i] += Math.copySign(0.1f, x[i]); // away from the kink
        checkModule(Activation.relu(), x, new int[] {4, 6}, true, 14);
    }

    @Test
    void sigmoid() {
        Rng rng = new Rng(6);
        checkModule(Activation.sigmoid(), random(rng, 4 * 6, 4f), new int[] {4, 6}, true, 15);
    }

    @Test
    void tanh() {
        Rng rng = new Rng(7);
        checkModule(Activation.tanh(), random(rng, 4 * 6, 3f), new int[] {4, 6}, true, 16);
    }

    @Test
    void dropoutInEvaluationModeIsTheIdentity() {
        Rng rng = new Rng(8);
        Dropout dropout = new Dropout(0.5f, new Rng(1));
        dropout.setTraining(false);
        checkModule(dropout, random(rng, 5 * 4, 1f), new int[] {5, 4}, true, 17);
    }

    @Test
    void dropoutInTrainingModeWithAFixedMask() {
        Workspace ws = new Workspace();
        // Each loss evaluation uses a freshly seeded layer, so every forward draws the same mask.
        Supplier<Dropout> layer = () -> new Dropout(0.3f, new Rng(77));
        Rng rng = new Rng(9);
        float[] x = random(rng, 6 * 5, 1f);
        int[] shape = {6, 5};
        float[] r = random(rng, x.length, 1f);
        DoubleSupplier loss = () -> GradCheck.project(layer.get().forward(ws, new Tensor(x, 0, shape)), r);
        Dropout d = layer.get();
        d.forward(ws, new Tensor(x, 0, shape));
        float[] dx = d.backward(ws, new Tensor(r, 0, shape)).toArray();
        int dropped = 0;
        for (float g : dx) if (g == 0f) dropped++;
        org.junit.jupiter.api.Assertions.assertTrue(dropped > 0 && dropped < dx.length, "some, not all, dropped: " + dropped);
        GradCheck.check("dropout input", x, 0, dx, 0, x.length, loss);
    }

    @Test
    void flattenInsideASequential() {
        Rng rng = new Rng(10);
        Sequential model = new Sequential(new Flatten(), new Linear(12, 3, rng));
        checkModule(model, random(rng, 2 * 3 * 4, 1f), new int[] {2, 3, 4}, true, 18);
    }

    @Test
    void sequentialOfEveryLayerKind() {
        Rng rng = new Rng(11);
        Dropout dropout = new Dropout(0.5f, rng.split());
        Sequential model = new Sequential(
                new Linear(6, 8, rng), Activation.tanh(), dropout,
                new Linear(8, 5, rng), Activation.sigmoid(),
                new Linear(5, 4, rng), Activation.relu(),
                new Linear(4, 3, rng));
        model.setTraining(false);
        checkModule(model, random(rng, 3 * 6, 1f), new int[] {3, 6}, true, 19);
    }

    @Test
    void embeddingHeadedSequential() {
        Rng rng = new Rng(12);
        Sequential model = new Sequential(new Embedding(9, 2, rng), new Flatten(), new Linear(3 * 2, 4, rng), Activation.tanh());
        float[] ids = {8, 0, 4, 4, 2, 8};
        checkModule(model, ids, new int[] {2, 3}, false, 20);
    }

    @Test
    void softmaxCrossEntropy() {
        Rng rng = new Rng(13);
        float[] logits = random(rng, 4 * 5, 3f);
        int[] labels = {0, 4, 2, 2};
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        DoubleSupplier loss = () -> ce.forward(new Tensor(logits, 0, 4, 5), labels);
        ce.forward(new Tensor(logits, 0, 4, 5), labels);
        float[] analytic = ce.backward().toArray();
        GradCheck.check("softmax cross-entropy logits", logits, 0, analytic, 0, logits.length, loss);
    }

    /** The combined genre architecture in miniature, with its input gradients. */
    @Test
    void twoBranchModel() {
        Workspace ws = new Workspace();
        Rng rng = new Rng(14);
        int batch = 3, tokens = 5, features = 6, classes = 5;
        TwoBranch model = new TwoBranch(
                "lyrics_pipeline", new Sequential(new Embedding(12, 3, rng), new Flatten(), new Dropout(0.2f, rng.split()),
                        new Linear(tokens * 3, 4, rng)),
                "feature_pipeline", new Sequential(new Linear(features, 8, rng), Activation.relu(),
                        new Dropout(0.2f, rng.split()), new Linear(8, 4, rng)),
                "combined_pipeline", new Sequential(new Linear(8, 6, rng), new Linear(6, classes, rng)));
        model.setTraining(false);
        Parameters params = Parameters.of(model);
        float[] ids = new float[batch * tokens];
        for (int i = 0; i < ids.length; i++) ids[i] = rng.nextInt(12);
        float[] feats = random(rng, batch * features, 2f);
        int[] labels = {1, 4, 0};
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        DoubleSupplier loss = () -> ce.forward(
                model.forward(ws, new Tensor(ids, 0, batch, tokens), new Tensor(feats, 0, batch, features)), labels);

        params.zeroGrad();
        loss.getAsDouble();
        model.backward(ws, ce.backward());
        assertNull(model.inputGrad(ws, 0), "ids have no gradient");
        float[] dFeats = model.inputGrad(ws, 1).toArray();
        assertArrayEquals(new int[] {batch, features}, model.inputGrad(ws, 1).shape());

        GradCheck.check("feature input", feats, 0, dFeats, 0, feats.length, loss);
        GradCheck.checkParameters(params, loss);
    }
}
