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

    /**
     * {@link #step()} then {@link #zeroGrad()}, which an optimiser may do in one pass (clearing
     * each block of gradients right after using it, while it is in cache). A training loop that
     * starts from cleared gradients can call this after each backward instead of calling
     * {@code zeroGrad()} before it.
     */
    default void stepAndZeroGrad() {
        step();
        zeroGrad();
    }
}
