package canto.tagger.commands;

import canto.tagger.model.Calibration;
import canto.tagger.model.DataException;
import canto.tagger.model.NeuralTitleParser;
import canto.tagger.training.BaselineParser;
import canto.tagger.training.ConfidenceReport;
import canto.tagger.training.CrossValidation;
import canto.tagger.training.LabelledTitle;
import canto.tagger.training.LabelledTitles;
import canto.tagger.training.ParserTraining;
import canto.tagger.training.TrainingData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code eval [--data FILE...] [--dev FILE] [--generated N] [--folds 5] [--seed N] [--per-title] [--errors] [--no-baseline] [--dev-only] [--[no-]known-acts] [--act-leave-out P] [--dev-acts-known]}:
 * <ol>
 *   <li>k-fold cross-validation by title on the real titles: each fold is trained with the
 *       bundled recipe ({@link ParserTraining.Recipe#defaults}: titles we wrote and generated
 *       titles in every fold) and tested on real titles only; the published baseline on the same
 *       folds (hand titles only, as published). Artist-exact, title-exact and both-exact rates.</li>
 *   <li>The confidence calibration fitted on those held-out parses.</li>
 *   <li>The dev set ({@code data/tagger/titles-dev.tsv}, with categories from
 *       {@code titles-dev-categories.tsv} when present): a parser trained on all the training
 *       data with that calibration, its accuracy overall and by category, the reliability
 *       table, AUROC and the review rule at several thresholds (the default marked).</li>
 * </ol>
 * {@code --per-title} lists every tested title with its marks, {@code --errors} only the wrong ones.
 * {@code --known-acts} / {@code --no-known-acts} train with or without the known-acts lexicon ({@link canto.tagger.training.KnownActs});
 * {@code --dev-acts-known} then also parses the dev set with the dev titles' own artists added to
 * that lexicon: a simulation of "this act is in the lists", to see what the lexicon gains on acts
 * it knows without reading any test set.
 */
public final class EvalCommand {
    static final String USAGE = "usage: tagger eval [--data FILE...] [--dev FILE] [--generated N] [--folds 5] [--seed N] [--per-title] [--errors] [--no-baseline] [--dev-only]\n"
            + "       [--known-acts | --no-known-acts] [--act-leave-out P] [--dev-acts-known]\n"
            + "  cross-validation on the real titles, then the dev set (default data/tagger/titles-dev.tsv) with the confidence's\n"
            + "  reliability and the review rule (--dev-only: the dev set alone, uncalibrated, for design runs); --per-title lists every tested title with its marks, --errors only the wrong ones;\n"
            + "  --known-acts / --no-known-acts: with or without the known-acts lexicon (default "
            + (ParserTraining.Recipe.defaults(1).knownActs() ? "with" : "without") + "; each title's own acts left out of it in training with probability P, default "
            + ParserTraining.Recipe.ACT_LEAVE_OUT + ");\n  --dev-acts-known: the dev set parsed a second time with its own artists added"
            + " to the lexicon (a simulation of acts the lists know)";

    static final Path DEV = TrainingData.DIR.resolve("titles-dev.tsv");
    private static final double[] THRESHOLDS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};

    private EvalCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        Path dev = null;
        long seed = 1;
        int folds = 5, generated = -1;
        boolean errors = false, perTitle = false, baseline = true, devOnly = false, devActsKnown = false;
        boolean knownActs = ParserTraining.Recipe.defaults(1).knownActs();
        float actLeaveOut = ParserTraining.Recipe.ACT_LEAVE_OUT;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--data": i = Args.dataFiles(args, i, files); break;
                    case "--dev": dev = Path.of(Args.value(args, i++)); break;
                    case "--generated": generated = Args.intValue(args, i++, 0, 1_000_000); break;
                    case "--seed": seed = Args.longValue(args, i++); break;
                    case "--folds": folds = Args.intValue(args, i++, 2, 1000); break;
                    case "--errors": errors = true; break;
                    case "--per-title": perTitle = true; break;
                    case "--no-baseline": baseline = false; break;
                    case "--dev-only": devOnly = true; baseline = false; break;
                    case "--known-acts": knownActs = true; break;
                    case "--no-known-acts": knownActs = false; break;
                    case "--act-leave-out": actLeaveOut = Args.floatValue(args, i++, 0f, 1f); break;
                    case "--dev-acts-known": devActsKnown = true; break;
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
        List<LabelledTitle> data, devTitles = List.of();
        Map<Integer, String> categories = Map.of();
        try {
            if (files.isEmpty()) files = TrainingData.defaultFiles();
            data = TrainingData.load(files);
            if (dev != null || Files.exists(DEV)) {
                Path d = dev == null ? DEV : dev;
                devTitles = LabelledTitles.read(d, false);
                categories = categories(d);
            }
        } catch (DataException | IOException e) {
            err.println("tagger eval: " + e.getMessage());
            return 1;
        }
        long real = data.stream().filter(LabelledTitle::real).count();
        if (real < folds) {
            err.println("tagger eval: " + real + " real titles cannot make " + folds + " folds");
            return 1;
        }
        ParserTraining.Recipe recipe = ParserTraining.Recipe.defaults(seed);
        if (generated >= 0) recipe = recipe.withGenerated(generated);
        recipe = recipe.withKnownActs(knownActs).withActLeaveOut(actLeaveOut);
        if (devActsKnown && !recipe.knownActs()) {
            err.println("tagger eval: --dev-acts-known needs the known-acts lexicon (not with --no-known-acts)");
            return 2;
        }
        if (recipe.knownActs()) {
            out.printf(Locale.ROOT, "known acts: %d names of the generator's acts; in training each title's own acts left out with probability %.2f%n",
                    recipe.lexicon().size(), recipe.actLeaveOut());
        }
        out.printf(Locale.ROOT, "%d-fold cross-validation, seed %d: tested on %d real titles; %d written and %d generated titles"
                + " added to every training fold%n", folds, seed, real, data.size() - real, recipe.generated());
        out.println("data: " + TrainingData.describe(files, data));
        out.printf(Locale.ROOT, "%-34s %9s %9s %9s%n", "method", "artist", "title", "both");
        List<ParserTraining.Held> held = devOnly ? List.of() : ParserTraining.crossValidate(data, recipe, folds, seed);
        if (!devOnly) row(out, "ours (CRF, generated data)", held);
        if (baseline) {
            CrossValidation.Score base = CrossValidation.run(data, folds, seed, BaselineParser::train, null);
            out.printf(Locale.ROOT, "%-34s %8.1f%% %8.1f%% %8.1f%%   (%d/%d/%d of %d)%n", "published (14 features, MLP 100)",
                    base.artist(), base.title(), base.both(), base.artistExact(), base.titleExact(), base.bothExact(), base.titles());
        }
        Calibration cal = devOnly ? Calibration.IDENTITY : ParserTraining.calibrate(held);
        out.printf(Locale.ROOT, "calibration fitted on the cross-validated parses: %s (p = sigmoid(a * logit(raw) + b))%n", cal.toMetadata());
        list(out, held, cal, errors, perTitle, Map.of());
        if (devTitles.isEmpty()) {
            out.println("no dev set (" + DEV + " not found)");
            return 0;
        }
        Map<String, String> meta = new HashMap<>();
        meta.put("calibration", cal.toMetadata());
        canto.tagger.model.TokenClassifier model = ParserTraining.train(data, recipe, null);
        NeuralTitleParser parser = new NeuralTitleParser(model, meta, recipe.lexicon());
        List<ParserTraining.Held> judged = new ArrayList<>();
        for (LabelledTitle t : devTitles) judged.add(ParserTraining.judge(parser, t));
        out.printf(Locale.ROOT, "dev set %s, parser trained on all the training data:%n", dev == null ? DEV : dev);
        out.printf(Locale.ROOT, "%-34s %9s %9s %9s%n", "", "artist", "title", "both");
        row(out, "dev", judged);
        Map<String, int[]> byCategory = new TreeMap<>();
        for (ParserTraining.Held h : judged) {
            int[] c = byCategory.computeIfAbsent(categories.getOrDefault(line(h.gold()), "?"), k -> new int[2]);
            c[1]++;
            if (h.right()) c[0]++;
        }
        List<ParserTraining.Held> devKnown = null;
        if (devActsKnown) {
            NeuralTitleParser known = new NeuralTitleParser(model, meta, recipe.lexicon().plus(LabelledTitles.artistLexicon(devTitles)));
            List<ParserTraining.Held> knownJudged = new ArrayList<>();
            for (LabelledTitle t : devTitles) knownJudged.add(ParserTraining.judge(known, t));
            row(out, "dev, its acts known (simulated)", knownJudged);
            devKnown = knownJudged;
        }
        if (!categories.isEmpty()) {
            StringBuilder sb = new StringBuilder("by category (both right):");
            for (Map.Entry<String, int[]> e : byCategory.entrySet()) sb.append(' ').append(e.getKey()).append(' ').append(e.getValue()[0]).append('/').append(e.getValue()[1]);
            out.println(sb);
        }
        if (!devOnly) report(held, cal).print(out, "the cross-validated real titles (calibration fitted on them: in-sample)", THRESHOLDS,
                NeuralTitleParser.DEFAULT_REVIEW_BELOW);
        report(judged, cal).print(out, "the dev set", THRESHOLDS, NeuralTitleParser.DEFAULT_REVIEW_BELOW);
        if (devKnown != null) {
            report(devKnown, cal).print(out, "the dev set, its acts known (simulated)", THRESHOLDS, NeuralTitleParser.DEFAULT_REVIEW_BELOW);
        }
        list(out, judged, cal, errors, perTitle, categories);
        return 0;
    }

    private static ConfidenceReport report(List<ParserTraining.Held> held, Calibration cal) {
        double[] c = new double[held.size()];
        boolean[] r = new boolean[held.size()];
        for (int i = 0; i < c.length; i++) { c[i] = cal.apply(held.get(i).parsed().risk()); r[i] = held.get(i).right(); }
        return new ConfidenceReport(c, r);
    }

    private static void list(PrintStream out, List<ParserTraining.Held> held, Calibration cal, boolean errors, boolean perTitle,
                             Map<Integer, String> categories) {
        if (!errors && !perTitle) return;
        out.println(perTitle ? "per title: artist title both confidence | title | gold -> parsed" : "wrong titles: confidence | title | gold -> parsed");
        for (ParserTraining.Held h : held) {
            if (!perTitle && h.right()) continue;
            String cat = categories.isEmpty() ? "" : categories.getOrDefault(line(h.gold()), "?") + " | ";
            String marks = perTitle ? (h.artistOk() ? "1 " : "0 ") + (h.titleOk() ? "1 " : "0 ") + (h.right() ? "1 " : "0 ") : "";
            out.println(marks + String.format(Locale.ROOT, "%.3f", cal.apply(h.parsed().risk())) + " | " + cat + h.gold().title()
                    + " | " + h.gold().artists() + " " + h.gold().titles() + " -> " + h.parsed().artists() + " " + h.parsed().titles());
        }
    }

    /** The line number of a title read from a file ({@code file:line}). */
    private static int line(LabelledTitle t) {
        String s = t.source();
        try {
            return Integer.parseInt(s.substring(s.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code line <TAB> category <TAB> title} rows of {@code titles-dev-categories.tsv} beside the dev file, if there. */
    private static Map<Integer, String> categories(Path devFile) throws IOException {
        String name = devFile.getFileName().toString().replace(".tsv", "-categories.tsv");
        Path f = devFile.resolveSibling(name);
        if (!Files.exists(f)) return Map.of();
        Map<Integer, String> out = new HashMap<>();
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] p = lines.get(i).split("\t", -1);
            if (p.length < 2) continue;
            try {
                out.put(Integer.parseInt(p[0]), p[1]);
            } catch (NumberFormatException e) {
                throw new DataException(f + ":" + (i + 1) + ": field 'line' is not a number: " + p[0]);
            }
        }
        return out;
    }

    private static void row(PrintStream out, String name, List<ParserTraining.Held> held) {
        int a = 0, t = 0, b = 0;
        for (ParserTraining.Held h : held) { if (h.artistOk()) a++; if (h.titleOk()) t++; if (h.right()) b++; }
        int n = held.size();
        out.printf(Locale.ROOT, "%-34s %8.1f%% %8.1f%% %8.1f%%   (%d/%d/%d of %d)%n", name, 100.0 * a / n, 100.0 * t / n, 100.0 * b / n, a, t, b, n);
    }
}
