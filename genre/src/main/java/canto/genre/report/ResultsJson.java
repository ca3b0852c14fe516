package canto.genre.report;

import canto.engine.io.Json;
import canto.genre.data.LabelEncoder;
import canto.genre.train.EpochResult;
import canto.genre.train.RunResult;
import java.util.List;

/**
 * {@code results.json}: a list of runs, each
 * {@code {experiment, seed, data_file, rows, kernels, jdk, train_accuracy, val_accuracy, [val_macro_f1,
 * val_f1 (per genre), val_confusion ([true][predicted] counts of the final model),] epochs}}
 * with {@code epochs} a list of {@code {epoch, loss, train_accuracy, val_accuracy, seconds}}.
 * Accuracies are fractions; a number that is not finite is written as {@code null}.
 */
public final class ResultsJson {
    private ResultsJson() {}

    public static String format(List<RunResult> runs) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            sb.append(i == 0 ? "\n" : ",\n");
            sb.append("  {\"experiment\": ").append(Json.quote(r.experiment().id()))
              .append(", \"seed\": ").append(r.seed())
              .append(", \"data_file\": ").append(Json.quote(r.dataFile()))
              .append(", \"rows\": ").append(r.rows())
              .append(", \"kernels\": ").append(Json.quote(r.kernels()))
              .append(", \"jdk\": ").append(Json.quote(r.jdk()))
              .append(",\n   \"train_accuracy\": ").append(number(r.trainAccuracy()))
              .append(", \"val_accuracy\": ").append(number(r.valAccuracy()));
            if (r.confusion() != null) {
                double[] f1 = Metrics.f1PerClass(r.confusion());
                sb.append(", \"val_macro_f1\": ").append(number(Metrics.macroF1(r.confusion()))).append(",\n   \"val_f1\": {");
                for (int g = 0; g < f1.length; g++) sb.append(g == 0 ? "" : ", ").append(Json.quote(LabelEncoder.GENRES.decode(g))).append(": ").append(number(f1[g]));
                sb.append("},\n   \"val_confusion\": [");
                for (int g = 0; g < r.confusion().length; g++) sb.append(g == 0 ? "" : ", ").append(java.util.Arrays.toString(r.confusion()[g]));
                sb.append(']');
            }
            sb
              .append(",\n   \"epochs\": [");
            List<EpochResult> epochs = r.epochs();
            for (int k = 0; k < epochs.size(); k++) {
                EpochResult e = epochs.get(k);
                sb.append(k == 0 ? "\n" : ",\n");
                sb.append("    {\"epoch\": ").append(e.epoch())
                  .append(", \"loss\": ").append(number(e.loss()))
                  .append(", \"train_accuracy\": ").append(number(e.trainAccuracy()))
                  .append(", \"val_accuracy\": ").append(number(e.valAccuracy()))
                  .append(", \"seconds\": ").append(number(e.seconds())).append('}');
            }
            sb.append(epochs.isEmpty() ? "]}" : "\n   ]}");
        }
        return sb.append(runs.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) return "null";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v) + ".0";
        return Double.toString(v);
    }
}
