package canto.engine.kernels;

/**
 * The reference kernels: plain loops written for clarity first and reasonable speed second
 * (independent accumulators in dot products, register-blocked products, axpy-form inner loops).
 * They run when the vector module is absent (the tagger) and are the yardstick every SIMD kernel
 * is tested against. Where bits are promised, a faster loop keeps the order of additions of
 * the one it replaced (docs/KERNELS.md, "The scalar twin's loops").
 */
public final class ScalarKernels implements Kernels {

    @Override public String name() { return "scalar"; }

    // ---- matrix products --------------------------------------------------------------

    @Override
    public void matmulNTColumns(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k, int from, int to) {
        // A [m,k], B [n,k], C [m,n]: C[i,j] += dot(A[i,:], B[j,:]) for j in [from, to),
        // four outputs (2 rows x 2 columns) at a time so each loaded element feeds two products and
        // 16 chains are in flight; every output is still exactly dot()'s four chains, added as
        // dot() adds them (so any column range gives the whole product's bits).
        int i = 0;
        for (; i + 1 < m; i += 2) {
            int ai = aOff + i * k, ci = cOff + i * n;
            int j = from;
            for (; j + 1 < to; j += 2) dot2x2(a, ai, ai + k, b, bOff + j * k, bOff + (j + 1) * k, k, c, ci + j, ci + n + j);
            if (j < to) dot1x2(b, bOff + j * k, a, ai, ai + k, k, c, ci + j, ci + n + j);   // column j against rows i, i+1
        }
        if (i < m) {
            int ai = aOff + i * k, ci = cOff + i * n;
            int j = from;
            for (; j + 1 < to; j += 2) dot1x2(a, ai, b, bOff + j * k, bOff + (j + 1) * k, k, c, ci + j, ci + j + 1);
            if (j < to) c[ci + j] += dot(a, ai, b, bOff + j * k, k);
        }
    }

    /**
     * {@code c[c0] += dot(x0, y0)}, {@code c[c1] += dot(x0, y1)}, {@code c[c2] += dot(x1, y0)},
     * {@code c[c3] += dot(x1, y1)} over n elements, each summed exactly as {@link #dot}.
     */
    private static void dot2x2(float[] x, int x0, int x1, float[] y, int y0, int y1, int n, float[] c, int c01, int c23) {
        float p0 = 0, p1 = 0, p2 = 0, p3 = 0;   // x0·y0, four chains
        float q0 = 0, q1 = 0, q2 = 0, q3 = 0;   // x0·y1
        float r0 = 0, r1 = 0, r2 = 0, r3 = 0;   // x1·y0
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;   // x1·y1
        int i = 0;
        for (; i + 3 < n; i += 4) {
            float a0 = x[x0 + i], a1 = x[x0 + i + 1], a2 = x[x0 + i + 2], a3 = x[x0 + i + 3];
            float b0 = x[x1 + i], b1 = x[x1 + i + 1], b2 = x[x1 + i + 2], b3 = x[x1 + i + 3];
            float u0 = y[y0 + i], u1 = y[y0 + i + 1], u2 = y[y0 + i + 2], u3 = y[y0 + i + 3];
            float v0 = y[y1 + i], v1 = y[y1 + i + 1], v2 = y[y1 + i + 2], v3 = y[y1 + i + 3];
            p0 += a0 * u0; p1 += a1 * u1; p2 += a2 * u2; p3 += a3 * u3;
            q0 += a0 * v0; q1 += a1 * v1; q2 += a2 * v2; q3 += a3 * v3;
            r0 += b0 * u0; r1 += b1 * u1; r2 += b2 * u2; r3 += b3 * u3;
            s0 += b0 * v0; s1 += b1 * v1; s2 += b2 * v2; s3 += b3 * v3;
        }
        for (; i < n; i++) {
            float a = x[x0 + i], b = x[x1 + i], u = y[y0 + i], v = y[y1 + i];
            p0 += a * u; q0 += a * v; r0 += b * u; s0 += b * v;
        }
        c[c01] += (p0 + p1) + (p2 + p3);
        c[c01 + 1] += (q0 + q1) + (q2 + q3);
        c[c23] += (r0 + r1) + (r2 + r3);
        c[c23 + 1] += (s0 + s1) + (s2 + s3);
    }

