package canto.genre.report;

import canto.genre.train.EpochResult;
import canto.genre.train.Experiment;
import canto.genre.train.RunResult;
import java.awt.Color;
import java.util.List;

/**
 * Accuracy per epoch of one experiment: train (running, as the post printed it) and
 * validation, one thin line per seed and a thick line for the mean over seeds, with the
 * published figures and the base rate as dashed lines.
 */
public final class AccuracyCharts {
    private static final Color TRAIN = new Color(0x1f77b4), VAL = new Color(0xff7f0e), BASE = new Color(0x777777);

    private AccuracyCharts() {}

    /** @param runs runs of {@code e} (same epoch count); {@code baseRate} the majority-class share of the data */
    public static LineChart chart(Experiment e, List<RunResult> runs, double baseRate) {
        int epochs = runs.get(0).epochs().size();
        double[] x = new double[epochs];
        for (int i = 0; i < epochs; i++) x[i] = i + 1;
        String title = "Experiment " + (e.ordinal() + 1) + " (" + e.id() + "): accuracy per epoch, "
                + runs.size() + (runs.size() == 1 ? " seed" : " seeds") + ", " + fileName(runs.get(0).dataFile());
        LineChart chart = new LineChart(title, "epoch", "accuracy", 1, Math.max(2, epochs));
        double[] meanTrain = new double[epochs], meanVal = new double[epochs];
        for (RunResult r : runs) {
            double[] tr = new double[epochs], va = new double[epochs];
            for (int i = 0; i < epochs; i++) {
                EpochResult er = r.epochs().get(i);
                tr[i] = er.trainAccuracy();
                va[i] = er.valAccuracy();
                meanTrain[i] += tr[i] / runs.size();
                meanVal[i] += va[i] / runs.size();
            }
            if (runs.size() > 1) {
                chart.add(new LineChart.Series(null, translucent(TRAIN), 1f, false, x, tr));
                chart.add(new LineChart.Series(null, translucent(VAL), 1f, false, x, va));
            }
        }
        String mean = runs.size() > 1 ? " (mean)" : "";
        chart.add(new LineChart.Series("train, running" + mean, TRAIN, 2.5f, false, x, meanTrain));
        chart.add(new LineChart.Series("validation, eval mode" + mean, VAL, 2.5f, false, x, meanVal));
        double[] ends = {1, Math.max(2, epochs)};
        if (!Double.isNaN(e.publishedTrainAccuracy())) {
            chart.add(new LineChart.Series(String.format(java.util.Locale.ROOT, "published train %.1f%%", 100 * e.publishedTrainAccuracy()),
                    TRAIN, 1.2f, true, ends, new double[] {e.publishedTrainAccuracy(), e.publishedTrainAccuracy()}));
        }
        if (!Double.isNaN(e.publishedValAccuracy())) {
            chart.add(new LineChart.Series(String.format(java.util.Locale.ROOT, "published validation %.1f%%", 100 * e.publishedValAccuracy()),
                    VAL, 1.2f, true, ends, new double[] {e.publishedValAccuracy(), e.publishedValAccuracy()}));
        }
        chart.add(new LineChart.Series(String.format(java.util.Locale.ROOT, "base rate %.1f%%", 100 * baseRate),
                BASE, 1.2f, true, ends, new double[] {baseRate, baseRate}));
        return chart;
    }

    private static Color translucent(Color c) { return new Color(c.getRed(), c.getGreen(), c.getBlue(), 80); }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
