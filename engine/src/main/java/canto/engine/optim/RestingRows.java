package canto.engine.optim;

import canto.engine.kernels.Kernels;
import canto.engine.nn.Parameter;
import canto.engine.nn.TouchedRows;
import canto.engine.util.Parallel;
import java.util.Arrays;

/**
 * {@link Adam}'s bookkeeping for one embedding table {@code [rows, width]}: which rows it
 * updates every step (active) and which it leaves alone (resting), one bit and one int per row.
 *
 * <p>A row rests once its first moments are all +0 (and its second moments are numbers >= 0):
 * while it gets no gradient, a dense Adam step then leaves its p exactly as it is and its m at
 * +0, and only multiplies its v by beta2 and flushes it (the proof is in docs/KERNELS.md). So a
 * resting row is skipped, and the skipped steps' v updates are replayed, the same float
 * multiplications in the same order ({@link Kernels#adamDecay}), when the layer next reports a
 * gradient in it ({@link TouchedRows}) or when someone reads the moments ({@link #catchUp}).
 * Rows are checked for rest a word (64 rows) at a time, every {@value #CHECK_EVERY} steps.
 */
final class RestingRows {
    /** A word of rows is checked for rest on one step in this many (rows rest ~600 steps after their last gradient). */
    static final int CHECK_EVERY = 8;

    private final Kernels kernels;
    private final TouchedRows touched;
    private final int offset, rows, width, words;
    private final float beta2;
    private final long[] active;   // bit r: row r is updated every step
    private final int[] since;     // for a resting row: the step whose second moments it holds

    RestingRows(Parameter table, Kernels kernels, float beta2) {
        int[] shape = table.shape();
        this.kernels = kernels;
        this.touched = table.trackTouchedRows();
        this.offset = table.value().offset();
        this.rows = shape[0];
        this.width = shape[1];
        this.words = (rows + 63) >>> 6;
        this.beta2 = beta2;
        this.active = new long[words];
        this.since = new int[rows];
        wakeAll();
    }

    int offset() { return offset; }
    int size() { return rows * width; }

    /** Every row active (a fresh optimiser, or moments just loaded from a file). */
    void wakeAll() {
        Arrays.fill(active, -1L);
        if ((rows & 63) != 0) active[words - 1] = (1L << (rows & 63)) - 1;
    }

    /**
     * Before the update of step {@code t}: every row reported since the last step that was
     * resting replays the steps it skipped ({@code t - 1 - since}) and becomes active.
     */
    void wake(int t, float[] v) {
        long[] tw = touched.words();
        boolean all = touched.replaced();   // a stale tracker: every row may have a gradient
        for (int w = 0; w < words; w++) {
            long x;
            if (all) {
                x = w == words - 1 && (rows & 63) != 0 ? (1L << (rows & 63)) - 1 : -1L;
            } else {
                x = tw[w];
                if (x == 0) continue;
                tw[w] = 0;
            }
            long newly = x & ~active[w];
            while (newly != 0) {
                int row = (w << 6) + Long.numberOfTrailingZeros(newly);
                newly &= newly - 1;
                replay(row, t - 1 - since[row], v);
            }
            active[w] |= x;
        }
    }

    /**
     * Runs {@code body} over the arena range of every run of consecutive active rows, then
     * checks one word in {@value #CHECK_EVERY} for rows that now rest (their state is that of
     * step {@code t}).
     */
    void update(int t, Parallel.Body body, float[] m, float[] v) {
        int runStart = -1, runEnd = -1;
        for (int w = 0; w < words; w++) {
            long a = active[w];
            int base = w << 6;
            while (a != 0) {
                int b = Long.numberOfTrailingZeros(a);
                int len = Long.numberOfTrailingZeros(~(a >>> b));
                int r0 = base + b;
                if (r0 == runEnd) {
                    runEnd = r0 + len;
                } else {
                    if (runStart >= 0) body.run(offset + runStart * width, offset + runEnd * width);
                    runStart = r0;
                    runEnd = r0 + len;
                }
                a = b + len >= 64 ? 0 : a & (-1L << (b + len));
            }
        }
        if (runStart >= 0) body.run(offset + runStart * width, offset + runEnd * width);
        for (int w = Math.floorMod(-t, CHECK_EVERY); w < words; w += CHECK_EVERY) {
            long a = active[w];
            while (a != 0) {
                int b = Long.numberOfTrailingZeros(a);
                a &= a - 1;
                int row = (w << 6) + b;
                if (rests(row, m, v)) {
                    active[w] &= ~(1L << b);
                    since[row] = t;
                }
            }
        }
    }

    /** m all +0 and v all numbers >= 0: from here a step without gradient changes only v. */
    private boolean rests(int row, float[] m, float[] v) {
        for (int i = offset + row * width, end = i + width; i < end; i++) {
            if (Float.floatToRawIntBits(m[i]) != 0 || !(v[i] >= 0f)) return false;
        }
        return true;
    }

    /** Brings every resting row's v to step {@code t} (they stay resting). */
    void catchUp(int t, float[] v) {
        for (int w = 0; w < words; w++) {
            long resting = ~active[w];
            if (w == words - 1 && (rows & 63) != 0) resting &= (1L << (rows & 63)) - 1;
            while (resting != 0) {
                int row = (w << 6) + Long.numberOfTrailingZeros(resting);
                resting &= resting - 1;
                replay(row, t - since[row], v);
                since[row] = t;
            }
        }
    }

    /** How many rows rest now (tests, benchmarks). */
    int restingCount() {
        int activeRows = 0;
        for (long a : active) activeRows += Long.bitCount(a);
        return rows - activeRows;
    }

    private void replay(int row, int steps, float[] v) {
        if (steps > 0) kernels.adamDecay(v, offset + row * width, width, steps, beta2);
    }
}