    /** {@code c[cy] += dot(x, y)} and {@code c[cz] += dot(x, z)} over n elements, each summed exactly as {@link #dot}. */
    private static void dot1x2(float[] x, int xOff, float[] yz, int y, int z, int n, float[] c, int cy, int cz) {
        float p0 = 0, p1 = 0, p2 = 0, p3 = 0;   // x·y, four chains
        float q0 = 0, q1 = 0, q2 = 0, q3 = 0;   // x·z
        int i = 0;
        for (; i + 3 < n; i += 4) {
            float a0 = x[xOff + i], a1 = x[xOff + i + 1], a2 = x[xOff + i + 2], a3 = x[xOff + i + 3];
            p0 += a0 * yz[y + i]; p1 += a1 * yz[y + i + 1]; p2 += a2 * yz[y + i + 2]; p3 += a3 * yz[y + i + 3];
            q0 += a0 * yz[z + i]; q1 += a1 * yz[z + i + 1]; q2 += a2 * yz[z + i + 2]; q3 += a3 * yz[z + i + 3];
        }
        for (; i < n; i++) {
            float a = x[xOff + i];
            p0 += a * yz[y + i];
            q0 += a * yz[z + i];
        }
        c[cy] += (p0 + p1) + (p2 + p3);
        c[cz] += (q0 + q1) + (q2 + q3);
    }

