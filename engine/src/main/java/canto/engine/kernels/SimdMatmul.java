package canto.engine.kernels;

import static canto.engine.kernels.SimdSpecies.fma;
import static canto.engine.kernels.SimdSpecies.sumLanes;

import jdk.incubator.vector.FloatVector;
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
    private static final VectorSpecies<Float> S = SimdSpecies.S;
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

    /**
     * {@code t[j, r] = x[r, j]} for r in {@code [r0, r1)}, j in {@code [j0, j1)} ({@code t} is
     * {@code x[rows, cols]ᵀ}, here only that block): for each column, gathers {@code L} rows at a
     * time and stores them contiguously; leftover rows one by one.
     */
    private static void transpose(float[] x, int xOff, int rows, int cols, float[] t, int r0, int r1, int j0, int j1) {
        int rb = r0 + S.loopBound(r1 - r0);
        if (rb > r0) {
            int[] idx = STRIDES.get();
            for (int l = 0; l < L; l++) idx[l] = l * cols;
            for (int j = j0; j < j1; j++) {
                int tj = j * rows;
                for (int r = r0; r < rb; r += L) {
                    FloatVector.fromArray(S, x, xOff + r * cols + j, idx, 0).intoArray(t, tj + r);
                }
            }
        }
        for (int r = rb; r < r1; r++) {
            int xr = xOff + r * cols;
            for (int j = j0; j < j1; j++) t[j * rows + r] = x[xr + j];
        }
    }

    /**
     * {@code c[i, j] += ct[j, i]} over rows {@code [i0, i1)} of {@code c[rows, cols]}: each row of
     * ct is added down a column of c, {@code L} rows at a time (gather, add, scatter); leftover
     * rows one by one.
     */
    private static void addTransposed(float[] ct, int rows, int cols, float[] c, int cOff, int i0, int i1) {
        int rb = i0 + S.loopBound(i1 - i0);
        if (rb > i0) {
            int[] idx = STRIDES.get();
            for (int l = 0; l < L; l++) idx[l] = l * cols;
            for (int j = 0; j < cols; j++) {
                int tj = j * rows;
                for (int i = i0; i < rb; i += L) {
                    int at = cOff + i * cols + j;
                    FloatVector.fromArray(S, c, at, idx, 0).add(FloatVector.fromArray(S, ct, tj + i)).intoArray(c, at, idx, 0);
                }
            }
        }
        for (int i = rb; i < i1; i++) {
            int ci = cOff + i * cols;
            for (int j = 0; j < cols; j++) c[ci + j] += ct[j * rows + i];
        }
    }

    private static final ThreadLocal<int[]> STRIDES = ThreadLocal.withInitial(() -> new int[L]);

    // The path is chosen from the whole product's shape, then run on the part asked for
    // (Kernels.matmulNTColumns and its twins): a part gets the bits of the whole product.

    /** Columns {@code [from, to)} of {@code C[m,n] += A[m,k] · B[n,k]ᵀ}. */
    static void nt(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k, int from, int to) {
        if (k >= 2 * L) {
            if (SimdGemm.worthIt(m, n, k)) SimdGemm.gemm(a, aOff, false, b, bOff, true, c, cOff, m, n, k, 0, m, from, to);
            else ntDot(a, aOff, b, bOff, c, cOff, m, n, k, from, to);
        } else if (n >= 2 * L && m >= 4) {
            // few inputs (k), many outputs: Bᵀ [k,n] costs n·k copies, the product m·n·k FMAs
            float[] bt = scratch(n * k);
            transpose(b, bOff, n, k, bt, from, to, 0, k);
            SimdBroadcast.nn(a, aOff, bt, 0, c, cOff, m, n, k, 0, m, from, to);
        } else {
            SCALAR.matmulNTColumns(a, aOff, b, bOff, c, cOff, m, n, k, from, to);
        }
    }

    /** Columns {@code [from, to)} of {@code C[m,n] += A[m,k] · B[k,n]}. */
    static void nn(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k, int from, int to) {
        if (n >= 2 * L) {
            if (SimdGemm.worthIt(m, n, k)) SimdGemm.gemm(a, aOff, false, b, bOff, false, c, cOff, m, n, k, 0, m, from, to);
            else SimdBroadcast.nn(a, aOff, b, bOff, c, cOff, m, n, k, 0, m, from, to);
        } else if (k >= 2 * L && m >= 4) {
            // narrow output (n), long inner dimension: Bᵀ [n,k], then dot products along k
            float[] bt = scratch(n * k);
            transpose(b, bOff, k, n, bt, 0, k, from, to);
            ntDot(a, aOff, bt, 0, c, cOff, m, n, k, from, to);
        } else {
            SCALAR.matmulNNColumns(a, aOff, b, bOff, c, cOff, m, n, k, from, to);
        }
    }

    /** Rows {@code [from, to)} of {@code C[m,n] += A[k,m]ᵀ · B[k,n]}. */
    static void tn(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k, int from, int to) {
        if (n >= 2 * L) {
            if (SimdGemm.worthIt(m, n, k)) SimdGemm.gemm(a, aOff, true, b, bOff, false, c, cOff, m, n, k, from, to, 0, n);
            else SimdBroadcast.tn(a, aOff, b, bOff, c, cOff, m, n, k, from, to, 0, n);
        } else if (m >= 2 * L && n >= 4) {
            // narrow rows of C (n): Cᵀ [n,m] += Bᵀ · A along the long dimension m, then added back
            float[] ct = scratch(n * m);
            for (int j = 0; j < n; j++) java.util.Arrays.fill(ct, j * m + from, j * m + to, 0f);
            SimdBroadcast.tn(b, bOff, a, aOff, ct, 0, n, m, k, 0, n, from, to);
            addTransposed(ct, m, n, c, cOff, from, to);
        } else {
            SCALAR.matmulTNRows(a, aOff, b, bOff, c, cOff, m, n, k, from, to);
        }
    }

    /**
     * Dot-product form for the batch-sized forward product ({@code A [m,k]} activations,
     * {@code B [n,k]} weights): 4 rows of A x 4 rows of B share each loaded vector (16
     * accumulators, 8 loads per 16 FMAs), one fixed-order lane sum per output; leftover rows and
     * columns in 4x2 / 4x1 / 1x4 tiles and plain dot products.
     */
    private static void ntDot(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k, int j0, int j1) {
        // columns [j0, j1), j0 a multiple of 4: the tiles of the whole product (only the last 1x1
        // outputs, which use dot's two accumulators, depend on where the 4-column tiles end)
        int kb = S.loopBound(k);
        float[] t = SimdSpecies.LANES.get();   // the accumulators' lanes, summed in a fixed order
        int i = 0;
        for (; i + 3 < m; i += 4) {
            int j = j0;
            for (; j + 3 < j1; j += 4) dotTile4x4(a, aOff + i * k, b, bOff + j * k, c, cOff + i * n + j, n, k, kb, t);
            if (j + 1 < j1) { dotTile4x2(a, aOff + i * k, b, bOff + j * k, c, cOff + i * n + j, n, k, kb, t); j += 2; }
            for (; j < j1; j++) dotTile4x1(a, aOff + i * k, b, bOff + j * k, c, cOff + i * n + j, n, k, kb, t);
        }
        for (; i < m; i++) {
            int j = j0;
            for (; j + 3 < j1; j += 4) dotTile1x4(a, aOff + i * k, b, bOff + j * k, c, cOff + i * n + j, n, k, kb, t);
            for (; j < j1; j++) c[cOff + i * n + j] += dot(a, aOff + i * k, b, bOff + j * k, k, t);
        }
    }

    /** 4 rows of A x 4 rows of B: 16 dot products, one reduction each. */
    private static void dotTile4x4(float[] a, int aRow, float[] b, int bRow, float[] c, int cAt, int n, int k, int kb, float[] t) {
        int a0 = aRow;
        int a1 = aRow + k;
        int a2 = aRow + 2 * k;
        int a3 = aRow + 3 * k;
        int b0 = bRow;
        int b1 = bRow + k;
        int b2 = bRow + 2 * k;
        int b3 = bRow + 3 * k;
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S), c32 = FloatVector.zero(S), c33 = FloatVector.zero(S);
        for (int p = 0; p < kb; p += L) {
            FloatVector vb0 = FloatVector.fromArray(S, b, b0 + p);
            FloatVector vb1 = FloatVector.fromArray(S, b, b1 + p);
            FloatVector vb2 = FloatVector.fromArray(S, b, b2 + p);
            FloatVector vb3 = FloatVector.fromArray(S, b, b3 + p);
            FloatVector va0 = FloatVector.fromArray(S, a, a0 + p);
            c00 = fma(va0, vb0, c00); c01 = fma(va0, vb1, c01); c02 = fma(va0, vb2, c02); c03 = fma(va0, vb3, c03);
            FloatVector va1 = FloatVector.fromArray(S, a, a1 + p);
            c10 = fma(va1, vb0, c10); c11 = fma(va1, vb1, c11); c12 = fma(va1, vb2, c12); c13 = fma(va1, vb3, c13);
            FloatVector va2 = FloatVector.fromArray(S, a, a2 + p);
            c20 = fma(va2, vb0, c20); c21 = fma(va2, vb1, c21); c22 = fma(va2, vb2, c22); c23 = fma(va2, vb3, c23);
            FloatVector va3 = FloatVector.fromArray(S, a, a3 + p);
            c30 = fma(va3, vb0, c30); c31 = fma(va3, vb1, c31); c32 = fma(va3, vb2, c32); c33 = fma(va3, vb3, c33);
        }
        c00.intoArray(t, 0 * L);
        c01.intoArray(t, 1 * L);
        c02.intoArray(t, 2 * L);
        c03.intoArray(t, 3 * L);
        c10.intoArray(t, 4 * L);
        c11.intoArray(t, 5 * L);
        c12.intoArray(t, 6 * L);
        c13.intoArray(t, 7 * L);
        c20.intoArray(t, 8 * L);
        c21.intoArray(t, 9 * L);
        c22.intoArray(t, 10 * L);
        c23.intoArray(t, 11 * L);
        c30.intoArray(t, 12 * L);
        c31.intoArray(t, 13 * L);
        c32.intoArray(t, 14 * L);
        c33.intoArray(t, 15 * L);
        c[cAt] += sumLanes(t, 0 * L) + tailDot(a, a0, b, b0, kb, k);
        c[cAt + 1] += sumLanes(t, 1 * L) + tailDot(a, a0, b, b1, kb, k);
        c[cAt + 2] += sumLanes(t, 2 * L) + tailDot(a, a0, b, b2, kb, k);
        c[cAt + 3] += sumLanes(t, 3 * L) + tailDot(a, a0, b, b3, kb, k);
        c[cAt + n] += sumLanes(t, 4 * L) + tailDot(a, a1, b, b0, kb, k);
        c[cAt + n + 1] += sumLanes(t, 5 * L) + tailDot(a, a1, b, b1, kb, k);
        c[cAt + n + 2] += sumLanes(t, 6 * L) + tailDot(a, a1, b, b2, kb, k);
        c[cAt + n + 3] += sumLanes(t, 7 * L) + tailDot(a, a1, b, b3, kb, k);
        c[cAt + 2 * n] += sumLanes(t, 8 * L) + tailDot(a, a2, b, b0, kb, k);
        c[cAt + 2 * n + 1] += sumLanes(t, 9 * L) + tailDot(a, a2, b, b1, kb, k);
        c[cAt + 2 * n + 2] += sumLanes(t, 10 * L) + tailDot(a, a2, b, b2, kb, k);
        c[cAt + 2 * n + 3] += sumLanes(t, 11 * L) + tailDot(a, a2, b, b3, kb, k);
        c[cAt + 3 * n] += sumLanes(t, 12 * L) + tailDot(a, a3, b, b0, kb, k);
        c[cAt + 3 * n + 1] += sumLanes(t, 13 * L) + tailDot(a, a3, b, b1, kb, k);
        c[cAt + 3 * n + 2] += sumLanes(t, 14 * L) + tailDot(a, a3, b, b2, kb, k);
        c[cAt + 3 * n + 3] += sumLanes(t, 15 * L) + tailDot(a, a3, b, b3, kb, k);
    }

    /** 4 rows of A x 2 rows of B: 8 dot products, one reduction each. */
    private static void dotTile4x2(float[] a, int aRow, float[] b, int bRow, float[] c, int cAt, int n, int k, int kb, float[] t) {
        int a0 = aRow;
        int a1 = aRow + k;
        int a2 = aRow + 2 * k;
        int a3 = aRow + 3 * k;
        int b0 = bRow;
        int b1 = bRow + k;
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        for (int p = 0; p < kb; p += L) {
            FloatVector vb0 = FloatVector.fromArray(S, b, b0 + p);
            FloatVector vb1 = FloatVector.fromArray(S, b, b1 + p);
            FloatVector va0 = FloatVector.fromArray(S, a, a0 + p);
            c00 = fma(va0, vb0, c00); c01 = fma(va0, vb1, c01);
            FloatVector va1 = FloatVector.fromArray(S, a, a1 + p);
            c10 = fma(va1, vb0, c10); c11 = fma(va1, vb1, c11);
            FloatVector va2 = FloatVector.fromArray(S, a, a2 + p);
            c20 = fma(va2, vb0, c20); c21 = fma(va2, vb1, c21);
            FloatVector va3 = FloatVector.fromArray(S, a, a3 + p);
            c30 = fma(va3, vb0, c30); c31 = fma(va3, vb1, c31);
        }
        c00.intoArray(t, 0 * L);
        c01.intoArray(t, 1 * L);
        c10.intoArray(t, 2 * L);
        c11.intoArray(t, 3 * L);
        c20.intoArray(t, 4 * L);
        c21.intoArray(t, 5 * L);
        c30.intoArray(t, 6 * L);
        c31.intoArray(t, 7 * L);
        c[cAt] += sumLanes(t, 0 * L) + tailDot(a, a0, b, b0, kb, k);
        c[cAt + 1] += sumLanes(t, 1 * L) + tailDot(a, a0, b, b1, kb, k);
        c[cAt + n] += sumLanes(t, 2 * L) + tailDot(a, a1, b, b0, kb, k);
        c[cAt + n + 1] += sumLanes(t, 3 * L) + tailDot(a, a1, b, b1, kb, k);
        c[cAt + 2 * n] += sumLanes(t, 4 * L) + tailDot(a, a2, b, b0, kb, k);
        c[cAt + 2 * n + 1] += sumLanes(t, 5 * L) + tailDot(a, a2, b, b1, kb, k);
        c[cAt + 3 * n] += sumLanes(t, 6 * L) + tailDot(a, a3, b, b0, kb, k);
        c[cAt + 3 * n + 1] += sumLanes(t, 7 * L) + tailDot(a, a3, b, b1, kb, k);
    }

    /** 4 rows of A x 1 rows of B: 4 dot products, one reduction each. */
    private static void dotTile4x1(float[] a, int aRow, float[] b, int bRow, float[] c, int cAt, int n, int k, int kb, float[] t) {
        int a0 = aRow;
        int a1 = aRow + k;
        int a2 = aRow + 2 * k;
        int a3 = aRow + 3 * k;
        int b0 = bRow;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        for (int p = 0; p < kb; p += L) {
            FloatVector vb0 = FloatVector.fromArray(S, b, b0 + p);
            FloatVector va0 = FloatVector.fromArray(S, a, a0 + p);
            c00 = fma(va0, vb0, c00);
            FloatVector va1 = FloatVector.fromArray(S, a, a1 + p);
            c10 = fma(va1, vb0, c10);
            FloatVector va2 = FloatVector.fromArray(S, a, a2 + p);
            c20 = fma(va2, vb0, c20);
            FloatVector va3 = FloatVector.fromArray(S, a, a3 + p);
            c30 = fma(va3, vb0, c30);
        }
        c00.intoArray(t, 0 * L);
        c10.intoArray(t, 1 * L);
        c20.intoArray(t, 2 * L);
        c30.intoArray(t, 3 * L);
        c[cAt] += sumLanes(t, 0 * L) + tailDot(a, a0, b, b0, kb, k);
        c[cAt + n] += sumLanes(t, 1 * L) + tailDot(a, a1, b, b0, kb, k);
        c[cAt + 2 * n] += sumLanes(t, 2 * L) + tailDot(a, a2, b, b0, kb, k);
        c[cAt + 3 * n] += sumLanes(t, 3 * L) + tailDot(a, a3, b, b0, kb, k);
    }

    /** 1 rows of A x 4 rows of B: 4 dot products, one reduction each. */
    private static void dotTile1x4(float[] a, int aRow, float[] b, int bRow, float[] c, int cAt, int n, int k, int kb, float[] t) {
        int a0 = aRow;
        int b0 = bRow;
        int b1 = bRow + k;
        int b2 = bRow + 2 * k;
        int b3 = bRow + 3 * k;
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        for (int p = 0; p < kb; p += L) {
            FloatVector vb0 = FloatVector.fromArray(S, b, b0 + p);
            FloatVector vb1 = FloatVector.fromArray(S, b, b1 + p);
            FloatVector vb2 = FloatVector.fromArray(S, b, b2 + p);
            FloatVector vb3 = FloatVector.fromArray(S, b, b3 + p);
            FloatVector va0 = FloatVector.fromArray(S, a, a0 + p);
            c00 = fma(va0, vb0, c00); c01 = fma(va0, vb1, c01); c02 = fma(va0, vb2, c02); c03 = fma(va0, vb3, c03);
        }
        c00.intoArray(t, 0 * L);
        c01.intoArray(t, 1 * L);
        c02.intoArray(t, 2 * L);
        c03.intoArray(t, 3 * L);
        c[cAt] += sumLanes(t, 0 * L) + tailDot(a, a0, b, b0, kb, k);
        c[cAt + 1] += sumLanes(t, 1 * L) + tailDot(a, a0, b, b1, kb, k);
        c[cAt + 2] += sumLanes(t, 2 * L) + tailDot(a, a0, b, b2, kb, k);
        c[cAt + 3] += sumLanes(t, 3 * L) + tailDot(a, a0, b, b3, kb, k);
    }

    private static float tailDot(float[] x, int xOff, float[] y, int yOff, int from, int to) {
        float s = 0;
        for (int p = from; p < to; p++) s += x[xOff + p] * y[yOff + p];
        return s;
    }

    /** Dot product, two vector accumulators, one lane sum at the end. */
    private static float dot(float[] x, int xOff, float[] y, int yOff, int n, float[] t) {
        int nb = S.loopBound(n);
        FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S);
        int p = 0;
        for (; p + L < nb; p += 2 * L) {
            s0 = fma(FloatVector.fromArray(S, x, xOff + p), FloatVector.fromArray(S, y, yOff + p), s0);
            s1 = fma(FloatVector.fromArray(S, x, xOff + p + L), FloatVector.fromArray(S, y, yOff + p + L), s1);
        }
        for (; p < nb; p += L) {
            s0 = fma(FloatVector.fromArray(S, x, xOff + p), FloatVector.fromArray(S, y, yOff + p), s0);
        }
        s0.add(s1).intoArray(t, 0);
        return sumLanes(t, 0) + tailDot(x, xOff, y, yOff, nb, n);
    }
}
