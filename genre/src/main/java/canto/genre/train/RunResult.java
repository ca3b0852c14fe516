package canto.genre.train;

import java.util.List;

/**
 * One training run of one experiment with one seed, as written to {@code results.json};
 * {@code confusion} is the final model's validation confusion matrix
 * {@code [true genre][predicted genre]} (null when not computed).
 */
public record RunResult(Experiment experiment, long seed, String dataFile, int rows, String kernels, String jdk,
                        List<EpochResult> epochs, int[][] confusion) {
    public RunResult {
        epochs = List.copyOf(epochs);
    }

    public RunResult(Experiment experiment, long seed, String dataFile, int rows, String kernels, String jdk, List<EpochResult> epochs) {
        this(experiment, seed, dataFile, rows, kernels, jdk, epochs, null);
    }

    /** The last epoch's running train accuracy (NaN without epochs). */
    public double trainAccuracy() { return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).trainAccuracy(); }

    /** The last epoch's validation accuracy (NaN without epochs). */
    public double valAccuracy() { return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).valAccuracy(); }
}
