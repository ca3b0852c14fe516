package canto.genre.report;

import canto.engine.io.Json;
import canto.genre.train.EpochResult;
import canto.genre.train.RunResult;
import java.util.List;

/**
 * {@code results.json}: a list of runs, each
 * {@code {experiment, seed, data_file, rows, kernels, jdk, train_accuracy, val_accuracy, epochs}}
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
              .append(", \"val_accuracy\": ").append(number(r.valAccuracy()))
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
