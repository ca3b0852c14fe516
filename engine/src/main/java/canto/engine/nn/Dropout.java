package canto.engine.nn;

import canto.engine.kernels.Kernels;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;

/**
 * Inverted dropout, as PyTorch's {@code nn.Dropout}: in training mode each element is zeroed
 * with probability p and the rest scaled by {@code 1/(1-p)}; in evaluation mode it is the
 * identity. The masks come from the layer's own seeded {@link Rng}.
 */
public final class Dropout implements Module {
    private final Kernels kernels = Kernels.get();
    private final float p;
    private final float keepScale;
    private final Rng rng;
    private boolean training = true;

    /** What one workspace keeps for this layer: the last mask, or that there was none. */
    private static final class State {
        boolean masked;
        float[] mask, output, grad;
        int[] shape;
        int n;
    }

    public Dropout(float p, Rng rng) {
        if (!(p >= 0f && p < 1f)) throw new IllegalArgumentException("dropout probability must be in [0, 1): " + p);
        this.p = p;
        this.keepScale = 1f / (1f - p);
        this.rng = rng;
    }

    public float probability() { return p; }

    @Override public void setTraining(boolean training) { this.training = training; }

    @Override
    public Tensor forward(Workspace ws, Tensor... inputs) {
        Tensor x = Module.single(this, inputs);
        State s = ws.state(this, State::new);
        s.masked = training && p > 0f;
        if (!s.masked) return x;
        int n = s.n = x.size();
        int[] shape = s.shape = x.shape();
        float[] mask = s.mask = Buffers.ensure(s.mask, n);
        // the same masks as: for each i, mask[i] = rng.nextFloat() < p ? 0 : keepScale
        kernels.dropoutMask(rng.reserve(n), p, keepScale, mask, 0, n);
        float[] outputBuf = s.output = Buffers.ensure(s.output, n);
        kernels.multiply(x.data(), x.offset(), mask, 0, outputBuf, 0, n);
        return new Tensor(outputBuf, 0, shape);
    }

    @Override
    public Tensor backward(Workspace ws, Tensor dy) {
        State s = ws.state(this, State::new);
        if (!s.masked) return dy;
        float[] gradBuf = s.grad = Buffers.ensure(s.grad, s.n);
        kernels.multiply(dy.data(), dy.offset(), s.mask, 0, gradBuf, 0, s.n);
        return new Tensor(gradBuf, 0, s.shape);
    }

    @Override public String toString() { return "Dropout(p=" + p + ")"; }
}
