package canto.tagger.plan;

import canto.tagger.id3.Id3Version;
import canto.tagger.id3.Mp3Tagger;
import canto.tagger.id3.TagResult;
import canto.tagger.learn.LearnReport;
import canto.tagger.learn.SkipReason;
import canto.tagger.learn.TagAligner;
import canto.tagger.learn.UserModelLearner;
import canto.tagger.learn.UserModelStore;
import canto.tagger.learn.UserModelTrainer;
import canto.tagger.model.DataException;
import canto.tagger.training.LabelledTitle;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code apply [--all] [--id3 2.3|2.4] [--no-learn] PLAN}: writes what a plan says. By default
 * only the rows the user edited (artist or title differs from what the parser found) are
 * written, and every other file is left untouched; {@code --all} writes every row. Before
 * anything is written, every file to write is checked against the size and modification time
 * the plan recorded: if one changed (or is gone), nothing is written. Files are written by
 * {@link Mp3Tagger}, the tagger's never-lose-a-file path. Then the edited rows that were
 * written become examples of the user model ({@link TagAligner}, {@link UserModelLearner}).
 */
public final class ApplyCommand {
    static final String USAGE = "usage: tagger apply [--all] [--id3 2.3|2.4] [--no-learn] PLAN.tsv\n"
            + "  writes the rows you edited in a plan made by 'java -jar tagger.jar -n --plan PLAN.tsv DIR...'\n"
            + "  --all also writes the rows you did not edit; --no-learn does not learn from your edits";

    private ApplyCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        boolean all = false, learn = true;
        Id3Version id3 = Id3Version.V2_3;
        String planName = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--all": all = true; break;
                case "--no-learn": learn = false; break;
                case "--id3":
                    id3 = i + 1 < args.size() ? Id3Version.parse(args.get(++i)) : null;
                    if (id3 == null) return usage(err, "--id3 needs 2.3 or 2.4");
                    break;
                case "-h": case "--help": out.println(USAGE); return 0;
                default:
                    if (a.startsWith("-") || planName != null) return usage(err, planName != null ? "one plan at a time" : "unknown option " + a);
                    planName = a;
            }
        }
        if (planName == null) return usage(err, "no plan given");
        List<PlanRow> rows;
        try {
            rows = PlanReader.read(Path.of(planName));
        } catch (PlanException e) {
            err.println("tagger apply: " + e.getMessage());
            return 2;
        }
        List<PlanRow> todo = new ArrayList<>();
        for (PlanRow r : rows) if (all || r.edited()) todo.add(r);
        List<String> changed = new ArrayList<>();
        for (PlanRow r : todo) {
            String why = changedSince(r);
            if (why != null) changed.add(r.path() + ": " + why);
        }
        if (!changed.isEmpty()) {
            for (String c : changed) err.println("tagger apply: " + c);
            err.println("tagger apply: " + changed.size() + " file" + (changed.size() == 1 ? "" : "s")
                    + " changed since the plan was written; nothing was written. Make a new plan with -n --plan.");
            return 1;
        }
        Mp3Tagger tagger = new Mp3Tagger(id3, false);
        int tagged = 0, unchanged = 0, failed = 0;
        List<LabelledTitle> examples = new ArrayList<>();
        Map<SkipReason, Integer> notLearnt = new EnumMap<>(SkipReason.class);
        for (PlanRow r : todo) {
            Path file = Path.of(r.path());
            TagResult res = tagger.tag(file, r.artist(), r.title());
            switch (res.status()) {
                case TAGGED: tagged++; break;
                case UNCHANGED: unchanged++; break;
                case SKIPPED: break;
                default: failed++;
            }
            if (res.status() == TagResult.Status.FAILED) {
                err.println("ERROR  " + r.path() + ": " + res.error());
                continue;
            }
            out.println(res.status() + "  " + r.path() + "  artist=" + shown(res.artist(), "TPE1") + " title=" + shown(res.title(), "TIT2")
                    + (res.notes().isEmpty() ? "" : "  [" + String.join("; ", res.notes()) + "]"));
            if (learn && r.edited()) {
                TagAligner.Result a = TagAligner.align(file.getFileName().toString(), r.artist(), r.title(), r.path());
                if (a.example() != null) examples.add(a.example());
                else notLearnt.merge(a.skipped(), 1, Integer::sum);
            }
        }
        out.println("tagger apply: " + tagged + " tagged, " + unchanged + " unchanged, " + failed + " failed; "
                + LearnReport.count(rows.size() - todo.size(), "row") + " not edited " + (rows.size() - todo.size() == 1 ? "was" : "were")
                + " left alone" + (all ? "" : " (--all writes them too)"));
        int code = failed > 0 ? 1 : 0;
        if (!learn) return code;
        if (!notLearnt.isEmpty()) {
            out.println("tagger apply: " + LearnReport.count(notLearnt.values().stream().mapToInt(Integer::intValue).sum(), "edited row") + " not learnt:");
            LearnReport.reasons(out, notLearnt);
        }
        if (examples.isEmpty()) return code;
        UserModelStore store = UserModelStore.of(env);
        try {
            UserModelLearner.Outcome o = UserModelLearner.learn(store, examples, UserModelTrainer.Settings.defaults(), null);
            out.println("tagger apply: learnt from " + LearnReport.count(examples.size(), "edited row") + "; " + LearnReport.describe(o, store));
        } catch (IOException | DataException | IllegalStateException e) {
            err.println("tagger apply: the tags were written, but the user model could not be saved in " + store.dir() + ": " + e.getMessage());
            return 1;
        }
        return code;
    }

    /** Why the file no longer is what the plan saw, or null. */
    static String changedSince(PlanRow r) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(Path.of(r.path()), BasicFileAttributes.class);
        } catch (IOException | RuntimeException e) {
            return "no longer there (or cannot be read)";
        }
        if (a.size() != r.size()) return "size is now " + a.size() + " bytes, the plan saw " + r.size();
        if (!a.lastModifiedTime().toInstant().equals(r.modified())) {
            return "modified " + a.lastModifiedTime().toInstant() + ", the plan saw " + r.modified();
        }
        return null;
    }

    private static String shown(String v, String frame) {
        return v == null ? "(empty; " + frame + " left as it was)" : v;
    }

    private static int usage(PrintStream err, String why) {
        err.println("tagger apply: " + why);
        err.println(USAGE);
        return 2;
    }
}
