package canto.genre.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import canto.engine.nn.SoftmaxCrossEntropy;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import org.junit.jupiter.api.Test;

/**
 * The smoothed gradient is the derivative of the smoothed loss
 * {@code -(1/rows) Σ_r Σ_j q_rj log softmax(x_r)_j}, {@code q = (1 - e) onehot + e / K}, checked
 * against central differences in double.
 */
class LabelSmoothingTest {
    static double smoothedLoss(double[] x, int[] labels, int rows, int k, double e) {
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int j = 0; j < k; j++) max = Math.max(max, x[r * k + j]);
            for (int j = 0; j < k; j++) sum += Math.exp(x[r * k + j] - max);
            for (int j = 0; j < k; j++) {
                double logp = x[r * k + j] - max - Math.log(sum);
                double q = (j == labels[r] ? 1 - e : 0) + e / k;
                loss -= q * logp / rows;
            }
        }
        return loss;
    }

    @Test
    void gradientMatchesCentralDifferencesOfTheSmoothedLoss() {
        int rows = 5, k = 7;
        Rng rng = new Rng(3);
        float[] logits = new float[rows * k];
        for (int i = 0; i < logits.length; i++) logits[i] = 2 * (float) rng.nextGaussian();
        int[] labels = {0, 6, 3, 3, 2};
        for (double e : new double[] {0, 0.1, 0.3}) {
            SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
            ce.forward(new Tensor(logits, 0, rows, k), labels);
            Tensor g = ce.backward();
            Trainer.smooth(g, labels, rows, (float) e);
            double[] x = new double[logits.length];
            for (int i = 0; i < x.length; i++) x[i] = logits[i];
            for (int i = 0; i < x.length; i++) {
                double h = 1e-5, keep = x[i];
                x[i] = keep + h;
                double up = smoothedLoss(x, labels, rows, k, e);
                x[i] = keep - h;
                double down = smoothedLoss(x, labels, rows, k, e);
                x[i] = keep;
                assertEquals((up - down) / (2 * h), g.get(i), 2e-6, "e " + e + ", logit " + i);
            }
        }
    }

    @Test
    void outOfRangeSmoothingIsRefused() {
        Trainer t = new Trainer(null, null, new int[0], 1);
        assertThrows(IllegalArgumentException.class, () -> t.setLabelSmoothing(1));
        assertThrows(IllegalArgumentException.class, () -> t.setLabelSmoothing(-0.1));
    }
}
