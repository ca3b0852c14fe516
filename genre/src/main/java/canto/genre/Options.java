package canto.genre;

import canto.genre.train.Experiment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line, parsed and checked.
 *
 * @param experiments the experiments to run, in order
 * @param epochs epochs per run, or 0 for each experiment's published count
 * @param batch batch size, or 0 for each experiment's published size
 * @param seeds runs per experiment, with seeds 1, 2, ..., seeds
 * @param syntheticFeatures replace the 22 features with random numbers (timing runs only)
 */
public record Options(List<Experiment> experiments, Path data, int epochs, int batch, int seeds, Path out,
                      boolean syntheticFeatures) {

    public static final String USAGE = String.join("\n",
            "usage: java --add-modules jdk.incubator.vector -jar genre.jar --experiment lyrics|features|combined|all --data FILE",
            "                 [--epochs N] [--batch N] [--seeds N] [--out DIR] [--synthetic-features]",
            "",
            "Reproduces the three experiments of \"Deep Music Genre Classification\" (2024) on tcc_ceds_music.csv.",
            "  --experiment  lyrics (exp. 1: 30 epochs, batch 8), features (exp. 2: 50 epochs, batch 16),",
            "                combined (exp. 3: 40 epochs, batch 16), or all three",
            "  --data FILE   tcc_ceds_music.csv or a partial copy (columns are found by name)",
            "  --epochs N    epochs per run (default: the published count)",
            "  --batch N     batch size (default: the published size)",
            "  --seeds N     runs per experiment, seeds 1..N; each seed gives its own split (default 1)",
            "  --out DIR     where results.json and the pictures go (default out/)",
            "  --synthetic-features  replace the 22 features by random numbers: for timing experiments 2 and 3",
            "                on a file without them; the accuracies then mean nothing",
            "Each run saves its model under DIR/models/<experiment>-seed<S>/ (model.safetensors, vocab.txt, validation.txt);",
            "`genre.jar predict --help` tells how to use one.",
            "Without --add-modules jdk.incubator.vector the same runs use the scalar kernels (slower).",
            "",
            "example: java --add-modules jdk.incubator.vector -jar genre/target/genre.jar --experiment lyrics \\",
            "           --data data/genre/tcc_ceds_music_lyrics_all_rows.csv --seeds 5 --out out/lyrics");

    /** Thrown for a bad command line; the message is one line for the user. */
    public static final class UsageException extends Exception {
        public UsageException(String message) { super(message); }
    }

    /** True when {@code args} ask for the help text. */
    public static boolean wantsHelp(String[] args) {
        for (String a : args) if (a.equals("--help") || a.equals("-h")) return true;
        return false;
    }

    public static Options parse(String[] args) throws UsageException {
        List<Experiment> experiments = null;
        Path data = null, out = Path.of("out");
        int epochs = 0, batch = 0, seeds = 1;
        boolean synthetic = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--experiment": {
                    String v = value(args, ++i, a);
                    if (v.equals("all")) {
                        experiments = List.of(Experiment.values());
                    } else {
                        Experiment e = Experiment.byId(v);
                        if (e == null) throw new UsageException("--experiment must be lyrics, features, combined or all, not '" + v + "'");
                        experiments = List.of(e);
                    }
                    break;
                }
                case "--data": data = Path.of(value(args, ++i, a)); break;
                case "--epochs": epochs = positive(args, ++i, a); break;
                case "--batch": batch = positive(args, ++i, a); break;
                case "--seeds": seeds = positive(args, ++i, a); break;
                case "--out": out = Path.of(value(args, ++i, a)); break;
                case "--synthetic-features": synthetic = true; break;
                default: throw new UsageException("unknown option '" + a + "'");
            }
        }
        List<String> missing = new ArrayList<>();
        if (experiments == null) missing.add("--experiment");
        if (data == null) missing.add("--data");
        if (!missing.isEmpty()) throw new UsageException("missing " + String.join(" and ", missing));
        return new Options(experiments, data, epochs, batch, seeds, out, synthetic);
    }

    /** Epochs for {@code e}: the option, or the published count. */
    public int epochsFor(Experiment e) { return epochs > 0 ? epochs : e.publishedEpochs(); }

    /** Batch size for {@code e}: the option, or the published size. */
    public int batchFor(Experiment e) { return batch > 0 ? batch : e.publishedBatchSize(); }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) throw new UsageException(option + " needs a value");
        return args[i];
    }

    private static int positive(String[] args, int i, String option) throws UsageException {
        String v = value(args, i, option);
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 1_000_000) return n;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException(option + " must be a whole number from 1 to 1000000, not '" + v + "'");
    }
}
