package canto.tagger.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.nn.Embedding;
import canto.engine.nn.Linear;
import canto.engine.nn.Parameter;
import canto.engine.nn.Parameters;
import canto.engine.nn.Trainable;
import canto.engine.nn.TouchedRows;
import canto.engine.util.Rng;
import canto.tagger.features.FeatureExtractor;
import canto.tagger.model.NeuralTitleParser;
import canto.tagger.model.TokenClassifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasePullTest {
    @TempDir Path dir;

    private static final TokenClassifier.Config SMALL = new TokenClassifier.Config(1 << 10, 8, 1, 16, FeatureExtractor.VERSION);

    @Test
    void penaltyAndGradientAreTheHandComputedValues() {
        TokenClassifier model = new TokenClassifier(SMALL, new Rng(3));
        Parameters params = Parameters.of(model);
        BasePull pull = BasePull.of(params, 0.5f);
        float[] w = params.values(), g = params.grads();
        int hidden = params.get("hidden.bias").value().offset();
        assertEquals(0.0, pull.penalty(w), "no change, no penalty");
        // three weights moved by +0.5, 0 and -2 from the base; their gradients held 0.1, 0.2, 0.3
        w[hidden] += 0.5f;
        w[hidden + 2] -= 2f;
        g[hidden] = 0.1f;
        g[hidden + 1] = 0.2f;
        g[hidden + 2] = 0.3f;
        // lambda * (0.25 + 0 + 4) = 0.5 * 4.25
        assertEquals(2.125, pull.penalty(w), 1e-6);
        pull.addGradient(params);
        // + 2 * 0.5 * (0.5, 0, -2)
        assertEquals(0.6f, g[hidden], 1e-6f);
        assertEquals(0.2f, g[hidden + 1], 0f, "an unchanged weight gets nothing");
        assertEquals(-1.7f, g[hidden + 2], 1e-6f);
        for (int i = 0; i < g.length; i++) if (i < hidden || i > hidden + 2) assertEquals(0f, g[i], 0f, "gradient " + i);
    }

    @Test
    void gradientMatchesFiniteDifferencesOfThePenalty() {
        Rng rng = new Rng(11);
        int n = 37;
        float[] base = new float[n], w = new float[n];
        for (int i = 0; i < n; i++) { base[i] = rng.nextFloat() * 2 - 1; w[i] = base[i] + (rng.nextFloat() - 0.5f); }
        TokenClassifier model = new TokenClassifier(SMALL, new Rng(1));
        Parameters params = Parameters.of(model);
        // the pull over a whole arena whose first n values are w and whose base is base there (equal elsewhere)
        float[] fullBase = params.values().clone();
        System.arraycopy(base, 0, fullBase, 0, n);
        System.arraycopy(w, 0, params.values(), 0, n);
        BasePull pull = new BasePull(fullBase, 0.3f);
        params.zeroGrad();
        pull.addGradient(params);
        float h = 1e-2f;
        for (int i = 0; i < n; i++) {
            float[] v = params.values();
            float keep = v[i];
            v[i] = keep + h;
            double up = pull.penalty(v);
            v[i] = keep - h;
            double down = pull.penalty(v);
            v[i] = keep;
            double numeric = (up - down) / ((double) (keep + h) - (double) (keep - h));
            assertEquals(numeric, params.grads()[i], 1e-4, "d penalty / d w[" + i + "]");
        }
    }

    @Test
    void rowsOfATrackedTableThatGetAPullAreReportedTouched() {
        // an Embedding reports its gradient rows (Adam's resting rows rely on it); the tagger's EmbeddingBag does not
        Embedding emb = new Embedding(130, 4, new Rng(3));
        Linear lin = new Linear(4, 2, new Rng(4));
        Parameters params = Parameters.of(new Trainable() {
            @Override
            public void collectParameters(String prefix, Map<String, Parameter> out) {
                emb.collectParameters(prefix + "emb.", out);
                lin.collectParameters(prefix + "lin.", out);
            }
        });
        Parameter table = params.get("emb.weight");
        TouchedRows touched = table.trackTouchedRows();
        BasePull pull = BasePull.of(params, 1f);
        int off = table.value().offset(), width = table.shape()[1];
        int linOff = params.get("lin.weight").value().offset();
        params.values()[off + 5 * width + 3] += 0.25f;     // row 5
        params.values()[off + 70 * width] -= 0.5f;         // row 70
        params.values()[linOff + 1] += 2f;                 // not a table
        pull.addGradient(params);
        long[] words = touched.words();
        assertEquals(1L << 5, words[0]);
        assertEquals(1L << (70 - 64), words[1]);
        assertEquals(0L, words[2]);
        assertEquals(0.5f, params.grads()[off + 5 * width + 3], 0f);
        assertEquals(-1f, params.grads()[off + 70 * width], 0f);
        assertEquals(4f, params.grads()[linOff + 1], 0f);
    }

    @Test
    void decoupledShrinkAndInterpolationAreTheHandComputedValues() {
        float[] base = {1f, 2f, -1f}, w = {3f, 2f, -2f};
        new BasePull(base, 10f).shrink(w, 0.01f);                 // w - 0.1 * (w - base)
        assertArrayEquals(new float[] {2.8f, 2f, -1.9f}, w, 1e-6f);
        float[] x = {2f, 3f, 5f};
        BasePull.interpolate(x, new float[] {0f, 1f, 5f}, 0.25f);  // base + 0.25 * (x - base)
        assertArrayEquals(new float[] {0.5f, 1.5f, 5f}, x, 0f);
        float[] same = {2f, 3f};
        BasePull.interpolate(same, new float[] {0f, 0f}, 1f);
        assertArrayEquals(new float[] {2f, 3f}, same, 0f, "mix 1 is the trained weights");
        assertThrows(IllegalArgumentException.class, () -> BasePull.interpolate(x, new float[] {0f}, 0.5f));
        assertThrows(IllegalArgumentException.class, () -> new BasePull(base, -1f));
    }

    @Test
    void fineTuningWithAPullIsDeterministicStaysCloserToTheStartAndIsTheSameOnBothAdamPaths() throws Exception {
        List<LabelledTitle> data = Fixtures.titles(dir);
        TokenClassifier start = Trainer.train(data, SMALL, new Trainer.Options(2, 4, 0.01f, 0f, 0f, 5), null);
        float[] before = Parameters.of(start).values().clone();
        Trainer.Options opt = new Trainer.Options(3, 4, 0.01f, 0f, 0.1f, 9);
        float[] plain = tune(data, start, opt, new Trainer.FineTune(null, null, 1f));
        assertArrayEquals(plain, tune(data, start, opt, new Trainer.FineTune(null, null, 1f, 0f, 0f)), "pull 0 is plain fine-tuning, bit for bit");
        for (Trainer.FineTune ft : List.of(new Trainer.FineTune(null, null, 1f, 1f, 0f), new Trainer.FineTune(null, null, 1f, 0f, 30f))) {
            float[] a = tune(data, start, opt, ft), b = tune(data, start, opt, ft);
            assertArrayEquals(a, b, "same data and seed, same weights: " + ft);
            assertFalse(Arrays.equals(a, plain), "the pull changed nothing: " + ft);
            assertTrue(distance(a, before) < distance(plain, before),
                    "pulled " + distance(a, before) + ", plain " + distance(plain, before) + " from the start: " + ft);
            String was = System.getProperty("canto.adam");
            try {
                System.setProperty("canto.adam", "dense");
                float[] dense = tune(data, start, opt, ft);
                System.setProperty("canto.adam", "resting");
                float[] resting = tune(data, start, opt, ft);
                assertArrayEquals(dense, resting, "Adam's dense and resting paths differ with " + ft);
            } finally {
                if (was == null) System.clearProperty("canto.adam");
                else System.setProperty("canto.adam", was);
            }
        }
    }

    private static float[] tune(List<LabelledTitle> data, TokenClassifier start, Trainer.Options opt, Trainer.FineTune ft) {
        TokenClassifier copy = new NeuralTitleParser(start, Map.of()).trainableCopy();
        return Parameters.of(Trainer.train(data, copy, opt, null, ft)).values();
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += ((double) a[i] - b[i]) * ((double) a[i] - b[i]);
        return Math.sqrt(s);
    }
}
