package canto.tagger.learn;

import canto.engine.util.Rng;
import canto.tagger.model.DataException;
import canto.tagger.training.LabelledTitle;
import canto.tagger.training.LabelledTitles;
import canto.tagger.model.NeuralTitleParser;
import canto.tagger.model.ParsedTitle;
import canto.tagger.model.Pieces;
import canto.tagger.model.TokenClassifier;
import canto.tagger.training.Trainer;
import canto.tagger.model.TitleParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code eval-learn [--data FILE] [--other FILE...] [--seeds N]}: what learning from a library
 * gains, measured on titles the models never saw. For each seed the real labelled titles are
 * shuffled and cut in three: a base model stands for the bundled one (trained as it is, on
 * the written titles and the first third); the second third is the user's library (turned
 * into examples by {@link TagAligner} from its artist / title as TPE1 / TIT2, exactly as
 * {@code learn} reads tagged files); the user model is trained from the base on them as
 * {@code learn} does; both parse the last third (then library and test swap). Prints both-exact
 * rates of base and user model, and on each {@code --other} file (titles of other kinds).
 */
public final class LearnEvalCommand {
    static final String USAGE = "usage: tagger eval-learn [--data FILE | --library FILE] [--other FILE]... [--seeds N] [--first-seed N]\n"
            + "    [--epochs N] [--lr X] [--repeats N] [--errors]\n"
            + "  --library FILE: the bundled model is the base; FILE is cut in halves (library, test), both ways\n"
            + "  default data: data/tagger/titles-train.tsv; written titles: data/tagger/titles-written.tsv";

