package canto.engine.kernels;

import static canto.engine.kernels.SimdSpecies.fma;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Cache-blocked, packed matrix product for large operands ({@code C[m,n] += op(A) · op(B)}),
 * the layout of the classic Goto/BLIS design, on the Vector API. A helper of
 * {@link SimdKernels}, loaded only with it.
 *
 * <pre>
 * for p0 in k by KC:                      B block [KC, n] packed into NR-wide panels  (L2/L3)
 *   for i0 in m by MC:                    A block [MC, KC] packed into MR-tall panels (L2)
 *     for each B panel [KC, NR]:          stays in L1 while ...
 *       for each A panel [KC, MR]:        ... every A panel streams past it
 *         MR x NR tile of C += A panel · B panel   (MR·NR/L accumulators in registers)
 * </pre>
 * Packing turns all three layouts (NT, NN, TN) into the same micro-kernel and pads the edges
 * with zeros; edge tiles go through a copy in a scratch tile so no store leaves C. The packing buffers
 * are per thread, made on a thread's first call and grown only for a larger shape (as are SimdMatmul's
 * transpose scratch and the lane-sum arrays).
 *
 * <p>Each element of C receives its k products in the same order (p ascending within
 * KC-blocks, one rounding per block, then one add to C), independent of m and n and of the
 * block of C computed ({@link #gemm} takes one, so threads can share a product).
 */
final class SimdGemm {
    private static final VectorSpecies<Float> S = SimdSpecies.S;
    private static final int L = S.length();
    /** Micro-tile: MR rows x NR columns of C in registers. */
    static final int MR = 8;
    static final int NR = 2 * L;
    /** Block sizes: KC deep, MC rows of A per packed block. */
    static final int KC = 256;
    static final int MC = 128;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Packing buffers of one thread. */
    private static final class Scratch {
        float[] a = new float[MC * KC];
        float[] b = new float[0];
        final float[] tile = new float[MR * NR];

        float[] b(int size) {
            if (b.length < size) b = new float[size];
            return b;
        }
    }

    private SimdGemm() {}

    /** True when the packed path pays: every dimension big enough to amortise packing. */
    static boolean worthIt(int m, int n, int k) {
        return m >= 32 && n >= 32 && k >= 32 && (long) m * n * k >= (1L << 18);
    }

    /**
     * The block {@code [i0, i1) x [j0, j1)} of {@code C[m,n] += op(A) · op(B)}, with A stored
     * {@code [m,k]} (or {@code [k,m]} when {@code aT}) and B stored {@code [k,n]} (or
     * {@code [n,k]} when {@code bT}). Any block gives its elements the bits of the whole product.
     */
    static void gemm(float[] a, int aOff, boolean aT, float[] b, int bOff, boolean bT,
                     float[] c, int cOff, int m, int n, int k, int i0, int i1, int j0, int j1) {
        Scratch s = SCRATCH.get();
        int nPanels = (j1 - j0 + NR - 1) / NR;
        float[] bp = s.b(nPanels * NR * KC);
        float[] ap = s.a;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            packB(b, bOff, bT, bp, p0, kc, n, k, j0, j1);
            for (int ib = i0; ib < i1; ib += MC) {
                int mc = Math.min(MC, i1 - ib);
                packA(a, aOff, aT, ap, ib, mc, p0, kc, m, k);
                for (int jp = 0; jp < nPanels; jp++) {
                    int jc = j0 + jp * NR;
                    int nr = Math.min(NR, j1 - jc);
                    int bBase = jp * NR * kc;
                    for (int ir = 0; ir < mc; ir += MR) {
                        int mr = Math.min(MR, mc - ir);
                        int aBase = ir * kc;
                        if (mr == MR && nr == NR) {
                            kernel(ap, aBase, bp, bBase, kc, c, cOff + (ib + ir) * n + jc, n);
                        } else {
                            // the edge tile through a copy of C, so its elements get c + acc as in a full tile
                            float[] t = s.tile;
                            java.util.Arrays.fill(t, 0f);
                            for (int r = 0; r < mr; r++) System.arraycopy(c, cOff + (ib + ir + r) * n + jc, t, r * NR, nr);
                            kernel(ap, aBase, bp, bBase, kc, t, 0, NR);
                            for (int r = 0; r < mr; r++) System.arraycopy(t, r * NR, c, cOff + (ib + ir + r) * n + jc, nr);
                        }
                    }
                }
            }
        }
    }

    /** Packs {@code op(B)[p0 .. p0+kc, j0 .. j1)} into panels {@code [(j1-j0)/NR][kc][NR]}, zero-padded. */
    private static void packB(float[] b, int bOff, boolean bT, float[] bp, int p0, int kc, int n, int k, int j0, int j1) {
        int nPanels = (j1 - j0 + NR - 1) / NR;
        for (int jp = 0; jp < nPanels; jp++) {
            int jc = j0 + jp * NR, nr = Math.min(NR, j1 - jc), base = jp * NR * kc;
            if (!bT) {
                for (int p = 0; p < kc; p++) {
                    int dst = base + p * NR;
                    System.arraycopy(b, bOff + (p0 + p) * n + jc, bp, dst, nr);
                    for (int j = nr; j < NR; j++) bp[dst + j] = 0f;
                }
            } else {
                for (int j = 0; j < nr; j++) {
                    int src = bOff + (jc + j) * k + p0;
                    for (int p = 0; p < kc; p++) bp[base + p * NR + j] = b[src + p];
                }
                for (int j = nr; j < NR; j++) {
                    for (int p = 0; p < kc; p++) bp[base + p * NR + j] = 0f;
                }
            }
        }
    }

    /** Packs {@code op(A)[i0 .. i0+mc, p0 .. p0+kc)} into panels {@code [mc/MR][kc][MR]}, zero-padded. */
    private static void packA(float[] a, int aOff, boolean aT, float[] ap, int i0, int mc, int p0, int kc, int m, int k) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir), base = ir * kc;
            if (!aT) {
                for (int r = 0; r < mr; r++) {
                    int src = aOff + (i0 + ir + r) * k + p0;
                    for (int p = 0; p < kc; p++) ap[base + p * MR + r] = a[src + p];
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(a, aOff + (p0 + p) * m + i0 + ir, ap, base + p * MR, mr);
                }
            }
            for (int r = mr; r < MR; r++) {
                for (int p = 0; p < kc; p++) ap[base + p * MR + r] = 0f;
            }
        }
    }

    /**
     * {@code C[8, NR] += Apanel[kc][8] · Bpanel[kc][NR]}, C rows {@code ldc} apart: 16 accumulators
     * in registers, per step 2 loads and 8 broadcasts feed 16 FMAs. Written out by hand with a
     * name per register and no helper taking vectors: either would make C2 box the accumulators.
     */
    private static void kernel(float[] ap, int aBase, float[] bp, int bBase, int kc, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bi = bBase + p * NR, ai = aBase + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector a0 = FloatVector.broadcast(S, ap[ai + 0]);
            c00 = fma(a0, b0, c00); c01 = fma(a0, b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = fma(a1, b0, c10); c11 = fma(a1, b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = fma(a2, b0, c20); c21 = fma(a2, b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = fma(a3, b0, c30); c31 = fma(a3, b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = fma(a4, b0, c40); c41 = fma(a4, b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = fma(a5, b0, c50); c51 = fma(a5, b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, ap[ai + 6]);
            c60 = fma(a6, b0, c60); c61 = fma(a6, b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, ap[ai + 7]);
            c70 = fma(a7, b0, c70); c71 = fma(a7, b1, c71);
        }
        int o0 = cOff;
        FloatVector.fromArray(S, c, o0).add(c00).intoArray(c, o0);
        FloatVector.fromArray(S, c, o0 + L).add(c01).intoArray(c, o0 + L);
        int o1 = cOff + 1 * ldc;
        FloatVector.fromArray(S, c, o1).add(c10).intoArray(c, o1);
        FloatVector.fromArray(S, c, o1 + L).add(c11).intoArray(c, o1 + L);
        int o2 = cOff + 2 * ldc;
        FloatVector.fromArray(S, c, o2).add(c20).intoArray(c, o2);
        FloatVector.fromArray(S, c, o2 + L).add(c21).intoArray(c, o2 + L);
        int o3 = cOff + 3 * ldc;
        FloatVector.fromArray(S, c, o3).add(c30).intoArray(c, o3);
        FloatVector.fromArray(S, c, o3 + L).add(c31).intoArray(c, o3 + L);
        int o4 = cOff + 4 * ldc;
        FloatVector.fromArray(S, c, o4).add(c40).intoArray(c, o4);
        FloatVector.fromArray(S, c, o4 + L).add(c41).intoArray(c, o4 + L);
        int o5 = cOff + 5 * ldc;
        FloatVector.fromArray(S, c, o5).add(c50).intoArray(c, o5);
        FloatVector.fromArray(S, c, o5 + L).add(c51).intoArray(c, o5 + L);
        int o6 = cOff + 6 * ldc;
        FloatVector.fromArray(S, c, o6).add(c60).intoArray(c, o6);
        FloatVector.fromArray(S, c, o6 + L).add(c61).intoArray(c, o6 + L);
        int o7 = cOff + 7 * ldc;
        FloatVector.fromArray(S, c, o7).add(c70).intoArray(c, o7);
        FloatVector.fromArray(S, c, o7 + L).add(c71).intoArray(c, o7 + L);
    }

}
