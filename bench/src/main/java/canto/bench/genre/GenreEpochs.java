package canto.bench.genre;

import canto.bench.genre.GenreSetup.Experiment;
import canto.engine.kernels.Kernels;
import canto.engine.util.Parallel;
import canto.engine.util.Rng;
import canto.genre.train.EpochListener;
import canto.genre.train.EpochResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Seconds per training epoch of each genre experiment on synthetic data of the real shapes,
 * through the genre module's own training loop: warm-up epochs until at least
 * {@value #WARM_ROWS} rows were trained (the JIT needs a few thousand steps), then
 * {@code --epochs} timed epochs; prints the median and the range.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar canto.bench.genre.GenreEpochs \
 *      [--experiment lyrics|features|combined|all] [--epochs 3] [--rows 22697] [--threads 1|2]
 * </pre>
 * One line per experiment, e.g.
 * {@code canto lyrics batch=8 rows=22697 epochs=3 s_per_epoch=0.412 min=0.401 max=0.430 kernels=simd threads=2}.
 */
public final class GenreEpochs {
    /** Rows trained before timing starts (one full epoch at full size). */
    public static final int WARM_ROWS = 20_000;

    private GenreEpochs() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("GenreEpochs: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) {
        List<Experiment> experiments = new ArrayList<>(Arrays.asList(Experiment.values()));
        int epochs = 3, rows = SyntheticGenreData.TRAIN_ROWS, threads = Parallel.shared().threads();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            try {
                switch (a) {
                    case "--experiment":
                        experiments = "all".equals(v) ? List.of(Experiment.values()) : List.of(Experiment.of(v));
                        i++;
                        break;
                    case "--epochs": epochs = Integer.parseInt(v); i++; break;
                    case "--rows": rows = Integer.parseInt(v); i++; break;
                    case "--threads": threads = Integer.parseInt(v); i++; break;
                    default: throw new IllegalArgumentException("unknown option " + a);
                }
            } catch (NullPointerException | NumberFormatException e) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
        }
        if (epochs < 1 || rows < 1 || threads < 1) throw new IllegalArgumentException("epochs, rows and threads must be positive");
        Parallel parallel = threads == Parallel.shared().threads() ? Parallel.shared() : new Parallel(threads);
        SyntheticGenreData data = new SyntheticGenreData(rows, 1);
        for (Experiment e : experiments) {
            double[] s = secondsPerEpoch(e, data, parallel, epochs);
            double[] sorted = s.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "canto %s batch=%d rows=%d epochs=%d s_per_epoch=%.4f min=%.4f max=%.4f kernels=%s threads=%d%n",
                    e.key(), e.batch, rows, epochs, median(sorted), sorted[0], sorted[sorted.length - 1],
                    Kernels.get().name(), parallel.threads());
        }
    }

    /** Warm-up epochs (see {@link #WARM_ROWS}), then the seconds of each of {@code epochs} timed epochs. */
    public static double[] secondsPerEpoch(Experiment e, SyntheticGenreData data, Parallel parallel, int epochs) {
        return secondsPerEpoch(e, data, parallel, epochs, WARM_ROWS);
    }

    /** As above with an explicit warm-up size (at least one epoch). */
    public static double[] secondsPerEpoch(Experiment e, SyntheticGenreData data, Parallel parallel, int epochs, int warmRows) {
        GenreSetup setup = new GenreSetup(e, data, parallel, 42);
        Rng shuffle = new Rng(7);
        int warm = Math.max(1, (warmRows + data.rows - 1) / data.rows);
        List<EpochResult> results = setup.trainer.train(setup.trainRows, new int[0], warm + epochs, e.batch, shuffle, new EpochListener() {});
        double[] s = new double[epochs];
        for (int i = 0; i < epochs; i++) s[i] = results.get(warm + i).seconds();
        return s;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