    /** Dot product with four independent accumulators (the JIT cannot reorder float sums). */
    static float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[xOff + i] * y[yOff + i];
            s1 += x[xOff + i + 1] * y[yOff + i + 1];
            s2 += x[xOff + i + 2] * y[yOff + i + 2];
            s3 += x[xOff + i + 3] * y[yOff + i + 3];
        }
        for (; i < n; i++) s0 += x[xOff + i] * y[yOff + i];
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void matmulNNColumns(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k, int from, int to) {
        // A [m,k], B [k,n], C [m,n]: C[i,j] += A[i,p] * B[p,j] for j in [from, to)  (i-k-j order, no reductions)
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * k + p];
                if (aip == 0f) continue; // ReLU and dropout zeros are common
                int bp = bOff + p * n;
                for (int j = from; j < to; j++) c[ci + j] += aip * b[bp + j];
            }
        }
    }

    @Override
    public void matmulTNRows(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k, int from, int to) {
        // A [k,m], B [k,n], C [m,n]: C[i,:] += A[p,i] * B[p,:] for i in [from, to)
        for (int p = 0; p < k; p++) {
            int ap = aOff + p * m;
            int bp = bOff + p * n;
            for (int i = from; i < to; i++) {
                float api = a[ap + i];
                if (api == 0f) continue;
                int ci = cOff + i * n;
                for (int j = 0; j < n; j++) c[ci + j] += api * b[bp + j];
            }
        }
    }

    @Override
    public void broadcastRows(float[] bias, int biasOff, float[] y, int yOff, int rows, int n) {
        for (int r = 0; r < rows; r++) System.arraycopy(bias, biasOff, y, yOff + r * n, n);
    }

    @Override
    public void addColumnSums(float[] x, int xOff, float[] colSum, int sumOff, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * n;
            for (int j = 0; j < n; j++) colSum[sumOff + j] += x[xr + j];
        }
    }

    // ---- embedding ----------------------------------------------------------------------

    @Override
    public void gather(float[] table, int tableOff, int[] ids, int idsOff, float[] out, int outOff, int count, int dim) {
        for (int i = 0; i < count; i++) {
            System.arraycopy(table, tableOff + ids[idsOff + i] * dim, out, outOff + i * dim, dim);
        }
    }

    @Override
    public void scatterAdd(float[] src, int srcOff, int[] ids, int idsOff, float[] table, int tableOff, int count, int dim) {
        for (int i = 0; i < count; i++) {
            int row = tableOff + ids[idsOff + i] * dim;
            int s = srcOff + i * dim;
            for (int j = 0; j < dim; j++) table[row + j] += src[s + j];
        }
    }

    @Override
    public void embeddingBagForward(float[] table, int tableOff, int dim, int[] ids, int idsOff, int n,
                                    int[] offsets, int offsetsOff, int bags, float[] weights, int weightsOff, boolean mean,
                                    float[] out, int outOff) {
        bagForwardColumns(table, tableOff, dim, ids, idsOff, n, offsets, offsetsOff, bags, weights, weightsOff, mean, out, outOff, 0, dim);
    }

    /** {@link #embeddingBagForward} on columns [j0, j1) only (the SIMD kernel's tail). */
    static void bagForwardColumns(float[] table, int tableOff, int dim, int[] ids, int idsOff, int n,
                                  int[] offsets, int offsetsOff, int bags, float[] weights, int weightsOff, boolean mean,
                                  float[] out, int outOff, int j0, int j1) {
        // table [num, dim], ids [n], offsets [bags] -> out [bags, dim]
        int w = j1 - j0;
        for (int b = 0; b < bags; b++) {
            int start = offsets[offsetsOff + b], end = b + 1 < bags ? offsets[offsetsOff + b + 1] : n;
            int o = outOff + b * dim + j0;
            java.util.Arrays.fill(out, o, o + w, 0f);
            int i = start;
            // four rows per pass over the output row: each element still adds its rows one at a
            // time in bag order, ((((out + r0) + r1) + r2) + r3), so the bits (zeros' signs too)
            // are those of one row per pass; but out is loaded and stored a quarter as often, and
            // each pass reads four table rows (random places in a large table) at once
            if (weights == null) {
                for (; i + 3 < end; i += 4) {
                    add4Rows(table, tableOff + ids[idsOff + i] * dim + j0, tableOff + ids[idsOff + i + 1] * dim + j0,
                            tableOff + ids[idsOff + i + 2] * dim + j0, tableOff + ids[idsOff + i + 3] * dim + j0, out, o, w);
                }
                for (; i < end; i++) addRow(table, tableOff + ids[idsOff + i] * dim + j0, out, o, w);
            } else {
                for (; i + 3 < end; i += 4) {
                    int wi = weightsOff + i;
                    add4ScaledRows(weights[wi], weights[wi + 1], weights[wi + 2], weights[wi + 3], table,
                            tableOff + ids[idsOff + i] * dim + j0, tableOff + ids[idsOff + i + 1] * dim + j0,
                            tableOff + ids[idsOff + i + 2] * dim + j0, tableOff + ids[idsOff + i + 3] * dim + j0, out, o, w);
                }
                for (; i < end; i++) addScaledRow(weights[weightsOff + i], table, tableOff + ids[idsOff + i] * dim + j0, out, o, w);
            }
            if (mean && end > start) {
                float size = end - start;
                for (int j = 0; j < w; j++) out[o + j] /= size;
            }
        }
    }

    /** {@code y[yOff..+n) += x[xOff..+n)}: a loop the JIT vectorises. */
    private static void addRow(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int j = 0; j < n; j++) y[yOff + j] += x[xOff + j];
    }

    /** {@code y[yOff + j] = (((y[yOff + j] + x[r0 + j]) + x[r1 + j]) + x[r2 + j]) + x[r3 + j]} for j in [0, n). */
    private static void add4Rows(float[] x, int r0, int r1, int r2, int r3, float[] y, int yOff, int n) {
        for (int j = 0; j < n; j++) y[yOff + j] = (((y[yOff + j] + x[r0 + j]) + x[r1 + j]) + x[r2 + j]) + x[r3 + j];
    }

    /** As {@link #add4Rows} with each row scaled: {@code ((((y + a0·x0) + a1·x1) + a2·x2) + a3·x3)}. */
    private static void add4ScaledRows(float a0, float a1, float a2, float a3, float[] x, int r0, int r1, int r2, int r3,
                                       float[] y, int yOff, int n) {
        for (int j = 0; j < n; j++) {
            y[yOff + j] = (((y[yOff + j] + a0 * x[r0 + j]) + a1 * x[r1 + j]) + a2 * x[r2 + j]) + a3 * x[r3 + j];
        }
    }

    /** {@code y[yOff..+n) += a · x[xOff..+n)}. */
    private static void addScaledRow(float a, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int j = 0; j < n; j++) y[yOff + j] += a * x[xOff + j];
    }

    @Override
    public void embeddingBagBackward(float[] dOut, int dOutOff, int dim, int[] ids, int idsOff, int n,
                                     int[] offsets, int offsetsOff, int bags, float[] weights, int weightsOff, boolean mean,
                                     float[] tableGrad, int tableOff) {
        bagBackwardColumns(dOut, dOutOff, dim, ids, idsOff, n, offsets, offsetsOff, bags, weights, weightsOff, mean, tableGrad, tableOff, 0, dim);
    }

    /** {@link #embeddingBagBackward} on columns [j0, j1) only (the SIMD kernel's tail). */
    static void bagBackwardColumns(float[] dOut, int dOutOff, int dim, int[] ids, int idsOff, int n,
                                   int[] offsets, int offsetsOff, int bags, float[] weights, int weightsOff, boolean mean,
                                   float[] tableGrad, int tableOff, int j0, int j1) {
        // dOut [bags, dim] -> tableGrad [num, dim] (+=)
        int w = j1 - j0;
        for (int b = 0; b < bags; b++) {
            int start = offsets[offsetsOff + b], end = b + 1 < bags ? offsets[offsetsOff + b + 1] : n;
            float size = end - start;
            int d = dOutOff + b * dim + j0;
            for (int i = start; i < end; i++) {
                int row = tableOff + ids[idsOff + i] * dim + j0;
                if (!mean && weights == null) addRow(dOut, d, tableGrad, row, w);
                else if (!mean) addScaledRow(weights[weightsOff + i], dOut, d, tableGrad, row, w);
                else if (weights == null) { for (int j = 0; j < w; j++) tableGrad[row + j] += dOut[d + j] / size; }
                else {
                    float wi = weights[weightsOff + i];
                    for (int j = 0; j < w; j++) tableGrad[row + j] += wi * (dOut[d + j] / size);
                }
            }
        }
    }

    // ---- element-wise -------------------------------------------------------------------

    @Override
    public void reluForward(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Math.max(x[xOff + i], 0f);
    }

    @Override
    public void reluBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        for (int i = 0; i < n; i++) dx[dxOff + i] = y[yOff + i] > 0f ? dy[dyOff + i] : 0f;
    }

    @Override
    public void sigmoidForward(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = 1f / (1f + (float) Math.exp(-x[xOff + i]));
    }

    @Override
    public void sigmoidBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        for (int i = 0; i < n; i++) {
            float s = y[yOff + i];
            dx[dxOff + i] = dy[dyOff + i] * (s * (1f - s));
        }
    }

    @Override
    public void tanhForward(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = (float) Math.tanh(x[xOff + i]);
    }

    @Override
    public void tanhBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        for (int i = 0; i < n; i++) {
            float t = y[yOff + i];
            dx[dxOff + i] = dy[dyOff + i] * (1f - t * t);
        }
    }

    @Override
    public void multiply(float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, int n) {
        for (int i = 0; i < n; i++) z[zOff + i] = x[xOff + i] * y[yOff + i];
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    @Override
    public void scale(float alpha, float[] x, int xOff, int n) {
        for (int i = 0; i < n; i++) x[xOff + i] *= alpha;
    }

    // ---- loss ---------------------------------------------------------------------------

    @Override
    public double softmaxCrossEntropy(float[] logits, int logitsOff, int[] labels, int labelsOff,
                                      float[] probs, int probsOff, int rows, int classes) {
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            int lr = logitsOff + r * classes;
            int pr = probsOff + r * classes;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) max = Math.max(max, logits[lr + j]);
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                float e = (float) Math.exp(logits[lr + j] - max);
                probs[pr + j] = e;
                sum += e;
            }
            float inv = (float) (1.0 / sum);
            for (int j = 0; j < classes; j++) probs[pr + j] *= inv;
            loss += Math.log(sum) - (logits[lr + labels[labelsOff + r]] - max);
        }
        return loss;
    }

    @Override
    public void softmaxCrossEntropyBackward(float[] probs, int probsOff, int[] labels, int labelsOff,
                                            float[] dlogits, int dOff, int rows, int classes, float scale) {
        for (int r = 0; r < rows; r++) {
            int pr = probsOff + r * classes;
            int dr = dOff + r * classes;
            for (int j = 0; j < classes; j++) dlogits[dr + j] = scale * probs[pr + j];
            dlogits[dr + labels[labelsOff + r]] -= scale;
        }
    }

    // ---- optimisers ---------------------------------------------------------------------

    @Override
    public void adamStep(float[] p, float[] g, float[] m, float[] v, int off, int n,
                         float stepSize, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2,
                         float eps, float sqrtBc2, float weightDecay) {
        for (int i = off, end = off + n; i < end; i++) {
            float gi = weightDecay == 0f ? g[i] : g[i] + weightDecay * p[i];
            float mi = Fma.fma(oneMinusBeta1, gi, beta1 * m[i]);
            float vi = Fma.fma(oneMinusBeta2, gi * gi, beta2 * v[i]);
            if (Math.abs(mi) < ADAM_FLUSH) mi = 0f;
            if (vi < ADAM_FLUSH) vi = 0f;
            m[i] = mi;
            v[i] = vi;
            float denom = (float) Math.sqrt(vi) / sqrtBc2 + eps;
            p[i] = p[i] - stepSize * (mi / denom);
        }
    }

    @Override
    public void adamStepNoGrad(float[] p, float[] m, float[] v, int off, int n,
                               float stepSize, float beta1, float beta2, float eps, float sqrtBc2) {
        for (int i = off, end = off + n; i < end; i++) {
            float mi = beta1 * m[i];
            float vi = beta2 * v[i];
            if (Math.abs(mi) < ADAM_FLUSH) mi = 0f;
            if (vi < ADAM_FLUSH) vi = 0f;
            m[i] = mi;
            v[i] = vi;
            float denom = (float) Math.sqrt(vi) / sqrtBc2 + eps;
            p[i] = p[i] - stepSize * (mi / denom);
        }
    }

    @Override
    public void adamDecay(float[] v, int off, int n, int steps, float beta2) {
        // Four independent chains at a time: one chain alone waits on each multiply's latency.
        int i = off, end = off + n;
        for (; i + 4 <= end; i += 4) {
            float a = v[i], b = v[i + 1], c = v[i + 2], d = v[i + 3];
            for (int s = 0; s < steps; s++) {
                a = beta2 * a;
                b = beta2 * b;
                c = beta2 * c;
                d = beta2 * d;
                if (a < ADAM_FLUSH) a = 0f;
                if (b < ADAM_FLUSH) b = 0f;
                if (c < ADAM_FLUSH) c = 0f;
                if (d < ADAM_FLUSH) d = 0f;
                if ((s & 63) == 63 && a == 0f && b == 0f && c == 0f && d == 0f) break;   // 0 stays 0
            }
            v[i] = a;
            v[i + 1] = b;
            v[i + 2] = c;
            v[i + 3] = d;
        }
        for (; i < end; i++) {
            float a = v[i];
            for (int s = 0; s < steps; s++) {
                a = beta2 * a;
                if (a < ADAM_FLUSH) {
                    a = 0f;   // +0 from here on (and -0 becomes +0, as in adamStep)
                    break;
                }
            }
            v[i] = a;
        }
    }

    // ---- random masks -------------------------------------------------------------------

    @Override
    public void dropoutMask(long state, float p, float keepScale, float[] mask, int off, int n) {
        // output i of the reserved stretch: mix(state + (i+1)·γ), top 24 bits, as Rng.nextFloat()
        for (int i = 0; i < n; i++) {
            long z = canto.engine.util.Rng.mix(state + (i + 1) * canto.engine.util.Rng.GOLDEN_GAMMA);
            mask[off + i] = (z >>> 40) * 0x1.0p-24f < p ? 0f : keepScale;
        }
    }
}
