package canto.tagger.model;

import canto.engine.nn.Module;
import canto.engine.tensor.Tensor;

/**
 * Sums rows into bags (PyTorch's {@code EmbeddingBag(mode="sum")} after an {@code Embedding}):
 * input {@code [N, D]}, output {@code [bags, D]} where bag {@code b} is the sum of rows
 * {@code offsets[b] .. offsets[b + 1])}. Call {@link #setBags} before each forward.
 * No parameters.
 */
final class BagSum implements Module {
    private int[] offsets;
    private int bags;
    private int rowsIn, dim;
    private float[] out = new float[0];
    private float[] gradIn = new float[0];

    /** Bag {@code b} covers input rows {@code offsets[b] .. offsets[b + 1])}, for b in [0, bags). */
    void setBags(int[] offsets, int bags) {
        this.offsets = offsets;
        this.bags = bags;
    }

    @Override
    public Tensor forward(Tensor x) {
        // x [N, D] -> y [bags, D]
        dim = x.cols();
        rowsIn = x.rows();
        if (offsets[bags] > rowsIn) throw new IllegalArgumentException("bags cover " + offsets[bags] + " rows, input has " + rowsIn);
        if (out.length < bags * dim) out = new float[bags * dim];
        float[] d = x.data();
        int xo = x.offset();
        for (int b = 0; b < bags; b++) {
            int yo = b * dim;
            java.util.Arrays.fill(out, yo, yo + dim, 0f);
            for (int r = offsets[b]; r < offsets[b + 1]; r++) {
                int ro = xo + r * dim;
                for (int j = 0; j < dim; j++) out[yo + j] += d[ro + j];
            }
        }
        return new Tensor(out, 0, bags, dim);
    }

    @Override
    public Tensor backward(Tensor dy) {
        // dx [N, D]: every row of a bag gets the bag's gradient
        if (gradIn.length < rowsIn * dim) gradIn = new float[rowsIn * dim];
        java.util.Arrays.fill(gradIn, 0, rowsIn * dim, 0f);
        float[] g = dy.data();
        for (int b = 0; b < bags; b++) {
            int go = dy.offset() + b * dim;
            for (int r = offsets[b]; r < offsets[b + 1]; r++) System.arraycopy(g, go, gradIn, r * dim, dim);
        }
        return new Tensor(gradIn, 0, rowsIn, dim);
    }

    @Override public String toString() { return "BagSum()"; }
}
