package canto.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import canto.engine.io.SafeTensors;
import canto.engine.nn.Activation;
import canto.engine.nn.Dropout;
import canto.engine.nn.Embedding;
import canto.engine.nn.Flatten;
import canto.engine.nn.Linear;
import canto.engine.nn.Module;
import canto.engine.nn.Parameter;
import canto.engine.nn.Parameters;
import canto.engine.nn.Sequential;
import canto.engine.nn.SoftmaxCrossEntropy;
import canto.engine.nn.TwoBranch;
import canto.engine.nn.Workspace;
import canto.engine.optim.Adam;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * canto against PyTorch on small versions of the three genre architectures: the same
 * weights (loaded by their {@code state_dict} names) must give the same logits, loss,
 * parameter and input gradients, and the same weights after two Adam steps (with and without
 * weight decay), to about 1e-5 relative.
 *
 * <p>The fixtures in {@code src/test/resources/pytorch/} are written by
 * {@code src/test/python/make_fixtures.py} (see there for their contents); PyTorch is not
 * needed to run this test. Dropout is off on both sides (evaluation mode).
 */
class PyTorchParityTest {
    private static final int VOCAB = 50, TOKENS = 10, FEATURES = 22, CLASSES = 7;
    private static final float LR = 1e-3f, WEIGHT_DECAY = 0.05f;
    /** Per element: |canto - torch| <= RTOL · (|torch| + the tensor's largest |torch| / 10). */
    private static final double RTOL = 1e-5;

    @Test
    void lyricsModel() throws IOException {
        Rng rng = new Rng(0); // any seed: the weights are loaded from the fixture
        Sequential net = new Sequential(new Embedding(VOCAB + 1, 4, rng), new Flatten(), new Linear(TOKENS * 4, CLASSES, rng));
        check("lyrics", net, "ids");
    }

    @Test
    void featuresModel() throws IOException {
        Rng rng = new Rng(0);
        int[] widths = {FEATURES, 32, 16, 16, 8};
        Module[] layers = new Module[3 * (widths.length - 1) + 1];
        for (int i = 0; i + 1 < widths.length; i++) {
            layers[3 * i] = new Linear(widths[i], widths[i + 1], rng);
            layers[3 * i + 1] = Activation.relu();
            layers[3 * i + 2] = new Dropout(0.2f, rng.split());
        }
        layers[layers.length - 1] = new Linear(widths[widths.length - 1], CLASSES, rng);
        Sequential net = new Sequential(layers);
        check("features", net, "features");
    }

    @Test
    void combinedModel() throws IOException {
        Rng rng = new Rng(0);
        TwoBranch net = new TwoBranch(
                "lyrics_pipeline", new Sequential(new Embedding(VOCAB + 1, 3, rng), new Flatten(), new Dropout(0.2f, rng.split()),
                        new Linear(TOKENS * 3, CLASSES, rng)),
                "feature_pipeline", new Sequential(
                        new Linear(FEATURES, 16, rng), Activation.relu(), new Dropout(0.2f, rng.split()),
                        new Linear(16, 12, rng), Activation.relu(), new Dropout(0.2f, rng.split()),
                        new Linear(12, 8, rng), Activation.relu(), new Dropout(0.2f, rng.split()),
                        new Linear(8, CLASSES, rng)),
                "combined_pipeline", new Sequential(
                        new Linear(2 * CLASSES, 16, rng), new Linear(16, 12, rng), new Linear(12, 8, rng), new Linear(8, CLASSES, rng)));
        check("combined", net, "ids", "features");
    }

    /** {@code inputs}: the fixture's input names, in the order the model takes them (one module contract for one or two). */
    private static void check(String name, Module model, String... inputs) throws IOException {
        SafeTensors.Contents weights = SafeTensors.readResource(PyTorchParityTest.class, "/pytorch/" + name + ".weights.safetensors");
        Map<String, Tensor> expected = SafeTensors.readResource(PyTorchParityTest.class, "/pytorch/" + name + ".expected.safetensors").tensors();

        // without weight decay: check everything along the way
        assertEquals(inputs.length, model.inputCount(), name + " inputs");
        Parameters params = Parameters.of(model);
        SafeTensors.load(weights, params, name + ".weights.safetensors"); // names and shapes must match PyTorch's
        model.setTraining(false);
        twoAdamSteps(name, model, inputs, params, new Adam(params, Adam.Config.defaults(LR)), expected, true);
        for (String key : params.named().keySet()) assertClose(name + " adam2." + key, expected.get("adam2." + key), params.get(key).value());

        // with weight decay: same start, compare the weights after two steps
        SafeTensors.load(weights, params, name + ".weights.safetensors");
        twoAdamSteps(name, model, inputs, params, new Adam(params, Adam.Config.defaults(LR).withWeightDecay(WEIGHT_DECAY)), expected, false);
        for (String key : params.named().keySet()) assertClose(name + " adam2_wd." + key, expected.get("adam2_wd." + key), params.get(key).value());
    }

    private static void twoAdamSteps(String name, Module model, String[] inputs, Parameters params, Adam adam, Map<String, Tensor> expected, boolean compare) {
        SoftmaxCrossEntropy lossFn = new SoftmaxCrossEntropy();
        for (int b = 0; b < 2; b++) {
            String prefix = "batch" + b + ".";
            Tensor[] batch = new Tensor[inputs.length];
            for (int i = 0; i < inputs.length; i++) batch[i] = expected.get(prefix + inputs[i]);
            float[] labelValues = expected.get(prefix + "labels").toArray();
            int[] labels = new int[labelValues.length];
            for (int i = 0; i < labels.length; i++) labels[i] = (int) labelValues[i];

            adam.zeroGrad();
            Workspace ws = new Workspace();
            Tensor logits = model.forward(ws, batch);
            if (compare) assertClose(name + " " + prefix + "logits", expected.get(prefix + "logits"), logits);
            float loss = lossFn.forward(logits, labels);
            if (compare) assertEquals(expected.get(prefix + "loss").get(0), loss, RTOL * Math.abs(loss), name + " " + prefix + "loss");
            Tensor firstInputGrad = model.backward(ws, lossFn.backward());
            if (compare) {
                for (Map.Entry<String, Parameter> e : params.named().entrySet()) {
                    assertClose(name + " " + prefix + "grad." + e.getKey(), expected.get(prefix + "grad." + e.getKey()), e.getValue().grad());
                }
                Tensor inputGrad = expected.get(prefix + "input_grad.features");
                int f = java.util.Arrays.asList(inputs).indexOf("features");
                if (inputGrad != null) {
                    Tensor got = inputs.length == 1 ? firstInputGrad : model.inputGrad(ws, f);
                    assertNotNull(got, "feature input gradient");
                    assertClose(name + " " + prefix + "input_grad.features", inputGrad, got);
                }
            }
            adam.step();
        }
    }

    private static void assertClose(String what, Tensor expected, Tensor actual) {
        assertNotNull(expected, what + " is missing from the fixture");
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        double maxAbs = 0;
        for (int i = 0; i < expected.size(); i++) maxAbs = Math.max(maxAbs, Math.abs(expected.get(i)));
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i), a = actual.get(i);
            if (!(Math.abs(a - e) <= RTOL * (Math.abs(e) + maxAbs / 10))) {
                fail(what + "[" + i + "]: canto " + a + ", PyTorch " + e + " (largest |value| " + maxAbs + ")");
            }
        }
    }
}
