package canto.genre.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.util.Rng;
import org.junit.jupiter.api.Test;

class PcaTest {
    private static final double R = Math.sqrt(0.5);

    @Test
    void handWorkedTwoDimensionalCase() {
        // five points on the diagonal, two just off it: variance 20/6 along (1,1)/√2, 0.04/6 across
        float[] x = {2, 2, 1, 1, 0, 0, -1, -1, -2, -2, 0.1f, -0.1f, -0.1f, 0.1f};
        Pca pca = Pca.fit(x, 0, 7, 2, 2);
        assertEquals(20.0 / 6, pca.variances()[0], 1e-6);
        assertEquals(0.04 / 6, pca.variances()[1], 1e-6);
        assertEquals(R, pca.components()[0][0], 1e-9);
        assertEquals(R, pca.components()[0][1], 1e-9);
        assertEquals(R, pca.components()[1][0], 1e-6);
        assertEquals(-R, pca.components()[1][1], 1e-6);
        double[] y = pca.transform(x, 0, 7);
        assertEquals(2 * Math.sqrt(2), y[0], 1e-6);                 // (2, 2)
        assertEquals(0, y[1], 1e-6);
        assertEquals(0.1 * Math.sqrt(2), y[11], 1e-6);               // (0.1, -0.1) on the second axis
        assertEquals(20.0 / 6 + 0.04 / 6, pca.totalVariance(), 1e-6);
    }

    @Test
    void fourDimensionalDataWithKnownAxes() {
        // independent coordinates with standard deviations 0.5, 3, 0.1, 1 in a rotated basis
        Rng rng = new Rng(11);
        int n = 20000;
        double[] sd = {0.5, 3, 0.1, 1};
        double c = Math.cos(0.7), s = Math.sin(0.7);
        float[] x = new float[n * 4];
        for (int i = 0; i < n; i++) {
            double[] z = new double[4];
            for (int j = 0; j < 4; j++) z[j] = sd[j] * rng.nextGaussian();
            // rotate in the (1,3) plane, shift by a mean
            x[4 * i] = (float) (z[0] + 5);
            x[4 * i + 1] = (float) (c * z[1] - s * z[3] - 2);
            x[4 * i + 2] = (float) z[2];
            x[4 * i + 3] = (float) (s * z[1] + c * z[3] + 1);
        }
        Pca pca = Pca.fit(x, 0, n, 4, 2);
        assertEquals(9, pca.variances()[0], 0.3);
        assertEquals(1, pca.variances()[1], 0.05);
        double[] pc1 = pca.components()[0], pc2 = pca.components()[1];
        assertEquals(c, pc1[1], 0.01);     // (0, cos, 0, sin), sign made positive by the largest entry
        assertEquals(s, pc1[3], 0.01);
        assertEquals(0, pc1[0], 0.01);
        assertTrue(Math.abs(Math.abs(pc2[3]) - c) < 0.02 && Math.abs(Math.abs(pc2[1]) - s) < 0.02);
        double dot = 0, norm1 = 0, norm2 = 0;
        for (int j = 0; j < 4; j++) { dot += pc1[j] * pc2[j]; norm1 += pc1[j] * pc1[j]; norm2 += pc2[j] * pc2[j]; }
        assertEquals(0, dot, 1e-9);
        assertEquals(1, norm1, 1e-9);
        assertEquals(1, norm2, 1e-9);
        // projections are centred and have the component variances
        double[] y = pca.transform(x, 0, n);
        double mean = 0, var = 0;
        for (int i = 0; i < n; i++) mean += y[2 * i] / n;
        for (int i = 0; i < n; i++) var += (y[2 * i] - mean) * (y[2 * i] - mean) / (n - 1);
        assertEquals(0, mean, 1e-6);
        assertEquals(pca.variances()[0], var, 1e-6 * var);
    }
}
