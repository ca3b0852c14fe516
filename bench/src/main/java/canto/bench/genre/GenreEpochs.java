package canto.bench.genre;

import canto.bench.genre.GenreSetup.Experiment;
import canto.engine.kernels.Kernels;
import canto.engine.util.Parallel;
import canto.engine.util.Rng;
import canto.genre.data.DataFileException;
import canto.genre.train.EpochListener;
import canto.genre.train.EpochResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Seconds per training epoch of each genre experiment through the genre module's own training
 * loop: warm-up epochs until at least {@code --warm-rows} rows (default {@value #WARM_ROWS}) were
 * trained (the JIT needs a few thousand steps), then {@code --epochs} timed epochs; prints the
 * median, the range, the first timed epoch and the total.
 *
 * <p>Data: {@code --data FILE} reads a real genre file ({@link RealGenreData}: real lyrics and
 * labels, features from the file or synthetic); without it the full lyrics file
 * {@code data/genre/tcc_ceds_music_lyrics_all_rows.csv} is used when it exists, else (or with
 * {@code --synthetic}) uniform random ids ({@link SyntheticGenreData}). The first output line
 * says which.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar canto.bench.genre.GenreEpochs \
 *      [--experiment lyrics|features|combined|all] [--epochs 3] [--rows N] [--threads 1|2]
 *      [--data FILE | --synthetic] [--warm-rows 20000] [--cpu]
 * </pre>
 * {@code --threads N} is {@code -Dcanto.threads=N}: the shared pool that Linear's products and Adam are
 * split across. {@code -Dcanto.adam=resting} times Adam's resting path instead of the dense update.
 * {@code --warm-rows 0 --epochs 30} times a whole published experiment-1 run, JIT warm-up included;
 * {@code --cpu} adds, per epoch, the CPU seconds of the training thread, the JIT and the GC ({@link ThreadCpu})
 * and, with more than one thread, how many of the pool's calls missed and ran serially ({@link Parallel#missedCalls()}).
 * One line per experiment, e.g.
 * {@code canto lyrics batch=8 rows=22697 epochs=3 s_per_epoch=0.412 min=0.401 max=0.430 first=0.43 total=1.24 kernels=simd threads=2}.
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
        } catch (DataFileException e) {
            System.err.println("GenreEpochs: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(String[] args) throws DataFileException {
        List<Experiment> experiments = new ArrayList<>(Arrays.asList(Experiment.values()));
        int epochs = 3, rows = Integer.MAX_VALUE, threads = 0, warmRows = WARM_ROWS; // threads 0: -Dcanto.threads
        Path file = null;
        boolean synthetic = false, cpu = false;
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
                    case "--warm-rows": warmRows = Integer.parseInt(v); i++; break;
                    case "--data": file = Path.of(v); i++; break;
                    case "--synthetic": synthetic = true; break;
                    case "--cpu": cpu = true; break;
                    default: throw new IllegalArgumentException("unknown option " + a);
                }
            } catch (NullPointerException | NumberFormatException e) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
        }
        if (epochs < 1 || rows < 1 || threads < 0 || warmRows < 0) {
            throw new IllegalArgumentException("epochs, rows and threads must be positive, --warm-rows at least 0");
        }
        if (synthetic && file != null) throw new IllegalArgumentException("--data and --synthetic exclude each other");
        if (!synthetic && file == null) file = RealGenreData.defaultFile();
        GenreBenchData data = file == null
                ? SyntheticGenreData.make(Math.min(rows, SyntheticGenreData.TRAIN_ROWS), 1)
                : RealGenreData.load(file).firstRows(rows);
        System.out.println("data: " + data.source + " train_rows=" + data.rows()
                + (file == null && !synthetic ? " (" + RealGenreData.DEFAULT_FILE + " not found)" : ""));
        // --threads sizes the shared pool, the one Linear splits its products on (and Adam here)
        if (threads > 0) System.setProperty("canto.threads", Integer.toString(threads));
        Parallel parallel = Parallel.shared();
        if (threads > 0 && parallel.threads() != threads) {
            throw new IllegalArgumentException("the shared pool already has " + parallel.threads() + " threads: use -Dcanto.threads=" + threads);
        }
        for (Experiment e : experiments) {
            long missed0 = parallel.missedCalls(), serial0 = parallel.serialCalls();
            double[] s = cpu ? withCpu(e, data, parallel, epochs, warmRows) : secondsPerEpoch(e, data, parallel, epochs, warmRows);
            double[] sorted = s.clone();
            Arrays.sort(sorted);
            double total = 0;
            for (double x : s) total += x;
            System.out.printf(Locale.ROOT, "canto %s batch=%d rows=%d epochs=%d s_per_epoch=%.4f min=%.4f max=%.4f first=%.4f total=%.3f warm_rows=%d kernels=%s threads=%d adam=%s missed_calls=%d serial_calls=%d%n",
                    e.key(), e.batch, data.rows(), epochs, median(sorted), sorted[0], sorted[sorted.length - 1],
                    s[0], total, warmRows, Kernels.get().name(), parallel.threads(),
                    canto.engine.optim.Adam.Update.fromProperty().name().toLowerCase(Locale.ROOT),
                    parallel.missedCalls() - missed0, parallel.serialCalls() - serial0);
        }
    }

    /** Warm-up epochs (see {@link #WARM_ROWS}), then the seconds of each of {@code epochs} timed epochs. */
    public static double[] secondsPerEpoch(Experiment e, GenreBenchData data, Parallel parallel, int epochs) {
        return secondsPerEpoch(e, data, parallel, epochs, WARM_ROWS);
    }

    /** As above with an explicit warm-up size (0: no warm-up epoch). */
    public static double[] secondsPerEpoch(Experiment e, GenreBenchData data, Parallel parallel, int epochs, int warmRows) {
        GenreSetup setup = new GenreSetup(e, data, parallel, 42);
        Rng shuffle = new Rng(7);
        int warm = (warmRows + data.rows() - 1) / data.rows();
        List<EpochResult> results = setup.trainer.train(setup.trainRows, new int[0], warm + epochs, e.batch, shuffle, new EpochListener() {});
        double[] s = new double[epochs];
        for (int i = 0; i < epochs; i++) s[i] = results.get(warm + i).seconds();
        return s;
    }

    /**
     * As {@link #secondsPerEpoch}, printing for every epoch (warm-up ones too) its wall seconds and
     * the CPU seconds of the training thread, the JIT compilers and the GC ({@link ThreadCpu});
     * the line before the first epoch covers JVM start, data loading and model set-up.
     */
    static double[] withCpu(Experiment e, GenreBenchData data, Parallel parallel, int epochs, int warmRows) {
        ThreadCpu[] last = {ThreadCpu.now()};
        long[] pool = {parallel.missedCalls(), parallel.serialCalls()};
        System.out.println("cpu " + e.key() + " before_epoch_1 " + last[0].line()
                + (ThreadCpu.available() ? "" : " (no /proc: only the training thread is measured)"));
        GenreSetup setup = new GenreSetup(e, data, parallel, 42);
        Rng shuffle = new Rng(7);
        int warm = (warmRows + data.rows() - 1) / data.rows();
        List<EpochResult> results = setup.trainer.train(setup.trainRows, new int[0], warm + epochs, e.batch, shuffle, new EpochListener() {
            @Override
            public void epochDone(EpochResult r) {
                ThreadCpu now = ThreadCpu.now();
                String split = parallel.threads() == 1 ? ""
                        : String.format(Locale.ROOT, " missed_calls=%d serial_calls=%d", parallel.missedCalls() - pool[0], parallel.serialCalls() - pool[1]);
                System.out.printf(Locale.ROOT, "cpu %s epoch_%d wall=%.3f %s%s%n", e.key(), r.epoch(), r.seconds(), now.minus(last[0]).line(), split);
                last[0] = now;
                pool[0] = parallel.missedCalls();
                pool[1] = parallel.serialCalls();
            }
        });
        double[] s = new double[epochs];
        for (int i = 0; i < epochs; i++) s[i] = results.get(warm + i).seconds();
        return s;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
