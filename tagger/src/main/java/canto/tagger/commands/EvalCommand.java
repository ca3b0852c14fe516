package canto.tagger.commands;

import canto.tagger.model.DataException;
import canto.tagger.model.NeuralTitleParser;
import canto.tagger.model.TokenClassifier;
import canto.tagger.training.BaselineParser;
import canto.tagger.training.CrossValidation;
import canto.tagger.training.LabelledTitle;
import canto.tagger.training.Trainer;
import canto.tagger.training.TrainingData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code eval [--data FILE...] [--folds 5] [--seed N] [--per-title] [--errors] [--no-baseline]}:
 * k-fold cross-validation by title of our model and of the published baseline on the same folds. Tested titles are
 * only the real ones; titles we wrote are added to every training fold. Prints artist-exact,
 * title-exact and both-exact rates (per title: the artist pieces, the title pieces, both, equal
 * to the gold ones in order after whitespace normalisation); {@code --per-title} lists every
 * tested title with its three marks, {@code --errors} only our model's wrong ones.
 */
public final class EvalCommand {
    static final String USAGE = "usage: tagger eval [--data FILE...] [--folds 5] [--seed N] [--per-title] [--errors] [--no-baseline]\n"
            + "  --per-title lists every tested title with our artist/title/both marks; --errors only the wrong ones";

    private EvalCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        long seed = 1;
        int folds = 5;
        boolean errors = false, perTitle = false, baseline = true;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--data": i = Args.dataFiles(args, i, files); break;
                    case "--seed": seed = Args.longValue(args, i++); break;
                    case "--folds": folds = Args.intValue(args, i++, 2, 1000); break;
                    case "--errors": errors = true; break;
                    case "--per-title": perTitle = true; break;
                    case "--no-baseline": baseline = false; break;
                    case "-h": case "--help": out.println(USAGE); return 0;
                    default: throw new Args.UsageException("unknown argument " + a);
                }
            }
        } catch (Args.UsageException e) {
            err.println("tagger eval: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Args.preferScalarKernels();
        List<LabelledTitle> data;
        try {
            if (files.isEmpty()) files = TrainingData.defaultFiles();
            data = TrainingData.load(files);
        } catch (DataException | IOException e) {
            err.println("tagger eval: " + e.getMessage());
            return 1;
        }
        long real = data.stream().filter(LabelledTitle::real).count();
        if (real < folds) {
            err.println("tagger eval: " + real + " real titles cannot make " + folds + " folds");
            return 1;
        }
        out.printf(Locale.ROOT, "%d-fold cross-validation, seed %d: tested on %d real titles; %d written titles added to every training fold%n",
                folds, seed, real, data.size() - real);
        out.println("data: " + TrainingData.describe(files, data));
        out.printf(Locale.ROOT, "%-34s %9s %9s %9s%n", "method", "artist", "title", "both");
        final Trainer.Options opt = Trainer.Options.defaults(seed);
        List<CrossValidation.Outcome> outcomes = new ArrayList<>();
        CrossValidation.Score ours = CrossValidation.run(data, folds, seed,
                (train, s) -> new NeuralTitleParser(Trainer.train(train, TokenClassifier.Config.defaults(), opt.withSeed(s), null),
                        java.util.Map.of()), outcomes);
        row(out, "ours (hashed features + window)", ours);
        if (baseline) {
            CrossValidation.Score base = CrossValidation.run(data, folds, seed, BaselineParser::train, null);
            row(out, "published (14 features, MLP 100)", base);
        }
        if (errors || perTitle) {
            out.println(perTitle ? "per title (ours): artist title both | title | gold -> parsed" : "our wrong titles: gold -> parsed");
            for (CrossValidation.Outcome o : outcomes) {
                boolean both = o.artistOk() && o.titleOk();
                if (!perTitle && both) continue;
                out.println((o.artistOk() ? "1 " : "0 ") + (o.titleOk() ? "1 " : "0 ") + (both ? "1" : "0") + " | " + o.gold().title()
                        + " | " + o.gold().artists() + " " + o.gold().titles() + " -> " + o.parsed().artists() + " " + o.parsed().titles());
            }
        }
        return 0;
    }

    private static void row(PrintStream out, String name, CrossValidation.Score s) {
        out.printf(Locale.ROOT, "%-34s %8.1f%% %8.1f%% %8.1f%%   (%d/%d/%d of %d)%n", name, s.artist(), s.title(), s.both(),
                s.artistExact(), s.titleExact(), s.bothExact(), s.titles());
    }
}
