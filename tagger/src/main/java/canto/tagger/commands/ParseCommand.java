package canto.tagger.commands;

import canto.engine.io.Json;
import canto.tagger.learn.ModelChoice;
import canto.tagger.model.DataException;
import canto.tagger.model.NeuralTitleParser;
import canto.tagger.model.ParsedTitle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code parse [--json] [--model FILE] [TITLE...]}: parses each TITLE (or each line of stdin
 * when none is given) and prints one line per title, in order: {@code ARTIST<TAB>TITLE}
 * (the TPE1 and TIT2 texts), or with {@code --json} one object
 * {@code {"input","artist","title","artists","titles","confidence","review"}}: {@code confidence}
 * is the calibrated probability that the whole parse is right, {@code review} whether it is below
 * the model's review threshold.
 */
public final class ParseCommand {
    static final String USAGE = "usage: tagger parse [--json] [--model FILE | --bundled-model] [TITLE...]   (reads lines from stdin when no TITLE is given)";

    private ParseCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, System.getenv());
    }

    /** With the environment {@code env} (where the user model is looked for). */
    public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        boolean json = false, bundled = false;
        Path model = null;
        List<String> titles = new ArrayList<>();
        try {
            boolean options = true;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (options && a.equals("--")) options = false;
                else if (options && a.equals("--json")) json = true;
                else if (options && a.equals("--model")) model = Path.of(Args.value(args, i++));
                else if (options && a.equals("--bundled-model")) bundled = true;
                else if (options && (a.equals("-h") || a.equals("--help"))) { out.println(USAGE); return 0; }
                else if (options && a.startsWith("--")) throw new Args.UsageException("unknown option " + a);
                else titles.add(a);
            }
        } catch (Args.UsageException e) {
            err.println("tagger parse: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Args.preferScalarKernels();
        NeuralTitleParser parser;
        ModelChoice choice = ModelChoice.of(model, bundled, env);
        try {
            parser = choice.load();
        } catch (IllegalStateException | UncheckedIOException | DataException e) {
            err.println("tagger parse: cannot load the model: " + e.getMessage());
            return 1;
        }
        if (choice.note() != null) err.println("tagger: " + choice.note());
        if (!titles.isEmpty()) {
            for (String t : titles) print(parser.parse(t), json, out);
        } else {
            // Output goes out in chunks: whenever no more input is waiting (so an interactive
            // user or a co-process gets each answer at once) or 64 KB have gathered.
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
                StringBuilder chunk = new StringBuilder(1 << 16);
                for (String line; (line = r.readLine()) != null; ) {
                    append(parser.parse(line), json, chunk);
                    if (chunk.length() >= (1 << 16) || !r.ready()) {
                        out.print(chunk);
                        out.flush();
                        chunk.setLength(0);
                    }
                }
                out.print(chunk);
            } catch (IOException e) {
                err.println("tagger parse: cannot read stdin: " + e.getMessage());
                return 1;
            }
        }
        out.flush();
        return out.checkError() ? 1 : 0;
    }

    static void print(ParsedTitle p, boolean json, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        append(p, json, sb);
        out.print(sb);
    }

    /** One output line, newline included. */
    static void append(ParsedTitle p, boolean json, StringBuilder sb) {
        if (json) sb.append(toJson(p));
        else sb.append(oneLine(p.artist())).append('\t').append(oneLine(p.title()));
        sb.append('\n');
    }

    /** The JSON object of one parse, on one line. */
    public static String toJson(ParsedTitle p) {
        StringBuilder sb = new StringBuilder(128);
        sb.append("{\"input\":").append(Json.quote(p.input()))
                .append(",\"artist\":").append(Json.quote(p.artist()))
                .append(",\"title\":").append(Json.quote(p.title()))
                .append(",\"artists\":");
        list(sb, p.artists());
        sb.append(",\"titles\":");
        list(sb, p.titles());
        double c = p.confidence();
        sb.append(",\"confidence\":").append(Double.isFinite(c) ? String.format(Locale.ROOT, "%.4f", c) : "null")
                .append(",\"review\":").append(p.review()).append('}');
        return sb.toString();
    }

    private static void list(StringBuilder sb, List<String> items) {
        sb.append('[');
        for (int i = 0; i < items.size(); i++) sb.append(i == 0 ? "" : ",").append(Json.quote(items.get(i)));
        sb.append(']');
    }

    private static String oneLine(String s) { return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '); }
}
