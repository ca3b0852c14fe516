package canto.engine.optim;

import canto.engine.kernels.Kernels;
import canto.engine.nn.Parameters;
import canto.engine.util.Parallel;

/**
 * Adam (Kingma &amp; Ba, 2015) with PyTorch's semantics and defaults: betas 0.9 / 0.999,
 * eps 1e-8, bias correction, optional L2 {@code weightDecay} added to the gradient (not
 * AdamW). Dense: every parameter is updated on every step, embedding rows that got no
 * gradient included, as {@code torch.optim.Adam} does. Moments below 1e-30 are flushed to
 * zero (see {@link Kernels#adamStep}).
 *
 * <p>The update is element-wise, so it is split across the threads of a {@link Parallel}
 * pool ({@link Parallel#shared()} by default, {@code -Dcanto.threads}); the result is the same
 * bit for bit whatever the thread count.
 *
 * <p>{@link AdamState} saves and loads the step count and the moments under the names of
 * PyTorch's {@code optimizer.state_dict()}, so a run can be stopped and resumed bit for bit.
 */
public final class Adam implements Optimizer {
    /**
     * Hyper-parameters; {@link #defaults(double)} gives PyTorch's. Held in double, as PyTorch
     * holds them in Python floats: the bias corrections and {@code 1 - beta} are computed in
     * double and only then rounded to float for the kernel, as PyTorch does.
     */
    public record Config(double lr, double beta1, double beta2, double eps, double weightDecay) {
        public Config {
            if (!(lr > 0)) throw new IllegalArgumentException("Adam lr must be positive: " + lr);
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("Adam betas must be in [0, 1): " + beta1 + ", " + beta2);
            }
            if (!(eps >= 0) || !(weightDecay >= 0)) throw new IllegalArgumentException("Adam eps and weight decay must be >= 0");
        }

        public static Config defaults(double lr) { return new Config(lr, 0.9, 0.999, 1e-8, 0); }

        public Config withWeightDecay(double wd) { return new Config(lr, beta1, beta2, eps, wd); }
    }

    /** Below this many parameters per thread, one thread does the whole update. */
    static final int MIN_PER_THREAD = 16_384;
    /** Chunk bounds are multiples of 16 floats (64 bytes, one cache line). */
    private static final int ALIGN = 16;

    private final Kernels kernels = Kernels.get();
    private final Parallel parallel;
    private final Parameters params;
    private final Config config;
    private final float[] m;
    private final float[] v;
    private int t;
    // The current step's scalars, read by the chunk bodies (no lambda allocated per step).
    private float stepSize, sqrtBc2;
    // The constant scalars, rounded to float once.
    private final float beta1, oneMinusBeta1, beta2, oneMinusBeta2, eps, weightDecay;
    private final Parallel.Body update = this::updateRange;
    private final Parallel.Body clear = this::clearRange;
    private final Parallel.Body updateAndClear = this::updateAndClearRange;
    /** Block of the fused update-and-clear pass: 4 arrays x 16 KiB stay in L1/L2. */
    private static final int BLOCK = 4096;

    public Adam(Parameters params, Config config) { this(params, config, Parallel.shared()); }

    /** With an explicit thread pool (tests and benchmarks compare thread counts). */
    public Adam(Parameters params, Config config, Parallel parallel) {
        this.params = params;
        this.config = config;
        this.parallel = parallel;
        this.beta1 = (float) config.beta1();
        this.oneMinusBeta1 = (float) (1 - config.beta1());
        this.beta2 = (float) config.beta2();
        this.oneMinusBeta2 = (float) (1 - config.beta2());
        this.eps = (float) config.eps();
        this.weightDecay = (float) config.weightDecay();
        this.m = new float[params.size()];
        this.v = new float[params.size()];
    }

    public Adam(Parameters params, double lr) { this(params, Config.defaults(lr)); }

    public Config config() { return config; }
    public int steps() { return t; }
    float[] firstMoments() { return m; }
    float[] secondMoments() { return v; }
    Parameters parameters() { return params; }
    /** Resumes the step count (AdamState.load; the moments are copied into place beside it). */
    void resumeAt(int steps) { t = steps; }

    @Override
    public void step() {
        nextStep();
        parallel.forRange(params.size(), ALIGN, MIN_PER_THREAD, update);
    }

    /** The same as {@code step(); zeroGrad();}, in one pass. */
    @Override
    public void stepAndZeroGrad() {
        nextStep();
        parallel.forRange(params.size(), ALIGN, MIN_PER_THREAD, updateAndClear);
    }

    private void nextStep() {
        t++;
        double bc1 = 1 - StrictMath.pow(config.beta1(), t);
        double bc2 = 1 - StrictMath.pow(config.beta2(), t);
        stepSize = (float) (config.lr() / bc1);
        sqrtBc2 = (float) Math.sqrt(bc2);
    }

    private void updateRange(int from, int to) {
        kernels.adamStep(params.values(), params.grads(), m, v, from, to - from,
                stepSize, beta1, oneMinusBeta1, beta2, oneMinusBeta2, eps, sqrtBc2, weightDecay);
    }

    /** Clears every gradient (split across threads like the update). */
    @Override
    public void zeroGrad() { parallel.forRange(params.size(), ALIGN, MIN_PER_THREAD, clear); }

    private void clearRange(int from, int to) { java.util.Arrays.fill(params.grads(), from, to, 0f); }

    private void updateAndClearRange(int from, int to) {
        for (int b = from; b < to; b += BLOCK) {
            int e = Math.min(to, b + BLOCK);
            updateRange(b, e);
            clearRange(b, e);
        }
    }
}
