package canto.engine.nn;

/**
 * Which rows of a table parameter {@code [rows, width]} got a gradient since an optimiser last
 * looked: one bit per row, set by the layer that scatters into the table ({@link Embedding}'s
 * backward), read and cleared by the optimiser ({@code Adam}'s resting rows). A parameter has at
 * most one live tracker ({@link Parameter#trackTouchedRows()}); a tracker replaced by a newer one
 * hears of no more rows and says so ({@link #replaced()}), and its optimiser must then treat
 * every row as touched.
 */
public final class TouchedRows {
    private final int rows;
    private final long[] words;
    private boolean replaced;

    TouchedRows(int rows) {
        this.rows = rows;
        this.words = new long[(rows + 63) >>> 6];
    }

    public int rows() { return rows; }

    /** Bit {@code r & 63} of word {@code r >>> 6} is row r; the reader clears what it consumed. */
    public long[] words() { return words; }

    /** True once another tracker took this one's place: its bits are no longer complete. */
    public boolean replaced() { return replaced; }

    void replace() { replaced = true; }

    /** Marks the rows {@code ids[off .. off+count)} (ids already checked to be in the table). */
    public void mark(int[] ids, int off, int count) {
        long[] w = words;
        for (int i = off, end = off + count; i < end; i++) {
            int id = ids[i];
            w[id >>> 6] |= 1L << id;
        }
    }
}
