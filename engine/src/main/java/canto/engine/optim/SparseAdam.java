package canto.engine.optim;

import canto.engine.nn.Parameter;
import canto.engine.tensor.Tensor;

/**
 * PyTorch's {@code torch.optim.SparseAdam} ("lazy" Adam) for one embedding table
 * {@code [rows, width]}: a step updates only the rows that took part in the batch, and their
 * moments; the moments of the other rows stay as they are (they do not decay), unlike
 * {@link Adam}, which updates every element every step. Per listed element, with step count
 * t (one per call, for the whole table, as PyTorch's {@code state['step']}):
 * <pre>
 *   m += (1 - beta1) (g - m)          v += (1 - beta2) (g² - v)
 *   p -= lr · sqrt(1 - beta2^t) / (1 - beta1^t) · m / (sqrt(v) + eps)
 * </pre>
 * (note where eps goes: PyTorch's SparseAdam adds it to {@code sqrt(v)}, not to the
 * bias-corrected {@code sqrt(v̂)} as Adam does). No weight decay, as in PyTorch.
 *
 * <p>The cost of a step is the listed rows times the width: on a large hashed table with
 * a few thousand rows per batch it is hundreds of times cheaper than a dense step. The
 * caller says which rows have gradients (the distinct ids of the batch); the gradients of
 * all other rows must be zero. The step clears the listed rows' gradients.
 */
public final class SparseAdam {
    /** Hyper-parameters, in double as PyTorch holds them; {@link #defaults(double)} gives PyTorch's. */
    public record Config(double lr, double beta1, double beta2, double eps) {
        public Config {
            if (!(lr > 0)) throw new IllegalArgumentException("SparseAdam lr must be positive: " + lr);
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("SparseAdam betas must be in [0, 1): " + beta1 + ", " + beta2);
            }
            if (!(eps >= 0)) throw new IllegalArgumentException("SparseAdam eps must be >= 0: " + eps);
        }

        public static Config defaults(double lr) { return new Config(lr, 0.9, 0.999, 1e-8); }
    }

    private final Parameter table;
    private final Config config;
    private final int rows;
    private final int width;
    private final float[] m;   // [rows, width]
    private final float[] v;   // [rows, width]
    private final float oneMinusBeta1, oneMinusBeta2, eps;
    private int t;

    /** @param table a two-dimensional parameter {@code [rows, width]} */
    public SparseAdam(Parameter table, Config config) {
        int[] shape = table.shape();
        if (shape.length != 2) throw new IllegalArgumentException("SparseAdam needs a table [rows, width], not shape " + java.util.Arrays.toString(shape));
        this.table = table;
        this.config = config;
        this.rows = shape[0];
        this.width = shape[1];
        this.m = new float[table.size()];
        this.v = new float[table.size()];
        this.oneMinusBeta1 = (float) (1 - config.beta1());
        this.oneMinusBeta2 = (float) (1 - config.beta2());
        this.eps = (float) config.eps();
    }

    public Config config() { return config; }
    public int steps() { return t; }
    float[] firstMoments() { return m; }
    float[] secondMoments() { return v; }

    /**
     * One step over the distinct rows {@code ids[off .. off+count)} (any order), then clears
     * their gradients.
     *
     * @throws IllegalArgumentException for a row outside the table (nothing is changed)
     */
    public void stepAndZeroGrad(int[] ids, int off, int count) {
        for (int i = off; i < off + count; i++) {
            if (ids[i] < 0 || ids[i] >= rows) throw new IllegalArgumentException("SparseAdam: row " + ids[i] + " at ids[" + i + "] is outside the table [0, " + rows + ")");
        }
        t++;
        double bc1 = 1 - StrictMath.pow(config.beta1(), t);
        double bc2 = 1 - StrictMath.pow(config.beta2(), t);
        float stepSize = (float) (config.lr() * Math.sqrt(bc2) / bc1);
        Tensor value = table.value(), grad = table.grad();
        float[] p = value.data(), g = grad.data();
        int pOff = value.offset(), gOff = grad.offset();
        for (int i = off; i < off + count; i++) {
            int base = ids[i] * width;
            for (int j = base; j < base + width; j++) {
                float gj = g[gOff + j];
                float mj = m[j] + (gj - m[j]) * oneMinusBeta1;
                float vj = v[j] + (gj * gj - v[j]) * oneMinusBeta2;
                m[j] = mj;
                v[j] = vj;
                p[pOff + j] += -stepSize * (mj / ((float) Math.sqrt(vj) + eps));
                g[gOff + j] = 0f;
            }
        }
    }
}
