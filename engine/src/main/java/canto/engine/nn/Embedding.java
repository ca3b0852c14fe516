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
 * {@link Sequential}; {@link #forwardIds} takes them as ints directly. Backward reports the
 * rows it writes to the weight's {@link TouchedRows} tracker, when an optimiser keeps one. Output shape: the
 * input's shape plus {@code dim}. An id outside {@code [0, num)} is an error naming it.
 */
public final class Embedding implements Module {
    private final Kernels kernels = Kernels.get();
    private final int num;
    private final int dim;
    private final Parameter weight;

    /** What one workspace keeps for this layer: the ids of its last forward, and the output. */
    private static final class State {
        int[] ids;
        int count = -1;
        float[] output;
    }

    public Embedding(int num, int dim, Rng rng) {
        if (num <= 0 || dim <= 0) throw new IllegalArgumentException("Embedding(" + num + ", " + dim + "): sizes must be positive");
        if (num >= (1 << 24)) throw new IllegalArgumentException("Embedding tables above 2^24 rows are not supported: " + num);
        this.num = num;
        this.dim = dim;
        this.weight = new Parameter("weight", num, dim);
        weight.reportRows();   // backward writes only the rows of its ids, and reports them
        Tensor w = weight.value();
        for (int i = 0; i < w.size(); i++) w.set(i, (float) rng.nextGaussian());
    }

    public int numEmbeddings() { return num; }
    public int dim() { return dim; }
    public Parameter weight() { return weight; }

    @Override
    public Tensor forward(Workspace ws, Tensor... inputs) {
        Tensor idTensor = Module.single(this, inputs);
        State s = ws.state(this, State::new);
        int n = idTensor.size();
        int[] ids = s.ids = Buffers.ensure(s.ids, n);
        float[] d = idTensor.data();
        for (int i = 0; i < n; i++) {
            float f = d[idTensor.offset() + i];
            int id = (int) f;
            if (id != f) throw new IllegalArgumentException("embedding input " + f + " at position " + i + " is not an integer id");
            ids[i] = id;
        }
        return gatherChecked(s, n, idTensor.shape());
    }

    /** Forward from int ids: {@code ids[off .. off+count)} seen with {@code shape}. */
    public Tensor forwardIds(Workspace ws, int[] src, int off, int count, int... shape) {
        State s = ws.state(this, State::new);
        s.ids = Buffers.ensure(s.ids, count);
        System.arraycopy(src, off, s.ids, 0, count);
        return gatherChecked(s, count, shape);
    }

    private Tensor gatherChecked(State s, int n, int[] idShape) {
        int[] ids = s.ids;
        for (int i = 0; i < n; i++) {
            if (ids[i] < 0 || ids[i] >= num) {
                throw new IllegalArgumentException("embedding id " + ids[i] + " at position " + i
                        + " is outside the table [0, " + num + ")");
            }
        }
        s.count = n;
        float[] outputBuf = s.output = Buffers.ensure(s.output, n * dim);
        Tensor w = weight.value();
        kernels.gather(w.data(), w.offset(), ids, 0, outputBuf, 0, n, dim);
        int[] shape = java.util.Arrays.copyOf(idShape, idShape.length + 1);
        shape[idShape.length] = dim;
        return new Tensor(outputBuf, 0, shape);
    }

    /** Scatter-adds into the weight gradient; ids have no gradient, so this returns null. */
    @Override
    public Tensor backward(Workspace ws, Tensor dy) {
        State s = ws.state(this, State::new);
        if (s.count < 0) throw new IllegalStateException(this + ": backward before forward in this workspace");
        Tensor dw = weight.grad();
        kernels.scatterAdd(dy.data(), dy.offset(), s.ids, 0, dw.data(), dw.offset(), s.count, dim);
        TouchedRows touched = weight.touchedRows();
        if (touched != null) touched.mark(s.ids, 0, s.count);
        return null;
    }

    @Override
    public void collectParameters(String prefix, Map<String, Parameter> out) {
        out.put(prefix + weight.localName(), weight);
    }

    @Override public String toString() { return "Embedding(" + num + ", " + dim + ")"; }
}
