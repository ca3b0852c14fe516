package canto.engine.optim;

import canto.engine.kernels.Kernels;
import canto.engine.nn.Parameters;

/**
 * Stochastic gradient descent with optional momentum, as {@code torch.optim.SGD}
 * (dampening 0, no Nesterov): {@code buf = momentum · buf + g; p -= lr · buf}, where the
 * first step's buffer is the gradient itself.
 */
public final class Sgd implements Optimizer {
    private final Kernels kernels = Kernels.get();
    private final Parameters params;
    private final float lr;
    private final float momentum;
    private final float[] buf;

    public Sgd(Parameters params, float lr) { this(params, lr, 0f); }

    public Sgd(Parameters params, float lr, float momentum) {
        if (!(lr > 0)) throw new IllegalArgumentException("SGD lr must be positive: " + lr);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("SGD momentum must be in [0, 1): " + momentum);
        this.params = params;
        this.lr = lr;
        this.momentum = momentum;
        this.buf = momentum > 0 ? new float[params.size()] : null;
    }

    @Override
    public void step() {
        int n = params.size();
        if (buf == null) {
            kernels.axpy(-lr, params.grads(), 0, params.values(), 0, n);
            return;
        }
        kernels.scale(momentum, buf, 0, n);            // zero on the first step: buf = g
        kernels.axpy(1f, params.grads(), 0, buf, 0, n);
        kernels.axpy(-lr, buf, 0, params.values(), 0, n);
    }

    @Override
    public void zeroGrad() { params.zeroGrad(); }
}
