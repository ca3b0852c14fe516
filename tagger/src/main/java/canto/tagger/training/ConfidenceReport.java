package canto.tagger.training;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How well a confidence separates right parses from wrong ones, on a set of judged titles:
 * AUROC (the probability that a random right parse gets a higher confidence than a random
 * wrong one, ties counting half), a reliability table (titles binned by confidence: how many,
 * mean confidence, share right), and the review rule at a threshold (the share flagged, the
 * share right among the unflagged, the share wrong among the flagged).
 */
public final class ConfidenceReport {
    private final double[] confidence;
    private final boolean[] right;

    public ConfidenceReport(double[] confidence, boolean[] right) {
        if (confidence.length != right.length) throw new IllegalArgumentException("lengths differ");
        this.confidence = confidence.clone();
        this.right = right.clone();
    }

    public static ConfidenceReport of(List<Double> confidence, List<Boolean> right) {
        double[] c = new double[confidence.size()];
        boolean[] r = new boolean[right.size()];
        for (int i = 0; i < c.length; i++) { c[i] = confidence.get(i); r[i] = right.get(i); }
        return new ConfidenceReport(c, r);
    }

    public int size() { return confidence.length; }

    /** Area under the ROC curve of confidence for "parse right"; NaN when all are right or all wrong. */
    public double auroc() {
        long pos = 0, neg = 0;
        for (boolean r : right) if (r) pos++; else neg++;
        if (pos == 0 || neg == 0) return Double.NaN;
        Integer[] idx = new Integer[confidence.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(confidence[a], confidence[b]));
        // Mann-Whitney: sum of the (tie-averaged) ranks of the right ones
        double rankSum = 0;
        for (int i = 0; i < idx.length; ) {
            int j = i;
            while (j + 1 < idx.length && confidence[idx[j + 1]] == confidence[idx[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) if (right[idx[k]]) rankSum += rank;
            i = j + 1;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** The review rule at {@code below}: {flagged share, right share among unflagged, wrong share among flagged}. */
    public double[] reviewRule(double below) {
        int flagged = 0, flaggedWrong = 0, kept = 0, keptRight = 0;
        for (int i = 0; i < confidence.length; i++) {
            if (confidence[i] < below) { flagged++; if (!right[i]) flaggedWrong++; }
            else { kept++; if (right[i]) keptRight++; }
        }
        return new double[] {ratio(flagged, confidence.length), ratio(keptRight, kept), ratio(flaggedWrong, flagged)};
    }

    private static double ratio(int a, int b) { return b == 0 ? Double.NaN : (double) a / b; }

    /** Prints AUROC, the reliability table (10 bins of width 0.1) and the review rule at each threshold. */
    public void print(PrintStream out, String name, double[] thresholds, double chosen) {
        out.printf(Locale.ROOT, "confidence on %s (%d titles): AUROC %.3f%n", name, size(), auroc());
        out.println("  reliability: confidence bin | titles | mean confidence | right");
        for (int b = 0; b < 10; b++) {
            double lo = b / 10.0, hi = (b + 1) / 10.0;
            int n = 0, r = 0;
            double sum = 0;
            for (int i = 0; i < confidence.length; i++) {
                double c = confidence[i];
                if (c >= lo && (c < hi || (b == 9 && c <= 1))) { n++; sum += c; if (right[i]) r++; }
            }
            if (n == 0) continue;
            out.printf(Locale.ROOT, "  %.1f-%.1f | %4d | %.3f | %5.1f%%%n", lo, hi, n, sum / n, 100.0 * r / n);
        }
        out.println("  review rule: flag below | flagged | right among unflagged | wrong among flagged");
        for (double t : thresholds) {
            double[] r = reviewRule(t);
            out.printf(Locale.ROOT, "  %s%.2f | %5.1f%% | %5.1f%% | %5.1f%%%n", t == chosen ? "*" : " ", t, 100 * r[0], 100 * r[1], 100 * r[2]);
        }
    }
}
