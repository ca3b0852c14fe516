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
 * <p>Not a {@link Module}: its input is two int arrays, not a tensor. The output of
 * {@link #forward} is {@code [bags, dim]}, backed by this layer's buffer until its next forward;
 * {@link #backward} accumulates into {@code weight.grad} for the ids of the last forward.
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

    // the last forward, copied so the caller may reuse its arrays before backward
    private int[] ids;
    private int[] offsets;
    private float[] weights; // null when the last forward had none
    private float[] weightsBuf;
    private int n = -1;
    private int bags;
    private float[] outputBuf;

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
     * @return {@code [bags, dim]}, valid until the next forward
     * @throws IllegalArgumentException naming the first id outside {@code [0, num)}, a bad offset,
     *         or weights given with {@link Mode#MEAN}
     */
    public Tensor forward(int[] ids, int idOff, int n, int[] offsets, int offOff, int bags, float[] perSampleWeights) {
        check(ids, idOff, n, offsets, offOff, bags, perSampleWeights);
        this.ids = Buffers.ensure(this.ids, n);
        System.arraycopy(ids, idOff, this.ids, 0, n);
        this.offsets = Buffers.ensure(this.offsets, bags);
        System.arraycopy(offsets, offOff, this.offsets, 0, bags);
        if (perSampleWeights != null) {
            weightsBuf = Buffers.ensure(weightsBuf, n);
            System.arraycopy(perSampleWeights, idOff, weightsBuf, 0, n);
        }
        this.weights = perSampleWeights == null ? null : weightsBuf;
        this.n = n;
        this.bags = bags;
        outputBuf = Buffers.ensure(outputBuf, bags * dim);
        Tensor w = weight.value();
        kernels.embeddingBagForward(w.data(), w.offset(), dim, this.ids, 0, n, this.offsets, 0, bags,
                weights, 0, mode == Mode.MEAN, outputBuf, 0);
        return new Tensor(outputBuf, 0, bags, dim);
    }

    /** Scatter-adds {@code dOut [bags, dim]} into the weight gradient for the last forward's ids. */
    public void backward(Tensor dOut) {
        if (n < 0) throw new IllegalStateException(this + ": backward before any forward");
        if (dOut.size() != bags * dim || dOut.cols() != dim) {
            throw new IllegalArgumentException(this + ": gradient " + dOut + " does not match the last forward's output [" + bags + ", " + dim + "]");
        }
        Tensor g = weight.grad();
        kernels.embeddingBagBackward(dOut.data(), dOut.offset(), dim, ids, 0, n, offsets, 0, bags,
                weights, 0, mode == Mode.MEAN, g.data(), g.offset());
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
