package canto.engine.tensor;

import java.util.Arrays;

/**
 * A float32 tensor: a contiguous, row-major view {@code (data, offset, shape)} of a flat array.
 *
 * <p>There are no strides and no dtypes: every tensor in canto is dense float32. A tensor does
 * not own its array; layers reuse their activation buffers from one batch to the next, so a
 * tensor returned by {@code forward} is valid until that layer's next {@code forward}.
 * The array may be longer than {@link #size()} (a buffer sized for the largest batch seen).
 */
public final class Tensor {
    private final float[] data;
    private final int offset;
    private final int[] shape;
    private final int size;

    public Tensor(float[] data, int offset, int... shape) {
        this.data = data;
        this.offset = offset;
        this.shape = shape.clone();
        long n = elements(shape);
        if (offset < 0 || offset + n > data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " at offset " + offset
                    + " does not fit an array of " + data.length);
        }
        this.size = (int) n;
    }

    /** The number of elements of {@code shape}; an error when negative or above 2^31 - 1. */
    private static long elements(int[] shape) {
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            if (d == 0) return 0;
        }
        long n = 1;
        for (int d : shape) {
            n *= d; // both factors below 2^31: no overflow before the check
            if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than 2^31 - 1 elements");
        }
        return n;
    }

    /** A new zero tensor with its own array. */
    public static Tensor zeros(int... shape) {
        return new Tensor(new float[(int) elements(shape)], 0, shape);
    }

    /** A tensor over a copy of {@code values}. */
    public static Tensor of(float[] values, int... shape) {
        return new Tensor(values.clone(), 0, shape);
    }

    public float[] data() { return data; }
    public int offset() { return offset; }
    public int size() { return size; }
    public int rank() { return shape.length; }
    public int dim(int i) { return shape[i < 0 ? shape.length + i : i]; }
    public int[] shape() { return shape.clone(); }

    /** The last dimension (features per row). */
    public int cols() { return shape.length == 0 ? 1 : shape[shape.length - 1]; }

    /** The number of rows when the tensor is seen as a matrix {@code [size / cols, cols]}. */
    public int rows() { int c = cols(); return c == 0 ? 0 : size / c; }

    /** The same data seen with another shape of the same size. */
    public Tensor reshape(int... newShape) {
        Tensor t = new Tensor(data, offset, newShape);
        if (t.size != size) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(shape) + " to " + Arrays.toString(newShape));
        }
        return t;
    }

    /** For tests and cold code: element {@code i} of the flat view. */
    public float get(int i) { return data[offset + i]; }
    public void set(int i, float v) { data[offset + i] = v; }

    /** A copy of the viewed values. */
    public float[] toArray() { return Arrays.copyOfRange(data, offset, offset + size); }

    public void fill(float v) { Arrays.fill(data, offset, offset + size, v); }

    public boolean sameShape(Tensor o) { return Arrays.equals(shape, o.shape); }

    @Override public String toString() { return "Tensor" + Arrays.toString(shape); }
}
