package canto.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layer and loss outputs against values worked out by hand (or by a calculator, noted). */
class KnownValuesTest {

    // ---- softmax + cross-entropy ----------------------------------------------------------

    @Test
    void softmaxOfKnownLogits() {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        float loss = ce.forward(Tensor.of(new float[] {1, 2, 3}, 1, 3), new int[] {2});
        // e^1, e^2, e^3 over their sum: 0.09003057, 0.24472847, 0.66524096; -ln(0.66524096)
        assertArrayEquals(new float[] {0.09003057f, 0.24472847f, 0.66524096f}, ce.probabilities().toArray(), 1e-7f);
        assertEquals(0.40760596f, loss, 1e-7f);
        // backward: (p - onehot) / rows
        assertArrayEquals(new float[] {0.09003057f, 0.24472847f, 0.66524096f - 1f}, ce.backward().toArray(), 1e-7f);
    }

    @Test
    void crossEntropyOfAUniformPredictionIsLnC() {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        float[] equal = new float[2 * 7];
        java.util.Arrays.fill(equal, 0, 7, 0.25f);
        java.util.Arrays.fill(equal, 7, 14, -3f);
        float loss = ce.forward(Tensor.of(equal, 2, 7), new int[] {0, 6});
        assertEquals(1.9459101f, loss, 1e-6f); // ln 7
        for (float p : ce.probabilities().toArray()) assertEquals(1f / 7, p, 1e-7f);
    }

    @Test
    void crossEntropyIsStableForHugeLogitsAndAveragesOverRows() {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        // row 0: label has the max, loss ~ e^-1000 ~ 0; row 1: loss = 2000 (log-sum-exp, no overflow)
        float loss = ce.forward(Tensor.of(new float[] {1000, 0, -1000, 1000, 0, -1000}, 2, 3), new int[] {0, 2});
        assertEquals(1000f, loss, 1e-3f);
        float[] grad = ce.backward().toArray();
        assertArrayEquals(new float[] {0, 0, 0, 0.5f, 0, -0.5f}, grad, 1e-7f);
    }

