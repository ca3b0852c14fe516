package canto.tagger.cli;

import java.io.PrintStream;

/**
 * A "[n/total]" counter on one stderr line, redrawn at most ten times a second, only when
 * stderr is a terminal. Cleared before other output so lines do not mix.
 */
final class Progress {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final int total;
    private long lastDraw = System.nanoTime();
    private int drawnWidth;

    Progress(PrintStream err, boolean enabled, int total) {
        this.err = err;
        this.enabled = enabled && total > 1;
        this.total = total;
    }

    /** Shows that {@code done} files of the total are finished. */
    void update(int done) {
        if (!enabled) return;
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        String s = "[" + done + "/" + total + "]";
        err.print("\r" + s);
        err.flush();
        drawnWidth = s.length();
    }

    /** Removes the counter from the screen, if shown. */
    void clear() {
        if (drawnWidth == 0) return;
        err.print("\r" + " ".repeat(drawnWidth) + "\r");
        err.flush();
        drawnWidth = 0;
    }
}
