package canto.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.nn.Parameter;
import canto.engine.nn.Parameters;
import canto.engine.nn.Trainable;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SparseAdam against hand-worked steps and a double-precision loop of PyTorch's update. */
class SparseAdamTest {

    /** A table [rows, width] packed as a model would be, values 1, 2, 3, ... */
    static Parameter table(int rows, int width) {
        Parameter p = new Parameter("weight", rows, width);
        Parameters.of(new Trainable() {
            @Override public void collectParameters(String prefix, Map<String, Parameter> out) { out.put(prefix + "weight", p); }
        });
        for (int i = 0; i < p.size(); i++) p.value().set(i, i + 1);
        return p;
    }

    @Test
    void firstStepMovesListedRowsByLrTimesSign() {
        // t = 1: m = 0.1 g, v = 0.001 g², step = lr · sqrt(0.001) / 0.1, so
        // p -= lr · sqrt(0.001)/0.1 · 0.1 g / (sqrt(0.001) |g| + eps) ≈ lr · sign(g)
        Parameter p = table(3, 2);
        SparseAdam opt = new SparseAdam(p, SparseAdam.Config.defaults(0.1));
        float[] g = p.grad().data();
        int o = p.grad().offset();
        g[o + 2] = 0.5f;   // row 1
        g[o + 3] = -2f;
        opt.stepAndZeroGrad(new int[] {1}, 0, 1);
        float[] v = new float[6];
        for (int i = 0; i < 6; i++) v[i] = p.value().get(i);
        assertArrayEquals(new float[] {1f, 2f, 2.9f, 4.1f, 5f, 6f}, v, 1e-6f);
        assertEquals(0f, g[o + 2]);
        assertEquals(0f, g[o + 3]);
        assertEquals(1, opt.steps());
    }

    @Test
    void twoStepsByHandAndRestingRowsKeepTheirMoments() {
        // row 0 gets g = 0.5 at step 1, nothing at step 2; row 1 gets g = -0.25 at step 2 only.
        // Row 0 at step 1: m = 0.05, v = 0.00025; step 2 leaves them (lazy), unlike Adam.
        // Row 1 at step 2: m = -0.025, v = 0.0000625, step = 0.1 · sqrt(1 - 0.999²) / (1 - 0.9²)
        //   = 0.1 · 0.0447102 / 0.19 = 0.0235317; p = 2 + 0.0235317 · 0.025 / (0.0079057 + 1e-8) = 2.0744136
        Parameter p = table(2, 1);
        SparseAdam opt = new SparseAdam(p, SparseAdam.Config.defaults(0.1));
        p.grad().set(0, 0.5f);
        opt.stepAndZeroGrad(new int[] {0}, 0, 1);
        p.grad().set(1, -0.25f);
        opt.stepAndZeroGrad(new int[] {1}, 0, 1);
        assertEquals(0.9f, p.value().get(0), 1e-6f);
        assertEquals(2.0744136f, p.value().get(1), 1e-6f);
        assertEquals(0.05f, opt.firstMoments()[0], 1e-7f);
        assertEquals(0.00025f, opt.secondMoments()[0], 1e-9f);
        assertEquals(-0.025f, opt.firstMoments()[1], 1e-7f);
    }

    @Test
    void matchesPyTorchsUpdateInDoubleOverManySparseSteps() {
        int rows = 7, width = 3;
        Parameter p = table(rows, width);
        SparseAdam opt = new SparseAdam(p, new SparseAdam.Config(0.01, 0.8, 0.99, 1e-6));
        double[] pr = new double[rows * width], m = new double[pr.length], v = new double[pr.length];
        for (int i = 0; i < pr.length; i++) pr[i] = i + 1;
        canto.engine.util.Rng rng = new canto.engine.util.Rng(5);
        for (int t = 1; t <= 50; t++) {
            int[] ids = t % 3 == 0 ? new int[] {6, 0} : new int[] {t % rows, (t + 2) % rows, 4};
            if (ids[0] == 4 || ids[1] == 4 || ids[0] == ids[1]) ids = new int[] {4};
            double step = 0.01 * Math.sqrt(1 - Math.pow(0.99, t)) / (1 - Math.pow(0.8, t));
            for (int id : ids) {
                for (int j = id * width; j < (id + 1) * width; j++) {
                    float gj = (float) rng.nextGaussian();
                    p.grad().set(j, gj);
                    m[j] += 0.2 * (gj - m[j]);
                    v[j] += 0.01 * ((double) gj * gj - v[j]);
                    pr[j] -= step * m[j] / (Math.sqrt(v[j]) + 1e-6);
                }
            }
            opt.stepAndZeroGrad(ids, 0, ids.length);
        }
        for (int i = 0; i < pr.length; i++) {
            assertEquals(pr[i], p.value().get(i), 2e-5 * Math.max(1, Math.abs(pr[i])), "element " + i);
            assertEquals(0f, p.grad().get(i));
        }
        assertTrue(Math.abs(pr[4 * width] - (4 * width + 1)) > 1e-3, "row 4 moved");
    }

    @Test
    void aRowOutsideTheTableChangesNothing() {
        Parameter p = table(2, 2);
        SparseAdam opt = new SparseAdam(p, SparseAdam.Config.defaults(0.1));
        p.grad().set(0, 1f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> opt.stepAndZeroGrad(new int[] {0, 2}, 0, 2));
        assertEquals("SparseAdam: row 2 at ids[1] is outside the table [0, 2)", e.getMessage());
        assertEquals(1f, p.value().get(0));
        assertEquals(1f, p.grad().get(0));
        assertEquals(0, opt.steps());
    }
}
