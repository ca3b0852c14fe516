package canto.genre.report;

import canto.genre.train.RunResult;
import java.util.List;

/** F1 scores from a confusion matrix {@code [true class][predicted class]}, as scikit-learn's {@code f1_score}. */
public final class Metrics {
    private Metrics() {}

    /**
     * F1 of each class: {@code 2 tp / (2 tp + fp + fn)}; 0 when the class is neither present
     * nor predicted (scikit-learn's {@code zero_division=0}).
     */
    public static double[] f1PerClass(int[][] c) {
        int k = c.length;
        double[] f1 = new double[k];
        for (int j = 0; j < k; j++) {
            long tp = c[j][j], fp = 0, fn = 0;
            for (int i = 0; i < k; i++) {
                if (i == j) continue;
                fp += c[i][j];
                fn += c[j][i];
            }
            f1[j] = 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        }
        return f1;
    }

    /** The unweighted mean of {@link #f1PerClass} ({@code average="macro"}). */
    public static double macroF1(int[][] c) {
        double s = 0;
        for (double f : f1PerClass(c)) s += f;
        return s / c.length;
    }

    /** Accuracy: the diagonal over the total. */
    public static double accuracy(int[][] c) {
        long d = 0, n = 0;
        for (int i = 0; i < c.length; i++) for (int j = 0; j < c.length; j++) { n += c[i][j]; if (i == j) d += c[i][j]; }
        return n == 0 ? Double.NaN : (double) d / n;
    }

    /** The element-wise sum of the runs' confusion matrices (all seeds pooled). */
    public static int[][] sum(List<RunResult> runs) {
        int k = runs.get(0).confusion().length;
        int[][] s = new int[k][k];
        for (RunResult r : runs) for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) s[i][j] += r.confusion()[i][j];
        return s;
    }
}
