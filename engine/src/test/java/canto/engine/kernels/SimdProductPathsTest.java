package canto.engine.kernels;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import canto.engine.util.Rng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SIMD products choose among several code paths by shape (packed GEMM, 4x4 dot tiles,
 * 8x2 broadcast tiles, transposed narrow operands with gathers and scatters, scalar). Each
 * shape below is picked to land on one path and on its edges (rows and columns that do not
 * fill a tile or a vector, k across GEMM blocks), at non-zero offsets; the result must match
 * a double-precision product within the float rounding bound and leave C's neighbours alone.
 */
class SimdProductPathsTest {
    private static Kernels simd;

    @BeforeAll
    static void simdKernels() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "run with --add-modules jdk.incubator.vector");
        simd = new SimdKernels();
    }

    /** (m, n, k). */
    private static final int[][] SHAPES = {
            {16, 512, 22}, {8, 512, 14}, {5, 47, 22}, {16, 33, 17},            // NT narrow k: transpose + gather
            {16, 22, 512}, {7, 14, 300}, {13, 9, 33},                          // NN narrow n: transpose + dot tiles
            {512, 22, 16}, {33, 14, 8}, {47, 5, 3},                            // TN narrow n: Cᵀ + scatter-add
            {16, 256, 512}, {9, 7, 400}, {6, 130, 64}, {3, 5, 77},             // dot tiles and their edges
            {16, 512, 256}, {15, 49, 128}, {8, 31, 7},                         // broadcast tiles and edges
            {65, 97, 300}, {130, 33, 257}, {200, 64, 64}, {64, 200, 520},      // packed GEMM, edges, KC blocks
    };

    private interface Product {
        void run(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k);
    }

    @Test
    void matmulNT() { check("NT", simd::matmulNT, false, false); }

    @Test
    void matmulNN() { check("NN", simd::matmulNN, false, true); }

    @Test
    void matmulTN() { check("TN", simd::matmulTN, true, true); }

    private static void check(String what, Product p, boolean aTransposed, boolean bKbyN) {
        Rng rng = new Rng(3);
        for (int[] s : SHAPES) {
            // each shape in all three roles: as given, and rotated, so every path sees it
            for (int rot = 0; rot < 3; rot++) {
                int m = s[rot % 3], n = s[(rot + 1) % 3], k = s[(rot + 2) % 3];
                int aOff = 7, bOff = 3, cOff = 5;
                float[] a = random(rng, aOff + m * k), b = random(rng, bOff + n * k), c = random(rng, cOff + m * n + 4);
                float[] c0 = c.clone();
                p.run(a, aOff, b, bOff, c, cOff, m, n, k);
                String where = what + " m=" + m + " n=" + n + " k=" + k;
                for (int i = 0; i < cOff; i++) if (c[i] != c0[i]) fail(where + ": wrote before C");
                for (int i = cOff + m * n; i < c.length; i++) if (c[i] != c0[i]) fail(where + ": wrote after C");
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double sum = c0[cOff + i * n + j], abs = Math.abs(sum);
                        for (int q = 0; q < k; q++) {
                            double av = aTransposed ? a[aOff + q * m + i] : a[aOff + i * k + q];
                            double bv = bKbyN ? b[bOff + q * n + j] : b[bOff + j * k + q];
                            sum += av * bv;
                            abs += Math.abs(av * bv);
                        }
                        double got = c[cOff + i * n + j];
                        if (!(Math.abs(got - sum) <= (k + 2) * 0x1p-23 * abs + 1e-30)) {
                            fail(where + " at [" + i + "," + j + "]: " + got + ", expected " + sum);
                        }
                    }
                }
            }
        }
    }

    private static float[] random(Rng rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = rng.uniform(-1, 1);
        return x;
    }
}
