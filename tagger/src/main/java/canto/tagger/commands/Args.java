package canto.tagger.commands;

import java.util.List;

/** Small helpers for the commands' hand-written option parsing. */
final class Args {
    private Args() {}

    /** Thrown for bad usage; the command prints the message and its usage, and exits 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) { super(message); }
    }

    /** The value after option {@code args[i]}. */
    static String value(List<String> args, int i) throws UsageException {
        if (i + 1 >= args.size()) throw new UsageException(args.get(i) + " needs a value");
        return args.get(i + 1);
    }

    static long longValue(List<String> args, int i) throws UsageException {
        String v = value(args, i);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException(args.get(i) + " needs a whole number, not '" + v + "'");
        }
    }

    static int intValue(List<String> args, int i, int min, int max) throws UsageException {
        long v = longValue(args, i);
        if (v < min || v > max) throw new UsageException(args.get(i) + " must be between " + min + " and " + max + ", not " + v);
        return (int) v;
    }

    /** A number in {@code [min, max]} after option {@code args[i]}. */
    static float floatValue(List<String> args, int i, float min, float max) throws UsageException {
        String v = value(args, i);
        float f;
        try {
            f = Float.parseFloat(v);
        } catch (NumberFormatException e) {
            throw new UsageException(args.get(i) + " needs a number, not '" + v + "'");
        }
        if (!(f >= min && f <= max)) throw new UsageException(args.get(i) + " must be between " + min + " and " + max + ", not " + v);
        return f;
    }

    /**
     * {@code --data FILE [FILE...]} at {@code args[i]}: adds every file up to the next option to
     * {@code files} and returns the index of the last argument consumed.
     */
    static int dataFiles(List<String> args, int i, List<java.nio.file.Path> files) throws UsageException {
        files.add(java.nio.file.Path.of(value(args, i++)));
        while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) files.add(java.nio.file.Path.of(args.get(++i)));
        return i;
    }

    /** The tagger runs the engine's scalar kernels; a command run directly asks for them too unless told otherwise. */
    static void preferScalarKernels() {
        if (System.getProperty("canto.kernels") == null) System.setProperty("canto.kernels", "scalar");
    }
}
