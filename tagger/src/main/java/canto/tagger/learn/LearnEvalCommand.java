package canto.tagger.learn;

import canto.engine.util.Rng;
import canto.tagger.features.ArtistLexicon;
import canto.tagger.model.DataException;
import canto.tagger.model.NeuralTitleParser;
import canto.tagger.model.ParsedTitle;
import canto.tagger.model.TitleParser;
import canto.tagger.training.LabelledTitle;
import canto.tagger.training.LabelledTitles;
import canto.tagger.training.ParserTraining;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code eval-learn [--data FILE | --library FILE] [--other FILE...] [--seeds N] [--first-seed N]
 * [settings...]}: what learning from a library gains, measured on titles the models never saw.
 * For each seed the real labelled titles are shuffled and cut in three: a base model stands for
 * the bundled one (trained as it is, {@link ParserTraining.Recipe#defaults}, on the written
 * titles and the first third); the second third is the user's library (turned into examples by
 * {@link TagAligner} from its artist / title as TPE1 / TIT2, exactly as {@code learn} reads
 * tagged files); the user model is trained from the base on them as {@code learn} does; both
 * parse the last third (then library and test swap). Prints both-exact rates of base and user
 * model, and on each {@code --other} file (titles of other kinds). Each setting takes a comma
 * list; every combination is trained from the same base models and reported on its own.
 */
public final class LearnEvalCommand {
    static final String USAGE = "usage: tagger eval-learn [--data FILE | --library FILE] [--written FILE] [--other FILE]... [--seeds N] [--first-seed N]\n"
            + "    [--epochs N,..] [--lr X,..] [--repeats N,..] [--dropout X,..] [--generated N,..]\n"
            + "    [--replay-words X,..] [--user-words X,..] [--shared-step X,..] [--weight X,..] [--replay-names on|off,..]\n"
            + "    [--pull X,..] [--decay X,..] [--mix X,..] [--hard X,..] [--errors] [--capacity]\n"
            + "  --pull: L2 penalty weight on the change from the base weights; --decay: decoupled pull back per step (x lr);\n"
            + "  --mix: the user model's weights a fraction X of the way from the base (1 = as trained);\n"
            + "  --hard: user examples the base parses wrong are repeated X times as often (1 = as the others)\n"
            + "  --errors: every test title base or user model gets wrong (lib: its artists are in the library; known: in the base's lexicon)\n"
            + "  --capacity: also a user model (first setting) whose library holds the test titles too: what training can fit, not a gain\n"
            + "  --library FILE: the bundled model is the base; FILE is cut in halves (library, test), both ways\n"
            + "  default data: data/tagger/titles-train.tsv; written titles: data/tagger/titles-written.tsv\n"
            + "  settings default to those of 'learn'; a comma list tries each value (every combination)";

    private LearnEvalCommand() {}

    /** Counts of both-exact parses of one setting, summed over seeds and splits. */
    private static final class Tally {
        final UserModelTrainer.Settings settings;
        int test, tested;
        final int[] other, otherSize;
        double seconds;

