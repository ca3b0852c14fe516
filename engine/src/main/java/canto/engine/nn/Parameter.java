package canto.engine.nn;

import canto.engine.tensor.Tensor;

/**
 * A trainable tensor and its gradient, same shape.
 *
 * <p>A layer creates its parameters with their own arrays; {@link Parameters#of} then moves
 * every parameter of a model into one value arena and one gradient arena, so zeroing the
 * gradients is one fill and an optimiser step is one pass over flat arrays. Layers therefore
 * read {@link #value()} and {@link #grad()} on every call and never keep their arrays.
 * A parameter is moved once: it remembers its {@link Parameters}, and packing it into a second
 * one is an error (an optimiser made from the first would silently stop training the model).
 */
public final class Parameter {
    private final String localName;
    private final int[] shape;
    private Tensor value;
    private Tensor grad;
    private Parameters arena; // the Parameters this was moved into, or null
    private boolean reportsRows; // its layer reports every gradient row it writes (a table)
    private TouchedRows touched;  // the live tracker, or null

    public Parameter(String localName, int... shape) {
        this.localName = localName;
        this.shape = shape.clone();
        this.value = Tensor.zeros(shape);
        this.grad = Tensor.zeros(shape);
    }

    /** The name within its layer, e.g. {@code weight}. Full names come from {@link Parameters}. */
    public String localName() { return localName; }
    public int[] shape() { return shape.clone(); }
    public int size() { return value.size(); }
    public Tensor value() { return value; }
    public Tensor grad() { return grad; }

    /**
     * Declares this {@code [rows, width]} parameter a table whose gradient is only ever written
     * row by row by its layer, which reports those rows to {@link #touchedRows()} (so an
     * optimiser may leave the other rows alone, {@code Adam}'s resting rows). Called by the
     * layer that owns it ({@link Embedding}).
     */
    void reportRows() {
        if (shape.length != 2) throw new IllegalStateException(localName + ": only a [rows, width] table can report rows");
        reportsRows = true;
    }

    /** True for a table whose layer reports every gradient row it writes (see {@link #trackTouchedRows()}). */
    public boolean reportsRows() { return reportsRows; }

    /**
     * Starts reporting the rows whose gradient the layer writes into a new tracker, which
     * replaces any earlier one (that one then says {@link TouchedRows#replaced()}).
     *
     * @throws IllegalStateException when the layer does not report rows ({@link #reportsRows()})
     */
    public TouchedRows trackTouchedRows() {
        if (!reportsRows) throw new IllegalStateException(localName + " " + java.util.Arrays.toString(shape) + " is not a table whose layer reports its gradient rows");
        if (touched != null) touched.replace();
        touched = new TouchedRows(shape[0]);
        return touched;
    }

    /** The live tracker the layer marks its gradient rows into, or null when nobody tracks them. */
    public TouchedRows touchedRows() { return touched; }

    /** The {@link Parameters} whose arena holds this parameter, or null before {@link Parameters#of}. */
    Parameters arena() { return arena; }

    /** Copies the value into {@code values[offset..]} and views both arenas from now on. */
    void moveTo(Parameters owner, float[] values, float[] grads, int offset) {
        this.arena = owner;
        System.arraycopy(value.data(), value.offset(), values, offset, value.size());
        System.arraycopy(grad.data(), grad.offset(), grads, offset, grad.size());
        value = new Tensor(values, offset, shape);
        grad = new Tensor(grads, offset, shape);
    }
}
