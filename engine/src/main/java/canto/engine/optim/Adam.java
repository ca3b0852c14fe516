package canto.engine.optim;

import canto.engine.kernels.Kernels;
import canto.engine.nn.Parameters;

/**
 * Adam (Kingma &amp; Ba, 2015) with PyTorch's semantics and defaults: betas 0.9 / 0.999,
 * eps 1e-8, bias correction, optional L2 {@code weightDecay} added to the gradient (not
 * AdamW). Dense: every parameter is updated on every step, embedding rows that got no
 * gradient included, as {@code torch.optim.Adam} does. Moments below 1e-30 are flushed to
 * zero (see {@link Kernels#adamStep}).
 */
public final class Adam implements Optimizer {
    /** Hyper-parameters; {@link #defaults(float)} gives PyTorch's. */
    public record Config(float lr, float beta1, float beta2, float eps, float weightDecay) {
        public Config {
            if (!(lr > 0)) throw new IllegalArgumentException("Adam lr must be positive: " + lr);
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("Adam betas must be in [0, 1): " + beta1 + ", " + beta2);
            }
            if (!(eps >= 0) || !(weightDecay >= 0)) throw new IllegalArgumentException("Adam eps and weight decay must be >= 0");
        }

        public static Config defaults(float lr) { return new Config(lr, 0.9f, 0.999f, 1e-8f, 0f); }

        public Config withWeightDecay(float wd) { return new Config(lr, beta1, beta2, eps, wd); }
    }

    private final Kernels kernels = Kernels.get();
    private final Parameters params;
    private final Config config;
    private final float[] m;
    private final float[] v;
    private int t;

    public Adam(Parameters params, Config config) {
        this.params = params;
        this.config = config;
        this.m = new float[params.size()];
        this.v = new float[params.size()];
    }

    public Adam(Parameters params, float lr) { this(params, Config.defaults(lr)); }

    public Config config() { return config; }
    public int steps() { return t; }
    float[] firstMoments() { return m; }

    @Override
    public void step() {
        t++;
        double bc1 = 1 - Math.pow(config.beta1(), t);
        double bc2 = 1 - Math.pow(config.beta2(), t);
        float stepSize = (float) (config.lr() / bc1);
        float sqrtBc2 = (float) Math.sqrt(bc2);
        kernels.adamStep(params.values(), params.grads(), m, v, 0, params.size(),
                stepSize, config.beta1(), config.beta2(), config.eps(), sqrtBc2, config.weightDecay());
    }

    @Override
    public void zeroGrad() { params.zeroGrad(); }
}
