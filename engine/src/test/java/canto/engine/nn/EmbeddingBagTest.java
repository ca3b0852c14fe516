package canto.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.nn.EmbeddingBag.Mode;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link EmbeddingBag}: values worked out by hand (sum, mean, per-sample weights, empty bags,
 * PyTorch's offsets convention at non-zero array offsets), finite-difference gradients, and the
 * error messages.
 */
class EmbeddingBagTest {

    /** Table rows r0 = (0, 1), r1 = (2, 3), r2 = (4, 5), r3 = (6, 7). */
    private static EmbeddingBag bag(Mode mode) {
        EmbeddingBag e = new EmbeddingBag(4, 2, mode, new Rng(0));
        for (int i = 0; i < 8; i++) e.weight().value().set(i, i);
        return e;
    }

    // ids seen from index 1: 3 0 | (empty) | 3 1 | 2   (offsets seen from index 1: 0 2 2 4)
    private static final int[] IDS = {9, 3, 0, 3, 1, 2};
    private static final int[] OFFSETS = {7, 0, 2, 2, 4};
    private static final float[] D_OUT = {1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void sumAddsTheRowsOfEachBag() {
        Workspace ws = new Workspace();
        EmbeddingBag e = bag(Mode.SUM);
        Tensor y = e.forward(ws, IDS, 1, 5, OFFSETS, 1, 4, null);
        assertArrayEquals(new int[] {4, 2}, y.shape());
        // r3 + r0 = (6, 8); empty = (0, 0); r3 + r1 = (8, 10); r2 = (4, 5)
        assertArrayEquals(new float[] {6, 8, 0, 0, 8, 10, 4, 5}, y.toArray());
        e.backward(ws, Tensor.of(D_OUT, 4, 2));
        // row0 += bag0's (1, 2); row1 += bag2's (5, 6); row2 += bag3's (7, 8); row3 += (1, 2) + (5, 6)
        assertArrayEquals(new float[] {1, 2, 5, 6, 7, 8, 6, 8}, e.weight().grad().toArray());
    }

    @Test
    void meanDividesBySizeAndAnEmptyBagIsZero() {
        Workspace ws = new Workspace();
        EmbeddingBag e = bag(Mode.MEAN);
        // (r3 + r0) / 2 = (3, 4); empty = (0, 0); (r3 + r1) / 2 = (4, 5); r2 / 1 = (4, 5)
        assertArrayEquals(new float[] {3, 4, 0, 0, 4, 5, 4, 5}, e.forward(ws, IDS, 1, 5, OFFSETS, 1, 4, null).toArray());
        e.backward(ws, Tensor.of(D_OUT, 4, 2));
        // row0 += (1, 2) / 2; row1 += (5, 6) / 2; row2 += (7, 8); row3 += (1, 2) / 2 + (5, 6) / 2 = (3, 4)
        assertArrayEquals(new float[] {0.5f, 1, 2.5f, 3, 7, 8, 3, 4}, e.weight().grad().toArray());
    }

    @Test
    void perSampleWeightsScaleEachRowAndItsGradient() {
        Workspace ws = new Workspace();
        EmbeddingBag e = bag(Mode.SUM);
        float[] w = {99, 0.5f, 2, 1, -1, 3}; // indexed like IDS: 99 belongs to the skipped id 9
        // 0.5·r3 + 2·r0 = (3, 5.5); empty; 1·r3 - 1·r1 = (4, 4); 3·r2 = (12, 15)
        assertArrayEquals(new float[] {3, 5.5f, 0, 0, 4, 4, 12, 15}, e.forward(ws, IDS, 1, 5, OFFSETS, 1, 4, w).toArray());
        e.backward(ws, Tensor.of(D_OUT, 4, 2));
        // row0 += 2·(1, 2); row1 += -1·(5, 6); row2 += 3·(7, 8); row3 += 0.5·(1, 2) + 1·(5, 6)
        assertArrayEquals(new float[] {2, 4, -5, -6, 21, 24, 5.5f, 7}, e.weight().grad().toArray());
    }

    @Test
    void backwardUsesTheForwardsIdsEvenIfTheCallerReusesItsArrays() {
        Workspace ws = new Workspace();
        EmbeddingBag e = bag(Mode.SUM);
        int[] ids = IDS.clone(), offsets = OFFSETS.clone();
        e.forward(ws, ids, 1, 5, offsets, 1, 4, null);
        java.util.Arrays.fill(ids, 0);
        java.util.Arrays.fill(offsets, 0);
        e.backward(ws, Tensor.of(D_OUT, 4, 2));
        assertArrayEquals(new float[] {1, 2, 5, 6, 7, 8, 6, 8}, e.weight().grad().toArray());
    }

    @Test
    void initialisationIsTheSameDrawsAsEmbedding() {
        float[] bag = new EmbeddingBag(50, 7, Mode.MEAN, new Rng(3)).weight().value().toArray();
        float[] emb = new Embedding(50, 7, new Rng(3)).weight().value().toArray();
        assertArrayEquals(emb, bag);
        double sum = 0, sumSq = 0;
        for (float x : bag) { sum += x; sumSq += (double) x * x; }
        assertEquals(0, sum / bag.length, 0.2);
        assertEquals(1, sumSq / bag.length, 0.2);
    }

    @Test
    void parameterIsNamedWeight() {
        EmbeddingBag e = new EmbeddingBag(3, 2, Mode.SUM, new Rng(1));
        Map<String, Parameter> out = new LinkedHashMap<>();
        e.collectParameters("bag.", out);
        assertEquals(List.of("bag.weight"), List.copyOf(out.keySet()));
        assertEquals("EmbeddingBag(3, 2, mode='sum')", e.toString());
    }

    @Test
    void badInputIsAnErrorThatNamesIt() {
        Workspace ws = new Workspace();
        EmbeddingBag e = bag(Mode.SUM);
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> e.forward(ws, new int[] {0, 1, 4}, 0, 3, new int[] {0}, 0, 1, null));
        assertTrue(x.getMessage().contains("id 4 at ids[2] is outside the table [0, 4)"), x.getMessage());
        x = assertThrows(IllegalArgumentException.class, () -> e.forward(ws, new int[] {-1}, 0, 1, new int[] {0}, 0, 1, null));
        assertTrue(x.getMessage().contains("id -1"), x.getMessage());
        x = assertThrows(IllegalArgumentException.class, () -> e.forward(ws, new int[] {0, 1}, 0, 2, new int[] {0, 3}, 0, 2, null));
        assertTrue(x.getMessage().contains("offsets[1] = 3"), x.getMessage());
        x = assertThrows(IllegalArgumentException.class, () -> e.forward(ws, new int[] {0, 1}, 0, 2, new int[] {1, 0}, 0, 2, null));
        assertTrue(x.getMessage().contains("offsets[1] = 0"), x.getMessage());
        EmbeddingBag mean = bag(Mode.MEAN);
        x = assertThrows(IllegalArgumentException.class, () -> mean.forward(ws, new int[] {0}, 0, 1, new int[] {0}, 0, 1, new float[] {1}));
        assertTrue(x.getMessage().contains("per_sample_weights only with mode SUM"), x.getMessage());
        assertThrows(IllegalStateException.class, () -> bag(Mode.SUM).backward(ws, Tensor.zeros(1, 2)));
        e.forward(ws, IDS, 1, 5, OFFSETS, 1, 4, null);
        assertThrows(IllegalArgumentException.class, () -> e.backward(ws, Tensor.zeros(3, 2)));
    }

    // ---- finite differences ------------------------------------------------------------------

    /** Bags of sizes 2, 0, 4, 1, 0, 3 over ids with repeats, at offsets 2 (ids) and 1 (offsets). */
    private static void checkGradient(Mode mode, boolean weighted, int dim, long seed) {
        Workspace ws = new Workspace();
        Rng rng = new Rng(seed);
        int num = 6;
        EmbeddingBag e = new EmbeddingBag(num, dim, mode, rng);
        Parameters params = Parameters.of(e);
        int[] sizes = {2, 0, 4, 1, 0, 3};
        int bags = sizes.length, n = 0;
        int[] offsets = new int[bags + 1];
        for (int b = 0; b < bags; b++) { offsets[1 + b] = n; n += sizes[b]; }
        int[] ids = new int[2 + n];
        for (int i = 0; i < ids.length; i++) ids[i] = rng.nextInt(num - 1); // the last row is never used
        float[] w = null;
        if (weighted) {
            w = new float[2 + n];
            for (int i = 0; i < w.length; i++) w[i] = rng.uniform(-2, 2);
        }
        final int count = n;
        final float[] weights = w;
        float[] r = new float[bags * dim];
        for (int i = 0; i < r.length; i++) r[i] = rng.uniform(-1, 1);
        params.zeroGrad();
        e.forward(ws, ids, 2, count, offsets, 1, bags, weights);
        e.backward(ws, new Tensor(r.clone(), 0, bags, dim));
        GradCheck.checkParameters(params, () -> GradCheck.project(e.forward(ws, ids, 2, count, offsets, 1, bags, weights), r));
        float[] unused = params.grads();
        for (int j = 0; j < dim; j++) assertEquals(0f, unused[(num - 1) * dim + j], "an unused row gets no gradient");
    }

    @Test
    void sumGradientMatchesFiniteDifferences() {
        checkGradient(Mode.SUM, false, 3, 21);
        checkGradient(Mode.SUM, false, 37, 22); // wide enough for the SIMD loops and their tail
    }

    @Test
    void meanGradientMatchesFiniteDifferences() {
        checkGradient(Mode.MEAN, false, 3, 23);
        checkGradient(Mode.MEAN, false, 67, 24);
    }

    @Test
    void weightedSumGradientMatchesFiniteDifferences() {
        checkGradient(Mode.SUM, true, 5, 25);
        checkGradient(Mode.SUM, true, 41, 26);
    }
}