    private LearnEvalCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path data = Path.of("data", "tagger", "titles-train.tsv"), written = Path.of("data", "tagger", "titles-written.tsv");
        List<Path> others = new ArrayList<>();
        Path librarySet = null;
        int seeds = 3;
        boolean errors = false;
        long firstSeed = 1;
        UserModelTrainer.Settings settings = UserModelTrainer.Settings.defaults();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String v = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "--data": if (v == null) return usage(err); data = Path.of(v); i++; break;
                case "--library": if (v == null) return usage(err); librarySet = Path.of(v); i++; break;
                case "--other": if (v == null) return usage(err); others.add(Path.of(v)); i++; break;
                case "--seeds":
                    if (v == null) return usage(err);
                    try { seeds = Integer.parseInt(v); } catch (NumberFormatException e) { return usage(err); }
                    i++;
                    break;
                case "--errors": errors = true; break;
                case "--first-seed": if (v == null) return usage(err); firstSeed = Long.parseLong(v); i++; break;
                case "--epochs": if (v == null) return usage(err);
                    settings = new UserModelTrainer.Settings(Integer.parseInt(v), settings.lr(), settings.maxRepeats(), settings.seed()); i++; break;
                case "--lr": if (v == null) return usage(err);
                    settings = new UserModelTrainer.Settings(settings.epochs(), Float.parseFloat(v), settings.maxRepeats(), settings.seed()); i++; break;
                case "--repeats": if (v == null) return usage(err);
                    settings = new UserModelTrainer.Settings(settings.epochs(), settings.lr(), Integer.parseInt(v), settings.seed()); i++; break;
                case "-h": case "--help": out.println(USAGE); return 0;
                default: return usage(err);
            }
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
        List<LabelledTitle> replay = UserModelTrainer.replayTitles();
        out.printf(Locale.ROOT, "%d real titles, %d written; user model replays %d titles; settings %s%n", real.size(), writ.size(),
                replay.size(), settings);
        int[] base = new int[2 + 2 * others.size()], user = new int[base.length];
        int tested = 0;
        int[] otherSize = new int[others.size()];
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            List<LabelledTitle> shuffled = new ArrayList<>(real);
            int[] order = new int[shuffled.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            new Rng(seed).shuffle(order);
            List<LabelledTitle> b = new ArrayList<>(writ), x = new ArrayList<>(), y = new ArrayList<>();
            NeuralTitleParser baseParser;
            if (librarySet != null) {
                // the bundled model is the base; the set is cut in two halves
                for (int p = 0; p < order.length; p++) (p % 2 == 0 ? x : y).add(real.get(order[p]));
                baseParser = NeuralTitleParser.loadBundled();
            } else {
                for (int p = 0; p < order.length; p++) (p % 3 == 0 ? b : p % 3 == 1 ? x : y).add(real.get(order[p]));
                TokenClassifier m0 = Trainer.train(b, TokenClassifier.Config.defaults(), Trainer.Options.defaults(seed), null);
                baseParser = new NeuralTitleParser(m0, Map.of());
            }
            for (int swap = 0; swap < 2; swap++) {
                List<LabelledTitle> library = swap == 0 ? x : y, test = swap == 0 ? y : x;
                List<LabelledTitle> examples = new ArrayList<>();
                Map<SkipReason, Integer> skips = new java.util.EnumMap<>(SkipReason.class);
                for (LabelledTitle t : library) {
                    TagAligner.Result r = TagAligner.align(t.title(), String.join(" / ", t.artists()),
                            String.join(" / ", t.titles()), t.source());
                    if (r.example() != null) examples.add(r.example());
                    else skips.merge(r.skipped(), 1, Integer::sum);
                }
                long t0 = System.nanoTime();
                NeuralTitleParser userParser = UserModelTrainer.train(baseParser,
                        ExampleFile.merge(List.of(), examples), replay, settings.withSeed(seed), null).parser(Map.of());
                double secs = (System.nanoTime() - t0) / 1e9;
                int bOk = bothExact(baseParser, test), uOk = bothExact(userParser, test);
                base[0] += bOk;
                user[0] += uOk;
                tested += test.size();
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                        "seed %d split %d: library %d titles -> %d examples %s; test %d: base %.1f%%, user %.1f%% (%.1f s)",
                        seed, swap, library.size(), examples.size(), skips, test.size(), 100.0 * bOk / test.size(), 100.0 * uOk / test.size(), secs));
                for (int k = 0; k < other.size(); k++) {
                    int ob = bothExact(baseParser, other.get(k)), ou = bothExact(userParser, other.get(k));
                    base[2 + k] += ob;
                    user[2 + k] += ou;
                    otherSize[k] += other.get(k).size();
                    line.append(String.format(Locale.ROOT, "; %s: base %.1f%%, user %.1f%%", others.get(k).getFileName(),
                            100.0 * ob / other.get(k).size(), 100.0 * ou / other.get(k).size()));
                }
                out.println(line);
                if (errors) {
                    for (LabelledTitle t : test) {
                        ParsedTitle pb = baseParser.parse(t.title()), pu = userParser.parse(t.title());
                        boolean okB = ok(t, pb), okU = ok(t, pu);
                        if (okB && okU) continue;
                        out.println("  " + (okB ? "B" : "-") + (okU ? "U" : "-") + " " + t.title() + " | gold " + t.artists() + t.titles()
                                + " | base " + pb.artists() + pb.titles() + " | user " + pu.artists() + pu.titles());
                    }
                }
            }
        }
        out.printf(Locale.ROOT, "all: both exact on the unseen part: base %.1f%% (%d/%d), user %.1f%% (%d/%d), gain %+.1f points%n",
                100.0 * base[0] / tested, base[0], tested, 100.0 * user[0] / tested, user[0], tested, 100.0 * (user[0] - base[0]) / tested);
        for (int k = 0; k < others.size(); k++) {
            out.printf(Locale.ROOT, "%s: base %.1f%%, user %.1f%%, change %+.1f points%n", others.get(k).getFileName(),
                    100.0 * base[2 + k] / otherSize[k], 100.0 * user[2 + k] / otherSize[k], 100.0 * (user[2 + k] - base[2 + k]) / otherSize[k]);
        }
        return 0;
    }

    private static int usage(PrintStream err) {
        err.println(USAGE);
        return 2;
    }

    static int bothExact(TitleParser parser, List<LabelledTitle> titles) {
        int ok = 0;
        for (LabelledTitle t : titles) {
            ParsedTitle p = parser.parse(t.title());
            if (same(t.artists(), p.artists()) && same(t.titles(), p.titles())) ok++;
        }
        return ok;
    }

    private static boolean ok(LabelledTitle t, ParsedTitle p) {
        return same(t.artists(), p.artists()) && same(t.titles(), p.titles());
    }

    static boolean same(List<String> gold, List<String> got) {
        if (gold.size() != got.size()) return false;
        for (int i = 0; i < gold.size(); i++) {
            if (!Pieces.normaliseSpace(gold.get(i)).equals(Pieces.normaliseSpace(got.get(i)))) return false;
        }
        return true;
    }
}
