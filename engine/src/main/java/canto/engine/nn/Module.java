package canto.engine.nn;

import canto.engine.tensor.Tensor;

/**
 * A layer or a model with a hand-written backward pass, with one input or several.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@code forward(ws, inputs...)} takes {@link #inputCount()} tensors, keeps what backward
 *       needs in the caller's {@link Workspace} and returns a tensor backed by a buffer of that
 *       workspace, valid until the next forward in it. The module itself only reads its
 *       weights, so threads with their own workspaces may share it.</li>
 *   <li>{@code backward(ws, dy)} must follow the matching forward in the same workspace. It
 *       <b>accumulates</b> ({@code +=}) into parameter gradients and returns the gradient with
 *       respect to the first input, or {@code null} when that input is not differentiable
 *       (embedding ids); {@link #inputGrad} gives every input's.</li>
 *   <li>Clear gradients ({@link Parameters#zeroGrad()}) before the next backward.</li>
 * </ul>
 * Row-wise layers treat any input as a matrix {@code [size / features, features]}.
 */
public interface Module extends Trainable {
    /** How many input tensors {@link #forward} takes: 1 for a layer, 2 for {@link TwoBranch}. */
    default int inputCount() { return 1; }

    Tensor forward(Workspace ws, Tensor... inputs);

    Tensor backward(Workspace ws, Tensor gradOutput);

    /**
     * The gradient with respect to input {@code i} after the last {@link #backward} in
     * {@code ws} (null when not differentiable). A one-input module's is what backward returned.
     */
    default Tensor inputGrad(Workspace ws, int i) {
        throw new UnsupportedOperationException(this + " has one input: its gradient is what backward returned");
    }

    /** The single input of a one-input module; an error naming the module otherwise. */
    static Tensor single(Module m, Tensor[] inputs) {
        if (inputs.length != 1) throw new IllegalArgumentException(m + " takes 1 input, got " + inputs.length);
        return inputs[0];
    }
}
