package canto.genre.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.util.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrainValidationSplitTest {
    @Test
    void validationIsTheCeilingOfTwentyPercent() {
        assertEquals(5675, TrainValidationSplit.validationSize(28372));   // 22,697 train rows, as the issue says
        assertEquals(200, TrainValidationSplit.validationSize(1000));
        assertEquals(920, TrainValidationSplit.validationSize(4600));
        assertEquals(1, TrainValidationSplit.validationSize(3));          // 0.6 -> 1
        assertEquals(4, TrainValidationSplit.validationSize(16));         // 3.2 -> 4
        assertEquals(3, TrainValidationSplit.validationSize(15));
    }

    @Test
    void splitCoversEveryRowOnce() {
        TrainValidationSplit s = TrainValidationSplit.shuffled(1000, new Rng(5));
        assertEquals(800, s.train().length);
        assertEquals(200, s.validation().length);
        int[] all = new int[1000];
        System.arraycopy(s.train(), 0, all, 0, 800);
        System.arraycopy(s.validation(), 0, all, 800, 200);
        Arrays.sort(all);
        for (int i = 0; i < 1000; i++) assertEquals(i, all[i]);
    }

    @Test
    void theSeedFixesTheSplit() {
        TrainValidationSplit a = TrainValidationSplit.shuffled(100, new Rng(1));
        TrainValidationSplit b = TrainValidationSplit.shuffled(100, new Rng(1));
        TrainValidationSplit c = TrainValidationSplit.shuffled(100, new Rng(2));
        assertArrayEquals(a.validation(), b.validation());
        assertFalse(Arrays.equals(a.validation(), c.validation()));
        int[] sorted = a.validation().clone();
        Arrays.sort(sorted);
        assertFalse(Arrays.equals(sorted, a.validation()), "validation rows are shuffled, not a block");
        assertTrue(sorted[sorted.length - 1] > 20);
    }

    @Test
    void oneRowCannotBeSplit() {
        assertThrows(IllegalArgumentException.class, () -> TrainValidationSplit.shuffled(1, new Rng(1)));
    }
}
