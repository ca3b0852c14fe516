package canto.engine.optim;

import canto.engine.kernels.Kernels;
import canto.engine.nn.Parameter;
import canto.engine.nn.Parameters;
import canto.engine.util.Parallel;

/**
 * Adam (Kingma &amp; Ba, 2015) with PyTorch's semantics and defaults: betas 0.9 / 0.999,
 * eps 1e-8, bias correction, optional L2 {@code weightDecay} added to the gradient (not
 * AdamW). Dense: every parameter is updated on every step, embedding rows that got no
 * gradient included, as {@code torch.optim.Adam} does. Moments below 1e-30 are flushed to
 * zero (see {@link Kernels#adamStep}). In the tables whose layer reports its gradient rows, the
 * rows not reported since the gradient was last cleared still hold +0: the dense step updates them
 * without reading the gradient and {@link #stepAndZeroGrad()} clears only the reported ones
 * ({@link GradientRows}), which gives the bits of the plain dense step and clear.
 *
 * <p>The update is element-wise, so it is split across the threads of a {@link Parallel}
 * pool ({@link Parallel#shared()} by default, {@code -Dcanto.threads}); the result is the same
 * bit for bit whatever the thread count.
 *
 * <p>{@link Update#RESTING} (or {@code -Dcanto.adam=resting}) gives the same bits with less
 * work on embedding tables: rows whose first moment is all zero and which get no gradient are
 * skipped, and their skipped second-moment decays replayed when they next get a gradient or the
 * moments are read ({@link RestingRows}; the proof in docs/KERNELS.md). It applies to the
 * tables whose layer reports its gradient rows ({@code Parameter#reportsRows()}: {@code
 * Embedding}) and only when the weight decay is 0 and eps > 0; everything else is dense.
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

    /**
     * How the update treats embedding tables: {@link #DENSE}, every element every step (the
     * reference), or {@link #RESTING}, resting rows skipped and replayed exactly.
     */
    public enum Update {
        DENSE, RESTING;

        /**
         * {@code -Dcanto.adam=dense|resting}; by default resting with the scalar kernels and dense
         * with the SIMD ones, whichever was measured faster there (docs/BENCHMARKS.md).
         */
        public static Update fromProperty() {
            String p = System.getProperty("canto.adam", "").trim();
            switch (p) {
                case "": return Kernels.get().name().equals("scalar") ? RESTING : DENSE;
                case "dense": return DENSE;
                case "resting": return RESTING;
                default: throw new IllegalStateException("-Dcanto.adam must be dense or resting, not '" + p + "'");
            }
        }
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
    private final RestingRows[] tables;   // null on the dense path
    private final int[][] gaps;           // [from, to) of the arena outside the tables
    private final Parallel.Body[] gapUpdate, gapUpdateAndClear;
    private final GradientRows[] gradientRows;   // dense path: the tables, whose rows without gradient are known
    private final Parallel.Body updateNoGrad = this::updateNoGradRange;
    private final Parallel.Body updateWithTables = (from, to) -> withTables(from, to, false);
    private final Parallel.Body updateAndClearWithTables = (from, to) -> withTables(from, to, true);
    /** Block of the fused update-and-clear pass: 4 arrays x 16 KiB stay in L1/L2. */
    private static final int BLOCK = 4096;

    public Adam(Parameters params, Config config) { this(params, config, Parallel.shared()); }

    /** With an explicit thread pool (tests and benchmarks compare thread counts). */
    public Adam(Parameters params, Config config, Parallel parallel) { this(params, config, parallel, Update.fromProperty()); }

    /** With an explicit thread pool and update path (tests and benchmarks compare them). */
    public Adam(Parameters params, Config config, Parallel parallel, Update path) {
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
        java.util.List<RestingRows> found = new java.util.ArrayList<>();
        if (path == Update.RESTING && weightDecay == 0f && eps > 0f) {
            for (Parameter p : params.named().values()) if (p.reportsRows()) found.add(new RestingRows(p, kernels, beta2));
        }
        found.sort(java.util.Comparator.comparingInt(RestingRows::offset));
        this.tables = found.isEmpty() ? null : found.toArray(new RestingRows[0]);
        java.util.List<GradientRows> rows = new java.util.ArrayList<>();
        if (tables == null) {
            for (Parameter p : params.named().values()) if (p.reportsRows()) rows.add(new GradientRows(p));
        }
        rows.sort(java.util.Comparator.comparingInt(GradientRows::offset));
        this.gradientRows = rows.toArray(new GradientRows[0]);
        // the arena outside the tables, as segments updated densely
        java.util.List<int[]> gaps = new java.util.ArrayList<>();
        int at = 0;
        for (RestingRows r : found) {
            if (r.offset() > at) gaps.add(new int[] {at, r.offset()});
            at = r.offset() + r.size();
        }
        if (at < params.size()) gaps.add(new int[] {at, params.size()});
        this.gaps = gaps.toArray(new int[0][]);
        this.gapUpdate = new Parallel.Body[this.gaps.length];
        this.gapUpdateAndClear = new Parallel.Body[this.gaps.length];
        for (int i = 0; i < this.gaps.length; i++) {
            int base = this.gaps[i][0];
            gapUpdate[i] = (from, to) -> updateRange(base + from, base + to);
            gapUpdateAndClear[i] = (from, to) -> updateAndClearRange(base + from, base + to);
        }
    }

    /** The path in use: {@link Update#RESTING} only when some table rests (see the class comment). */
    public Update update() { return tables == null ? Update.DENSE : Update.RESTING; }

    /** Rows resting now, over all tables (0 on the dense path). */
    public int restingRows() {
        int n = 0;
        if (tables != null) for (RestingRows r : tables) n += r.restingCount();
        return n;
    }

    public Adam(Parameters params, double lr) { this(params, Config.defaults(lr)); }

    public Config config() { return config; }
    public int steps() { return t; }
    /** The first moments, all as of the last step (resting rows are brought up to date first). */
    float[] firstMoments() { catchUp(); return m; }
    /** The second moments, all as of the last step (resting rows are brought up to date first). */
    float[] secondMoments() { catchUp(); return v; }
    Parameters parameters() { return params; }
    /** Resumes the step count (AdamState.load; the moments are copied into place beside it): every row is active again. */
    void resumeAt(int steps) {
        t = steps;
        if (tables != null) for (RestingRows r : tables) r.wakeAll();
    }

    private void catchUp() {
        if (tables != null) for (RestingRows r : tables) r.catchUp(t, v);
    }

    @Override
    public void step() { step(update, gapUpdate); }

    /** The same as {@code step(); zeroGrad();}, in one pass. */
    @Override
    public void stepAndZeroGrad() { step(updateAndClear, gapUpdateAndClear); }

    /**
     * One step with {@code body} over the arena (the dense path) or over each stretch outside the
     * tables ({@code gapBody[i]}) and each table's active rows ({@code body}). With the
     * update-and-clear bodies, resting rows have no gradient to clear: every row the layer wrote
     * into was woken before its update.
     */
    private void step(Parallel.Body body, Parallel.Body[] gapBody) {
        nextStep();
        if (tables == null && gradientRows.length > 0) {
            boolean clear = body == updateAndClear;
            parallel.forRange(params.size(), ALIGN, MIN_PER_THREAD, clear ? updateAndClearWithTables : updateWithTables);
            if (clear) for (GradientRows r : gradientRows) r.clear(params.grads());
            return;
        }
        if (tables == null) {
            parallel.forRange(params.size(), ALIGN, MIN_PER_THREAD, body);
            return;
        }
        for (RestingRows r : tables) r.wake(t, v);
        for (int i = 0; i < gaps.length; i++) parallel.forRange(gaps[i][1] - gaps[i][0], ALIGN, MIN_PER_THREAD, gapBody[i]);
        for (RestingRows r : tables) r.update(t, body, m, v);
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
    public void zeroGrad() {
        parallel.forRange(params.size(), ALIGN, MIN_PER_THREAD, clear);
        for (GradientRows r : gradientRows) r.cleared();
    }

    private void clearRange(int from, int to) { java.util.Arrays.fill(params.grads(), from, to, 0f); }

    /**
     * The dense pass over {@code [from, to)} of the arena: outside the tables update (and clear,
     * when {@code clear}); inside them update the rows that may hold a gradient with it and the
     * others without reading it ({@link GradientRows}, which clears the rows with a gradient
     * after the pass).
     */
    private void withTables(int from, int to, boolean clear) {
        Parallel.Body noGrad = weightDecay == 0f ? updateNoGrad : update;   // with weight decay every gradient counts
        int at = from;
        for (GradientRows r : gradientRows) {
            int start = r.offset(), end = start + r.size();
            if (end <= at) continue;
            if (start >= to) break;
            if (start > at) {
                if (clear) updateAndClearRange(at, start);
                else updateRange(at, start);
            }
            int e = Math.min(to, end);
            r.update(Math.max(at, start), e, update, noGrad);
            at = e;
        }
        if (at < to) {
            if (clear) updateAndClearRange(at, to);
            else updateRange(at, to);
        }
    }

    private void updateNoGradRange(int from, int to) {
        kernels.adamStepNoGrad(params.values(), m, v, from, to - from, stepSize, beta1, beta2, eps, sqrtBc2);
    }

    private void updateAndClearRange(int from, int to) {
        for (int b = from; b < to; b += BLOCK) {
            int e = Math.min(to, b + BLOCK);
            updateRange(b, e);
            clearRange(b, e);
        }
    }
}
