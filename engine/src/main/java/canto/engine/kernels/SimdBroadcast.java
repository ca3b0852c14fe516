package canto.engine.kernels;

import static canto.engine.kernels.SimdSpecies.fma;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Broadcast-form products for the gradients of a batch ({@code C[m,n] += A · B[k,n]}, A
 * stored {@code [m,k]} for {@link #nn} or {@code [k,m]} for {@link #tn}): C is covered by
 * tiles of 8 rows x 2 vectors held in 16 registers over the whole k loop; each step loads 2
 * vectors of a B row and broadcasts 8 elements of A into 16 FMAs. No reductions, no packing
 * (k is a batch of 8-16 for the weight gradient, the layer width for the input gradient).
 * Leftover columns go to an 8 x 1-vector tile and a scalar loop, leftover rows to axpy rows.
 * A helper of {@link SimdKernels} (through {@link SimdMatmul}), loaded only with it.
 */
final class SimdBroadcast {
    private static final VectorSpecies<Float> S = SimdSpecies.S;
    private static final int L = S.length();

    private SimdBroadcast() {}

    /**
     * The block {@code [i0, i1) x [j0, j1)} of {@code C[m,n] += A[m,k] · B[k,n]}; {@code j0} and
     * {@code j1} multiples of {@code L} (or {@code j1 == n}). Each element gets the operations of
     * the whole product: one FMA per step of k in the vectors below {@code loopBound(n)}, a multiply
     * and an add beyond, whatever block it is computed in.
     */
    static void nn(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k,
                   int i0, int i1, int j0, int j1) {
        int n1 = S.loopBound(n);
        int v1 = Math.max(j0, Math.min(j1, n1));                   // vector columns [j0, v1)
        int v2 = v1 - (v1 - j0) % (2 * L);                         // in pairs up to v2
        int t0 = Math.max(j0, n1);                                 // scalar columns [t0, j1)
        int i = i0;
        for (; i + 7 < i1; i += 8) {
            int j = j0;
            for (; j < v2; j += 2 * L) nnTile8x2(a, aOff + i * k, b, bOff + j, c, cOff + i * n + j, m, n, k);
            for (; j < v1; j += L) nnTile8x1(a, aOff + i * k, b, bOff + j, c, cOff + i * n + j, m, n, k);
            for (int r = i; r < i + 8 && t0 < j1; r++) {
                for (int p = 0; p < k; p++) scalarRow(a[aOff + r * k + p], b, bOff + p * n, c, cOff + r * n, t0, j1);
            }
        }
        for (; i < i1; i++) {
            for (int p = 0; p < k; p++) axpyRow(a[aOff + i * k + p], b, bOff + p * n, c, cOff + i * n, j0, v1, t0, j1);
        }
    }

    /**
     * The block {@code [i0, i1) x [j0, j1)} of {@code C[m,n] += A[k,m]ᵀ · B[k,n]}, on the terms of
     * {@link #nn}.
     */
    static void tn(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k,
                   int i0, int i1, int j0, int j1) {
        int n1 = S.loopBound(n);
        int v1 = Math.max(j0, Math.min(j1, n1)), v2 = v1 - (v1 - j0) % (2 * L);
        int t0 = Math.max(j0, n1);
        int i = i0;
        for (; i + 7 < i1; i += 8) {
            int j = j0;
            for (; j < v2; j += 2 * L) tnTile8x2(a, aOff + i, b, bOff + j, c, cOff + i * n + j, m, n, k);
            for (; j < v1; j += L) tnTile8x1(a, aOff + i, b, bOff + j, c, cOff + i * n + j, m, n, k);
            for (int r = i; r < i + 8 && t0 < j1; r++) {
                for (int p = 0; p < k; p++) scalarRow(a[aOff + p * m + r], b, bOff + p * n, c, cOff + r * n, t0, j1);
            }
        }
        for (; i < i1; i++) {
            for (int p = 0; p < k; p++) axpyRow(a[aOff + p * m + i], b, bOff + p * n, c, cOff + i * n, j0, v1, t0, j1);
        }
    }

    /** {@code c[cRow + j] += alpha · b[bRow + j]}: vectors on [j0, v1), then scalar on [t0, j1). */
    private static void axpyRow(float alpha, float[] b, int bRow, float[] c, int cRow, int j0, int v1, int t0, int j1) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        for (int j = j0; j < v1; j += L) {
            fma(FloatVector.fromArray(S, b, bRow + j), va, FloatVector.fromArray(S, c, cRow + j)).intoArray(c, cRow + j);
        }
        scalarRow(alpha, b, bRow, c, cRow, t0, j1);
    }

    private static void scalarRow(float alpha, float[] b, int bRow, float[] c, int cRow, int from, int to) {
        for (int j = from; j < to; j++) c[cRow + j] += alpha * b[bRow + j];
    }

    /** C[8 rows, 2 vectors] += A · B over all k, A stored A[m,k], B [k,n]. */
    private static void nnTile8x2(float[] a, int aAt, float[] b, int bAt, float[] c, int cAt, int m, int n, int k) {
        int o0 = cAt;
        int o1 = cAt + n;
        int o2 = cAt + 2 * n;
        int o3 = cAt + 3 * n;
        int o4 = cAt + 4 * n;
        int o5 = cAt + 5 * n;
        int o6 = cAt + 6 * n;
        int o7 = cAt + 7 * n;
        FloatVector c00 = FloatVector.fromArray(S, c, o0), c01 = FloatVector.fromArray(S, c, o0 + L);
        FloatVector c10 = FloatVector.fromArray(S, c, o1), c11 = FloatVector.fromArray(S, c, o1 + L);
        FloatVector c20 = FloatVector.fromArray(S, c, o2), c21 = FloatVector.fromArray(S, c, o2 + L);
        FloatVector c30 = FloatVector.fromArray(S, c, o3), c31 = FloatVector.fromArray(S, c, o3 + L);
        FloatVector c40 = FloatVector.fromArray(S, c, o4), c41 = FloatVector.fromArray(S, c, o4 + L);
        FloatVector c50 = FloatVector.fromArray(S, c, o5), c51 = FloatVector.fromArray(S, c, o5 + L);
        FloatVector c60 = FloatVector.fromArray(S, c, o6), c61 = FloatVector.fromArray(S, c, o6 + L);
        FloatVector c70 = FloatVector.fromArray(S, c, o7), c71 = FloatVector.fromArray(S, c, o7 + L);
        for (int p = 0; p < k; p++) {
            int bp = bAt + p * n;
            FloatVector vb0 = FloatVector.fromArray(S, b, bp);
            FloatVector vb1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector va0 = FloatVector.broadcast(S, a[aAt + p]);
            c00 = fma(va0, vb0, c00); c01 = fma(va0, vb1, c01);
            FloatVector va1 = FloatVector.broadcast(S, a[aAt + k + p]);
            c10 = fma(va1, vb0, c10); c11 = fma(va1, vb1, c11);
            FloatVector va2 = FloatVector.broadcast(S, a[aAt + 2 * k + p]);
            c20 = fma(va2, vb0, c20); c21 = fma(va2, vb1, c21);
            FloatVector va3 = FloatVector.broadcast(S, a[aAt + 3 * k + p]);
            c30 = fma(va3, vb0, c30); c31 = fma(va3, vb1, c31);
            FloatVector va4 = FloatVector.broadcast(S, a[aAt + 4 * k + p]);
            c40 = fma(va4, vb0, c40); c41 = fma(va4, vb1, c41);
            FloatVector va5 = FloatVector.broadcast(S, a[aAt + 5 * k + p]);
            c50 = fma(va5, vb0, c50); c51 = fma(va5, vb1, c51);
            FloatVector va6 = FloatVector.broadcast(S, a[aAt + 6 * k + p]);
            c60 = fma(va6, vb0, c60); c61 = fma(va6, vb1, c61);
            FloatVector va7 = FloatVector.broadcast(S, a[aAt + 7 * k + p]);
            c70 = fma(va7, vb0, c70); c71 = fma(va7, vb1, c71);
        }
        c00.intoArray(c, o0);
        c01.intoArray(c, o0 + L);
        c10.intoArray(c, o1);
        c11.intoArray(c, o1 + L);
        c20.intoArray(c, o2);
        c21.intoArray(c, o2 + L);
        c30.intoArray(c, o3);
        c31.intoArray(c, o3 + L);
        c40.intoArray(c, o4);
        c41.intoArray(c, o4 + L);
        c50.intoArray(c, o5);
        c51.intoArray(c, o5 + L);
        c60.intoArray(c, o6);
        c61.intoArray(c, o6 + L);
        c70.intoArray(c, o7);
        c71.intoArray(c, o7 + L);
    }

    /** C[8 rows, 1 vectors] += A · B over all k, A stored A[m,k], B [k,n]. */
    private static void nnTile8x1(float[] a, int aAt, float[] b, int bAt, float[] c, int cAt, int m, int n, int k) {
        int o0 = cAt;
        int o1 = cAt + n;
        int o2 = cAt + 2 * n;
        int o3 = cAt + 3 * n;
        int o4 = cAt + 4 * n;
        int o5 = cAt + 5 * n;
        int o6 = cAt + 6 * n;
        int o7 = cAt + 7 * n;
        FloatVector c00 = FloatVector.fromArray(S, c, o0);
        FloatVector c10 = FloatVector.fromArray(S, c, o1);
        FloatVector c20 = FloatVector.fromArray(S, c, o2);
        FloatVector c30 = FloatVector.fromArray(S, c, o3);
        FloatVector c40 = FloatVector.fromArray(S, c, o4);
        FloatVector c50 = FloatVector.fromArray(S, c, o5);
        FloatVector c60 = FloatVector.fromArray(S, c, o6);
        FloatVector c70 = FloatVector.fromArray(S, c, o7);
        for (int p = 0; p < k; p++) {
            int bp = bAt + p * n;
            FloatVector vb0 = FloatVector.fromArray(S, b, bp);
            FloatVector va0 = FloatVector.broadcast(S, a[aAt + p]);
            c00 = fma(va0, vb0, c00);
            FloatVector va1 = FloatVector.broadcast(S, a[aAt + k + p]);
            c10 = fma(va1, vb0, c10);
            FloatVector va2 = FloatVector.broadcast(S, a[aAt + 2 * k + p]);
            c20 = fma(va2, vb0, c20);
            FloatVector va3 = FloatVector.broadcast(S, a[aAt + 3 * k + p]);
            c30 = fma(va3, vb0, c30);
            FloatVector va4 = FloatVector.broadcast(S, a[aAt + 4 * k + p]);
            c40 = fma(va4, vb0, c40);
            FloatVector va5 = FloatVector.broadcast(S, a[aAt + 5 * k + p]);
            c50 = fma(va5, vb0, c50);
            FloatVector va6 = FloatVector.broadcast(S, a[aAt + 6 * k + p]);
            c60 = fma(va6, vb0, c60);
            FloatVector va7 = FloatVector.broadcast(S, a[aAt + 7 * k + p]);
            c70 = fma(va7, vb0, c70);
        }
        c00.intoArray(c, o0);
        c10.intoArray(c, o1);
        c20.intoArray(c, o2);
        c30.intoArray(c, o3);
        c40.intoArray(c, o4);
        c50.intoArray(c, o5);
        c60.intoArray(c, o6);
        c70.intoArray(c, o7);
    }

    /** C[8 rows, 2 vectors] += A · B over all k, A stored A[k,m] (row p holds A(., p) for every i), B [k,n]. */
    private static void tnTile8x2(float[] a, int aAt, float[] b, int bAt, float[] c, int cAt, int m, int n, int k) {
        int o0 = cAt;
        int o1 = cAt + n;
        int o2 = cAt + 2 * n;
        int o3 = cAt + 3 * n;
        int o4 = cAt + 4 * n;
        int o5 = cAt + 5 * n;
        int o6 = cAt + 6 * n;
        int o7 = cAt + 7 * n;
        FloatVector c00 = FloatVector.fromArray(S, c, o0), c01 = FloatVector.fromArray(S, c, o0 + L);
        FloatVector c10 = FloatVector.fromArray(S, c, o1), c11 = FloatVector.fromArray(S, c, o1 + L);
        FloatVector c20 = FloatVector.fromArray(S, c, o2), c21 = FloatVector.fromArray(S, c, o2 + L);
        FloatVector c30 = FloatVector.fromArray(S, c, o3), c31 = FloatVector.fromArray(S, c, o3 + L);
        FloatVector c40 = FloatVector.fromArray(S, c, o4), c41 = FloatVector.fromArray(S, c, o4 + L);
        FloatVector c50 = FloatVector.fromArray(S, c, o5), c51 = FloatVector.fromArray(S, c, o5 + L);
        FloatVector c60 = FloatVector.fromArray(S, c, o6), c61 = FloatVector.fromArray(S, c, o6 + L);
        FloatVector c70 = FloatVector.fromArray(S, c, o7), c71 = FloatVector.fromArray(S, c, o7 + L);
        for (int p = 0; p < k; p++) {
            int bp = bAt + p * n;
            FloatVector vb0 = FloatVector.fromArray(S, b, bp);
            FloatVector vb1 = FloatVector.fromArray(S, b, bp + L);
            int ap = aAt + p * m;
            FloatVector va0 = FloatVector.broadcast(S, a[ap]);
            c00 = fma(va0, vb0, c00); c01 = fma(va0, vb1, c01);
            FloatVector va1 = FloatVector.broadcast(S, a[ap + 1]);
            c10 = fma(va1, vb0, c10); c11 = fma(va1, vb1, c11);
            FloatVector va2 = FloatVector.broadcast(S, a[ap + 2]);
            c20 = fma(va2, vb0, c20); c21 = fma(va2, vb1, c21);
            FloatVector va3 = FloatVector.broadcast(S, a[ap + 3]);
            c30 = fma(va3, vb0, c30); c31 = fma(va3, vb1, c31);
            FloatVector va4 = FloatVector.broadcast(S, a[ap + 4]);
            c40 = fma(va4, vb0, c40); c41 = fma(va4, vb1, c41);
            FloatVector va5 = FloatVector.broadcast(S, a[ap + 5]);
            c50 = fma(va5, vb0, c50); c51 = fma(va5, vb1, c51);
            FloatVector va6 = FloatVector.broadcast(S, a[ap + 6]);
            c60 = fma(va6, vb0, c60); c61 = fma(va6, vb1, c61);
            FloatVector va7 = FloatVector.broadcast(S, a[ap + 7]);
            c70 = fma(va7, vb0, c70); c71 = fma(va7, vb1, c71);
        }
        c00.intoArray(c, o0);
        c01.intoArray(c, o0 + L);
        c10.intoArray(c, o1);
        c11.intoArray(c, o1 + L);
        c20.intoArray(c, o2);
        c21.intoArray(c, o2 + L);
        c30.intoArray(c, o3);
        c31.intoArray(c, o3 + L);
        c40.intoArray(c, o4);
        c41.intoArray(c, o4 + L);
        c50.intoArray(c, o5);
        c51.intoArray(c, o5 + L);
        c60.intoArray(c, o6);
        c61.intoArray(c, o6 + L);
        c70.intoArray(c, o7);
        c71.intoArray(c, o7 + L);
    }

    /** C[8 rows, 1 vectors] += A · B over all k, A stored A[k,m] (row p holds A(., p) for every i), B [k,n]. */
    private static void tnTile8x1(float[] a, int aAt, float[] b, int bAt, float[] c, int cAt, int m, int n, int k) {
        int o0 = cAt;
        int o1 = cAt + n;
        int o2 = cAt + 2 * n;
        int o3 = cAt + 3 * n;
        int o4 = cAt + 4 * n;
        int o5 = cAt + 5 * n;
        int o6 = cAt + 6 * n;
        int o7 = cAt + 7 * n;
        FloatVector c00 = FloatVector.fromArray(S, c, o0);
        FloatVector c10 = FloatVector.fromArray(S, c, o1);
        FloatVector c20 = FloatVector.fromArray(S, c, o2);
        FloatVector c30 = FloatVector.fromArray(S, c, o3);
        FloatVector c40 = FloatVector.fromArray(S, c, o4);
        FloatVector c50 = FloatVector.fromArray(S, c, o5);
        FloatVector c60 = FloatVector.fromArray(S, c, o6);
        FloatVector c70 = FloatVector.fromArray(S, c, o7);
        for (int p = 0; p < k; p++) {
            int bp = bAt + p * n;
            FloatVector vb0 = FloatVector.fromArray(S, b, bp);
            int ap = aAt + p * m;
            FloatVector va0 = FloatVector.broadcast(S, a[ap]);
            c00 = fma(va0, vb0, c00);
            FloatVector va1 = FloatVector.broadcast(S, a[ap + 1]);
            c10 = fma(va1, vb0, c10);
            FloatVector va2 = FloatVector.broadcast(S, a[ap + 2]);
            c20 = fma(va2, vb0, c20);
            FloatVector va3 = FloatVector.broadcast(S, a[ap + 3]);
            c30 = fma(va3, vb0, c30);
            FloatVector va4 = FloatVector.broadcast(S, a[ap + 4]);
            c40 = fma(va4, vb0, c40);
            FloatVector va5 = FloatVector.broadcast(S, a[ap + 5]);
            c50 = fma(va5, vb0, c50);
            FloatVector va6 = FloatVector.broadcast(S, a[ap + 6]);
            c60 = fma(va6, vb0, c60);
            FloatVector va7 = FloatVector.broadcast(S, a[ap + 7]);
            c70 = fma(va7, vb0, c70);
        }
        c00.intoArray(c, o0);
        c10.intoArray(c, o1);
        c20.intoArray(c, o2);
        c30.intoArray(c, o3);
        c40.intoArray(c, o4);
        c50.intoArray(c, o5);
        c60.intoArray(c, o6);
        c70.intoArray(c, o7);
    }
}
