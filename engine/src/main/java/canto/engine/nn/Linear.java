package canto.engine.nn;

import canto.engine.kernels.Kernels;
import canto.engine.tensor.Tensor;
import canto.engine.util.Parallel;
import canto.engine.util.Rng;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Dense layer {@code y = x · Wᵀ + b}, weight {@code [out, in]}, bias {@code [out]}, as
 * PyTorch's {@code nn.Linear}; initialised like it: weight and bias uniform in
 * {@code ±1/sqrt(in)}.
 *
 * <p>Its three products (forward, weight gradient, input gradient) are split across the threads
 * of a {@link Parallel} pool ({@link Parallel#shared()}, {@code -Dcanto.threads}, unless one is
 * given) when they hold at least {@link #PARALLEL_WORK} multiply-adds: the forward and the input
 * gradient by columns of their output, the weight gradient by rows, never along the sum, with
 * {@code Kernels.matmulNTColumns} and its twins, which give each element the operations of the
 * whole product. So the results are the same bits for any thread count.
 */
public final class Linear implements Module {
    /**
     * Products with fewer multiply-adds than this run on the calling thread alone: handing a part
     * to another core costs a microsecond or more (the job's fields, then the inputs and outputs,
     * move between the cores' caches), and splitting the batch-16 layers of 2^17 and 2^18
     * multiply-adds (genre's 128→64 and 256→64; 1–2 µs of work each) measured slower than one
     * thread ({@code ProductSplitBench}, docs/BENCHMARKS.md). At batch 16 only genre's 512→128 and
     * 512→256 layers are split; the tagger's per-title products stay on one thread.
     */
    public static final long PARALLEL_WORK = 1L << 19;

    private final Kernels kernels = Kernels.get();
    private final Parallel parallel;
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias; // null without bias
    private final Supplier<State> newState = State::new; // made once: asking for a state allocates nothing

    /** What one workspace keeps for this layer, and its parts of the products for the pool. */
    private final class State {
        Tensor input;         // [rows, in], cached by forward
        float[] output;       // [rows, out]
        float[] gradInput;    // [rows, in]
        Tensor dy;            // [rows, out] during backward
        final Parallel.Body forwardColumns = this::forwardColumns;
        final Parallel.Body weightGradRows = this::weightGradRows;
        final Parallel.Body inputGradColumns = this::inputGradColumns;

        /** y[:, from..to) += x [rows, in] · W[from..to, :]ᵀ */
        void forwardColumns(int from, int to) {
            Tensor w = weight.value();
            kernels.matmulNTColumns(input.data(), input.offset(), w.data(), w.offset(), output, 0, input.rows(), out, in, from, to);
        }

        /** dW[from..to, :] += dY[:, from..to)ᵀ · X [rows, in] */
        void weightGradRows(int from, int to) {
            Tensor dw = weight.grad();
            kernels.matmulTNRows(dy.data(), dy.offset(), input.data(), input.offset(), dw.data(), dw.offset(), out, in, input.rows(), from, to);
        }

        /** dX[:, from..to) += dY [rows, out] · W[:, from..to) */
        void inputGradColumns(int from, int to) {
            Tensor w = weight.value();
            kernels.matmulNNColumns(dy.data(), dy.offset(), w.data(), w.offset(), gradInput, 0, input.rows(), in, out, from, to);
        }
    }

    public Linear(int in, int out, Rng rng) { this(in, out, true, rng); }

    public Linear(int in, int out, boolean withBias, Rng rng) { this(in, out, withBias, rng, Parallel.shared()); }

    /** A layer whose large products are split across {@code parallel}'s threads. */
    public Linear(int in, int out, boolean withBias, Rng rng, Parallel parallel) {
        if (in <= 0 || out <= 0) throw new IllegalArgumentException("Linear(" + in + ", " + out + "): sizes must be positive");
        this.parallel = parallel;
        this.in = in;
        this.out = out;
        this.weight = new Parameter("weight", out, in);
        this.bias = withBias ? new Parameter("bias", out) : null;
        float bound = (float) (1.0 / Math.sqrt(in));
        Tensor w = weight.value();
        for (int i = 0; i < w.size(); i++) w.set(i, rng.uniform(-bound, bound));
        if (bias != null) {
            Tensor b = bias.value();
            for (int i = 0; i < b.size(); i++) b.set(i, rng.uniform(-bound, bound));
        }
    }

    public int inFeatures() { return in; }
    public int outFeatures() { return out; }
    public Parameter weight() { return weight; }
    public Parameter bias() { return bias; }

    @Override
    public Tensor forward(Workspace ws, Tensor... inputs) {
        Tensor x = Module.single(this, inputs);
        if (x.cols() != in) {
            throw new IllegalArgumentException("Linear(" + in + ", " + out + ") got input " + x + " whose last dimension is not " + in);
        }
        int rows = x.rows();
        State s = ws.state(this, newState);
        s.input = x;
        float[] outputBuf = s.output = Buffers.ensure(s.output, rows * out);
        // y [rows, out] = bias (or 0), then += x [rows, in] · W [out, in]ᵀ
        if (bias != null) {
            kernels.broadcastRows(bias.value().data(), bias.value().offset(), outputBuf, 0, rows, out);
        } else {
            java.util.Arrays.fill(outputBuf, 0, rows * out, 0f);
        }
        split((long) rows * out * in, out, s.forwardColumns);
        return new Tensor(outputBuf, 0, Buffers.withLastDim(x.shape(), out));
    }

    @Override
    public Tensor backward(Workspace ws, Tensor dy) {
        State s = ws.state(this, newState);
        Tensor input = s.input;
        if (input == null) throw new IllegalStateException(this + ": backward before forward in this workspace");
        int rows = input.rows();
        long work = (long) rows * out * in;
        s.dy = dy;
        // dW [out, in] += dYᵀ [out, rows] · X [rows, in]
        split(work, out, s.weightGradRows);
        // db [out] += Σ_rows dY
        if (bias != null) kernels.addColumnSums(dy.data(), dy.offset(), bias.grad().data(), bias.grad().offset(), rows, out);
        // dX [rows, in] = dY [rows, out] · W [out, in]
        float[] gradInputBuf = s.gradInput = Buffers.ensure(s.gradInput, rows * in);
        java.util.Arrays.fill(gradInputBuf, 0, rows * in, 0f);
        split(work, in, s.inputGradColumns);
        s.dy = null;
        return new Tensor(gradInputBuf, 0, input.shape());
    }

    /** Runs {@code part} over {@code [0, n)}: on the pool's threads when the product is large. */
    private void split(long work, int n, Parallel.Body part) {
        if (work < PARALLEL_WORK || parallel.threads() == 1) part.run(0, n);
        else parallel.forRange(n, Kernels.SPLIT_ALIGN, Kernels.SPLIT_ALIGN, part);
    }

    @Override
    public void collectParameters(String prefix, Map<String, Parameter> out) {
        out.put(prefix + weight.localName(), weight);
        if (bias != null) out.put(prefix + bias.localName(), bias);
    }

    @Override public String toString() { return "Linear(" + in + ", " + out + (bias == null ? ", bias=false)" : ")"); }
}
