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
import canto.engine.nn.Trainable;
import canto.engine.nn.TwoBranch;
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

    /** A canto model with one or two inputs, as the fixtures feed it. */
    private interface Model {
        Trainable trainable();
        Tensor forward(Map<String, Tensor> batch);
        void backward(Tensor dLogits);
        /** Gradient with respect to the feature input after backward, or null without one. */
        Tensor featureInputGrad();
    }

    private static Model sequential(Module net, boolean idsInput) {
        return new Model() {
            Tensor featureGrad;
            public Trainable trainable() { return net; }
            public Tensor forward(Map<String, Tensor> b) { return net.forward(b.get(idsInput ? "ids" : "features")); }
            public void backward(Tensor dy) { featureGrad = net.backward(dy); }
            public Tensor featureInputGrad() { return idsInput ? null : featureGrad; }
        };
    }

    @Test
    void lyricsModel() throws IOException {
        Rng rng = new Rng(0); // any seed: the weights are loaded from the fixture
        Sequential net = new Sequential(new Embedding(VOCAB + 1, 4, rng), new Flatten(), new Linear(TOKENS * 4, CLASSES, rng));
        check("lyrics", () -> sequential(net, true));
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
        check("features", () -> sequential(net, false));
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
        check("combined", () -> new Model() {
            public Trainable trainable() { return net; }
            public Tensor forward(Map<String, Tensor> b) { return net.forward(b.get("ids"), b.get("features")); }
            public void backward(Tensor dy) { net.backward(dy); }
            public Tensor featureInputGrad() { return net.rightInputGrad(); }
        });
    }

    private interface ModelFactory { Model build(); }

    private static void check(String name, ModelFactory factory) throws IOException {
        SafeTensors.Contents weights = SafeTensors.readResource(PyTorchParityTest.class, "/pytorch/" + name + ".weights.safetensors");
        Map<String, Tensor> expected = SafeTensors.readResource(PyTorchParityTest.class, "/pytorch/" + name + ".expected.safetensors").tensors();

        // without weight decay: check everything along the way
        Model model = factory.build();
        Parameters params = Parameters.of(model.trainable());
        SafeTensors.load(weights, params, name + ".weights.safetensors"); // names and shapes must match PyTorch's
        model.trainable().setTraining(false);
        twoAdamSteps(name, model, params, new Adam(params, Adam.Config.defaults(LR)), expected, true);
        for (String key : params.named().keySet()) assertClose(name + " adam2." + key, expected.get("adam2." + key), params.get(key).value());

        // with weight decay: same start, compare the weights after two steps
        SafeTensors.load(weights, params, name + ".weights.safetensors");
        twoAdamSteps(name, model, params, new Adam(params, Adam.Config.defaults(LR).withWeightDecay(WEIGHT_DECAY)), expected, false);
        for (String key : params.named().keySet()) assertClose(name + " adam2_wd." + key, expected.get("adam2_wd." + key), params.get(key).value());
    }

    private static void twoAdamSteps(String name, Model model, Parameters params, Adam adam, Map<String, Tensor> expected, boolean compare) {
        SoftmaxCrossEntropy lossFn = new SoftmaxCrossEntropy();
        for (int b = 0; b < 2; b++) {
            String prefix = "batch" + b + ".";
            Map<String, Tensor> batch = new java.util.HashMap<>();
            for (String input : new String[] {"ids", "features"}) {
                if (expected.containsKey(prefix + input)) batch.put(input, expected.get(prefix + input));
            }
            float[] labelValues = expected.get(prefix + "labels").toArray();
            int[] labels = new int[labelValues.length];
            for (int i = 0; i < labels.length; i++) labels[i] = (int) labelValues[i];

            adam.zeroGrad();
            Tensor logits = model.forward(batch);
            if (compare) assertClose(name + " " + prefix + "logits", expected.get(prefix + "logits"), logits);
            float loss = lossFn.forward(logits, labels);
            if (compare) assertEquals(expected.get(prefix + "loss").get(0), loss, RTOL * Math.abs(loss), name + " " + prefix + "loss");
            model.backward(lossFn.backward());
            if (compare) {
                for (Map.Entry<String, Parameter> e : params.named().entrySet()) {
                    assertClose(name + " " + prefix + "grad." + e.getKey(), expected.get(prefix + "grad." + e.getKey()), e.getValue().grad());
                }
                Tensor inputGrad = expected.get(prefix + "input_grad.features");
                if (inputGrad != null) {
                    assertNotNull(model.featureInputGrad(), "feature input gradient");
                    assertClose(name + " " + prefix + "input_grad.features", inputGrad, model.featureInputGrad());
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
