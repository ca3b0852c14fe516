package canto.genre.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FixedDecimalTest {
    private static void same(double x, int places) {
        assertEquals(String.format(Locale.ROOT, "%." + places + "f", x), FixedDecimal.format(x, places), "x = " + x + ", places " + places);
    }

    @Test
    void agreesWithFormatterOnEdgeCases() {
        double[] xs = {0, -0.0, 1, -1, 0.5, 0.125, -0.125, 0.00005, -0.00005, 0.000049999, 0.0000005, -0.0000005,
            -1e-7, 1e-300, -1e-300, Double.MIN_VALUE, 9.9999995, 9.99995, 99999.99999995, 1e15 + 0.5, 1.5e20, -2.5e-5,
            0.1 + 0.2, 1.0 / 3, Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double x : xs) for (int places = 0; places <= 8; places++) same(x, places);
    }

    @Test
    void agreesWithFormatterOnRandomCoordinates() {
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double scale = Math.pow(10, r.nextInt(12) - 8);
            double x = (r.nextDouble() * 2 - 1) * scale;
            if (i % 4 == 0) x = Math.round(x * 1e5) / 1e5 + 5e-7 * (r.nextBoolean() ? 1 : -1);   // near a tie at 6 places
            if (i % 4 == 1) x = (float) x;                                                    // float-valued, as PCA of float rows
            same(x, 6);
            same(x, 4);
        }
    }
}
