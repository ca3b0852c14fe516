package canto.tagger.learn;

import canto.tagger.cli.FileCollector;
import canto.tagger.cli.InputFile;
import canto.tagger.id3.TagException;
import canto.tagger.id3.TagTexts;
import canto.tagger.model.DataException;
import canto.tagger.training.LabelledTitle;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code learn [--verbose] [--seed N] DIR|FILE...} and {@code learn --forget}: reads the
 * TPE1 / TIT2 tags of MP3 files whose names are video titles, turns those that align with
 * the name into examples ({@link TagAligner}), adds them to the user's examples and trains
 * the user model again ({@link UserModelLearner}). Prints how many examples it used and how
 * many files it skipped, and why.
 */
public final class LearnCommand {
    static final String USAGE = "usage: tagger learn [--verbose] [--seed N] DIR|FILE...   (learn from MP3s you tagged)\n"
            + "       tagger learn --forget                            (remove your model and its examples)";

    private LearnCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        boolean forget = false, verbose = false;
        long seed = UserModelTrainer.Settings.defaults().seed();
        List<String> paths = new ArrayList<>();
        boolean options = true;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (options && a.equals("--")) options = false;
            else if (options && a.equals("--forget")) forget = true;
            else if (options && (a.equals("-v") || a.equals("--verbose"))) verbose = true;
            else if (options && a.equals("--seed")) {
                try {
                    seed = Long.parseLong(args.get(++i));
                } catch (IndexOutOfBoundsException | NumberFormatException e) {
                    return usage(err, "--seed needs a whole number");
                }
            } else if (options && (a.equals("-h") || a.equals("--help"))) { out.println(USAGE); return 0; }
            else if (options && a.startsWith("-") && !a.equals("-")) return usage(err, "unknown option " + a);
            else paths.add(a);
        }
        UserModelStore store = UserModelStore.of(env);
        if (forget) {
            if (!paths.isEmpty()) return usage(err, "--forget takes no files");
            try {
                List<Path> removed = store.forget();
                out.println(removed.isEmpty() ? "tagger learn: there is no user model in " + store.dir() + "; nothing to forget"
                        : "tagger learn: removed " + String.join(" and ", removed.stream().map(Path::toString).toList()));
                return 0;
            } catch (IOException e) {
                err.println("tagger learn: cannot remove the user model in " + store.dir() + ": " + e.getMessage());
                return 1;
            }
        }
        if (paths.isEmpty()) return usage(err, "no files given");
        if (System.getProperty("canto.kernels") == null) System.setProperty("canto.kernels", "scalar");
        List<InputFile> files = FileCollector.collect(paths, note -> err.println("tagger learn: " + note));
        List<LabelledTitle> examples = new ArrayList<>();
        Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
        for (InputFile f : files) {
            SkipReason why;
            String detail = null;
            if (f.error() != null) {
                why = SkipReason.NOT_READABLE;
                detail = f.error();
            } else {
                TagAligner.Result r;
                try {
                    TagTexts tags = TagTexts.read(f.path());
                    r = TagAligner.align(f.path().getFileName().toString(), tags.artist(), tags.title(), f.shown());
                } catch (TagException e) {
                    r = TagAligner.Result.skip(SkipReason.NOT_READABLE);
                    detail = e.getMessage();
                }
                if (r.example() != null) {
                    examples.add(r.example());
                    if (verbose) out.println("EXAMPLE  " + f.shown() + "  artist=" + String.join(" / ", r.example().artists())
                            + " title=" + String.join(" / ", r.example().titles()));
                    continue;
                }
                why = r.skipped();
            }
            skipped.merge(why, 1, Integer::sum);
            if (verbose) out.println("SKIPPED  " + f.shown() + ": " + why.why() + (detail == null ? "" : " (" + detail + ")"));
        }
        int skippedTotal = skipped.values().stream().mapToInt(Integer::intValue).sum();
        out.println("tagger learn: " + LearnReport.count(files.size(), "file") + ": " + LearnReport.count(examples.size(), "example")
                + " used, " + skippedTotal + " skipped"
                + (skippedTotal == 0 ? "" : ":"));
        LearnReport.reasons(out, skipped);
        if (examples.isEmpty()) {
            out.println("tagger learn: nothing new to learn; " + (store.hasModel() ? "your model is left as it was" : "no model was made"));
            return 0;
        }
        try {
            UserModelLearner.Outcome o = UserModelLearner.learn(store, examples, UserModelTrainer.Settings.defaults().withSeed(seed), null);
            out.println("tagger learn: " + LearnReport.describe(o, store));
            return 0;
        } catch (IOException | DataException | IllegalStateException e) {
            err.println("tagger learn: cannot save the user model in " + store.dir() + ": " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err, String why) {
        err.println("tagger learn: " + why);
        err.println(USAGE);
        return 2;
    }
}
