package canto.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernels, on {@code jdk.incubator.vector}: the only class in canto that imports it.
 *
 * <p>Rules (docs/KERNELS.md): species as static finals; {@code loopBound} + scalar tail; no
 * cross-lane reduction inside an inner loop; several independent accumulators; matrix
 * products register-blocked so each loaded vector feeds several FMAs. Inputs shorter than
 * two vectors go to the scalar twin, which is also the tail of every loop.
 *
 * <p>Loaded by name from {@link KernelsProvider} only when the module is present.
 */
final class SimdKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final ScalarKernels SCALAR = new ScalarKernels();

    @Override public String name() { return "simd"; }

    // ---- matrix products --------------------------------------------------------------

    @Override
    public void matmulNT(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k) {
        // A [m,k], B [n,k], C [m,n]. Dot-product form: 4 rows of A x 2 rows of B share each
        // loaded vector (8 accumulators, 6 loads per 8 FMAs); one reduction per output.
        if (k < 2 * L) { SCALAR.matmulNT(a, aOff, b, bOff, c, cOff, m, n, k); return; }
        if (SimdGemm.worthIt(m, n, k)) { SimdGemm.gemm(a, aOff, false, b, bOff, true, c, cOff, m, n, k); return; }
        int kb = S.loopBound(k);
        int i = 0;
        for (; i + 3 < m; i += 4) {
            int a0 = aOff + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
            int j = 0;
            for (; j + 1 < n; j += 2) {
                int b0 = bOff + j * k, b1 = b0 + k;
                FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
                FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
                FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
                FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
                for (int p = 0; p < kb; p += L) {
                    FloatVector vb0 = FloatVector.fromArray(S, b, b0 + p);
                    FloatVector vb1 = FloatVector.fromArray(S, b, b1 + p);
                    FloatVector va = FloatVector.fromArray(S, a, a0 + p);
                    c00 = va.fma(vb0, c00); c01 = va.fma(vb1, c01);
                    va = FloatVector.fromArray(S, a, a1 + p);
                    c10 = va.fma(vb0, c10); c11 = va.fma(vb1, c11);
                    va = FloatVector.fromArray(S, a, a2 + p);
                    c20 = va.fma(vb0, c20); c21 = va.fma(vb1, c21);
                    va = FloatVector.fromArray(S, a, a3 + p);
                    c30 = va.fma(vb0, c30); c31 = va.fma(vb1, c31);
                }
                int ci = cOff + i * n + j;
                c[ci] += c00.reduceLanes(VectorOperators.ADD) + tailDot(a, a0, b, b0, kb, k);
                c[ci + 1] += c01.reduceLanes(VectorOperators.ADD) + tailDot(a, a0, b, b1, kb, k);
                c[ci + n] += c10.reduceLanes(VectorOperators.ADD) + tailDot(a, a1, b, b0, kb, k);
                c[ci + n + 1] += c11.reduceLanes(VectorOperators.ADD) + tailDot(a, a1, b, b1, kb, k);
                c[ci + 2 * n] += c20.reduceLanes(VectorOperators.ADD) + tailDot(a, a2, b, b0, kb, k);
                c[ci + 2 * n + 1] += c21.reduceLanes(VectorOperators.ADD) + tailDot(a, a2, b, b1, kb, k);
                c[ci + 3 * n] += c30.reduceLanes(VectorOperators.ADD) + tailDot(a, a3, b, b0, kb, k);
                c[ci + 3 * n + 1] += c31.reduceLanes(VectorOperators.ADD) + tailDot(a, a3, b, b1, kb, k);
            }
            for (; j < n; j++) {
                int b0 = bOff + j * k;
                c[cOff + i * n + j] += dot(a, a0, b, b0, k);
                c[cOff + (i + 1) * n + j] += dot(a, a1, b, b0, k);
                c[cOff + (i + 2) * n + j] += dot(a, a2, b, b0, k);
                c[cOff + (i + 3) * n + j] += dot(a, a3, b, b0, k);
            }
        }
        for (; i < m; i++) {
            int ai = aOff + i * k;
            for (int j = 0; j < n; j++) c[cOff + i * n + j] += dot(a, ai, b, bOff + j * k, k);
        }
    }

    private static float tailDot(float[] x, int xOff, float[] y, int yOff, int from, int to) {
        float s = 0;
        for (int p = from; p < to; p++) s += x[xOff + p] * y[yOff + p];
        return s;
    }

    /** Dot product, two vector accumulators, one reduction at the end. */
    private static float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        int nb = S.loopBound(n);
        FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S);
        int p = 0;
        for (; p + L < nb; p += 2 * L) {
            s0 = FloatVector.fromArray(S, x, xOff + p).fma(FloatVector.fromArray(S, y, yOff + p), s0);
            s1 = FloatVector.fromArray(S, x, xOff + p + L).fma(FloatVector.fromArray(S, y, yOff + p + L), s1);
        }
        for (; p < nb; p += L) {
            s0 = FloatVector.fromArray(S, x, xOff + p).fma(FloatVector.fromArray(S, y, yOff + p), s0);
        }
        return s0.add(s1).reduceLanes(VectorOperators.ADD) + tailDot(x, xOff, y, yOff, nb, n);
    }

    @Override
    public void matmulNN(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k) {
        // A [m,k], B [k,n], C [m,n]. i-k-j order: for a strip of 4 rows of C and one vector of
        // columns, keep 4 accumulators in registers over the whole k loop; each loaded B
        // vector feeds 4 FMAs with broadcast A values. No reductions at all.
        if (n < 2 * L) { SCALAR.matmulNN(a, aOff, b, bOff, c, cOff, m, n, k); return; }
        if (SimdGemm.worthIt(m, n, k)) { SimdGemm.gemm(a, aOff, false, b, bOff, false, c, cOff, m, n, k); return; }
        int nb = S.loopBound(n);
        int i = 0;
        for (; i + 3 < m; i += 4) {
            int a0 = aOff + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
            int c0 = cOff + i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
            for (int j = 0; j < nb; j += L) {
                FloatVector acc0 = FloatVector.fromArray(S, c, c0 + j);
                FloatVector acc1 = FloatVector.fromArray(S, c, c1 + j);
                FloatVector acc2 = FloatVector.fromArray(S, c, c2 + j);
                FloatVector acc3 = FloatVector.fromArray(S, c, c3 + j);
                for (int p = 0; p < k; p++) {
                    FloatVector vb = FloatVector.fromArray(S, b, bOff + p * n + j);
                    acc0 = vb.fma(FloatVector.broadcast(S, a[a0 + p]), acc0);
                    acc1 = vb.fma(FloatVector.broadcast(S, a[a1 + p]), acc1);
                    acc2 = vb.fma(FloatVector.broadcast(S, a[a2 + p]), acc2);
                    acc3 = vb.fma(FloatVector.broadcast(S, a[a3 + p]), acc3);
                }
                acc0.intoArray(c, c0 + j);
                acc1.intoArray(c, c1 + j);
                acc2.intoArray(c, c2 + j);
                acc3.intoArray(c, c3 + j);
            }
            if (nb < n) {
                for (int r = 0; r < 4; r++) {
                    int ar = aOff + (i + r) * k, cr = cOff + (i + r) * n;
                    for (int p = 0; p < k; p++) {
                        float apr = a[ar + p];
                        int bp = bOff + p * n;
                        for (int j = nb; j < n; j++) c[cr + j] += apr * b[bp + j];
                    }
                }
            }
        }
        for (; i < m; i++) {
            int ai = aOff + i * k, ci = cOff + i * n;
            for (int p = 0; p < k; p++) axpy(a[ai + p], b, bOff + p * n, c, ci, n);
        }
    }

    @Override
    public void matmulTN(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k) {
        // A [k,m], B [k,n], C [m,n]: C[i,:] += Σ_p A[p,i] · B[p,:]. Strips of 4 rows of C
        // and one vector of columns stay in registers over the whole p loop (the batch).
        if (n < 2 * L) { SCALAR.matmulTN(a, aOff, b, bOff, c, cOff, m, n, k); return; }
        if (SimdGemm.worthIt(m, n, k)) { SimdGemm.gemm(a, aOff, true, b, bOff, false, c, cOff, m, n, k); return; }
        int nb = S.loopBound(n);
        int i = 0;
        for (; i + 3 < m; i += 4) {
            int c0 = cOff + i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
            for (int j = 0; j < nb; j += L) {
                FloatVector acc0 = FloatVector.fromArray(S, c, c0 + j);
                FloatVector acc1 = FloatVector.fromArray(S, c, c1 + j);
                FloatVector acc2 = FloatVector.fromArray(S, c, c2 + j);
                FloatVector acc3 = FloatVector.fromArray(S, c, c3 + j);
                for (int p = 0; p < k; p++) {
                    FloatVector vb = FloatVector.fromArray(S, b, bOff + p * n + j);
                    int ap = aOff + p * m + i;
                    acc0 = vb.fma(FloatVector.broadcast(S, a[ap]), acc0);
                    acc1 = vb.fma(FloatVector.broadcast(S, a[ap + 1]), acc1);
                    acc2 = vb.fma(FloatVector.broadcast(S, a[ap + 2]), acc2);
                    acc3 = vb.fma(FloatVector.broadcast(S, a[ap + 3]), acc3);
                }
                acc0.intoArray(c, c0 + j);
                acc1.intoArray(c, c1 + j);
                acc2.intoArray(c, c2 + j);
                acc3.intoArray(c, c3 + j);
            }
            if (nb < n) {
                for (int p = 0; p < k; p++) {
                    int bp = bOff + p * n;
                    for (int r = 0; r < 4; r++) {
                        float apr = a[aOff + p * m + i + r];
                        int cr = cOff + (i + r) * n;
                        for (int j = nb; j < n; j++) c[cr + j] += apr * b[bp + j];
                    }
                }
            }
        }
        for (; i < m; i++) {
            int ci = cOff + i * n;
            for (int p = 0; p < k; p++) axpy(a[aOff + p * m + i], b, bOff + p * n, c, ci, n);
        }
    }

    @Override
    public void broadcastRows(float[] bias, int biasOff, float[] y, int yOff, int rows, int n) {
        SCALAR.broadcastRows(bias, biasOff, y, yOff, rows, n); // System.arraycopy is already vectorised
    }

    @Override
    public void addColumnSums(float[] x, int xOff, float[] colSum, int sumOff, int rows, int n) {
        if (n < 2 * L) { SCALAR.addColumnSums(x, xOff, colSum, sumOff, rows, n); return; }
        for (int r = 0; r < rows; r++) axpy(1f, x, xOff + r * n, colSum, sumOff, n);
    }

    // ---- embedding ----------------------------------------------------------------------

    @Override
    public void gather(float[] table, int tableOff, int[] ids, int idsOff, float[] out, int outOff, int count, int dim) {
        SCALAR.gather(table, tableOff, ids, idsOff, out, outOff, count, dim); // row copies
    }

    @Override
    public void scatterAdd(float[] src, int srcOff, int[] ids, int idsOff, float[] table, int tableOff, int count, int dim) {
        if (dim < 2 * L) { SCALAR.scatterAdd(src, srcOff, ids, idsOff, table, tableOff, count, dim); return; }
        for (int i = 0; i < count; i++) axpy(1f, src, srcOff + i * dim, table, tableOff + ids[idsOff + i] * dim, dim);
    }

    // ---- element-wise -------------------------------------------------------------------

    @Override
    public void reluForward(float[] x, int xOff, float[] y, int yOff, int n) {
        int nb = S.loopBound(n);
        for (int i = 0; i < nb; i += L) {
            FloatVector.fromArray(S, x, xOff + i).max(0f).intoArray(y, yOff + i);
        }
        SCALAR.reluForward(x, xOff + nb, y, yOff + nb, n - nb);
    }

    @Override
    public void reluBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        int nb = S.loopBound(n);
        FloatVector zero = FloatVector.zero(S);
        for (int i = 0; i < nb; i += L) {
            VectorMask<Float> on = FloatVector.fromArray(S, y, yOff + i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(S, dy, dyOff + i), on).intoArray(dx, dxOff + i);
        }
        SCALAR.reluBackward(y, yOff + nb, dy, dyOff + nb, dx, dxOff + nb, n - nb);
    }

    @Override
    public void sigmoidForward(float[] x, int xOff, float[] y, int yOff, int n) {
        int nb = S.loopBound(n);
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int i = 0; i < nb; i += L) {
            FloatVector e = FloatVector.fromArray(S, x, xOff + i).neg().lanewise(VectorOperators.EXP);
            one.div(e.add(1f)).intoArray(y, yOff + i);
        }
        SCALAR.sigmoidForward(x, xOff + nb, y, yOff + nb, n - nb);
    }

    @Override
    public void sigmoidBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        int nb = S.loopBound(n);
        for (int i = 0; i < nb; i += L) {
            FloatVector s = FloatVector.fromArray(S, y, yOff + i);
            FloatVector.fromArray(S, dy, dyOff + i).mul(s.mul(s.neg().add(1f))).intoArray(dx, dxOff + i);
        }
        SCALAR.sigmoidBackward(y, yOff + nb, dy, dyOff + nb, dx, dxOff + nb, n - nb);
    }

    @Override
    public void tanhForward(float[] x, int xOff, float[] y, int yOff, int n) {
        int nb = S.loopBound(n);
        for (int i = 0; i < nb; i += L) {
            FloatVector.fromArray(S, x, xOff + i).lanewise(VectorOperators.TANH).intoArray(y, yOff + i);
        }
        SCALAR.tanhForward(x, xOff + nb, y, yOff + nb, n - nb);
    }

    @Override
    public void tanhBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        int nb = S.loopBound(n);
        for (int i = 0; i < nb; i += L) {
            FloatVector t = FloatVector.fromArray(S, y, yOff + i);
            FloatVector.fromArray(S, dy, dyOff + i).mul(t.mul(t).neg().add(1f)).intoArray(dx, dxOff + i);
        }
        SCALAR.tanhBackward(y, yOff + nb, dy, dyOff + nb, dx, dxOff + nb, n - nb);
    }

    @Override
    public void multiply(float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, int n) {
        int nb = S.loopBound(n);
        for (int i = 0; i < nb; i += L) {
            FloatVector.fromArray(S, x, xOff + i).mul(FloatVector.fromArray(S, y, yOff + i)).intoArray(z, zOff + i);
        }
        SCALAR.multiply(x, xOff + nb, y, yOff + nb, z, zOff + nb, n - nb);
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        int nb = S.loopBound(n);
        for (int i = 0; i < nb; i += L) {
            FloatVector vy = FloatVector.fromArray(S, y, yOff + i);
            vy.add(FloatVector.fromArray(S, x, xOff + i).mul(alpha)).intoArray(y, yOff + i);
        }
        SCALAR.axpy(alpha, x, xOff + nb, y, yOff + nb, n - nb);
    }

    @Override
    public void scale(float alpha, float[] x, int xOff, int n) {
        int nb = S.loopBound(n);
        for (int i = 0; i < nb; i += L) {
            FloatVector.fromArray(S, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
        }
        SCALAR.scale(alpha, x, xOff + nb, n - nb);
    }

    // ---- loss ---------------------------------------------------------------------------

    @Override
    public double softmaxCrossEntropy(float[] logits, int logitsOff, int[] labels, int labelsOff,
                                      float[] probs, int probsOff, int rows, int classes) {
        // Class counts are small (7 genres, 3 tagger labels): fewer than two vectors per row,
        // so the scalar loop is the right one. Wide rows use vector max / exp / sum.
        if (classes < 2 * L) {
            return SCALAR.softmaxCrossEntropy(logits, logitsOff, labels, labelsOff, probs, probsOff, rows, classes);
        }
        int cb = S.loopBound(classes);
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            int lr = logitsOff + r * classes, pr = probsOff + r * classes;
            FloatVector vmax = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            for (int j = 0; j < cb; j += L) vmax = vmax.max(FloatVector.fromArray(S, logits, lr + j));
            float max = vmax.reduceLanes(VectorOperators.MAX);
            for (int j = cb; j < classes; j++) max = Math.max(max, logits[lr + j]);
            FloatVector vsum = FloatVector.zero(S);
            for (int j = 0; j < cb; j += L) {
                FloatVector e = FloatVector.fromArray(S, logits, lr + j).sub(max).lanewise(VectorOperators.EXP);
                e.intoArray(probs, pr + j);
                vsum = vsum.add(e);
            }
            double sum = vsum.reduceLanes(VectorOperators.ADD);
            for (int j = cb; j < classes; j++) {
                float e = (float) Math.exp(logits[lr + j] - max);
                probs[pr + j] = e;
                sum += e;
            }
            scale((float) (1.0 / sum), probs, pr, classes);
            loss += Math.log(sum) - (logits[lr + labels[labelsOff + r]] - max);
        }
        return loss;
    }

    @Override
    public void softmaxCrossEntropyBackward(float[] probs, int probsOff, int[] labels, int labelsOff,
                                            float[] dlogits, int dOff, int rows, int classes, float scale) {
        SCALAR.softmaxCrossEntropyBackward(probs, probsOff, labels, labelsOff, dlogits, dOff, rows, classes, scale);
    }

    // ---- optimisers ---------------------------------------------------------------------

    @Override
    public void adamStep(float[] p, float[] g, float[] m, float[] v, int off, int n,
                         float stepSize, float beta1, float beta2, float eps, float sqrtBc2, float weightDecay) {
        // Bandwidth-bound: 4 streams read, 3 written. Same operations, same order as the
        // scalar twin, so the two agree bit for bit.
        float oneMinusBeta1 = 1f - beta1;
        float oneMinusBeta2 = 1f - beta2;
        FloatVector zero = FloatVector.zero(S);
        FloatVector vBeta1c = FloatVector.broadcast(S, oneMinusBeta1);
        FloatVector vBeta2c = FloatVector.broadcast(S, oneMinusBeta2);
        int nb = S.loopBound(n);
        for (int i = off, end = off + nb; i < end; i += L) {
            FloatVector vp = FloatVector.fromArray(S, p, i);
            FloatVector vg = FloatVector.fromArray(S, g, i);
            if (weightDecay != 0f) vg = vg.add(vp.mul(weightDecay));
            FloatVector vm = vg.fma(vBeta1c, FloatVector.fromArray(S, m, i).mul(beta1));
            FloatVector vv = vg.mul(vg).fma(vBeta2c, FloatVector.fromArray(S, v, i).mul(beta2));
            vm = vm.blend(zero, vm.abs().compare(VectorOperators.LT, ADAM_FLUSH));
            vv = vv.blend(zero, vv.compare(VectorOperators.LT, ADAM_FLUSH));
            vm.intoArray(m, i);
            vv.intoArray(v, i);
            FloatVector denom = vv.sqrt().div(sqrtBc2).add(eps);
            vp.sub(vm.div(denom).mul(stepSize)).intoArray(p, i);
        }
        SCALAR.adamStep(p, g, m, v, off + nb, n - nb, stepSize, beta1, beta2, eps, sqrtBc2, weightDecay);
    }
}
