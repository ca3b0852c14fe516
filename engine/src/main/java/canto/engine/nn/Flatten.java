package canto.engine.nn;

import canto.engine.tensor.Tensor;

/** {@code [batch, d1, d2, ...] -> [batch, d1·d2·...]}; a view, no copy. */
public final class Flatten implements Module {
    /** What one workspace keeps: the input's shape. */
    private static final class State {
        int[] inputShape;
    }

    @Override
    public Tensor forward(Workspace ws, Tensor... inputs) {
        Tensor x = Module.single(this, inputs);
        ws.state(this, State::new).inputShape = x.shape();
        int batch = x.rank() == 0 ? 1 : x.dim(0);
        return x.reshape(batch, batch == 0 ? 0 : x.size() / batch);
    }

    @Override
    public Tensor backward(Workspace ws, Tensor dy) { return dy.reshape(ws.state(this, State::new).inputShape); }

    @Override public String toString() { return "Flatten()"; }
}
