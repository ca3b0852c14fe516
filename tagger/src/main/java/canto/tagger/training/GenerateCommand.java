package canto.tagger.training;

import canto.engine.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code generate [--seed S] [--count N] --out FILE}: writes {@link TitleGenerator}'s labelled
 * titles as a TSV file in the format of {@code titles-train.tsv} (header included), whole or
 * not at all. The same seed and count give the same bytes.
 */
public final class GenerateCommand {
    static final String USAGE = "usage: tagger generate [--seed S] [--count N] --out FILE\n"
            + "  writes N composed, labelled titles (default 50000, seed 1) in the titles-train.tsv format;"
            + " keep 'written' in the file name (trained on, never tested)";

    private GenerateCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        long seed = 1;
        int count = 50_000;
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String v = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "-h": case "--help":
                    out.println(USAGE);
                    return 0;
                case "--seed": case "--count": case "--out":
                    if (v == null) return usage(err, a + " needs a value");
                    i++;
                    if (a.equals("--out")) {
                        file = Path.of(v);
                        break;
                    }
                    long n;
                    try {
                        n = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        return usage(err, a + " needs a whole number, not '" + v + "'");
                    }
                    if (a.equals("--seed")) seed = n;
                    else if (n < 1 || n > 5_000_000) return usage(err, "--count must be between 1 and 5000000, not " + n);
                    else count = (int) n;
                    break;
                default:
                    return usage(err, "unknown argument " + a);
            }
        }
        if (file == null) return usage(err, "--out FILE is required");
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            err.println("tagger generate: cannot write " + file + ": folder " + folder + " does not exist");
            return 1;
        }
        List<String> rows = TitleGenerator.generate(seed, count);
        StringBuilder sb = new StringBuilder(rows.size() * 80);
        sb.append(TitleGenerator.HEADER).append('\n');
        for (String r : rows) sb.append(r).append('\n');
        try {
            AtomicFiles.write(file, sb.toString());
        } catch (IOException e) {
            err.println("tagger generate: cannot write " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
            return 1;
        }
        out.println("wrote " + rows.size() + " titles (seed " + seed + ") to " + file);
        return 0;
    }

    private static int usage(PrintStream err, String message) {
        err.println("tagger generate: " + message);
        err.println(USAGE);
        return 2;
    }
}
