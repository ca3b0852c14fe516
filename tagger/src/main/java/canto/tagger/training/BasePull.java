package canto.tagger.training;

import canto.engine.nn.Parameter;
import canto.engine.nn.Parameters;
import canto.engine.nn.TouchedRows;

/**
 * A pull of the weights toward those fine-tuning started from (the bundled model's), so that a
 * user model learns the library without drifting from what the base model knew. Two forms:
 *
 * <ul>
 *   <li><b>L2 penalty</b> {@code λ·Σ (w − w_base)²} added to the loss ({@link #penalty}): each step
 *       adds its gradient {@code 2λ·(w − w_base)} to every parameter's ({@link #addGradient}), before
 *       Adam, which then scales it like the data's gradient (elastic weight consolidation with the
 *       same weight on every parameter);</li>
 *   <li><b>decoupled</b>: after each Adam step every weight moves a fraction {@code lr·κ} of its way
 *       back, {@code w ← w − lr·κ·(w − w_base)} ({@link #shrink}), as AdamW decays toward 0.</li>
 * </ul>
 *
 * Exact with Adam's resting rows: a table row whose gradient the penalty writes is reported to
 * the table's tracker ({@link TouchedRows}), as if its layer had written it, so the resting path
 * updates it as the dense path does (same bits); the decoupled form changes values only, outside
 * Adam. A weight equal to its base gets nothing added (not even a +0 to a −0 gradient).
 */
public final class BasePull {
    private final float[] base;
    private final float lambda;

    /** A pull toward a copy of the current values of {@code params}, with penalty weight {@code lambda} (or decoupled rate κ). */
    public static BasePull of(Parameters params, float lambda) { return new BasePull(params.values().clone(), lambda); }

    BasePull(float[] base, float lambda) {
        if (!(lambda >= 0) || Float.isInfinite(lambda)) throw new IllegalArgumentException("pull weight must be >= 0: " + lambda);
        this.base = base;
        this.lambda = lambda;
    }

    public float lambda() { return lambda; }

    /** {@code λ·Σ (w − w_base)²}, summed in double. */
    public double penalty(float[] w) {
        check(w);
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double d = (double) w[i] - base[i];
            s += d * d;
        }
        return lambda * s;
    }

    /**
     * {@code grads += 2λ·(w − w_base)} where {@code w ≠ w_base}; the rows of every tracked table
     * that got something are marked touched.
     */
    public void addGradient(Parameters params) {
        float[] w = params.values(), g = params.grads();
        check(w);
        float twoLambda = 2 * lambda;
        for (Parameter p : params.named().values()) {
            int off = p.value().offset(), size = p.size();
            TouchedRows touched = p.reportsRows() ? p.touchedRows() : null;
            if (touched == null) {
                for (int i = off; i < off + size; i++) {
                    float d = w[i] - base[i];
                    if (d != 0) g[i] += twoLambda * d;
                }
                continue;
            }
            int width = p.shape()[1];
            int[] row = new int[1];
            for (int r = 0, i = off; r < touched.rows(); r++) {
                boolean any = false;
                for (int end = i + width; i < end; i++) {
                    float d = w[i] - base[i];
                    if (d != 0) { g[i] += twoLambda * d; any = true; }
                }
                if (any) { row[0] = r; touched.mark(row, 0, 1); }
            }
        }
    }

    /** The decoupled step: {@code w ← w − (lr·κ)·(w − w_base)} where {@code w ≠ w_base} (κ is this pull's weight). */
    public void shrink(float[] w, float lr) {
        check(w);
        float rate = lr * lambda;
        for (int i = 0; i < w.length; i++) {
            float d = w[i] - base[i];
            if (d != 0) w[i] -= rate * d;
        }
    }

    /** WiSE-FT: {@code w ← w_base + α·(w − w_base)}, the weights a fraction α of the way from the base to where training took them. */
    public static void interpolate(float[] w, float[] base, float alpha) {
        if (w.length != base.length) throw new IllegalArgumentException("weights " + w.length + " and base " + base.length + " differ in size");
        if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("interpolation must be in [0, 1]: " + alpha);
        if (alpha == 1) return;
        for (int i = 0; i < w.length; i++) w[i] = base[i] + alpha * (w[i] - base[i]);
    }

    private void check(float[] w) {
        if (w.length != base.length) throw new IllegalArgumentException("weights " + w.length + " and base " + base.length + " differ in size");
    }
}
