package canto.tagger.cli;

import canto.tagger.id3.Mp3Tagger;
import canto.tagger.id3.TagResult;
import canto.tagger.learn.LearnReport;
import canto.tagger.model.ParsedTitle;
import canto.tagger.model.TitleParser;
import canto.tagger.plan.PlanRow;
import canto.tagger.plan.PlanRows;
import canto.tagger.plan.PlanWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The tagging command: for each file, parse its name into artist and title and write them
 * with {@link Mp3Tagger}; one line per file, a summary at the end. Results go to {@code out},
 * errors (ERROR lines) and progress to {@code err}.
 */
public final class TagCommand {
    /** Exit codes. */
    public static final int OK = 0, SOME_FAILED = 1, USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    private TagCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the command line {@code args} (no subcommand name) and returns the exit code.
     *
     * @param parser      gives the title parser; only called when there are files to tag
     * @param interactive whether to show progress on {@code err}
     */
    public static int run(List<String> args, Supplier<TitleParser> parser, InputStream stdin, PrintStream out,
                          PrintStream err, boolean interactive, String version) {
        return run(args, (options, note) -> parser.get(), stdin, out, err, interactive, version);
    }

    /** Gives the title parser the options ask for ({@code --model}, {@code --bundled-model}); {@code note} takes a line for stderr. */
    public interface ParserLoader {
        TitleParser load(TagOptions options, Consumer<String> note);
    }

    /** As {@link #run(List, Supplier, InputStream, PrintStream, PrintStream, boolean, String)}, the parser chosen by the options. */
    public static int run(List<String> args, ParserLoader parser, InputStream stdin, PrintStream out,
                          PrintStream err, boolean interactive, String version) {
        TagOptions options;
        List<String> paths;
        try {
            options = TagArguments.parse(args);
            if (options.help()) {
                out.println(Usage.text());
                return OK;
            }
            if (options.version()) {
                out.println("tagger " + version);
                return OK;
            }
            paths = new ArrayList<>(options.paths());
            for (String list : options.lists()) paths.addAll(FileCollector.readList(list, stdin));
        } catch (UsageException e) {
            err.println("tagger: " + e.getMessage());
            err.println(Usage.HINT);
            return USAGE;
        }
        return new TagCommand(out, err).tagAll(options, paths, parser, interactive);
    }

