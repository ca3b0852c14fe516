package canto.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.util.Rng;
import org.junit.jupiter.api.Test;

/**
 * Kernels added after the first parity suite: {@link Kernels#dropoutMask} must give exactly
 * the masks of the plain loop {@code mask[i] = rng.nextFloat() < p ? 0 : keepScale}, in the
 * scalar and (when the vector module is present) the SIMD kernels, for awkward lengths and
 * offsets, and leave the generator where that loop would have left it.
 */
class KernelsExtraParityTest {
    private static final int[] SIZES = {0, 1, 7, 8, 9, 15, 16, 17, 31, 33, 100, 1023, 3840, 4099};
    private static final float[] PROBABILITIES = {0f, 0.2f, 0.5f, 0.999f};

    private static Kernels[] implementations() {
        boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        return vector ? new Kernels[] {Kernels.scalar(), Kernels.simd()} : new Kernels[] {Kernels.scalar()};
    }

    @Test
    void dropoutMaskEqualsTheRngLoop() {
        for (Kernels k : implementations()) {
            for (float p : PROBABILITIES) {
                float keep = 1f / (1f - p);
                for (int n : SIZES) {
                    int off = n % 3 + 1;
                    Rng loop = new Rng(n * 31L + 7), fused = new Rng(n * 31L + 7);
                    float[] want = new float[off + n + 2], got = new float[off + n + 2];
                    java.util.Arrays.fill(want, -9f);
                    java.util.Arrays.fill(got, -9f);
                    for (int i = 0; i < n; i++) want[off + i] = loop.nextFloat() < p ? 0f : keep;
                    k.dropoutMask(fused.reserve(n), p, keep, got, off, n);
                    assertArrayEquals(want, got, k.name() + " p=" + p + " n=" + n);
                    assertEquals(loop.nextLong(), fused.nextLong(), "generator state after " + n);
                }
            }
        }
    }

    @Test
    void maskDropsAboutPOfTheElements() {
        for (Kernels k : implementations()) {
            float[] mask = new float[100_000];
            k.dropoutMask(new Rng(1).reserve(mask.length), 0.2f, 1.25f, mask, 0, mask.length);
            int zeros = 0;
            for (float m : mask) {
                if (m == 0f) zeros++;
                else assertEquals(1.25f, m);
            }
            assertTrue(zeros > 19_500 && zeros < 20_500, k.name() + ": " + zeros + " zeros");
        }
    }

    @Test
    void reserveSkipsExactlyTheReservedOutputs() {
        Rng a = new Rng(42), b = new Rng(42);
        long s = b.reserve(5);
        for (int i = 0; i < 5; i++) assertEquals(a.nextLong(), Rng.mix(s + (i + 1) * Rng.GOLDEN_GAMMA));
        assertEquals(a.nextLong(), b.nextLong());
    }
}
