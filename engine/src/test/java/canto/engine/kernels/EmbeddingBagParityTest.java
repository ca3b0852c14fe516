package canto.engine.kernels;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import canto.engine.util.Rng;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SIMD {@link Kernels#embeddingBagForward} / {@link Kernels#embeddingBagBackward} against
 * their scalar twins, bit for bit (both add each element's rows in bag order), on awkward
 * widths (lanes ± 1, 2·lanes ± 1, 4·lanes ± 1, ...), with empty bags, repeated ids, sum and
 * mean, with and without per-sample weights, at non-zero offsets in guarded arrays.
 */
class EmbeddingBagParityTest {
    private static final float GUARD = -12345.678f;
    private static Kernels simd;
    private static final Kernels scalar = Kernels.scalar();
    private static int[] dims;

    @BeforeAll
    static void simdKernels() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "run with --add-modules jdk.incubator.vector");
        simd = Kernels.simd();
        int l = SimdSpecies.L;
        dims = IntStream.of(1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 65, 100, 129,
                        l - 1, l, l + 1, 2 * l - 1, 2 * l, 2 * l + 1, 4 * l - 1, 4 * l, 4 * l + 1, 5 * l + 3)
                .filter(d -> d > 0).distinct().sorted().toArray();
    }

    /** Bag sizes with empty bags first, inside and last. */
    private static final int[] BAG_SIZES = {0, 3, 1, 0, 5, 2, 0, 9, 0};

    @Test
    void forwardAndBackwardAreBitIdentical() {
        Rng rng = new Rng(17);
        int num = 13;
        for (int dim : dims) {
            for (int bags : new int[] {0, 1, 4, BAG_SIZES.length}) {
                int n = 0;
                int offOff = 2, idsOff = 3;
                int[] offsets = new int[offOff + bags + 1];
                for (int b = 0; b < bags; b++) { offsets[offOff + b] = n; n += BAG_SIZES[b]; }
                int[] ids = new int[idsOff + n + 2];
                for (int i = 0; i < ids.length; i++) ids[i] = rng.nextInt(num); // repeats within and across bags
                float[] weights = new float[idsOff + n];
                for (int i = 0; i < weights.length; i++) weights[i] = rng.uniform(-2, 2);
                for (boolean mean : new boolean[] {false, true}) {
                    for (boolean weighted : new boolean[] {false, true}) {
                        String where = "dim=" + dim + " bags=" + bags + " mean=" + mean + " weighted=" + weighted;
                        float[] w = weighted ? weights : null;
                        float[] table = guarded(rng, 5, num * dim);
                        float[] table0 = table.clone();
                        float[] os = guarded(rng, 1, bags * dim), ov = os.clone();
                        scalar.embeddingBagForward(table, 5, dim, ids, idsOff, n, offsets, offOff, bags, w, idsOff, mean, os, 1);
                        simd.embeddingBagForward(table, 5, dim, ids, idsOff, n, offsets, offOff, bags, w, idsOff, mean, ov, 1);
                        assertExact(os, ov, "forward " + where);
                        assertGuards(ov, 1, bags * dim, "forward " + where);
                        if (!Arrays.equals(table0, table)) fail("forward " + where + ": the table was modified");

                        float[] dOut = guarded(rng, 4, bags * dim);
                        float[] gs = guarded(rng, 5, num * dim), gv = gs.clone();
                        scalar.embeddingBagBackward(dOut, 4, dim, ids, idsOff, n, offsets, offOff, bags, w, idsOff, mean, gs, 5);
                        simd.embeddingBagBackward(dOut, 4, dim, ids, idsOff, n, offsets, offOff, bags, w, idsOff, mean, gv, 5);
                        assertExact(gs, gv, "backward " + where);
                        assertGuards(gv, 5, num * dim, "backward " + where);
                    }
                }
            }
        }
    }

    private static float[] guarded(Rng rng, int off, int n) {
        float[] a = new float[off + n + 7];
        Arrays.fill(a, GUARD);
        for (int i = off; i < off + n; i++) a[i] = rng.uniform(-1, 1);
        return a;
    }

    private static void assertGuards(float[] a, int off, int n, String where) {
        for (int i = 0; i < a.length; i++) {
            if ((i < off || i >= off + n) && a[i] != GUARD) fail(where + ": wrote outside its range, at index " + i);
        }
    }

    private static void assertExact(float[] expected, float[] actual, String where) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                fail(where + ": not bit-identical at index " + i + ": scalar " + expected[i] + ", simd " + actual[i]);
            }
        }
    }
}
