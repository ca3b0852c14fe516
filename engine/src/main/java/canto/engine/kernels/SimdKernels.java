package canto.engine.kernels;

import static canto.engine.kernels.SimdSpecies.fma;

import canto.engine.util.Rng;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernels, on {@code jdk.incubator.vector}. It and its package-private helpers
 * ({@link SimdMatmul}, {@link SimdGemm}, {@link SimdBroadcast}) are the only engine classes that
 * import it, and the helpers are only reached through this class.
 *
 * <p>Rules (docs/KERNELS.md): species as static finals; {@code loopBound} + scalar tail; no
 * cross-lane reduction inside an inner loop; several independent accumulators; matrix
 * products register-blocked so each loaded vector feeds several FMAs. Inputs shorter than
 * two vectors go to the scalar twin, which is also the tail of every loop.
 *
 * <p>Loaded by name from {@link KernelsProvider} only when the module is present.
 */
final class SimdKernels implements Kernels {
    private static final VectorSpecies<Float> S = SimdSpecies.S;
    private static final int L = S.length();
    private static final ScalarKernels SCALAR = new ScalarKernels();

    @Override public String name() { return "simd"; }

    // ---- matrix products --------------------------------------------------------------

    @Override
    public void matmulNTColumns(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k, int from, int to) {
        SimdMatmul.nt(a, aOff, b, bOff, c, cOff, m, n, k, from, to);
    }

    @Override
    public void matmulNNColumns(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k, int from, int to) {
        SimdMatmul.nn(a, aOff, b, bOff, c, cOff, m, n, k, from, to);
    }

