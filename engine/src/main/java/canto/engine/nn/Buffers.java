package canto.engine.nn;

/** Activation buffers that grow to the largest batch seen and are then reused. */
final class Buffers {
    private Buffers() {}

    static float[] ensure(float[] buffer, int size) {
        return buffer != null && buffer.length >= size ? buffer : new float[size];
    }

    static int[] ensure(int[] buffer, int size) {
        return buffer != null && buffer.length >= size ? buffer : new int[size];
    }

    /** {@code shape} with its last dimension replaced. */
    static int[] withLastDim(int[] shape, int last) {
        int[] s = shape.clone();
        s[s.length - 1] = last;
        return s;
    }
}
