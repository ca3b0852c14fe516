package canto.genre.train;

import canto.engine.tensor.Tensor;

/** A network the {@link Trainer} can train: logits of a batch of data rows, and their backward. */
public interface BatchNetwork {
    /** Logits {@code [count, 7]} of rows {@code rows[from .. from+count)}. */
    Tensor forward(int[] rows, int from, int count);

    /** Backward from the logits' gradient; accumulates parameter gradients. */
    void backward(Tensor dLogits);

    void setTraining(boolean training);
}
