package canto.engine.nn;

import canto.engine.kernels.Kernels;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import java.util.Map;

/**
 * Bags of embeddings, as PyTorch's {@code nn.EmbeddingBag}: a table {@code [num, dim]},
 * initialised standard normal from an explicit {@link Rng} (the same draws, in the same order,
 * as {@link Embedding}), and a forward pass that sums or averages the rows of each bag.
 *
 * <p>PyTorch's offsets convention ({@code include_last_offset=False}): the ids of a batch are
 * one flat list {@code ids[idOff .. idOff+n)}; {@code offsets[offOff + b]} is the position in
 * that list where bag b starts, and bag b ends where bag b+1 starts, or at n for the last bag.
 * Offsets must be non-decreasing and within [0, n]; PyTorch also requires the first to be 0,
 * here ids before it simply belong to no bag. An empty bag gives zeros in both modes.
 *
 * <p>Optional per-sample weights ({@code per_sample_weights}, indexed like the ids, from
 * {@code idOff}) multiply each row before the sum; as in PyTorch only with {@link Mode#SUM}.
 * They are constants here: no gradient flows to them.
 *
 * <p>Not a {@link Module}: its input is two int arrays, not a tensor. As a module's, its
 * activations live in the caller's {@link Workspace}: the output of {@link #forward} is
 * {@code [bags, dim]}, valid until the next forward in that workspace; {@link #backward}
 * accumulates into {@code weight.grad} for the ids of the last forward in it.
 * Parameter name: {@code weight}, as PyTorch's {@code state_dict}.
 */
public final class EmbeddingBag implements Trainable {

    /** How the rows of a bag are pooled, PyTorch's {@code mode}. */
    public enum Mode {
        /** {@code mode="sum"}. */
        SUM,
        /** {@code mode="mean"}: the sum divided by the bag's size (an empty bag gives zeros). */
        MEAN
    }

    private final Kernels kernels = Kernels.get();
    private final int num;
    private final int dim;
    private final Mode mode;
    private final Parameter weight;

    /** What one workspace keeps: the last forward's inputs, copied so the caller may reuse its arrays before backward. */
    private static final class State {
        int[] ids;
        int[] offsets;
        float[] weights; // null when the last forward had none
        float[] weightsBuf;
        int n = -1;
        int bags;
        float[] output;
    }

    public EmbeddingBag(int num, int dim, Mode mode, Rng rng) {
        if (num <= 0 || dim <= 0) throw new IllegalArgumentException("EmbeddingBag(" + num + ", " + dim + "): sizes must be positive");
        if ((long) num * dim > Integer.MAX_VALUE) throw new IllegalArgumentException("EmbeddingBag(" + num + ", " + dim + "): table above 2^31 - 1 floats");
        if (mode == null) throw new IllegalArgumentException("EmbeddingBag: mode is null (SUM or MEAN)");
        this.num = num;
        this.dim = dim;
        this.mode = mode;
        this.weight = new Parameter("weight", num, dim);
        Tensor w = weight.value();
        for (int i = 0; i < w.size(); i++) w.set(i, (float) rng.nextGaussian());
    }

    public int numEmbeddings() { return num; }
    public int dim() { return dim; }
    public Mode mode() { return mode; }
    public Parameter weight() { return weight; }