        Tally(UserModelTrainer.Settings s, int others) { settings = s; other = new int[others]; otherSize = new int[others]; }
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path data = Path.of("data", "tagger", "titles-train.tsv"), written = Path.of("data", "tagger", "titles-written.tsv");
        List<Path> others = new ArrayList<>();
        Path librarySet = null;
        int seeds = 3;
        boolean errors = false, capacity = false;
        long firstSeed = 1;
        List<UserModelTrainer.Settings> grid = new ArrayList<>(List.of(UserModelTrainer.Settings.defaults()));
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                String v = i + 1 < args.size() ? args.get(i + 1) : null;
                switch (a) {
                    case "--data": if (v == null) return usage(err); data = Path.of(v); i++; break;
                    case "--library": if (v == null) return usage(err); librarySet = Path.of(v); i++; break;
                    case "--written": if (v == null) return usage(err); written = Path.of(v); i++; break;
                    case "--other": if (v == null) return usage(err); others.add(Path.of(v)); i++; break;
                    case "--seeds": if (v == null) return usage(err); seeds = Integer.parseInt(v); i++; break;
                    case "--first-seed": if (v == null) return usage(err); firstSeed = Long.parseLong(v); i++; break;
                    case "--errors": errors = true; break;
                    case "--capacity": capacity = true; break;
                    case "--epochs": if (v == null) return usage(err); grid = expand(grid, v, (s, x) -> s.withEpochs(Integer.parseInt(x))); i++; break;
                    case "--lr": if (v == null) return usage(err); grid = expand(grid, v, (s, x) -> s.withLr(Float.parseFloat(x))); i++; break;
                    case "--repeats": if (v == null) return usage(err); grid = expand(grid, v, (s, x) -> s.withMaxRepeats(Integer.parseInt(x))); i++; break;
                    case "--dropout": if (v == null) return usage(err); grid = expand(grid, v, (s, x) -> s.withDropout(Float.parseFloat(x))); i++; break;
                    case "--generated": if (v == null) return usage(err); grid = expand(grid, v, (s, x) -> s.withGenerated(Integer.parseInt(x))); i++; break;
                    case "--replay-words": if (v == null) return usage(err); grid = expand(grid, v, (s, x) -> s.withReplayWords(Float.parseFloat(x))); i++; break;
                    case "--user-words": if (v == null) return usage(err); grid = expand(grid, v, (s, x) -> s.withUserWords(Float.parseFloat(x))); i++; break;
                    case "--shared-step": if (v == null) return usage(err); grid = expand(grid, v, (s, x) -> s.withSharedStep(Float.parseFloat(x))); i++; break;
                    case "--weight": if (v == null) return usage(err); grid = expand(grid, v, (s, x) -> s.withWeight(Float.parseFloat(x))); i++; break;
                    case "--pull": if (v == null) return usage(err); grid = expand(grid, v, (s, x) -> s.withPull(Float.parseFloat(x))); i++; break;
                    case "--decay": if (v == null) return usage(err); grid = expand(grid, v, (s, x) -> s.withDecay(Float.parseFloat(x))); i++; break;
                    case "--mix": if (v == null) return usage(err); grid = expand(grid, v, (s, x) -> s.withMix(Float.parseFloat(x))); i++; break;
                    case "--hard": if (v == null) return usage(err); grid = expand(grid, v, (s, x) -> s.withHard(Float.parseFloat(x))); i++; break;
                    case "--replay-names": if (v == null) return usage(err); grid = expand(grid, v, (s, x) -> s.withReplayNames(onOff(x))); i++; break;
                    case "-h": case "--help": out.println(USAGE); return 0;
                    default: return usage(err);
                }
            }
        } catch (IllegalArgumentException e) { // NumberFormatException too
            err.println("tagger eval-learn: " + e.getMessage());
            return usage(err);
        }
        if (System.getProperty("canto.kernels") == null) System.setProperty("canto.kernels", "scalar");
        List<LabelledTitle> real, writ;
        List<List<LabelledTitle>> other = new ArrayList<>();
        try {
            real = LabelledTitles.read(librarySet != null ? librarySet : data, true);
            writ = LabelledTitles.read(written, false);
            for (Path p : others) other.add(LabelledTitles.read(p, true));
        } catch (IOException | DataException e) {
            err.println("tagger eval-learn: " + e.getMessage());
            return 1;
        }
        out.printf(Locale.ROOT, "%d real titles, %d written; %s; %d setting%s%n", real.size(), writ.size(),
                librarySet != null ? "base: the bundled model, library and test: halves of " + librarySet
                        : "base: trained as the bundled model on the written titles + a third, library and test: the other thirds",
                grid.size(), grid.size() == 1 ? ": " + grid.get(0).describe() : "s");
        Tally base = new Tally(null, others.size()), lexiconOnly = new Tally(null, others.size()), fitted = new Tally(null, others.size());
        List<Tally> tallies = new ArrayList<>();
        for (UserModelTrainer.Settings s : grid) tallies.add(new Tally(s, others.size()));
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            int[] order = new int[real.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            new Rng(seed).shuffle(order);
            List<LabelledTitle> b = new ArrayList<>(writ), x = new ArrayList<>(), y = new ArrayList<>();
            NeuralTitleParser baseParser;
            if (librarySet != null) {
                for (int p = 0; p < order.length; p++) (p % 2 == 0 ? x : y).add(real.get(order[p]));
                baseParser = NeuralTitleParser.loadBundled();
            } else {
                for (int p = 0; p < order.length; p++) (p % 3 == 0 ? b : p % 3 == 1 ? x : y).add(real.get(order[p]));
                ParserTraining.Recipe recipe = ParserTraining.Recipe.defaults(seed);
                // the base parses with the lexicon it was trained for (the known acts), as the bundled model does
                baseParser = new NeuralTitleParser(ParserTraining.train(b, recipe, null), Map.of(), recipe.lexicon());
            }
            int[] baseOther = new int[others.size()];
            for (int k = 0; k < others.size(); k++) baseOther[k] = bothExact(baseParser, other.get(k));
            for (int swap = 0; swap < 2; swap++) {
                List<LabelledTitle> library = swap == 0 ? x : y, test = swap == 0 ? y : x;
                List<LabelledTitle> examples = new ArrayList<>();
                Map<SkipReason, Integer> skips = new EnumMap<>(SkipReason.class);
                for (LabelledTitle t : library) {
                    TagAligner.Result r = TagAligner.align(t.title(), String.join(" / ", t.artists()),
                            String.join(" / ", t.titles()), t.source());
                    if (r.example() != null) examples.add(r.example());
                    else skips.merge(r.skipped(), 1, Integer::sum);
                }
                examples = ExampleFile.merge(List.of(), examples);
                int bOk = bothExact(baseParser, test);
                base.test += bOk;
                base.tested += test.size();
                for (int k = 0; k < others.size(); k++) { base.other[k] += baseOther[k]; base.otherSize[k] += other.get(k).size(); }
                NeuralTitleParser namesOnly = new NeuralTitleParser(baseParser.model(), baseParser.metadata(),
                        baseParser.lexicon().plus(LabelledTitles.artistLexicon(examples)));
                int nOk = bothExact(namesOnly, test);
                lexiconOnly.test += nOk;
                lexiconOnly.tested += test.size();
                out.printf(Locale.ROOT, "seed %d split %d: library %d titles -> %d examples %s; test %d: base %.1f%%%s; base + the library's names in its lexicon (no training) %.1f%%%n", seed, swap,
                        library.size(), examples.size(), skips, test.size(), pct(bOk, test.size()), otherText(others, baseOther, other),
                        pct(nOk, test.size()));
                for (Tally tally : tallies) {
                    UserModelTrainer.Settings s = tally.settings.withSeed(seed);
                    long t0 = System.nanoTime();
                    NeuralTitleParser user = UserModelTrainer.train(baseParser, examples, UserModelTrainer.replayTitles(s), s, null)
                            .parser(Map.of());
                    double secs = (System.nanoTime() - t0) / 1e9;
                    tally.seconds += secs;
                    int uOk = bothExact(user, test);
                    tally.test += uOk;
                    tally.tested += test.size();
                    int[] uOther = new int[others.size()];
                    for (int k = 0; k < others.size(); k++) {
                        uOther[k] = bothExact(user, other.get(k));
                        tally.other[k] += uOther[k];
                        tally.otherSize[k] += other.get(k).size();
                    }
                    out.printf(Locale.ROOT, "  user [%s]: %.1f%%%s (%.1f s)%n", tally.settings.describe(), pct(uOk, test.size()),
                            otherText(others, uOther, other), secs);
                    if (errors) printErrors(out, baseParser, user, test, LabelledTitles.artistLexicon(examples), baseParser.lexicon());
                }
                if (capacity) {
                    int fOk = fittedCount(baseParser, examples, test, grid.get(0).withSeed(seed));
                    fitted.test += fOk;
                    fitted.tested += test.size();
                    out.printf(Locale.ROOT, "  capacity (the test titles in the library too): %.1f%%%n", pct(fOk, test.size()));
                }
            }
        }
        out.printf(Locale.ROOT, "all (seeds %d-%d): both exact on the unseen part: base %.1f%% (%d/%d)%s%n", firstSeed, firstSeed + seeds - 1,
                pct(base.test, base.tested), base.test, base.tested, otherTotals(others, base, null));
        out.printf(Locale.ROOT, "  base + the library's names in its lexicon, no training: %.1f%% (%d/%d), gain %+.1f points%n",
                pct(lexiconOnly.test, lexiconOnly.tested), lexiconOnly.test, lexiconOnly.tested,
                100.0 * (lexiconOnly.test - base.test) / lexiconOnly.tested);
        if (capacity) {
            out.printf(Locale.ROOT, "  capacity, the test titles in the library too (what training can fit, not a gain): %.1f%% (%d/%d), %+.1f points%n",
                    pct(fitted.test, fitted.tested), fitted.test, fitted.tested, 100.0 * (fitted.test - base.test) / fitted.tested);
        }
        for (Tally t : tallies) {
            out.printf(Locale.ROOT, "  user [%s]: %.1f%% (%d/%d), gain %+.1f points%s; %.1f s per user model%n", t.settings.describe(),
                    pct(t.test, t.tested), t.test, t.tested, 100.0 * (t.test - base.test) / t.tested, otherTotals(others, t, base),
                    t.seconds / (2.0 * seeds));
        }
        return 0;
    }

    private static List<UserModelTrainer.Settings> expand(List<UserModelTrainer.Settings> grid, String values,
                                                          BiFunction<UserModelTrainer.Settings, String, UserModelTrainer.Settings> with) {
        List<UserModelTrainer.Settings> out = new ArrayList<>();
        for (UserModelTrainer.Settings s : grid) for (String v : values.split(",")) out.add(with.apply(s, v.strip()));
        return out;
    }

    private static boolean onOff(String v) {
        if (v.equals("on")) return true;
        if (v.equals("off")) return false;
        throw new IllegalArgumentException("takes on or off, not '" + v + "'");
    }

    private static double pct(int ok, int n) { return 100.0 * ok / n; }

    private static String otherText(List<Path> names, int[] ok, List<List<LabelledTitle>> sets) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < names.size(); k++) {
            b.append(String.format(Locale.ROOT, "; %s %.1f%%", names.get(k).getFileName(), pct(ok[k], sets.get(k).size())));
        }
        return b.toString();
    }

    private static String otherTotals(List<Path> names, Tally t, Tally base) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < names.size(); k++) {
            b.append(String.format(Locale.ROOT, "; %s %.1f%%", names.get(k).getFileName(), pct(t.other[k], t.otherSize[k])));
            if (base != null) b.append(String.format(Locale.ROOT, " (%+.1f)", 100.0 * (t.other[k] - base.other[k]) / t.otherSize[k]));
        }
        return b.toString();
    }

    /**
     * How many of {@code test} a user model parses both exact when its library holds the test titles
     * too (aligned as the library's): the most the training can fit, an upper bound of any gain.
     */
    private static int fittedCount(NeuralTitleParser baseParser, List<LabelledTitle> examples, List<LabelledTitle> test,
                                   UserModelTrainer.Settings s) {
        List<LabelledTitle> all = new ArrayList<>(examples);
        for (LabelledTitle t : test) {
            TagAligner.Result r = TagAligner.align(t.title(), String.join(" / ", t.artists()), String.join(" / ", t.titles()), t.source());
            if (r.example() != null) all.add(r.example());
        }
        all = ExampleFile.merge(List.of(), all);
        return bothExact(UserModelTrainer.train(baseParser, all, UserModelTrainer.replayTitles(s), s, null).parser(Map.of()), test);
    }

    /**
     * The test titles base or user model gets wrong, one line each: {@code B}/{@code U} where base / user
     * is right, then whether every gold artist is a name the library's examples confirm ({@code lib})
     * and whether every one is a name the base's lexicon knows ({@code known}), for sorting the
     * errors into what a library can teach and what it cannot.
     */
    private static void printErrors(PrintStream out, TitleParser baseParser, TitleParser user, List<LabelledTitle> test,
                                    ArtistLexicon library, ArtistLexicon known) {
        for (LabelledTitle t : test) {
            ParsedTitle pb = baseParser.parse(t.title()), pu = user.parse(t.title());
            boolean okB = ok(t, pb), okU = ok(t, pu);
            if (okB && okU) continue;
            out.println("    " + (okB ? "B" : "-") + (okU ? "U" : "-") + " " + (allIn(t.artists(), library) ? "lib " : "    ")
                    + (allIn(t.artists(), known) ? "known " : "      ") + t.title() + " | gold " + t.artists() + t.titles()
                    + " | base " + pb.artists() + pb.titles() + " | user " + pu.artists() + pu.titles());
        }
    }

    /** Whether the lexicon has every one of the artist names (and there is at least one). */
    static boolean allIn(List<String> artists, ArtistLexicon lexicon) {
        if (artists.isEmpty()) return false;
        for (String a : artists) if (!lexicon.contains(ArtistLexicon.key(a))) return false;
        return true;
    }

    private static int usage(PrintStream err) {
        err.println(USAGE);
        return 2;
    }

    static int bothExact(TitleParser parser, List<LabelledTitle> titles) { return BothExact.count(parser, titles); }

    private static boolean ok(LabelledTitle t, ParsedTitle p) { return BothExact.of(t, p); }
}
