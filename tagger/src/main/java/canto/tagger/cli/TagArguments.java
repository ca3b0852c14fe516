package canto.tagger.cli;

import canto.tagger.id3.Id3Version;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the tagging command line by hand:
 * {@code [-n|--dry-run] [--plan FILE] [-l|--list FILE]... [--id3 2.3|2.4] [--model FILE|--bundled-model] [-h|--help] [-V|--version] [--] FILE|DIR...}.
 * Long options also take {@code --name=value}; {@code --} ends the options (for file names
 * that start with a dash).
 */
public final class TagArguments {
    private TagArguments() {}

    public static TagOptions parse(List<String> args) throws UsageException {
        List<String> paths = new ArrayList<>(), lists = new ArrayList<>();
        boolean dryRun = false, help = false, version = false, bundledModel = false;
        double minConfidence = 0;
        String plan = null, model = null;
        Id3Version id3 = TagOptions.DEFAULT_ID3;
        boolean optionsEnded = false;
        WriteArguments writing = new WriteArguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
                paths.add(arg);
                continue;
            }
            String name = arg, inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (name) {
                case "--":
                    optionsEnded = true;
                    break;
                case "-n": case "--dry-run":
                    noValue(name, inline);
                    dryRun = true;
                    break;
                case "-h": case "--help":
                    noValue(name, inline);
                    help = true;
                    break;
                case "-V": case "--version":
                    noValue(name, inline);
                    version = true;
                    break;
                case "-l": case "--list": {
                    String value = inline != null ? inline : next(args, i++, name, "a file of paths, one per line");
                    if (value.isEmpty()) throw new UsageException("option " + name + " needs a file name");
                    lists.add(value);
                    break;
                }
                case "--plan": {
                    plan = inline != null ? inline : next(args, i++, name, "the plan file to write");
                    if (plan.isEmpty()) throw new UsageException("option --plan needs a file name");
                    dryRun = true;
                    break;
                }
                case "--model": {
                    model = inline != null ? inline : next(args, i++, name, "a model file");
                    if (model.isEmpty()) throw new UsageException("option --model needs a file name");
                    break;
                }
                case "--bundled-model":
                    noValue(name, inline);
                    bundledModel = true;
                    break;
                case "--min-confidence": {
                    String value = inline != null ? inline : next(args, i++, name, "a probability between 0 and 1");
                    try {
                        minConfidence = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        minConfidence = Double.NaN;
                    }
                    if (!(minConfidence >= 0 && minConfidence <= 1)) {
                        throw new UsageException("--min-confidence needs a probability between 0 and 1, not '" + value + "'");
                    }
                    break;
                }
                case "--id3": {
                    String value = inline != null ? inline : next(args, i++, name, "2.3 or 2.4");
                    id3 = Id3Version.parse(value);
                    if (id3 == null) throw new UsageException("unknown ID3 version '" + value + "' for --id3 (use 2.3 or 2.4)");
                    break;
                }
                default: {
                    int used = writing.take(name, inline, args, i);
                    if (used < 0) throw new UsageException("unknown option '" + arg + "' (a file whose name starts with '-': put -- before it)");
                    i += used;
                }
            }
        }
        if (!help && !version && paths.isEmpty() && lists.isEmpty()) {
            throw new UsageException("no files given");
        }
        if (model != null && bundledModel) throw new UsageException("--model and --bundled-model exclude each other");
        if (writing.title() != null && paths.size() + lists.size() != 1) {
            throw new UsageException("--title is for one file (it replaces that file's name as the title to parse)");
        }
        return new TagOptions(paths, lists, dryRun, id3, help, version, plan, model, bundledModel)
                .withWriting(writing.settings(id3), writing.title()).withMinConfidence(minConfidence);
    }

    private static void noValue(String name, String inline) throws UsageException {
        if (inline != null) throw new UsageException("option " + name + " takes no value");
    }

    private static String next(List<String> args, int i, String name, String what) throws UsageException {
        if (i + 1 >= args.size()) throw new UsageException("option " + name + " needs a value: " + what);
        return args.get(i + 1);
    }
}
