package canto.engine.optim;

import canto.engine.nn.Parameter;
import canto.engine.nn.TouchedRows;
import canto.engine.util.Parallel;
import java.util.Arrays;

/**
 * Which rows of one embedding table {@code [rows, width]} may hold a gradient, on {@link Adam}'s
 * dense path: the rows its layer reported ({@link TouchedRows}) since the gradient was last
 * cleared. Every other row's gradient is the +0 that clear wrote, so Adam updates those rows
 * without reading their gradient ({@code Kernels.adamStepNoGrad}, the bits of {@code adamStep}
 * with a zero gradient) and clears only the reported rows: the same bits as a dense step and a
 * fill of the whole table, with one array fewer to stream (on the real lyrics a step reports about
 * 250 of 45,584 rows).
 *
 * <p>When that is not known every row counts as reported: before the first clear (rows may have
 * got a gradient before the tracker existed) and once another tracker replaced this one.
 */
final class GradientRows {
    /** Floats per aligned part: a multiple of every vector width (16 floats: 512 bits). */
    static final int ALIGN = 16;
    private final TouchedRows touched;
    private final int offset, rows, width;
    /** Every row the tracker has not marked holds a +0 gradient. */
    private boolean clean;

    GradientRows(Parameter table) {
        int[] shape = table.shape();
        this.touched = table.trackTouchedRows();
        this.offset = table.grad().offset();
        this.rows = shape[0];
        this.width = shape[1];
    }

    int offset() { return offset; }
    int size() { return rows * width; }

    /**
     * Runs {@code withGrad} over the parts of the arena range {@code [from, to)} (inside the table)
     * that lie in reported rows and {@code withoutGrad} over the rest, in order; reads the marks only.
     * The parts with a gradient are widened to multiples of {@link #ALIGN} arena floats (within
     * {@code [from, to)}) and merged where they then meet, so that both bodies get whole vectors
     * instead of a scalar tail at every run of reported rows: the rows taken in by the widening hold
     * +0, for which {@code adamStep} gives the bits of {@code adamStepNoGrad}.
     */
    void update(int from, int to, Parallel.Body withGrad, Parallel.Body withoutGrad) {
        if (!clean || touched.replaced()) {
            withGrad.run(from, to);
            return;
        }
        long[] tw = touched.words();
        int rowEnd = (to - offset + width - 1) / width;   // rows [r, rowEnd) meet [from, to)
        int at = from;                                    // [from, at) is done
        int gs = -1, ge = -1;                             // the part with a gradient not run yet
        for (int r = nextMarked(tw, (from - offset) / width, rowEnd); r < rowEnd; ) {
            int runEnd = nextUnmarked(tw, r, rowEnd);
            int s = Math.max(from, (offset + r * width) & -ALIGN);
            int e = Math.min(to, (offset + runEnd * width + ALIGN - 1) & -ALIGN);
            if (s <= ge) {
                ge = Math.max(ge, e);
            } else {
                if (ge > gs) {
                    if (gs > at) withoutGrad.run(at, gs);
                    withGrad.run(gs, ge);
                    at = ge;
                }
                gs = s;
                ge = e;
            }
            r = nextMarked(tw, runEnd, rowEnd);
        }
        if (ge > gs) {
            if (gs > at) withoutGrad.run(at, gs);
            withGrad.run(gs, ge);
            at = ge;
        }
        if (at < to) withoutGrad.run(at, to);
    }

    /** The first marked row in {@code [r, end)}, or {@code end}. */
    private static int nextMarked(long[] words, int r, int end) {
        if (r >= end) return end;
        int w = r >>> 6;
        long x = words[w] & (-1L << r);
        while (x == 0) {
            if (++w << 6 >= end) return end;
            x = words[w];
        }
        return Math.min(end, (w << 6) + Long.numberOfTrailingZeros(x));
    }

    /** The first unmarked row in {@code [r, end)}, or {@code end}. */
    private static int nextUnmarked(long[] words, int r, int end) {
        if (r >= end) return end;
        int w = r >>> 6;
        long x = ~words[w] & (-1L << r);
        while (x == 0) {
            if (++w << 6 >= end) return end;
            x = ~words[w];
        }
        return Math.min(end, (w << 6) + Long.numberOfTrailingZeros(x));
    }

    /** Clears the reported rows (every row when not known) and forgets the marks. */
    void clear(float[] g) {
        if (!clean || touched.replaced()) {
            Arrays.fill(g, offset, offset + rows * width, 0f);
            cleared();
            return;
        }
        long[] tw = touched.words();
        for (int r = nextMarked(tw, 0, rows); r < rows; ) {
            int runEnd = nextUnmarked(tw, r, rows);
            Arrays.fill(g, offset + r * width, offset + runEnd * width, 0f);
            r = nextMarked(tw, runEnd, rows);
        }
        Arrays.fill(tw, 0L);
    }

    /** The whole table's gradient was just cleared (by the caller): forgets the marks. */
    void cleared() {
        Arrays.fill(touched.words(), 0L);
        clean = true;
    }
}