    /**
     * Pools {@code bags} bags of the ids {@code ids[idOff .. idOff+n)}; bag b starts at position
     * {@code offsets[offOff + b]} of that list (PyTorch's offsets). {@code perSampleWeights}, when
     * not null, holds one weight per id at the same index as the id ({@code perSampleWeights[idOff + i]}).
     *
     * @return {@code [bags, dim]}, valid until the next forward in {@code ws}
     * @throws IllegalArgumentException naming the first id outside {@code [0, num)}, a bad offset,
     *         or weights given with {@link Mode#MEAN}
     */
    public Tensor forward(Workspace ws, int[] ids, int idOff, int n, int[] offsets, int offOff, int bags, float[] perSampleWeights) {
        check(ids, idOff, n, offsets, offOff, bags, perSampleWeights);
        State s = ws.state(this, State::new);
        s.ids = Buffers.ensure(s.ids, n);
        System.arraycopy(ids, idOff, s.ids, 0, n);
        s.offsets = Buffers.ensure(s.offsets, bags);
        System.arraycopy(offsets, offOff, s.offsets, 0, bags);
        if (perSampleWeights != null) {
            s.weightsBuf = Buffers.ensure(s.weightsBuf, n);
            System.arraycopy(perSampleWeights, idOff, s.weightsBuf, 0, n);
        }
        s.weights = perSampleWeights == null ? null : s.weightsBuf;
        s.n = n;
        s.bags = bags;
        float[] outputBuf = s.output = Buffers.ensure(s.output, bags * dim);
        Tensor w = weight.value();
        kernels.embeddingBagForward(w.data(), w.offset(), dim, s.ids, 0, n, s.offsets, 0, bags,
                s.weights, 0, mode == Mode.MEAN, outputBuf, 0);
        return new Tensor(outputBuf, 0, bags, dim);
    }

    /** Scatter-adds {@code dOut [bags, dim]} into the weight gradient for the last forward's ids. */
    public void backward(Workspace ws, Tensor dOut) {
        State s = ws.state(this, State::new);
        if (s.n < 0) throw new IllegalStateException(this + ": backward before any forward in this workspace");
        if (dOut.size() != s.bags * dim || dOut.cols() != dim) {
            throw new IllegalArgumentException(this + ": gradient " + dOut + " does not match the last forward's output [" + s.bags + ", " + dim + "]");
        }
        Tensor g = weight.grad();
        kernels.embeddingBagBackward(dOut.data(), dOut.offset(), dim, s.ids, 0, s.n, s.offsets, 0, s.bags,
                s.weights, 0, mode == Mode.MEAN, g.data(), g.offset());
    }

    private void check(int[] ids, int idOff, int n, int[] offsets, int offOff, int bags, float[] perSampleWeights) {
        if (n < 0 || idOff < 0 || idOff + n > ids.length) {
            throw new IllegalArgumentException(this + ": ids [" + idOff + ", " + idOff + " + " + n + ") outside an array of " + ids.length);
        }
        if (bags < 0 || offOff < 0 || offOff + bags > offsets.length) {
            throw new IllegalArgumentException(this + ": offsets [" + offOff + ", " + offOff + " + " + bags + ") outside an array of " + offsets.length);
        }
        if (perSampleWeights != null) {
            if (mode != Mode.SUM) throw new IllegalArgumentException(this + ": per_sample_weights only with mode SUM, as in PyTorch");
            if (idOff + n > perSampleWeights.length) {
                throw new IllegalArgumentException(this + ": per_sample_weights has " + perSampleWeights.length + " values, ids reach index " + (idOff + n));
            }
        }
        int previous = 0;
        for (int b = 0; b < bags; b++) {
            int start = offsets[offOff + b];
            if (start < previous || start > n) {
                throw new IllegalArgumentException(this + ": offsets[" + (offOff + b) + "] = " + start
                        + " (bag " + b + ") must be in [" + previous + ", " + n + "]: offsets are non-decreasing positions in the " + n + " ids");
            }
            previous = start;
        }
        for (int i = idOff; i < idOff + n; i++) {
            if (ids[i] < 0 || ids[i] >= num) {
                throw new IllegalArgumentException(this + ": id " + ids[i] + " at ids[" + i + "] is outside the table [0, " + num + ")");
            }
        }
    }

    @Override
    public void collectParameters(String prefix, Map<String, Parameter> out) {
        out.put(prefix + weight.localName(), weight);
    }

    @Override
    public String toString() { return "EmbeddingBag(" + num + ", " + dim + ", mode='" + mode.name().toLowerCase(java.util.Locale.ROOT) + "')"; }
}