    @Test
    void crossEntropyReadsLabelsFromAnOffset() {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        // the same row as softmaxOfKnownLogits, its label 2 at labels[3]
        float loss = ce.forward(Tensor.of(new float[] {1, 2, 3}, 1, 3), new int[] {0, 0, 0, 2, 0}, 3);
        assertEquals(0.40760596f, loss, 1e-7f);
        assertArrayEquals(new float[] {0.09003057f, 0.24472847f, 0.66524096f - 1f}, ce.backward().toArray(), 1e-7f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ce.forward(Tensor.zeros(2, 3), new int[] {0, 1, 2}, 2));
        assertTrue(e.getMessage().contains("need 2 labels from index 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ce.forward(Tensor.zeros(1, 3), new int[] {0, 7}, 1));
        assertTrue(e.getMessage().contains("labels[1]"), e.getMessage());
    }

    @Test
    void crossEntropyRejectsLabelsOutsideTheClasses() {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ce.forward(Tensor.zeros(2, 3), new int[] {0, 3}));
        assertTrue(e.getMessage().contains("label 3 of row 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ce.forward(Tensor.zeros(2, 3), new int[] {0}));
    }

    @Test
    void argmaxTakesTheFirstOnTies() {
        int[] best = SoftmaxCrossEntropy.argmax(Tensor.of(new float[] {1, 3, 3, -1, -2, -1}, 2, 3), null);
        assertArrayEquals(new int[] {1, 0}, best);
    }

    // ---- Linear ---------------------------------------------------------------------------

    /** W = [[1,2,3],[4,5,6]], b = [0.5,-1], x = [[1,0,-1],[2,1,0]], dy = [[1,0],[0,2]]. */
    @Test
    void linear2x3ByHand() {
        Workspace ws = new Workspace();
        Linear linear = new Linear(3, 2, new Rng(0));
        Parameters params = Parameters.of(linear);
        float[] w = {1, 2, 3, 4, 5, 6};
        for (int i = 0; i < 6; i++) linear.weight().value().set(i, w[i]);
        linear.bias().value().set(0, 0.5f);
        linear.bias().value().set(1, -1f);
        Tensor y = linear.forward(ws, Tensor.of(new float[] {1, 0, -1, 2, 1, 0}, 2, 3));
        // [1-3+0.5, 4-6-1] and [2+2+0.5, 8+5-1]
        assertArrayEquals(new float[] {-1.5f, -3f, 4.5f, 12f}, y.toArray());
        assertArrayEquals(new int[] {2, 2}, y.shape());

        params.zeroGrad();
        Tensor dx = linear.backward(ws, Tensor.of(new float[] {1, 0, 0, 2}, 2, 2));
        // dW = dyᵀ·x = [[1,0,-1],[4,2,0]]; db = column sums [1,2]; dx = dy·W = [[1,2,3],[8,10,12]]
        assertArrayEquals(new float[] {1, 0, -1, 4, 2, 0}, linear.weight().grad().toArray());
        assertArrayEquals(new float[] {1, 2}, linear.bias().grad().toArray());
        assertArrayEquals(new float[] {1, 2, 3, 8, 10, 12}, dx.toArray());

        // backward accumulates: a second pass doubles the parameter gradients
        linear.backward(ws, Tensor.of(new float[] {1, 0, 0, 2}, 2, 2));
        assertArrayEquals(new float[] {2, 0, -2, 8, 4, 0}, linear.weight().grad().toArray());
        assertArrayEquals(new float[] {2, 4}, linear.bias().grad().toArray());
        params.zeroGrad();
        assertArrayEquals(new float[6], linear.weight().grad().toArray());
    }

    @Test
    void linearRejectsTheWrongInputWidth() {
        Workspace ws = new Workspace();
        Linear linear = new Linear(3, 2, new Rng(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> linear.forward(ws, Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("Linear(3, 2)"), e.getMessage());
    }

    @Test
    void linearInitialisationIsUniformWithinOneOverSqrtIn() {
        Linear linear = new Linear(100, 50, new Rng(3));
        float bound = 0.1f;
        double sum = 0, sumSq = 0;
        for (float w : linear.weight().value().toArray()) {
            assertTrue(Math.abs(w) <= bound, "weight " + w);
            sum += w;
            sumSq += (double) w * w;
        }
        int n = 5000;
        assertEquals(0, sum / n, 0.005);
        assertEquals(bound * bound / 3, sumSq / n, 0.0003); // variance of U(-a, a) is a²/3
        for (float b : linear.bias().value().toArray()) assertTrue(Math.abs(b) <= bound, "bias " + b);
        // same seed, same initialisation
        assertArrayEquals(linear.weight().value().toArray(), new Linear(100, 50, new Rng(3)).weight().value().toArray());
        assertFalse(java.util.Arrays.equals(linear.weight().value().toArray(), new Linear(100, 50, new Rng(4)).weight().value().toArray()));
    }

    // ---- Embedding ------------------------------------------------------------------------

    @Test
    void embeddingGathersRowsAndNamesABadId() {
        Workspace ws = new Workspace();
        Embedding emb = new Embedding(4, 2, new Rng(0));
        for (int i = 0; i < 8; i++) emb.weight().value().set(i, i);
        Tensor out = emb.forward(ws, Tensor.of(new float[] {3, 0, 3}, 1, 3));
        assertArrayEquals(new int[] {1, 3, 2}, out.shape());
        assertArrayEquals(new float[] {6, 7, 0, 1, 6, 7}, out.toArray());
        assertArrayEquals(new float[] {2, 3, 4, 5}, emb.forwardIds(ws, new int[] {9, 1, 2, 9}, 1, 2, 2).toArray());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> emb.forward(ws, Tensor.of(new float[] {1, 4}, 2)));
        assertTrue(e.getMessage().contains("embedding id 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> emb.forwardIds(ws, new int[] {-1}, 0, 1, 1));
        assertTrue(e.getMessage().contains("embedding id -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> emb.forward(ws, Tensor.of(new float[] {1.5f}, 1)));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }

    @Test
    void embeddingInitialisationIsStandardNormal() {
        float[] w = new Embedding(1000, 10, new Rng(5)).weight().value().toArray();
        double sum = 0, sumSq = 0;
        for (float x : w) { sum += x; sumSq += (double) x * x; }
        assertEquals(0, sum / w.length, 0.03);
        assertEquals(1, sumSq / w.length, 0.03);
    }

    // ---- Dropout, Flatten -----------------------------------------------------------------

    @Test
    void dropoutZeroesAboutPAndScalesTheRest() {
        Workspace ws = new Workspace();
        Dropout dropout = new Dropout(0.25f, new Rng(9));
        float[] ones = new float[20000];
        java.util.Arrays.fill(ones, 1f);
        float[] y = dropout.forward(ws, Tensor.of(ones, 100, 200)).toArray();
        int zeros = 0;
        for (float v : y) {
            if (v == 0f) zeros++;
            else assertEquals(1f / 0.75f, v, 0f);
        }
        assertEquals(0.25, zeros / 20000.0, 0.01);

        dropout.setTraining(false);
        Tensor x = Tensor.of(ones, 100, 200);
        assertSame(x, dropout.forward(ws, x), "evaluation mode is the identity");
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1f, new Rng(0)));
    }

    @Test
    void flattenKeepsTheBatchAndRestoresTheShapeOnBackward() {
        Workspace ws = new Workspace();
        Flatten flatten = new Flatten();
        Tensor y = flatten.forward(ws, Tensor.zeros(2, 3, 4));
        assertArrayEquals(new int[] {2, 12}, y.shape());
        assertArrayEquals(new int[] {2, 3, 4}, flatten.backward(ws, Tensor.zeros(2, 12)).shape());
    }

    // ---- names ----------------------------------------------------------------------------

    @Test
    void parametersAreNamedLikePyTorchStateDictKeysAndShareOneArena() {
        Rng rng = new Rng(1);
        TwoBranch model = new TwoBranch(
                "lyrics_pipeline", new Sequential(new Embedding(5, 2, rng), new Flatten(), new Dropout(0.2f, rng), new Linear(6, 7, rng)),
                "feature_pipeline", new Sequential(new Linear(4, 3, rng), Activation.relu(), new Linear(3, 7, rng)),
                "combined_pipeline", new Sequential(new Linear(14, 5, rng), new Linear(5, 7, rng)));
        Parameters params = Parameters.of(model);
        assertEquals(List.of("lyrics_pipeline.0.weight", "lyrics_pipeline.3.weight", "lyrics_pipeline.3.bias",
                        "feature_pipeline.0.weight", "feature_pipeline.0.bias", "feature_pipeline.2.weight", "feature_pipeline.2.bias",
                        "combined_pipeline.0.weight", "combined_pipeline.0.bias", "combined_pipeline.1.weight", "combined_pipeline.1.bias"),
                List.copyOf(params.named().keySet()));
        int offset = 0;
        for (Parameter p : params.named().values()) {
            assertSame(params.values(), p.value().data());
            assertSame(params.grads(), p.grad().data());
            assertEquals(offset, p.value().offset());
            offset += p.size();
        }
        assertEquals(offset, params.size());
    }
}
