package canto.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import org.junit.jupiter.api.Test;

class LinearChainCrfTest {

    /** Every label sequence of length t over l labels, by brute force: log Z and the best one. */
    private static double[] bruteForce(float[] e, int eo, int t, int l, float[] tr, float[] st, float[] en, int[] best) {
        int total = 1;
        for (int k = 0; k < t; k++) total *= l;
        int[] y = new int[t];
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        double[] scores = new double[total];
        for (int c = 0; c < total; c++) {
            for (int k = 0, v = c; k < t; k++, v /= l) y[k] = v % l;
            double s = LinearChainCrf.score(e, eo, t, l, tr, st, en, y);
            scores[c] = s;
            if (s > max) { max = s; System.arraycopy(y, 0, best, 0, t); }
        }
        for (double s : scores) sum += Math.exp(s - max);
        return new double[] {max + Math.log(sum), max};
    }

    private static float[] random(Rng rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) rng.nextGaussian();
        return x;
    }

    @Test
    void handComputedTwoStepTwoLabelChain() {
        // e = [[1, 0], [0, 2]], trans = [[0, -1], [0.5, 0]], start = [0, 0], end = [0, 0]
        // scores: 00: 1+0+0 = 1; 01: 1+2-1 = 2; 10: 0+0+0.5 = 0.5; 11: 0+2+0 = 2
        float[] e = {1, 0, 0, 2}, tr = {0, -1, 0.5f, 0}, z = {0, 0};
        double[] marg = new double[4];
        double logZ = LinearChainCrf.forwardBackward(e, 0, 2, 2, tr, z, z, marg, null);
        double expected = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(0.5) + Math.exp(2));
        assertEquals(expected, logZ, 1e-12);
        // p(y0 = 0) = (e^1 + e^2) / Z
        assertEquals((Math.exp(1) + Math.exp(2)) / Math.exp(expected), marg[0], 1e-12);
        int[] y = new int[2];
        assertEquals(2.0, LinearChainCrf.viterbi(e, 0, 2, 2, tr, z, z, y), 1e-12);
        assertArrayEquals(new int[] {0, 1}, y); // 01 and 11 tie at 2: the earlier state wins at step 0
    }

    @Test
    void forwardAndViterbiAgreeWithBruteForce() {
        Rng rng = new Rng(5);
        for (int t = 1; t <= 5; t++) {
            int l = 3;
            float[] e = random(rng, t * l + 2), tr = random(rng, l * l), st = random(rng, l), en = random(rng, l);
            int[] brute = new int[t], vit = new int[t];
            double[] b = bruteForce(e, 2, t, l, tr, st, en, brute);
            double[] marg = new double[t * l];
            assertEquals(b[0], LinearChainCrf.forwardBackward(e, 2, t, l, tr, st, en, marg, null), 1e-9, "log Z, t = " + t);
            assertEquals(b[1], LinearChainCrf.viterbi(e, 2, t, l, tr, st, en, vit), 1e-9, "best score, t = " + t);
            assertArrayEquals(brute, vit, "best path, t = " + t);
            for (int k = 0; k < t; k++) {
                double s = 0;
                for (int j = 0; j < l; j++) s += marg[k * l + j];
                assertEquals(1.0, s, 1e-9);
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Rng rng = new Rng(11);
        int l = 4;
        int[] offsets = {0, 3, 3, 8, 9}; // lengths 3, 0, 5, 1
        int n = offsets[4];
        float[] e = random(rng, n * l);
        int[] gold = new int[n];
        for (int i = 0; i < n; i++) gold[i] = (int) (rng.nextFloat() * l);
        LinearChainCrf crf = new LinearChainCrf(l);
        Parameters params = Parameters.of(crf);
        float[] v = params.values();
        for (int i = 0; i < v.length; i++) v[i] = (float) (0.5 * rng.nextGaussian());
        Tensor x = new Tensor(e, 0, n, l);
        params.zeroGrad();
        crf.forward(x, gold, offsets, 4);
        float[] analytic = crf.backward().toArray();
        GradCheck.check("emissions", e, 0, analytic, 0, e.length, () -> crf.forward(x, gold, offsets, 4));
        params.zeroGrad();
        crf.forward(x, gold, offsets, 4);
        GradCheck.checkParameters(params, () -> crf.forward(x, gold, offsets, 4));
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        LinearChainCrf crf = new LinearChainCrf(3);
        Tensor x = new Tensor(new float[6], 0, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> crf.forward(x, new int[] {0, 3}, new int[] {0, 2}, 1));
        assertEquals("label 3 of row 1 is outside [0, 3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> crf.forward(x, new int[] {0, 1}, new int[] {0, 1}, 1));
        assertThrows(IllegalArgumentException.class, () -> crf.forward(new Tensor(new float[4], 0, 2, 2), new int[2], new int[] {0, 2}, 1));
    }
}
