package canto.engine.nn;

import canto.engine.kernels.Kernels;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import java.util.Map;

/**
 * Lookup table {@code [num, dim]}, as PyTorch's {@code nn.Embedding}, initialised standard
 * normal. Forward gathers rows; backward scatter-adds into the rows that were used.
 *
 * <p>The input holds ids. Through the {@link Module} interface they arrive as a float tensor
 * of exact integers (every id below 2^24 is exact in float32), so an embedding can head a
 * {@link Sequential}; {@link #forwardIds} takes them as ints directly. Output shape: the
 * input's shape plus {@code dim}. An id outside {@code [0, num)} is an error naming it.
 */
public final class Embedding implements Module {
    private final Kernels kernels = Kernels.get();
    private final int num;
    private final int dim;
    private final Parameter weight;

    private int[] ids;     // the ids of the last forward
    private int count;
    private float[] outputBuf;

    public Embedding(int num, int dim, Rng rng) {
        if (num <= 0 || dim <= 0) throw new IllegalArgumentException("Embedding(" + num + ", " + dim + "): sizes must be positive");
        if (num >= (1 << 24)) throw new IllegalArgumentException("Embedding tables above 2^24 rows are not supported: " + num);
        this.num = num;
        this.dim = dim;
        this.weight = new Parameter("weight", num, dim);
        Tensor w = weight.value();
        for (int i = 0; i < w.size(); i++) w.set(i, (float) rng.nextGaussian());
    }

    public int numEmbeddings() { return num; }
    public int dim() { return dim; }
    public Parameter weight() { return weight; }

    @Override
    public Tensor forward(Tensor idTensor) {
        int n = idTensor.size();
        ids = Buffers.ensure(ids, n);
        float[] d = idTensor.data();
        for (int i = 0; i < n; i++) {
            float f = d[idTensor.offset() + i];
            int id = (int) f;
            if (id != f) throw new IllegalArgumentException("embedding input " + f + " at position " + i + " is not an integer id");
            ids[i] = id;
        }
        return gatherChecked(n, idTensor.shape());
    }

    /** Forward from int ids: {@code ids[off .. off+count)} seen with {@code shape}. */
    public Tensor forwardIds(int[] src, int off, int count, int... shape) {
        ids = Buffers.ensure(ids, count);
        System.arraycopy(src, off, ids, 0, count);
        return gatherChecked(count, shape);
    }

    private Tensor gatherChecked(int n, int[] idShape) {
        for (int i = 0; i < n; i++) {
            if (ids[i] < 0 || ids[i] >= num) {
                throw new IllegalArgumentException("embedding id " + ids[i] + " at position " + i
                        + " is outside the table [0, " + num + ")");
            }
        }
        count = n;
        outputBuf = Buffers.ensure(outputBuf, n * dim);
        Tensor w = weight.value();
        kernels.gather(w.data(), w.offset(), ids, 0, outputBuf, 0, n, dim);
        int[] shape = java.util.Arrays.copyOf(idShape, idShape.length + 1);
        shape[idShape.length] = dim;
        return new Tensor(outputBuf, 0, shape);
    }

    /** Scatter-adds into the weight gradient; ids have no gradient, so this returns null. */
    @Override
    public Tensor backward(Tensor dy) {
        Tensor dw = weight.grad();
        kernels.scatterAdd(dy.data(), dy.offset(), ids, 0, dw.data(), dw.offset(), count, dim);
        return null;
    }

    @Override
    public void collectParameters(String prefix, Map<String, Parameter> out) {
        out.put(prefix + weight.localName(), weight);
    }

    @Override public String toString() { return "Embedding(" + num + ", " + dim + ")"; }
}
