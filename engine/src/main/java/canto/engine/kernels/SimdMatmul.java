package canto.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD matrix products of {@link SimdKernels}, chosen by shape:
 * <ul>
 *   <li>all three dimensions large: {@link SimdGemm}, packed and cache-blocked;</li>
 *   <li>the batch-sized products of training (m or k a batch of 8-16): register-blocked
 *       dot-product ({@code NT}) or broadcast ({@code NN}, {@code TN}) forms that need no
 *       packing;</li>
 *   <li>a dimension narrower than two vectors where the form above would vectorise along it
 *       (a Linear layer with 14 or 22 inputs): the small operand is transposed into a
 *       per-thread scratch array so the product runs along a long dimension instead;</li>
 *   <li>everything small: the scalar loops.</li>
 * </ul>
 * A helper of {@link SimdKernels}, loaded only with it.
 */
final class SimdMatmul {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final ScalarKernels SCALAR = new ScalarKernels();
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[1][0]);

    private SimdMatmul() {}

    /** A per-thread scratch array of at least {@code size} floats (contents undefined). */
    private static float[] scratch(int size) {
        float[][] holder = SCRATCH.get();
        if (holder[0].length < size) holder[0] = new float[Math.max(size, 2 * holder[0].length)];
        return holder[0];
    }

    /** {@code t[cols, rows] = x[rows, cols]ᵀ}. */
    private static void transpose(float[] x, int xOff, int rows, int cols, float[] t) {
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * cols;
            for (int j = 0; j < cols; j++) t[j * rows + r] = x[xr + j];
        }
    }

    /** {@code C[m,n] += A[m,k] · B[n,k]ᵀ}. */
    static void nt(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k) {
        if (k >= 2 * L) {
            if (SimdGemm.worthIt(m, n, k)) SimdGemm.gemm(a, aOff, false, b, bOff, true, c, cOff, m, n, k);
            else ntDot(a, aOff, b, bOff, c, cOff, m, n, k);
        } else if (n >= 2 * L && m >= 4) {
            // few inputs (k), many outputs: Bᵀ [k,n] costs n·k copies, the product m·n·k FMAs
            float[] bt = scratch(n * k);
            transpose(b, bOff, n, k, bt);
            nnBroadcast(a, aOff, bt, 0, c, cOff, m, n, k);
        } else {
            SCALAR.matmulNT(a, aOff, b, bOff, c, cOff, m, n, k);
        }
    }

    /** {@code C[m,n] += A[m,k] · B[k,n]}. */
    static void nn(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k) {
        if (n >= 2 * L) {
            if (SimdGemm.worthIt(m, n, k)) SimdGemm.gemm(a, aOff, false, b, bOff, false, c, cOff, m, n, k);
            else nnBroadcast(a, aOff, b, bOff, c, cOff, m, n, k);
        } else if (k >= 2 * L && m >= 4) {
            // narrow output (n), long inner dimension: Bᵀ [n,k], then dot products along k
            float[] bt = scratch(n * k);
            transpose(b, bOff, k, n, bt);
            ntDot(a, aOff, bt, 0, c, cOff, m, n, k);
        } else {
            SCALAR.matmulNN(a, aOff, b, bOff, c, cOff, m, n, k);
        }
    }

    /** {@code C[m,n] += A[k,m]ᵀ · B[k,n]}. */
    static void tn(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k) {
        if (n >= 2 * L) {
            if (SimdGemm.worthIt(m, n, k)) SimdGemm.gemm(a, aOff, true, b, bOff, false, c, cOff, m, n, k);
            else tnBroadcast(a, aOff, b, bOff, c, cOff, m, n, k);
        } else if (m >= 2 * L && n >= 4) {
            // narrow rows of C (n): Cᵀ [n,m] += Bᵀ · A along the long dimension m, then added back
            float[] ct = scratch(n * m);
            java.util.Arrays.fill(ct, 0, n * m, 0f);
            tnBroadcast(b, bOff, a, aOff, ct, 0, n, m, k);
            for (int i = 0; i < m; i++) {
                int ci = cOff + i * n;
                for (int j = 0; j < n; j++) c[ci + j] += ct[j * m + i];
            }
        } else {
            SCALAR.matmulTN(a, aOff, b, bOff, c, cOff, m, n, k);
        }
    }

    /** Dot-product form for small m; see {@link Kernels#matmulNT}. */
    private static void ntDot(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k) {
        // A [m,k], B [n,k], C [m,n]. Dot-product form: 4 rows of A x 2 rows of B share each
        // loaded vector (8 accumulators, 6 loads per 8 FMAs); one reduction per output.
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

    /** Broadcast (i-k-j) form; see {@link Kernels#matmulNN}. */
    private static void nnBroadcast(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k) {
        // A [m,k], B [k,n], C [m,n]. i-k-j order: for a strip of 4 rows of C and one vector of
        // columns, keep 4 accumulators in registers over the whole k loop; each loaded B
        // vector feeds 4 FMAs with broadcast A values. No reductions at all.
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

    /** Broadcast form over the batch; see {@link Kernels#matmulTN}. */
    private static void tnBroadcast(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k) {
        // A [k,m], B [k,n], C [m,n]: C[i,:] += Σ_p A[p,i] · B[p,:]. Strips of 4 rows of C
        // and one vector of columns stay in registers over the whole p loop (the batch).
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

    /** {@code y += alpha · x} over n floats. */
    private static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        int nb = S.loopBound(n);
        for (int i = 0; i < nb; i += L) {
            FloatVector vy = FloatVector.fromArray(S, y, yOff + i);
            vy.add(FloatVector.fromArray(S, x, xOff + i).mul(alpha)).intoArray(y, yOff + i);
        }
        for (int i = nb; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }
}
