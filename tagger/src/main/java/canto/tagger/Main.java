package canto.tagger;

import canto.tagger.cli.TagCommand;
import canto.tagger.cli.Terminal;
import canto.tagger.parse.TitleParser;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar tagger.jar}: tags MP3 files (the default command), or runs the
 * {@code parse}, {@code train} or {@code eval} subcommand named by the first argument.
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
        useScalarKernels();
        if (!args.isEmpty()) {
            List<String> rest = args.subList(1, args.size());
            switch (args.get(0)) {
                case "parse": return subcommand("ParseCommand", rest, out, err);
                case "train": return subcommand("TrainCommand", rest, out, err);
                case "eval": return subcommand("EvalCommand", rest, out, err);
                default: break;
            }
        }
        return TagCommand.run(args, Main::bundledParser, stdin, out, err, interactive, version());
    }

    /** The version from the jar manifest; "dev" when run from classes. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    // The parse package is built in parallel; these two bridges become direct calls once it lands.

    private static TitleParser bundledParser() {
        try {
            Class<?> c = Class.forName("canto.tagger.parse.NeuralTitleParser");
            return (TitleParser) c.getMethod("loadBundled").invoke(null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) throw (RuntimeException) cause;
            throw new IllegalStateException(String.valueOf(cause), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no title parser in this build (" + e + ")", e);
        }
    }

    private static int subcommand(String name, List<String> args, PrintStream out, PrintStream err) {
        try {
            Class<?> c = Class.forName("canto.tagger.parse." + name);
            Method run = c.getMethod("run", List.class, PrintStream.class, PrintStream.class);
            return (Integer) run.invoke(null, args, out, err);
        } catch (InvocationTargetException e) {
            err.println("tagger: " + e.getCause());
            return 1;
        } catch (ReflectiveOperationException e) {
            err.println("tagger: this build has no " + name);
            return 2;
        }
    }
}
