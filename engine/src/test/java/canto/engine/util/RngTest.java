package canto.engine.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RngTest {

    @Test
    void matchesTheSplitMix64ReferenceOutput() {
        // the first outputs of Vigna's splitmix64.c from state 0
        Rng rng = new Rng(0);
        assertEquals(0xe220a8397b1dcdafL, rng.nextLong());
        assertEquals(0x6e789e6aa1b965f4L, rng.nextLong());
        assertEquals(0x06c45d188009454fL, rng.nextLong());
    }

    @Test
    void uniformValuesStayInRange() {
        Rng rng = new Rng(1);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) {
            float f = rng.nextFloat();
            assertTrue(f >= 0f && f < 1f, "nextFloat " + f);
            double d = rng.nextDouble();
            assertTrue(d >= 0 && d < 1, "nextDouble " + d);
            float u = rng.uniform(-0.5f, 0.25f);
            assertTrue(u >= -0.5f && u < 0.25f, "uniform " + u);
            counts[rng.nextInt(7)]++;
        }
        for (int c : counts) assertEquals(10_000, c, 400, "nextInt(7) counts " + Arrays.toString(counts));
        assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0));
    }

    @Test
    void gaussianHasMeanZeroAndVarianceOne() {
        Rng rng = new Rng(2);
        double sum = 0, sumSq = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double g = rng.nextGaussian();
            sum += g;
            sumSq += g * g;
        }
        assertEquals(0, sum / n, 0.01);
        assertEquals(1, sumSq / n, 0.02);
    }

    @Test
    void shuffleIsASeededPermutation() {
        int[] a = new int[50], b = new int[50];
        for (int i = 0; i < 50; i++) a[i] = b[i] = i;
        new Rng(3).shuffle(a);
        new Rng(3).shuffle(b);
        assertArrayEquals(a, b, "same seed, same order");
        assertNotEquals(Arrays.toString(a), Arrays.toString(java.util.stream.IntStream.range(0, 50).toArray()));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        assertArrayEquals(java.util.stream.IntStream.range(0, 50).toArray(), sorted, "a permutation");
    }

    @Test
    void splitGivesAnIndependentReproducibleStream() {
        Rng a = new Rng(4), b = new Rng(4);
        Rng childA = a.split(), childB = b.split();
        assertEquals(childA.nextLong(), childB.nextLong());
        assertEquals(a.nextLong(), b.nextLong());
        assertNotEquals(new Rng(4).split().nextLong(), new Rng(4).nextLong());
    }

    @Test
    void streamZeroIsACopyAndStreamSIsTheSthSplitOfOne() {
        Rng a = new Rng(21);
        a.nextLong();
        a.nextGaussian();                       // a spare gaussian is waiting: the copy has it too
        Rng copy = a.stream(0), s3 = a.stream(3);
        Rng ref = new Rng(21);
        ref.nextLong();
        ref.nextGaussian();
        Rng splitter = new Rng(21);
        splitter.nextLong();
        splitter.nextGaussian();
        splitter.split();
        splitter.split();
        Rng third = splitter.split();
        assertEquals(ref.nextGaussian(), copy.nextGaussian());
        for (int i = 0; i < 5; i++) assertEquals(ref.nextLong(), copy.nextLong());
        for (int i = 0; i < 5; i++) assertEquals(third.nextLong(), s3.nextLong());
        Rng untouched = new Rng(21);
        untouched.nextLong();
        untouched.nextGaussian();
        assertEquals(untouched.nextGaussian(), a.nextGaussian(), "stream() does not advance the generator");
        assertEquals(untouched.nextLong(), a.nextLong());
        assertThrows(IllegalArgumentException.class, () -> a.stream(-1));
    }
}
