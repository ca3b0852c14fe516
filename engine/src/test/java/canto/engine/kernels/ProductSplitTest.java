package canto.engine.kernels;

import static org.junit.jupiter.api.Assertions.fail;

import canto.engine.util.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A product computed in parts ({@code matmulNTColumns}, {@code matmulNNColumns},
 * {@code matmulTNRows} on disjoint ranges, in any order) gives the whole product's bits, in
 * both implementations, on every code path of the SIMD products (the shapes of
 * {@link SimdProductPathsTest} in all three roles, and more): what lets {@code Linear} split a
 * product across threads without changing a result. Compared as raw bits, so a -0 for a +0
 * fails too; A has exact zeros (the scalar loops skip them) and C starts non-zero.
 */
class ProductSplitTest {
    /** (m, n, k). */
    private static final int[][] SHAPES = {
            {16, 512, 22}, {8, 512, 14}, {5, 47, 22}, {16, 33, 17},
            {16, 22, 512}, {7, 14, 300}, {13, 9, 33},
            {512, 22, 16}, {33, 14, 8}, {47, 5, 3},
            {16, 256, 512}, {9, 7, 400}, {6, 130, 64}, {3, 5, 77},
            {16, 512, 256}, {15, 49, 128}, {8, 31, 7},
            {65, 97, 300}, {130, 33, 257}, {200, 64, 64}, {64, 200, 520},
            {16, 128, 512}, {16, 64, 256}, {16, 7, 300}, {1, 250, 40}, {37, 161, 45},
    };

    private interface Whole {
        void run(Kernels kn, float[] a, float[] b, float[] c, int m, int n, int k);
    }

    private interface Part {
        void run(Kernels kn, float[] a, float[] b, float[] c, int m, int n, int k, int from, int to);
    }

    private static final int A_OFF = 7, B_OFF = 3, C_OFF = 5;

    @Test
    void scalarPartsGiveTheWholeProduct() { checkAll(Kernels.scalar()); }

    @Test
    void simdPartsGiveTheWholeProduct() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "run with --add-modules jdk.incubator.vector");
        checkAll(new SimdKernels());
    }

    private static void checkAll(Kernels kn) {
        check(kn, "NT",
                (x, a, b, c, m, n, k) -> x.matmulNT(a, A_OFF, b, B_OFF, c, C_OFF, m, n, k),
                (x, a, b, c, m, n, k, f, t) -> x.matmulNTColumns(a, A_OFF, b, B_OFF, c, C_OFF, m, n, k, f, t), false);
        check(kn, "NN",
                (x, a, b, c, m, n, k) -> x.matmulNN(a, A_OFF, b, B_OFF, c, C_OFF, m, n, k),
                (x, a, b, c, m, n, k, f, t) -> x.matmulNNColumns(a, A_OFF, b, B_OFF, c, C_OFF, m, n, k, f, t), false);
        check(kn, "TN",
                (x, a, b, c, m, n, k) -> x.matmulTN(a, A_OFF, b, B_OFF, c, C_OFF, m, n, k),
                (x, a, b, c, m, n, k, f, t) -> x.matmulTNRows(a, A_OFF, b, B_OFF, c, C_OFF, m, n, k, f, t), true);
    }

    private static void check(Kernels kn, String what, Whole whole, Part part, boolean splitsRows) {
        Rng rng = new Rng(11);
        for (int[] s : SHAPES) {
            for (int rot = 0; rot < 3; rot++) {
                int m = s[rot % 3], n = s[(rot + 1) % 3], k = s[(rot + 2) % 3];
                int dim = splitsRows ? m : n;
                float[] a = random(rng, A_OFF + m * k), b = random(rng, B_OFF + n * k), c0 = random(rng, C_OFF + m * n + 4);
                float[] expected = c0.clone();
                whole.run(kn, a, b, expected, m, n, k);
                for (int trial = 0; trial < 4; trial++) {
                    List<int[]> parts = partition(rng, dim, trial);
                    float[] got = c0.clone();
                    for (int[] p : parts) part.run(kn, a, b, got, m, n, k, p[0], p[1]);
                    for (int i = 0; i < got.length; i++) {
                        if (Float.floatToRawIntBits(got[i]) != Float.floatToRawIntBits(expected[i])) {
                            fail(kn.name() + " " + what + " m=" + m + " n=" + n + " k=" + k + " in parts " + describe(parts)
                                    + ": element " + (i - C_OFF) + " is " + got[i] + ", the whole product gives " + expected[i]);
                        }
                    }
                }
            }
        }
    }

    /**
     * Parts of {@code [0, dim)} with bounds on multiples of {@link Kernels#SPLIT_ALIGN}: trial 0
     * every multiple, trial 1 one cut in the middle, others random cuts; shuffled order.
     */
    private static List<int[]> partition(Rng rng, int dim, int trial) {
        int align = Kernels.SPLIT_ALIGN;
        List<Integer> cuts = new ArrayList<>();
        for (int x = align; x < dim; x += align) {
            if (trial == 0 || (trial == 1 && x == (dim / 2) / align * align) || (trial > 1 && rng.nextInt(5) < 2)) cuts.add(x);
        }
        List<int[]> parts = new ArrayList<>();
        int from = 0;
        for (int x : cuts) {
            parts.add(new int[] {from, x});
            from = x;
        }
        parts.add(new int[] {from, dim});
        for (int i = parts.size() - 1; i > 0; i--) { // shuffled: the order must not matter
            int j = rng.nextInt(i + 1);
            int[] t = parts.get(i);
            parts.set(i, parts.get(j));
            parts.set(j, t);
        }
        return parts;
    }

    private static String describe(List<int[]> parts) {
        StringBuilder sb = new StringBuilder();
        for (int[] p : parts) sb.append('[').append(p[0]).append(',').append(p[1]).append(')');
        return sb.toString();
    }

    /** Uniform in ±1 with one value in 5 an exact zero (of either sign). */
    private static float[] random(Rng rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            float u = rng.uniform(-1, 1);
            x[i] = i % 5 == 0 ? (u < 0 ? -0f : 0f) : u;
        }
        return x;
    }
}
