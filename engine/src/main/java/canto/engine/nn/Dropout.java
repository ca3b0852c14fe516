package canto.engine.nn;

import canto.engine.kernels.Kernels;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;

/**
 * Inverted dropout, as PyTorch's {@code nn.Dropout}: in training mode each element is zeroed
 * with probability p and the rest scaled by {@code 1/(1-p)}; in evaluation mode it is the
 * identity.
 *
 * <p>The masks are random per {@link Workspace}: the layer keeps the state its {@link Rng} had
 * when the layer was made, and each workspace draws from its own generator of that seed, for the
 * workspace's {@link Workspace#stream() stream} ({@link Rng#stream}: stream 0 is that state
 * itself). So in one workspace the masks follow from the seed and that workspace's earlier
 * forwards alone, whatever other workspaces (threads) do with the same layer; and a single
 * workspace on stream 0 draws exactly what the {@code Rng} would have given next. Give the layer
 * a generator of its own ({@code rng.split()}): later draws from the one passed in are not seen.
 */
public final class Dropout implements Module {
    private final Kernels kernels = Kernels.get();
    private final float p;
    private final float keepScale;
    private final Rng seed;   // the constructor's generator as it was then; never drawn from
    private boolean training = true;

    /** What one workspace keeps for this layer: the last mask, or that there was none. */
    private static final class State {
        boolean masked;
        Rng rng;   // this workspace's generator (kept by the workspace across clear())
        float[] mask, output, grad;
        int[] shape;
        int n;
    }

    public Dropout(float p, Rng rng) {
        if (!(p >= 0f && p < 1f)) throw new IllegalArgumentException("dropout probability must be in [0, 1): " + p);
        this.p = p;
        this.keepScale = 1f / (1f - p);
        this.seed = rng.stream(0);
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
        if (s.rng == null) s.rng = ws.generator(this, seed::stream);   // first forward in ws (or after clear)
        kernels.dropoutMask(s.rng.reserve(n), p, keepScale, mask, 0, n);
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
