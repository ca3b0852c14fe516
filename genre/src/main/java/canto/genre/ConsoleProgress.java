package canto.genre;

import canto.genre.train.EpochListener;
import canto.genre.train.EpochResult;
import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints one line per epoch like the post ({@code | epoch   1 | train accuracy    0.207 |
 * time: 0.41s}) with the validation accuracy added, and — only when stdout is a terminal —
 * a progress line within the epoch, redrawn at most five times a second.
 */
final class ConsoleProgress implements EpochListener {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private long lastDraw;
    private boolean drawn;

    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** The epoch line. */
    static String format(EpochResult r) {
        return String.format(Locale.ROOT, "| epoch %3d | train accuracy %8.3f | val accuracy %8.3f | time: %.2fs",
                r.epoch(), r.trainAccuracy(), r.valAccuracy(), r.seconds());
    }

    @Override
    public void batchDone(int epoch, int batch, int batches, double runningAccuracy) {
        if (!terminal) return;
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && batch < batches) return;
        lastDraw = now;
        out.print(String.format(Locale.ROOT, "\r| epoch %3d | batch %6d/%d | train accuracy %8.3f ", epoch, batch, batches, runningAccuracy));
        out.flush();
        drawn = true;
    }

    @Override
    public void epochDone(EpochResult r) {
        if (drawn) {
            out.print("\r\033[K");
            drawn = false;
        }
        out.println(format(r));
        out.flush();
    }

    /**
     * Whether stdout is a terminal. {@link System#console()} is null when it is not, up to JDK 21;
     * from JDK 22 it may be non-null anyway and {@code Console.isTerminal()} tells.
     */
    static boolean stdoutIsTerminal() {
        Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;   // JDK 17-21: a console exists only on a terminal
        }
    }
}
