package canto.engine.nn;

import canto.engine.tensor.Tensor;

/**
 * A layer or a chain of layers with a hand-written backward pass.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@code forward} caches what {@code backward} needs and returns a tensor backed by the
 *       module's own reusable buffer, valid until its next {@code forward}.</li>
 *   <li>{@code backward} must follow the matching {@code forward}. It <b>accumulates</b>
 *       ({@code +=}) into parameter gradients and returns the gradient with respect to the
 *       input, or {@code null} when the input is not differentiable (embedding ids).</li>
 *   <li>Clear gradients ({@link Parameters#zeroGrad()}) before the next backward.</li>
 * </ul>
 * Row-wise layers treat any input as a matrix {@code [size / features, features]}.
 */
public interface Module extends Trainable {
    Tensor forward(Tensor input);

    Tensor backward(Tensor gradOutput);
}
