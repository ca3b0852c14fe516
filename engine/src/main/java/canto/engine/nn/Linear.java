package canto.engine.nn;

import canto.engine.kernels.Kernels;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import java.util.Map;

/**
 * Dense layer {@code y = x · Wᵀ + b}, weight {@code [out, in]}, bias {@code [out]}, as
 * PyTorch's {@code nn.Linear}; initialised like it: weight and bias uniform in
 * {@code ±1/sqrt(in)}.
 */
public final class Linear implements Module {
    private final Kernels kernels = Kernels.get();
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias; // null without bias

    /** What one workspace keeps for this layer. */
    private static final class State {
        Tensor input;         // [rows, in], cached by forward
        float[] output;       // [rows, out]
        float[] gradInput;    // [rows, in]
    }

    public Linear(int in, int out, Rng rng) { this(in, out, true, rng); }

    public Linear(int in, int out, boolean withBias, Rng rng) {
        if (in <= 0 || out <= 0) throw new IllegalArgumentException("Linear(" + in + ", " + out + "): sizes must be positive");
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
        State s = ws.state(this, State::new);
        s.input = x;
        float[] outputBuf = s.output = Buffers.ensure(s.output, rows * out);
        Tensor w = weight.value();
        // y [rows, out] = bias (or 0), then += x [rows, in] · W [out, in]ᵀ
        if (bias != null) {
            kernels.broadcastRows(bias.value().data(), bias.value().offset(), outputBuf, 0, rows, out);
        } else {
            java.util.Arrays.fill(outputBuf, 0, rows * out, 0f);
        }
        kernels.matmulNT(x.data(), x.offset(), w.data(), w.offset(), outputBuf, 0, rows, out, in);
        return new Tensor(outputBuf, 0, Buffers.withLastDim(x.shape(), out));
    }

    @Override
    public Tensor backward(Workspace ws, Tensor dy) {
        State s = ws.state(this, State::new);
        Tensor input = s.input;
        if (input == null) throw new IllegalStateException(this + ": backward before forward in this workspace");
        int rows = input.rows();
        Tensor w = weight.value(), dw = weight.grad();
        // dW [out, in] += dYᵀ [out, rows] · X [rows, in]
        kernels.matmulTN(dy.data(), dy.offset(), input.data(), input.offset(), dw.data(), dw.offset(), out, in, rows);
        // db [out] += Σ_rows dY
        if (bias != null) kernels.addColumnSums(dy.data(), dy.offset(), bias.grad().data(), bias.grad().offset(), rows, out);
        // dX [rows, in] = dY [rows, out] · W [out, in]
        float[] gradInputBuf = s.gradInput = Buffers.ensure(s.gradInput, rows * in);
        java.util.Arrays.fill(gradInputBuf, 0, rows * in, 0f);
        kernels.matmulNN(dy.data(), dy.offset(), w.data(), w.offset(), gradInputBuf, 0, rows, in, out);
        return new Tensor(gradInputBuf, 0, input.shape());
    }

    @Override
    public void collectParameters(String prefix, Map<String, Parameter> out) {
        out.put(prefix + weight.localName(), weight);
        if (bias != null) out.put(prefix + bias.localName(), bias);
    }

    @Override public String toString() { return "Linear(" + in + ", " + out + (bias == null ? ", bias=false)" : ")"); }
}
