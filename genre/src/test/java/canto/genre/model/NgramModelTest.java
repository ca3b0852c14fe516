package canto.genre.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.nn.Parameter;
import canto.engine.nn.Workspace;
import canto.engine.nn.SoftmaxCrossEntropy;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ngrams model end to end through the engine's EmbeddingBag with per-item weights:
 * gradients against central differences, and a hand-worked forward.
 */
class NgramModelTest {
    // three bags over a 6-row table: {0, 2, 5}, {} (empty), {2, 3}; weights as TF-IDF would give
    static final int[] IDS = {0, 2, 5, 2, 3};
    static final int[] OFFSETS = {0, 3, 3};
    static final float[] WEIGHTS = {0.5f, -0.25f, 0.8f, 0.6f, 0.3f};
    static final int[] LABELS = {1, 4, 6};

    private static double loss(NgramModel m) {
        return new SoftmaxCrossEntropy().forward(m.forward(new Workspace(), IDS, IDS.length, OFFSETS, 3, WEIGHTS), LABELS);
    }

    @Test
    void gradientsMatchCentralDifferences() {
        for (int hidden : new int[] {0, 5}) {
            NgramModel m = new NgramModel(new NgramModel.Shape(6, 4, hidden, 0f), new Rng(3));
            // bigger table values than the 1/dim start, so that the differences are well above float noise
            Tensor t = m.tableWeight().value();
            Rng r = new Rng(9);
            for (int i = 0; i < t.size(); i++) t.set(i, (float) r.nextGaussian());
            SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
            Workspace ws = new Workspace();
            ce.forward(m.forward(ws, IDS, IDS.length, OFFSETS, 3, WEIGHTS), LABELS);
            m.backward(ws, ce.backward());
            int checked = 0;
            for (var e : m.named().entrySet()) {
                Parameter p = e.getValue();
                for (int i = 0; i < p.size(); i++) {
                    float old = p.value().get(i);
                    float h = 1e-2f;
                    p.value().set(i, old + h);
                    double up = loss(m);
                    p.value().set(i, old - h);
                    double down = loss(m);
                    p.value().set(i, old);
                    double numeric = (up - down) / (2 * h);
                    double analytic = p.grad().get(i);
                    assertEquals(numeric, analytic, 2e-3 + 2e-2 * Math.abs(numeric), e.getKey() + "[" + i + "] hidden " + hidden);
                    checked++;
                }
            }
            // rows 1 and 4 are in no bag: exactly zero gradient
            for (int j = 0; j < 4; j++) {
                assertEquals(0f, m.tableWeight().grad().get(4 + j));
                assertEquals(0f, m.tableWeight().grad().get(16 + j));
            }
            assertTrue(checked > 30);
        }
    }

    @Test
    void forwardIsTheWeightedSumThroughTheLinearLayer() {
        NgramModel m = new NgramModel(new NgramModel.Shape(6, 2, 0, 0f), new Rng(1));
        Tensor t = m.tableWeight().value();
        for (int i = 0; i < 12; i++) t.set(i, i);   // row r = (2r, 2r + 1)
        Parameter w = m.named().get("fc.weight"), b = m.named().get("fc.bias");
        for (int i = 0; i < w.size(); i++) w.value().set(i, 0f);
        for (int i = 0; i < b.size(); i++) b.value().set(i, i * 0.1f);
        w.value().set(0, 1f);    // logit 0 = first component
        w.value().set(3, 1f);    // logit 1 = second component
        Tensor logits = m.forward(new Workspace(), IDS, IDS.length, OFFSETS, 3, WEIGHTS);
        // bag 0: 0.5·(0,1) - 0.25·(4,5) + 0.8·(10,11) = (7, 8.05); bag 1: empty = (0, 0); bag 2: 0.6·(4,5) + 0.3·(6,7) = (4.2, 5.1)
        assertEquals(7f, logits.get(0), 1e-5f);
        assertEquals(8.05f + 0.1f, logits.get(1), 1e-5f);
        assertEquals(0.6f, logits.get(6), 1e-6f);
        assertEquals(0f, logits.get(7), 1e-6f);
        assertEquals(0.1f, logits.get(8), 1e-6f);
        assertEquals(4.2f, logits.get(14), 1e-5f);
        assertEquals(5.1f + 0.1f, logits.get(15), 1e-5f);
        assertEquals(List.of("embedding.weight", "fc.weight", "fc.bias"), List.copyOf(m.named().keySet()));
    }
}
