package canto.engine.nn;

import canto.engine.kernels.Kernels;
import canto.engine.tensor.Tensor;

/**
 * Element-wise activations ({@link #relu()}, {@link #sigmoid()}, {@link #tanh()}). Each
 * backward needs only the forward output, which is what is cached.
 */
public final class Activation implements Module {
    /** The element-wise functions we have, each with its kernel pair. */
    public enum Kind { RELU, SIGMOID, TANH }

    private final Kernels kernels = Kernels.get();
    private final Kind kind;
    /** What one workspace keeps for this layer: the output (the backward's input) and the gradient. */
    private static final class State {
        float[] output, grad;
        int[] shape;
        int n = -1;
    }

    public Activation(Kind kind) { this.kind = kind; }

    public static Activation relu() { return new Activation(Kind.RELU); }
    public static Activation sigmoid() { return new Activation(Kind.SIGMOID); }
    public static Activation tanh() { return new Activation(Kind.TANH); }

    public Kind kind() { return kind; }

    @Override
    public Tensor forward(Workspace ws, Tensor... inputs) {
        Tensor x = Module.single(this, inputs);
        State s = ws.state(this, State::new);
        int n = s.n = x.size();
        int[] shape = s.shape = x.shape();
        float[] outputBuf = s.output = Buffers.ensure(s.output, n);
        switch (kind) {
            case RELU: kernels.reluForward(x.data(), x.offset(), outputBuf, 0, n); break;
            case SIGMOID: kernels.sigmoidForward(x.data(), x.offset(), outputBuf, 0, n); break;
            default: kernels.tanhForward(x.data(), x.offset(), outputBuf, 0, n); break;
        }
        return new Tensor(outputBuf, 0, shape);
    }

    @Override
    public Tensor backward(Workspace ws, Tensor dy) {
        State s = ws.state(this, State::new);
        int n = s.n;
        if (n < 0) throw new IllegalStateException(this + ": backward before forward in this workspace");
        float[] outputBuf = s.output;
        float[] gradBuf = s.grad = Buffers.ensure(s.grad, n);
        switch (kind) {
            case RELU: kernels.reluBackward(outputBuf, 0, dy.data(), dy.offset(), gradBuf, 0, n); break;
            case SIGMOID: kernels.sigmoidBackward(outputBuf, 0, dy.data(), dy.offset(), gradBuf, 0, n); break;
            default: kernels.tanhBackward(outputBuf, 0, dy.data(), dy.offset(), gradBuf, 0, n); break;
        }
        return new Tensor(gradBuf, 0, s.shape);
    }

    @Override public String toString() { return kind == Kind.RELU ? "ReLU()" : kind == Kind.SIGMOID ? "Sigmoid()" : "Tanh()"; }
}
