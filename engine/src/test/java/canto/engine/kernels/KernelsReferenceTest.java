package canto.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import canto.engine.util.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernels against plain double-precision loops written here, independently of both
 * implementations: the scalar kernels always, and the kernels chosen at start-up (SIMD in
 * the default test run, scalar in the fallback run). The SIMD/scalar parity test alone
 * could not catch a mistake the two implementations share.
 */
class KernelsReferenceTest {
    private static final int[][] SHAPES = {{1, 1, 1}, {3, 5, 7}, {4, 16, 33}, {16, 7, 400}, {8, 512, 22}, {17, 31, 64}, {5, 1025, 3}};

    private static List<Kernels> kernels() {
        return List.of(new ScalarKernels(), Kernels.get());
    }

    private static float[] random(Rng rng, int n, float range) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = rng.uniform(-range, range);
        return a;
    }

    @Test
    void matrixProducts() {
        for (Kernels k : kernels()) {
            Rng rng = new Rng(1);
            for (int[] s : SHAPES) {
                int m = s[0], n = s[1], kk = s[2];
                float[] a = random(rng, m * kk, 1), b = random(rng, n * kk, 1), c0 = random(rng, m * n, 1);
                // NT: C += A[m,k] · B[n,k]ᵀ;  NN: C += A[m,k] · B[k,n];  TN: C += A[k,m]ᵀ · B[k,n]
                float[] nt = c0.clone(), nn = c0.clone(), tn = c0.clone();
                k.matmulNT(a, 0, b, 0, nt, 0, m, n, kk);
                k.matmulNN(a, 0, b, 0, nn, 0, m, n, kk);
                k.matmulTN(a, 0, b, 0, tn, 0, m, n, kk);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double sNT = c0[i * n + j], sNN = sNT, sTN = sNT;
                        for (int p = 0; p < kk; p++) {
                            sNT += (double) a[i * kk + p] * b[j * kk + p];
                            sNN += (double) a[i * kk + p] * b[p * n + j];
                            sTN += (double) a[p * m + i] * b[p * n + j];
                        }
                        double tol = 1e-6 * (kk + 1);
                        String at = k.name() + " m=" + m + " n=" + n + " k=" + kk + " [" + i + "," + j + "]";
                        assertEquals(sNT, nt[i * n + j], tol, "matmulNT " + at);
                        assertEquals(sNN, nn[i * n + j], tol, "matmulNN " + at);
                        assertEquals(sTN, tn[i * n + j], tol, "matmulTN " + at);
                    }
                }
            }
        }
    }

    /**
     * The scalar matmulNT works on 2 x 2 outputs at a time; each output must still be exactly
     * {@code c + dot(row, row)} (its bits are what the tagger's parses and models are made of).
     * Every m, n in 1..5 (odd and even edges) and k in 0..9 (every k mod 4), offsets, and signed
     * zeros: a row of -0 gives +0 sums, as dot's chains do.
     */
    @Test
    void scalarMatmulNtIsDotPerOutputBitForBit() {
        ScalarKernels k = new ScalarKernels();
        Rng rng = new Rng(5);
        for (int m = 1; m <= 5; m++) {
            for (int n = 1; n <= 5; n++) {
                for (int kk = 0; kk <= 9; kk++) {
                    float[] a = random(rng, 3 + m * kk, 1), b = random(rng, 2 + n * kk, 1), c = random(rng, 1 + m * n, 1);
                    if (kk > 0) {
                        java.util.Arrays.fill(a, 3, 3 + kk, -0f);      // row 0 of A: -0 · b is ±0, the sums stay +0
                        c[1] = -0f;
                    }
                    float[] want = c.clone(), got = c.clone();
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) want[1 + i * n + j] += ScalarKernels.dot(a, 3 + i * kk, b, 2 + j * kk, kk);
                    }
                    k.matmulNT(a, 3, b, 2, got, 1, m, n, kk);
                    for (int x = 0; x < got.length; x++) {
                        if (Float.floatToRawIntBits(got[x]) != Float.floatToRawIntBits(want[x])) {
                            fail("matmulNT " + m + "x" + n + "x" + kk + " element " + x + ": " + got[x] + ", dot gives " + want[x]);
                        }
                    }
                }
            }
        }
    }

    /**
     * The scalar bag forward adds four rows per pass; each element must still be what adding one
     * row at a time, in bag order from +0, gives, bit for bit and with the sign of zeros: a bag
     * of -0 rows sums to +0 (as one row per pass gives), an empty bag is +0. Bag sizes 0..9
     * (every size mod 4), with and without per-sample weights, sum and mean, dims 1, 3, 4, 33.
     */
    @Test
    void scalarBagForwardIsOneRowAtATimeBitForBit() {
        ScalarKernels k = new ScalarKernels();
        Rng rng = new Rng(7);
        int num = 11;
        for (int dim : new int[] {1, 3, 4, 33}) {
            float[] table = random(rng, 2 + num * dim, 1);
            java.util.Arrays.fill(table, 2, 2 + 2 * dim, -0f);            // rows 0 and 1 are -0
            int[] sizes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 4, 5};
            int bags = sizes.length, n = 0;
            int[] offsets = new int[bags];
            for (int b = 0; b < bags; b++) { offsets[b] = n; n += sizes[b]; }
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) ids[i] = rng.nextInt(num);
            for (int i = offsets[10]; i < offsets[10] + 4; i++) ids[i] = i % 2;   // a bag of -0 rows only
            float[] weights = random(rng, n, 2);
            weights[offsets[11]] = -0f;
            for (boolean mean : new boolean[] {false, true}) {
                for (float[] w : new float[][] {null, weights}) {
                    if (mean && w != null) continue;
                    float[] want = new float[bags * dim], got = random(rng, bags * dim, 1);
                    for (int b = 0; b < bags; b++) {
                        int end = b + 1 < bags ? offsets[b + 1] : n;
                        for (int j = 0; j < dim; j++) {
                            float sum = 0f;
                            for (int i = offsets[b]; i < end; i++) {
                                float x = table[2 + ids[i] * dim + j];
                                sum += w == null ? x : w[i] * x;
                            }
                            want[b * dim + j] = mean && end > offsets[b] ? sum / (end - offsets[b]) : sum;
                        }
                    }
                    k.embeddingBagForward(table, 2, dim, ids, 0, n, offsets, 0, bags, w, 0, mean, got, 0);
                    for (int x = 0; x < got.length; x++) {
                        if (Float.floatToRawIntBits(got[x]) != Float.floatToRawIntBits(want[x])) {
                            fail("bag forward dim=" + dim + " mean=" + mean + " weighted=" + (w != null) + " element " + x
                                    + ": " + got[x] + ", one row at a time gives " + want[x]);
                        }
                    }
                    if (Float.floatToRawIntBits(got[10 * dim]) != 0) fail("a bag of -0 rows must sum to +0");
                }
            }
        }
    }

    @Test
    void biasKernels() {
        for (Kernels k : kernels()) {
            Rng rng = new Rng(2);
            int rows = 5, n = 37;
            float[] bias = random(rng, n, 1), y = new float[rows * n];
            k.broadcastRows(bias, 0, y, 0, rows, n);
            float[] x = random(rng, rows * n, 1), sums = random(rng, n, 1), sums0 = sums.clone();
            k.addColumnSums(x, 0, sums, 0, rows, n);
            for (int j = 0; j < n; j++) {
                double s = sums0[j];
                for (int r = 0; r < rows; r++) {
                    assertEquals(bias[j], y[r * n + j], 0f, k.name() + " broadcastRows");
                    s += x[r * n + j];
                }
                assertEquals(s, sums[j], 1e-5, k.name() + " addColumnSums column " + j);
            }
        }
    }

    @Test
    void gatherAndScatterAdd() {
        for (Kernels k : kernels()) {
            Rng rng = new Rng(3);
            int num = 6, dim = 35;
            int[] ids = {5, 0, 5, 2, 5};
            float[] table = random(rng, num * dim, 1), out = new float[ids.length * dim];
            k.gather(table, 0, ids, 0, out, 0, ids.length, dim);
            float[] src = random(rng, ids.length * dim, 1), acc = table.clone();
            k.scatterAdd(src, 0, ids, 0, acc, 0, ids.length, dim);
            double[] expected = new double[num * dim];
            for (int i = 0; i < expected.length; i++) expected[i] = table[i];
            for (int i = 0; i < ids.length; i++) {
                for (int j = 0; j < dim; j++) {
                    assertEquals(table[ids[i] * dim + j], out[i * dim + j], 0f, k.name() + " gather");
                    expected[ids[i] * dim + j] += src[i * dim + j];
                }
            }
            for (int i = 0; i < expected.length; i++) assertEquals(expected[i], acc[i], 1e-6, k.name() + " scatterAdd " + i);
        }
    }

    @Test
    void activationsAndElementWise() {
        for (Kernels k : kernels()) {
            Rng rng = new Rng(4);
            int n = 77;
            float[] x = random(rng, n, 6), dy = random(rng, n, 1);
            float[] relu = new float[n], sig = new float[n], tanh = new float[n];
            k.reluForward(x, 0, relu, 0, n);
            k.sigmoidForward(x, 0, sig, 0, n);
            k.tanhForward(x, 0, tanh, 0, n);
            float[] dRelu = new float[n], dSig = new float[n], dTanh = new float[n], prod = new float[n];
            k.reluBackward(relu, 0, dy, 0, dRelu, 0, n);
            k.sigmoidBackward(sig, 0, dy, 0, dSig, 0, n);
            k.tanhBackward(tanh, 0, dy, 0, dTanh, 0, n);
            k.multiply(x, 0, dy, 0, prod, 0, n);
            float[] y = dy.clone();
            k.axpy(-0.5f, x, 0, y, 0, n);
            float[] scaled = x.clone();
            k.scale(3f, scaled, 0, n);
            for (int i = 0; i < n; i++) {
                double s = 1 / (1 + Math.exp(-x[i])), t = Math.tanh(x[i]);
                String at = k.name() + " at x=" + x[i];
                assertEquals(Math.max(x[i], 0), relu[i], 0f, "relu " + at);
                assertEquals(s, sig[i], 1e-6 * s + 1e-7, "sigmoid " + at);
                assertEquals(t, tanh[i], 1e-6, "tanh " + at);
                assertEquals(x[i] > 0 ? dy[i] : 0, dRelu[i], 0f, "relu backward " + at);
                assertEquals(dy[i] * s * (1 - s), dSig[i], 1e-6, "sigmoid backward " + at);
                assertEquals(dy[i] * (1 - t * t), dTanh[i], 1e-6, "tanh backward " + at);
                assertEquals((double) x[i] * dy[i], prod[i], 1e-6, "multiply " + at);
                assertEquals(dy[i] - 0.5 * x[i], y[i], 1e-6, "axpy " + at);
                assertEquals(3.0 * x[i], scaled[i], 1e-5, "scale " + at);
            }
        }
    }

    @Test
    void softmaxCrossEntropy() {
        for (Kernels k : kernels()) {
            Rng rng = new Rng(5);
            for (int classes : new int[] {1, 3, 7, 40, 100}) {
                int rows = 4;
                float[] logits = random(rng, rows * classes, 30), probs = new float[rows * classes];
                int[] labels = new int[rows];
                for (int r = 0; r < rows; r++) labels[r] = rng.nextInt(classes);
                double loss = k.softmaxCrossEntropy(logits, 0, labels, 0, probs, 0, rows, classes);
                double expectedLoss = 0;
                for (int r = 0; r < rows; r++) {
                    double max = Double.NEGATIVE_INFINITY, sum = 0;
                    for (int j = 0; j < classes; j++) max = Math.max(max, logits[r * classes + j]);
                    for (int j = 0; j < classes; j++) sum += Math.exp(logits[r * classes + j] - max);
                    for (int j = 0; j < classes; j++) {
                        double arg = logits[r * classes + j] - max;
                        double p = Math.exp(arg) / sum;
                        // the float difference logit - max is rounded: relative error ~ ulp(arg) in exp(arg)
                        if (!(Math.abs(p - probs[r * classes + j]) <= p * (1e-6 + 0x1p-23 * Math.abs(arg)) + 1e-37)) {
                            fail(k.name() + " softmax classes=" + classes + ": " + probs[r * classes + j] + " vs " + p);
                        }
                    }
                    expectedLoss += Math.log(sum) + max - logits[r * classes + labels[r]];
                }
                assertEquals(expectedLoss, loss, 1e-5 * (1 + expectedLoss), k.name() + " loss, classes=" + classes);
                float[] d = new float[rows * classes];
                k.softmaxCrossEntropyBackward(probs, 0, labels, 0, d, 0, rows, classes, 0.25f);
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < classes; j++) {
                        double expected = 0.25 * (probs[r * classes + j] - (j == labels[r] ? 1 : 0));
                        assertEquals(expected, d[r * classes + j], 1e-7, k.name() + " softmax backward");
                    }
                }
            }
        }
    }

    @Test
    void adamStepFollowsTheFormula() {
        for (Kernels k : kernels()) {
            Rng rng = new Rng(6);
            int n = 41;
            float[] p = random(rng, n, 1), g = random(rng, n, 1), m = random(rng, n, 0.1f), v = random(rng, n, 0.01f);
            for (int i = 0; i < n; i++) v[i] = Math.abs(v[i]);
            float[] p0 = p.clone(), m0 = m.clone(), v0 = v.clone();
            float stepSize = 0.01f, sqrtBc2 = 0.5f, wd = 0.1f;
            k.adamStep(p, g, m, v, 0, n, stepSize, 0.9f, 0.1f, 0.999f, 0.001f, 1e-8f, sqrtBc2, wd);
            for (int i = 0; i < n; i++) {
                double gi = g[i] + (double) wd * p0[i];
                double mi = 0.9f * (double) m0[i] + (double) 0.1f * gi;
                double vi = 0.999f * (double) v0[i] + (double) 0.001f * gi * gi;
                double pi = p0[i] - stepSize * mi / (Math.sqrt(vi) / sqrtBc2 + 1e-8);
                assertEquals(mi, m[i], 1e-7, k.name() + " m");
                assertEquals(vi, v[i], 1e-8, k.name() + " v");
                assertEquals(pi, p[i], 1e-6, k.name() + " p");
            }
        }
    }
}