    @Override
    public void matmulTNRows(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k, int from, int to) {
        SimdMatmul.tn(a, aOff, b, bOff, c, cOff, m, n, k, from, to);
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

    @Override
    public void embeddingBagForward(float[] table, int tableOff, int dim, int[] ids, int idsOff, int n,
                                    int[] offsets, int offsetsOff, int bags, float[] weights, int weightsOff, boolean mean,
                                    float[] out, int outOff) {
        // table [num, dim], ids [n], offsets [bags] -> out [bags, dim]. One bag at a time, a
        // block of up to 4 vectors of columns kept in registers while the bag's rows stream by;
        // each element adds its rows in bag order from 0, as the scalar twin does.
        if (dim < 2 * L) {
            SCALAR.embeddingBagForward(table, tableOff, dim, ids, idsOff, n, offsets, offsetsOff, bags, weights, weightsOff, mean, out, outOff);
            return;
        }
        int nb = S.loopBound(dim);
        for (int b = 0; b < bags; b++) {
            int start = offsets[offsetsOff + b], end = b + 1 < bags ? offsets[offsetsOff + b + 1] : n;
            float size = end - start;
            int o = outOff + b * dim;
            int j = 0;
            for (; j + 4 * L <= nb; j += 4 * L) {
                FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
                for (int i = start; i < end; i++) {
                    int row = tableOff + ids[idsOff + i] * dim + j;
                    FloatVector r0 = FloatVector.fromArray(S, table, row), r1 = FloatVector.fromArray(S, table, row + L);
                    FloatVector r2 = FloatVector.fromArray(S, table, row + 2 * L), r3 = FloatVector.fromArray(S, table, row + 3 * L);
                    if (weights != null) {
                        float w = weights[weightsOff + i];
                        r0 = r0.mul(w); r1 = r1.mul(w); r2 = r2.mul(w); r3 = r3.mul(w);
                    }
                    a0 = a0.add(r0); a1 = a1.add(r1); a2 = a2.add(r2); a3 = a3.add(r3);
                }
                if (mean && end > start) { a0 = a0.div(size); a1 = a1.div(size); a2 = a2.div(size); a3 = a3.div(size); }
                a0.intoArray(out, o + j); a1.intoArray(out, o + j + L); a2.intoArray(out, o + j + 2 * L); a3.intoArray(out, o + j + 3 * L);
            }
            for (; j < nb; j += L) {
                FloatVector a0 = FloatVector.zero(S);
                for (int i = start; i < end; i++) {
                    FloatVector r0 = FloatVector.fromArray(S, table, tableOff + ids[idsOff + i] * dim + j);
                    a0 = a0.add(weights == null ? r0 : r0.mul(weights[weightsOff + i]));
                }
                if (mean && end > start) a0 = a0.div(size);
                a0.intoArray(out, o + j);
            }
        }
        if (nb < dim) {
            ScalarKernels.bagForwardColumns(table, tableOff, dim, ids, idsOff, n, offsets, offsetsOff, bags, weights, weightsOff, mean, out, outOff, nb, dim);
        }
    }

    @Override
    public void embeddingBagBackward(float[] dOut, int dOutOff, int dim, int[] ids, int idsOff, int n,
                                     int[] offsets, int offsetsOff, int bags, float[] weights, int weightsOff, boolean mean,
                                     float[] tableGrad, int tableOff) {
        // dOut [bags, dim] -> tableGrad [num, dim] (+=): position by position, each row gets
        // the bag's gradient (divided by the size for mean, times the weight) added vector by
        // vector; per element the same operations in the same order as the scalar twin.
        if (dim < 2 * L) {
            SCALAR.embeddingBagBackward(dOut, dOutOff, dim, ids, idsOff, n, offsets, offsetsOff, bags, weights, weightsOff, mean, tableGrad, tableOff);
            return;
        }
        int nb = S.loopBound(dim);
        for (int b = 0; b < bags; b++) {
            int start = offsets[offsetsOff + b], end = b + 1 < bags ? offsets[offsetsOff + b + 1] : n;
            float size = end - start;
            int d = dOutOff + b * dim;
            for (int i = start; i < end; i++) {
                int row = tableOff + ids[idsOff + i] * dim;
                float w = weights == null ? 1f : weights[weightsOff + i];
                for (int j = 0; j < nb; j += L) {
                    FloatVector g = FloatVector.fromArray(S, dOut, d + j);
                    if (mean) g = g.div(size);
                    if (weights != null) g = g.mul(w);
                    FloatVector.fromArray(S, tableGrad, row + j).add(g).intoArray(tableGrad, row + j);
                }
            }
        }
        if (nb < dim) {
            ScalarKernels.bagBackwardColumns(dOut, dOutOff, dim, ids, idsOff, n, offsets, offsetsOff, bags, weights, weightsOff, mean, tableGrad, tableOff, nb, dim);
        }
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
        float[] t = SimdSpecies.LANES.get();
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
            vsum.intoArray(t, 0);
            double sum = SimdSpecies.sumLanes(t, 0);   // fixed order, not reduceLanes
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
                         float stepSize, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2,
                         float eps, float sqrtBc2, float weightDecay) {
        // Bandwidth-bound: 4 streams read, 3 written. Same operations, same order as the
        // scalar twin, so the two agree bit for bit.
        FloatVector zero = FloatVector.zero(S);
        FloatVector vBeta1c = FloatVector.broadcast(S, oneMinusBeta1);
        FloatVector vBeta2c = FloatVector.broadcast(S, oneMinusBeta2);
        int nb = S.loopBound(n);
        for (int i = off, end = off + nb; i < end; i += L) {
            FloatVector vp = FloatVector.fromArray(S, p, i);
            FloatVector vg = FloatVector.fromArray(S, g, i);
            if (weightDecay != 0f) vg = vg.add(vp.mul(weightDecay));
            FloatVector vm = fma(vg, vBeta1c, FloatVector.fromArray(S, m, i).mul(beta1));
            FloatVector vv = fma(vg.mul(vg), vBeta2c, FloatVector.fromArray(S, v, i).mul(beta2));
            vm = vm.blend(zero, vm.abs().compare(VectorOperators.LT, ADAM_FLUSH));
            vv = vv.blend(zero, vv.compare(VectorOperators.LT, ADAM_FLUSH));
            vm.intoArray(m, i);
            vv.intoArray(v, i);
            FloatVector denom = vv.sqrt().div(sqrtBc2).add(eps);
            vp.sub(vm.div(denom).mul(stepSize)).intoArray(p, i);
        }
        SCALAR.adamStep(p, g, m, v, off + nb, n - nb, stepSize, beta1, oneMinusBeta1, beta2, oneMinusBeta2, eps, sqrtBc2, weightDecay);
    }

    @Override
    public void adamStepNoGrad(float[] p, float[] m, float[] v, int off, int n,
                               float stepSize, float beta1, float beta2, float eps, float sqrtBc2) {
        // adamStep without the gradient stream (one array fewer to read: the loop is bound by
        // memory traffic at the sizes of the genre tables); the same operations as the scalar twin.
        FloatVector zero = FloatVector.zero(S);
        int nb = S.loopBound(n);
        for (int i = off, end = off + nb; i < end; i += L) {
            FloatVector vp = FloatVector.fromArray(S, p, i);
            FloatVector vm = FloatVector.fromArray(S, m, i).mul(beta1);
            FloatVector vv = FloatVector.fromArray(S, v, i).mul(beta2);
            vm = vm.blend(zero, vm.abs().compare(VectorOperators.LT, ADAM_FLUSH));
            vv = vv.blend(zero, vv.compare(VectorOperators.LT, ADAM_FLUSH));
            vm.intoArray(m, i);
            vv.intoArray(v, i);
            FloatVector denom = vv.sqrt().div(sqrtBc2).add(eps);
            vp.sub(vm.div(denom).mul(stepSize)).intoArray(p, i);
        }
        SCALAR.adamStepNoGrad(p, m, v, off + nb, n - nb, stepSize, beta1, beta2, eps, sqrtBc2);
    }

    @Override
    public void adamDecay(float[] v, int off, int n, int steps, float beta2) {
        // Two vectors at a time (independent multiply chains), the same operations per lane as
        // the scalar twin; the rest (and rows narrower than two vectors) go to the scalar twin.
        FloatVector zero = FloatVector.zero(S);
        int nb = n >= 2 * L ? n / (2 * L) * (2 * L) : 0;
        for (int i = off, end = off + nb; i < end; i += 2 * L) {
            FloatVector a = FloatVector.fromArray(S, v, i), b = FloatVector.fromArray(S, v, i + L);
            for (int s = 0; s < steps; s++) {
                a = a.mul(beta2);
                b = b.mul(beta2);
                a = a.blend(zero, a.compare(VectorOperators.LT, ADAM_FLUSH));
                b = b.blend(zero, b.compare(VectorOperators.LT, ADAM_FLUSH));
                if ((s & 63) == 63 && !a.compare(VectorOperators.NE, 0f).or(b.compare(VectorOperators.NE, 0f)).anyTrue()) break;
            }
            a.intoArray(v, i);
            b.intoArray(v, i + L);
        }
        SCALAR.adamDecay(v, off + nb, n - nb, steps, beta2);
    }

    // ---- random masks -------------------------------------------------------------------

    private static final VectorSpecies<Long> LS = LongVector.SPECIES_512;   // 8 lanes
    private static final long[] ONE_TO_EIGHT = {1, 2, 3, 4, 5, 6, 7, 8};

    @Override
    public void dropoutMask(long state, float p, float keepScale, float[] mask, int off, int n) {
        // SplitMix64 on two vectors of 8 long lanes (64-bit multiplies need AVX-512, hence the
        // 16-lane guard); the top 24 bits of each converted into one half of a 16-float vector:
        // the same floats as Rng.nextFloat(). Only 512-bit shapes, like every other kernel here:
        // mixing float shapes in one JVM made C2 give up on the other kernels' intrinsics.
        if (L != 16 || n < 16) { SCALAR.dropoutMask(state, p, keepScale, mask, off, n); return; }
        int nb = S.loopBound(n);
        LongVector z0 = LongVector.fromArray(LS, ONE_TO_EIGHT, 0).mul(Rng.GOLDEN_GAMMA).add(state);
        LongVector half = LongVector.broadcast(LS, 8 * Rng.GOLDEN_GAMMA);
        LongVector step = LongVector.broadcast(LS, 16 * Rng.GOLDEN_GAMMA);
        FloatVector keep = FloatVector.broadcast(S, keepScale), zero = FloatVector.zero(S);
        for (int i = 0; i < nb; i += L) {
            FloatVector lo = (FloatVector) topBits(z0).convertShape(VectorOperators.L2F, S, 0);
            FloatVector hi = (FloatVector) topBits(z0.add(half)).convertShape(VectorOperators.L2F, S, -1);
            FloatVector u = lo.add(hi).mul(0x1.0p-24f);
            keep.blend(zero, u.compare(VectorOperators.LT, p)).intoArray(mask, off + i);
            z0 = z0.add(step);
        }
        SCALAR.dropoutMask(state + nb * Rng.GOLDEN_GAMMA, p, keepScale, mask, off + nb, n - nb);
    }

    /** {@code mix(z) >>> 40} on every lane: SplitMix64's output, top 24 bits. */
    private static LongVector topBits(LongVector z) {
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
        return z.lanewise(VectorOperators.LSHR, 40);
    }
}
