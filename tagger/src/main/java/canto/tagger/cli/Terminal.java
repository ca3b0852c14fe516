package canto.tagger.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Standard output streams with a charset that can show Chinese file names, and whether we talk to a terminal. */
public final class Terminal {
    private Terminal() {}

    /** Standard output in the console's charset, UTF-8 when that is plain ASCII (the C locale). */
    public static PrintStream stdout() {
        return open(FileDescriptor.out, "stdout.encoding", "sun.stdout.encoding");
    }

    /** Standard error, likewise. */
    public static PrintStream stderr() {
        return open(FileDescriptor.err, "stderr.encoding", "sun.stderr.encoding");
    }

    private static PrintStream open(FileDescriptor fd, String property, String oldProperty) {
        Charset cs = charset(System.getProperty(property, System.getProperty(oldProperty, System.getProperty("native.encoding"))));
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 1 << 14), true, cs);
    }

    static Charset charset(String name) {
        try {
            Charset cs = name == null ? Charset.defaultCharset() : Charset.forName(name);
            return cs.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : cs;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * Whether the user is at a terminal: a console exists and, on JDK 22+ (where a console
     * exists even when redirected), {@code Console.isTerminal()} says so.
     */
    public static boolean interactive() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            Method m = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // JDK 17-21: a console exists only for a terminal
        }
    }

    /** A warning when file names with non-ASCII characters cannot be handled (a non-UTF-8 locale on Unix), or null. */
    public static String localeWarning() {
        String jnu = System.getProperty("sun.jnu.encoding");
        if (java.io.File.separatorChar != '/' || jnu == null) return null;
        try {
            if (Charset.forName(jnu).equals(StandardCharsets.UTF_8)) return null;
        } catch (IllegalArgumentException e) {
            // unknown charset: warn
        }
        return "warning: the locale's character set is " + jnu + ", so file names with Chinese or other"
                + " non-ASCII characters cannot be read; run under a UTF-8 locale (e.g. LC_ALL=C.UTF-8)";
    }
}