    private int tagAll(TagOptions options, List<String> paths, ParserLoader parserSupplier, boolean interactive) {
        String warning = Terminal.localeWarning();
        if (warning != null) err.println("tagger: " + warning);
        List<InputFile> files = FileCollector.collect(paths, note -> err.println("tagger: " + note));
        Counts counts = new Counts();
        TitleParser parser = null;
        if (files.stream().anyMatch(f -> f.error() == null)) {
            try {
                parser = parserSupplier.load(options, note -> err.println("tagger: " + note));
            } catch (RuntimeException | LinkageError e) {
                err.println("tagger: cannot load the title parser: " + oneLine(String.valueOf(e.getMessage())));
                return SOME_FAILED;
            }
        }
        if (options.title() != null && files.size() != 1) {
            err.println("tagger: --title is for one file, and " + files.size() + " files were given");
            err.println(Usage.HINT);
            return USAGE;
        }
        Mp3Tagger tagger = new Mp3Tagger(options.settings(), options.dryRun());
        List<PlanRow> plan = options.plan() == null ? null : new ArrayList<>();
        Progress progress = new Progress(err, interactive, files.size());
        List<String> lowConfidence = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            InputFile f = files.get(i);
            Tagged t = f.error() != null ? new Tagged(failed(f.error()), null)
                    : tagOne(parser, tagger, f.path(), plan, options.title(), options.minConfidence());
            TagResult r = t.result();
            progress.clear();
            if (t.belowMinimum()) {
                lowConfidence.add(printable(f.shown()));
                out.println("LOW-CONFIDENCE  " + printable(f.shown()) + "  artist=" + printable(t.parsed().artist()) + " title="
                        + printable(t.parsed().title()) + confidence(t.parsed()) + "  (below --min-confidence; file left alone)");
            } else {
                report(f.shown(), r, t.parsed());
            }
            counts.add(r.status());
            progress.update(i + 1);
        }
        progress.clear();
        out.println(counts.summary(options.dryRun()));
        if (!lowConfidence.isEmpty()) {
            out.println("tagger: " + lowConfidence.size() + " file" + (lowConfidence.size() == 1 ? "" : "s")
                    + " below --min-confidence " + options.minConfidence() + " left untouched:");
            for (String p : lowConfidence) out.println("  " + p);
        }
        if (plan != null) {
            try {
                PlanWriter.write(Path.of(options.plan()), plan);
            } catch (IOException | RuntimeException e) {
                err.println("tagger: cannot write the plan " + options.plan() + ": " + oneLine(e.getClass().getSimpleName() + " " + e.getMessage()));
                return SOME_FAILED;
            }
            long review = plan.stream().filter(PlanRow::review).count();
            out.println("tagger: plan written to " + options.plan() + ": " + LearnReport.count(plan.size(), "file") + ", " + review
                    + " to review (listed first); edit the artist and title columns, then: java -jar tagger.jar apply " + options.plan());
        }
        return counts.failed > 0 ? SOME_FAILED : OK;
    }

    /** What happened to one file, and the parse of its name (null when it was not parsed). */
    private record Tagged(TagResult result, ParsedTitle parsed, boolean belowMinimum) {
        Tagged(TagResult result, ParsedTitle parsed) { this(result, parsed, false); }
    }

    /**
     * Tags one file; with a plan ({@code plan} not null), a file that did not fail also gets its
     * plan row. A parse whose confidence is below {@code minConfidence} leaves the file alone (SKIPPED).
     */
    private static Tagged tagOne(TitleParser parser, Mp3Tagger tagger, Path file, List<PlanRow> plan, String titleOption,
                                 double minConfidence) {
        ParsedTitle parsed;
        try {
            Path name = file.getFileName();
            if (name == null) return new Tagged(failed("not a file"), null);
            if (name.toString().indexOf('\uFFFD') >= 0) {
                // Undecodable bytes: parsing the mangled name could write nonsense tags.
                return new Tagged(failed("the file name has bytes that are not " + System.getProperty("sun.jnu.encoding", "valid")
                        + " text; run under a UTF-8 locale (e.g. LC_ALL=C.UTF-8) or rename the file"), null);
            }
            TitleSource source = TitleSource.of(file, titleOption);
            if (source.skipReason() != null) return new Tagged(new TagResult(TagResult.Status.SKIPPED, null, null, List.of(), source.skipReason()), null);
            parsed = source.text() != null ? parser.parse(source.text())
                    : new ParsedTitle(source.from(), List.of(source.artist()), List.of(source.title()), 1.0);
        } catch (RuntimeException | StackOverflowError e) {
            return new Tagged(failed("title parser failed (" + e.getClass().getSimpleName() + ": " + oneLine(String.valueOf(e.getMessage())) + ")"), null);
        }
        if (parsed.confidence() < minConfidence) {
            return new Tagged(new TagResult(TagResult.Status.SKIPPED, null, null, List.of(), null), parsed, true);
        }
        TagResult result = tagger.tag(file, parsed.artist(), parsed.title());
        if (plan != null && result.status() != TagResult.Status.FAILED) {
            try {
                plan.add(PlanRows.of(file, parsed));
            } catch (IOException e) {
                return new Tagged(failed("cannot read the file's size and time for the plan (" + oneLine(String.valueOf(e.getMessage())) + ")"), parsed);
            }
        }
        return new Tagged(result, parsed);
    }

    private static TagResult failed(String why) {
        return new TagResult(TagResult.Status.FAILED, null, null, List.of(), why);
    }

    /** {@code "  confidence=0.93"}, and {@code " REVIEW"} when the parser flags the parse; empty without a finite confidence. */
    private static String confidence(ParsedTitle p) {
        if (p == null || !Double.isFinite(p.confidence())) return "";
        return String.format(java.util.Locale.ROOT, "  confidence=%.2f", p.confidence()) + (p.review() ? " REVIEW" : "");
    }

    private void report(String shown, TagResult r, ParsedTitle parsed) {
        String path = printable(shown);
        switch (r.status()) {
            case FAILED:
                err.println("ERROR  " + path + ": " + printable(r.error()));
                return;
            case SKIPPED:
                out.println("SKIPPED  " + path + ": " + (r.error() != null ? printable(r.error())
                        : "no artist or title found in the file name (file left alone)"));
                return;
            default:
                String word = r.status() == TagResult.Status.WOULD_TAG ? "WOULD-TAG" : r.status().name();
                StringBuilder line = new StringBuilder(word).append("  ").append(path)
                        .append("  artist=").append(value(r.artist(), "TPE1"))
                        .append(" title=").append(value(r.title(), "TIT2")).append(confidence(parsed));
                if (!r.notes().isEmpty()) line.append("  [").append(printable(String.join("; ", r.notes()))).append(']');
                out.println(line);
        }
    }

    private static String value(String v, String frame) {
        return v == null ? "(none found; " + frame + " left as it was)" : printable(v);
    }

    /** Control characters (possible in Unix file names) shown as '?', so that one file is one line. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }

    private static String oneLine(String s) {
        return printable(s.replaceAll("\\s+", " ").trim());
    }

    /** How many files ended how. */
    private static final class Counts {
        int tagged, unchanged, skipped, failed;

        void add(TagResult.Status s) {
            switch (s) {
                case TAGGED: case WOULD_TAG: tagged++; break;
                case UNCHANGED: unchanged++; break;
                case SKIPPED: skipped++; break;
                default: failed++;
            }
        }

        String summary(boolean dryRun) {
            return "tagger: " + tagged + (dryRun ? " would be tagged (dry run, nothing written), " : " tagged, ")
                    + unchanged + " unchanged, " + skipped + " skipped, " + failed + " failed";
        }
    }
}
