package canto.engine.optim;

/**
 * Updates a model's {@link canto.engine.nn.Parameters} from their gradients.
 * Order of use: {@code zeroGrad()}, forward, backward, {@code step()}, repeat.
 */
public interface Optimizer {
    /** One update of every parameter from the current gradients. */
    void step();

    /** Clears every gradient (one fill over the gradient arena). */
    void zeroGrad();
}
