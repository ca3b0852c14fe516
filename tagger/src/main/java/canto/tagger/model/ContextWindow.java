package canto.tagger.model;

import canto.engine.nn.Module;
import canto.engine.nn.Workspace;
import canto.engine.tensor.Tensor;

/**
 * Puts each token's neighbours beside it (a 1-D convolution's input window): input
 * {@code [T, D]}, output {@code [T, (2r + 1) · D]} where block {@code o} of row {@code t} is
 * row {@code t + o - r}, or zeros when that row lies outside {@code t}'s title. Titles are
 * given by {@link #setTitles} (title id per row, rows of a title consecutive) in the workspace
 * the next forward runs in. No parameters.
 */
final class ContextWindow implements Module {
    private final int radius;

    /** What one workspace keeps: the titles, the last input's size and the buffers. */
    private static final class State {
        int[] titleOf;
        int rows = -1, dim;
        float[] out = new float[0];
        float[] gradIn = new float[0];
    }

    ContextWindow(int radius) {
        if (radius < 0) throw new IllegalArgumentException("radius must be >= 0: " + radius);
        this.radius = radius;
    }

    int width() { return 2 * radius + 1; }

    /** {@code titleOf[t]} is the title of row t. */
    void setTitles(Workspace ws, int[] titleOf) { ws.state(this, State::new).titleOf = titleOf; }

    @Override
    public Tensor forward(Workspace ws, Tensor... inputs) {
        Tensor x = Module.single(this, inputs);
        State s = ws.state(this, State::new);
        int[] titleOf = s.titleOf;
        if (titleOf == null || titleOf.length < x.rows()) throw new IllegalStateException(this + ": setTitles for " + x.rows() + " rows first");
        // x [T, D] -> y [T, W·D]
        int rows = s.rows = x.rows();
        int dim = s.dim = x.cols();
        int w = width(), rowOut = w * dim;
        if (s.out.length < rows * rowOut) s.out = new float[rows * rowOut];
        float[] out = s.out;
        float[] d = x.data();
        for (int t = 0; t < rows; t++) {
            for (int o = 0; o < w; o++) {
                int src = t + o - radius, yo = t * rowOut + o * dim;
                if (src >= 0 && src < rows && titleOf[src] == titleOf[t]) System.arraycopy(d, x.offset() + src * dim, out, yo, dim);
                else java.util.Arrays.fill(out, yo, yo + dim, 0f);
            }
        }
        return new Tensor(out, 0, rows, rowOut);
    }

    @Override
    public Tensor backward(Workspace ws, Tensor dy) {
        State s = ws.state(this, State::new);
        if (s.rows < 0) throw new IllegalStateException(this + ": backward before forward in this workspace");
        int rows = s.rows, dim = s.dim;
        int[] titleOf = s.titleOf;
        // dx [T, D] += the blocks of dy that came from each row
        int w = width(), rowOut = w * dim;
        if (s.gradIn.length < rows * dim) s.gradIn = new float[rows * dim];
        float[] gradIn = s.gradIn;
        java.util.Arrays.fill(gradIn, 0, rows * dim, 0f);
        float[] g = dy.data();
        for (int t = 0; t < rows; t++) {
            for (int o = 0; o < w; o++) {
                int src = t + o - radius;
                if (src < 0 || src >= rows || titleOf[src] != titleOf[t]) continue;
                int go = dy.offset() + t * rowOut + o * dim, xo = src * dim;
                for (int j = 0; j < dim; j++) gradIn[xo + j] += g[go + j];
            }
        }
        return new Tensor(gradIn, 0, rows, dim);
    }

    @Override public String toString() { return "ContextWindow(" + radius + ")"; }
}
