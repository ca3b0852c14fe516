package canto.genre;

import canto.engine.kernels.Kernels;
import canto.engine.util.Rng;
import canto.genre.data.BasicEnglishTokenizer;
import canto.genre.data.DataFileException;
import canto.genre.data.LabelEncoder;
import canto.genre.data.SongColumns;
import canto.genre.data.SongTable;
import canto.genre.data.SongTableLoader;
import canto.genre.data.TokenizedLyrics;
import canto.genre.predict.PredictCommand;
import canto.genre.train.Experiment;
import canto.genre.train.ExperimentRunner;
import canto.genre.train.KernelWarmUp;
import canto.genre.train.RunResult;
import canto.genre.train.TrainedRun;
import canto.genre.report.Metrics;
import canto.genre.report.PictureWarmUp;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code genre.jar}: runs the experiments asked for on one data file, prints one line per
 * epoch and a summary, and writes {@code results.json} and the pictures. Exit status 0 on
 * success, 2 for a bad command line or data file, 1 when an output cannot be written.
 */
public final class Main {
    /** The genre shares of the complete dataset (SOURCE.md): blues .. rock, in encoder order. */
    static final double[] FULL_DATA_SHARES = {4604 / 28372.0, 5445 / 28372.0, 904 / 28372.0, 3845 / 28372.0,
            7042 / 28372.0, 2498 / 28372.0, 4034 / 28372.0};

    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("predict")) {
            System.exit(PredictCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.in, System.out, System.err));
        }
        System.exit(run(args, System.out, System.err, ConsoleProgress.stdoutIsTerminal()));
    }

    /** The whole program, testable: returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        if (Options.wantsHelp(args)) {
            out.println(Options.USAGE);
            return 0;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            err.println("genre: " + e.getMessage());
            err.println("run with --help for the options");
            return 2;
        }
        try {
            return runExperiments(options, out, err, terminal);
        } catch (DataFileException e) {
            err.println("genre: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException
                    ? e.getClass().getSimpleName().replace("Exception", "") + " " + e.getMessage() : e.getMessage();
            err.println("genre: cannot write to " + options.out() + ": " + why);
            return 1;
        } catch (RuntimeException e) {
            err.println("genre: internal error, please report: " + e);
            return 1;
        }
    }

    private static int runExperiments(Options o, PrintStream out, PrintStream err, boolean terminal)
            throws DataFileException, IOException {
        PhaseClock clock = PhaseClock.fromProperty(err);
        clock.mark("jvm-start");
        Experiment first = o.experiments().get(0);
        KernelWarmUp warmUp = KernelWarmUp.enabled() ? KernelWarmUp.start(first, o.batchFor(first)) : null;
        String name = o.data().toString();
        SongTable loaded = SongTableLoader.load(o.data(), name);
        final SongTable table = o.syntheticFeatures() ? loaded.withFeatures(syntheticFeatures(loaded.rows())) : loaded;
        if (o.syntheticFeatures()) {
            out.println("timing run: the 22 features are uniform random numbers (seed 12345); accuracies using them mean nothing");
        }
        clock.mark("read-csv");
        describe(table, out);
        List<String> refusals = new ArrayList<>();
        for (Experiment e : o.experiments()) {
            String why = ExperimentRunner.whyNot(table, e);
            if (why != null) refusals.add("experiment " + e.id() + " (" + why + ")");
        }
        if (!refusals.isEmpty()) {
            throw new DataFileException(name, "cannot serve " + String.join(" or ", refusals)
                    + "; the complete tcc_ceds_music.csv serves all three (see data/README.md)");
        }

        TokenizedLyrics lyrics = table.hasLyrics() && o.experiments().stream().anyMatch(Experiment::usesLyrics)
                ? TokenizedLyrics.of(table.lyrics(), new BasicEnglishTokenizer()) : null;
        clock.mark("tokenize");
        double baseRate = baseRate(table);
        Outputs outputs = new Outputs(o.out());
        java.nio.file.Files.createDirectories(o.out());   // fail before training, not after
        if (warmUp != null) clock.mark("wait for the warm-up (" + warmUp.finish() + " steps)");
        PictureWarmUp pictureWarmUp = KernelWarmUp.enabled() ? PictureWarmUp.start() : null;
        List<RunResult> all = new ArrayList<>();
        ConsoleProgress progress = new ConsoleProgress(out, terminal);
        for (Experiment e : o.experiments()) {
            List<RunResult> runs = new ArrayList<>();
            for (long seed = 1; seed <= o.seeds(); seed++) {
                out.printf(Locale.ROOT, "%n== experiment %d (%s), seed %d: %d epochs, batch %d, %s, %s kernels%n",
                        e.ordinal() + 1, e.id(), seed, o.epochsFor(e), o.batchFor(e),
                        e == Experiment.NGRAMS ? o.ngrams().describe() + " (dense layers: Adam)" : "Adam lr " + Experiment.LEARNING_RATE,
                        Kernels.get().name());
                TrainedRun run = ExperimentRunner.run(table, lyrics, e, seed, o.epochsFor(e), o.batchFor(e), o.ngrams(), progress);
                if (run.vocabulary() != null) out.printf(Locale.ROOT, "vocabulary: %d entries (<unk> and the padding id %d included: %d embedding rows)%n",
                        run.vocabulary().size(), run.vocabulary().paddingId(), run.vocabulary().size() + 1);
                clock.mark("train " + e.id() + " seed " + seed);
                runs.add(run.result());
                all.add(run.result());
                outputs.results(all);
                out.println("model: " + outputs.model(run));
                clock.mark("results and model files");
                if (pictureWarmUp != null) pictureWarmUp.finish();
                if (e == Experiment.LYRICS && seed == 1) {
                    writePicture(err, () -> out.println("embedding PCA: " + outputs.embeddingMap(run, lyrics, table) + " (+ .html, .png)"));
                    clock.mark("embedding map");
                }
            }
            writePicture(err, () -> out.println("chart: " + outputs.accuracyChart(e, runs, baseRate) + " (+ .svg)"));
            clock.mark("accuracy chart");
            writePicture(err, () -> out.println("confusion matrix: " + outputs.confusionChart(e, runs)));
            clock.mark("confusion chart");
            summarize(e, runs, baseRate, out);
        }
        out.println("\nresults: " + o.out().resolve(Outputs.RESULTS));
        return 0;
    }

    /** A picture that fails (no fonts, headless trouble) costs a warning, not the results. */
    private interface PictureWriter { void write() throws IOException; }

    private static void writePicture(PrintStream err, PictureWriter w) throws IOException {
        try {
            w.write();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) throw (VirtualMachineError) e;
            err.println("genre: warning: a picture could not be drawn (" + e + "); results.json is complete");
        }
    }

    private static void describe(SongTable t, PrintStream out) {
        List<String> serves = new ArrayList<>(), cannot = new ArrayList<>();
        for (Experiment e : Experiment.PUBLISHED) {
            String why = ExperimentRunner.whyNot(t, e);
            if (why == null) serves.add(e.id());
            else cannot.add(e.id() + " (" + why + ")");
        }
        out.printf(Locale.ROOT, "data: %s: %d rows; serves %s%s%n", t.file(), t.rows(),
                serves.isEmpty() ? "no experiment" : String.join(", ", serves),
                cannot.isEmpty() ? "" : "; cannot serve " + String.join(", ", cannot));
        int[] counts = t.genreCounts();
        StringBuilder mix = new StringBuilder("genres:");
        String worst = null;
        double worstGap = 0;
        for (int g = 0; g < counts.length; g++) {
            double share = (double) counts[g] / t.rows();
            mix.append(String.format(Locale.ROOT, " %s %.1f%%", LabelEncoder.GENRES.decode(g), 100 * share));
            double gap = Math.abs(share - FULL_DATA_SHARES[g]);
            if (gap > worstGap) { worstGap = gap; worst = String.format(Locale.ROOT, "%s %.1f%% here, %.1f%% in the full data",
                    LabelEncoder.GENRES.decode(g), 100 * share, 100 * FULL_DATA_SHARES[g]); }
        }
        out.println(mix);
        if (worstGap > 0.05) {
            out.println("note: this file's genre mix is far from the complete dataset's (" + worst
                    + "): it is not a representative sample, and results on it are not comparable with the published ones");
        }
    }

    /** The share of the most common genre: the accuracy of always guessing it. */
    static double baseRate(SongTable t) {
        int best = 0;
        for (int c : t.genreCounts()) best = Math.max(best, c);
        return (double) best / t.rows();
    }

    private static void summarize(Experiment e, List<RunResult> runs, double baseRate, PrintStream out) {
        double[] val = new double[runs.size()], train = new double[runs.size()];
        double secondsSum = 0;
        int epochCount = 0;
        for (int i = 0; i < runs.size(); i++) {
            val[i] = runs.get(i).valAccuracy();
            train[i] = runs.get(i).trainAccuracy();
            for (var ep : runs.get(i).epochs()) { secondsSum += ep.seconds(); epochCount++; }
        }
        double[] f1 = new double[runs.size()];
        double seconds = 0;
        for (int i = 0; i < runs.size(); i++) {
            f1[i] = runs.get(i).confusion() == null ? Double.NaN : Metrics.macroF1(runs.get(i).confusion());
            for (var ep : runs.get(i).epochs()) seconds += ep.seconds();
        }
        out.printf(Locale.ROOT, "summary %s: validation %s, macro-F1 %s, train %s over %d seed(s); %sbase rate %.3f; %.3f s per training epoch, %.1f s per seed%n",
                e.id(), meanStd(val), meanStd(f1), meanStd(train), runs.size(),
                Double.isNaN(e.publishedValAccuracy()) ? "" : String.format(Locale.ROOT, "published validation %.3f%s; ", e.publishedValAccuracy(),
                        Double.isNaN(e.publishedTrainAccuracy()) ? "" : String.format(Locale.ROOT, ", train %.3f", e.publishedTrainAccuracy())),
                baseRate, secondsSum / Math.max(1, epochCount), seconds / runs.size());
        if (runs.get(0).confusion() != null) {
            int[][] sum = Metrics.sum(runs);
            double[] perGenre = Metrics.f1PerClass(sum);
            StringBuilder sb = new StringBuilder("per-genre F1 (validation, all seeds pooled):");
            for (int g = 0; g < perGenre.length; g++) sb.append(String.format(Locale.ROOT, " %s %.3f", LabelEncoder.GENRES.decode(g), perGenre[g]));
            out.println(sb);
        }
    }

    /** "mean ± sample std" of {@code xs} (just the mean for one value). */
    static String meanStd(double[] xs) {
        double mean = 0;
        for (double x : xs) mean += x / xs.length;
        if (xs.length < 2) return String.format(Locale.ROOT, "%.3f", mean);
        double ss = 0;
        for (double x : xs) ss += (x - mean) * (x - mean);
        return String.format(Locale.ROOT, "%.3f ± %.3f", mean, Math.sqrt(ss / (xs.length - 1)));
    }

    /** Uniform [0, 1) features {@code [rows, 22]}, for timing experiments 2 and 3 at full size. */
    static float[] syntheticFeatures(int rows) {
        Rng rng = new Rng(12345);
        float[] f = new float[rows * SongColumns.FEATURES.size()];
        for (int i = 0; i < f.length; i++) f[i] = rng.nextFloat();
        return f;
    }
}
