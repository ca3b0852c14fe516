package canto.engine.nn;

import canto.engine.tensor.Tensor;

/** {@code [batch, d1, d2, ...] -> [batch, d1·d2·...]}; a view, no copy. */
public final class Flatten implements Module {
    private int[] inputShape;

    @Override
    public Tensor forward(Tensor x) {
        inputShape = x.shape();
        int batch = x.rank() == 0 ? 1 : x.dim(0);
        return x.reshape(batch, batch == 0 ? 0 : x.size() / batch);
    }

    @Override
    public Tensor backward(Tensor dy) { return dy.reshape(inputShape); }

    @Override public String toString() { return "Flatten()"; }
}
