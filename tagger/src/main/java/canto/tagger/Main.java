package canto.tagger;

import canto.tagger.cli.TagCommand;
import canto.tagger.cli.Terminal;
import canto.tagger.commands.EvalCommand;
import canto.tagger.commands.ParseCommand;
import canto.tagger.commands.TrainCommand;
import canto.tagger.model.NeuralTitleParser;
import canto.tagger.learn.LearnCommand;
import canto.tagger.learn.LearnEvalCommand;
import canto.tagger.learn.ModelChoice;
import canto.tagger.plan.ApplyCommand;
import canto.tagger.training.GenerateCommand;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar tagger.jar}: tags MP3 files (the default command), or runs the
 * {@code parse}, {@code train}, {@code eval} or {@code generate} subcommand named by the first argument.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        useScalarKernels();
        PrintStream out = Terminal.stdout(), err = Terminal.stderr();
        int code = run(Arrays.asList(args), System.in, out, err, Terminal.interactive());
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The tagger runs the engine's scalar kernels: a plain {@code java -jar} has no vector
     * module, starts faster without it, and must not print the engine's SIMD hint.
     */
    static void useScalarKernels() {
        if (System.getProperty("canto.kernels") == null) System.setProperty("canto.kernels", "scalar");
    }

    /** Runs one command line and returns the exit code. */
    public static int run(List<String> args, InputStream stdin, PrintStream out, PrintStream err, boolean interactive) {
        return run(args, stdin, out, err, interactive, System.getenv());
    }

    /** As {@link #run(List, InputStream, PrintStream, PrintStream, boolean)} in the environment {@code env} (where the user model is looked for). */
    public static int run(List<String> args, InputStream stdin, PrintStream out, PrintStream err, boolean interactive,
                          Map<String, String> env) {
        useScalarKernels();
        if (!args.isEmpty()) {
            List<String> rest = args.subList(1, args.size());
            switch (args.get(0)) {
                case "parse": return ParseCommand.run(rest, stdin, out, err, env);
                case "train": return TrainCommand.run(rest, out, err);
                case "eval": return EvalCommand.run(rest, out, err);
                case "learn": return LearnCommand.run(rest, out, err, env);
                case "apply": return ApplyCommand.run(rest, out, err, env);
                case "eval-learn": return LearnEvalCommand.run(rest, out, err);
                case "generate": return GenerateCommand.run(rest, out, err);
                default: break;
            }
        }
        TagCommand.ParserLoader loader = (options, note) -> {
            ModelChoice choice = ModelChoice.of(options.model() == null ? null : Path.of(options.model()), options.bundledModel(), env);
            NeuralTitleParser parser = choice.load();
            if (choice.note() != null) note.accept(choice.note());
            return parser;
        };
        return TagCommand.run(args, loader, stdin, out, err, interactive, version());
    }

    /** The version from the jar manifest; "dev" when run from classes. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
