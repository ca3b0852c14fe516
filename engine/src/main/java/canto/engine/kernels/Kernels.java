package canto.engine.kernels;

/**
 * Every hot loop of the engine, over flat {@code float[]} arrays with explicit offsets.
 *
 * <p>Two implementations give the same answers: {@link ScalarKernels}, the readable reference
 * that runs everywhere, and {@code SimdKernels}, which with its package-private helpers is the
 * only code that imports {@code jdk.incubator.vector}. {@link #get()} returns the one chosen at start-up
 * (see {@link KernelsProvider}).
 *
 * <p>Conventions: matrices are row-major; {@code [m, k]} means m rows of k floats starting at
 * the given offset. Products <b>accumulate</b> into their output ({@code C += ...}); clear it
 * first when a plain product is wanted. Element-wise kernels allow their output to alias
 * their input. No kernel allocates.
 *
 * <p>Reductions (products, softmax sums) may add in a different order in the two
 * implementations, so their results agree to rounding, not bit for bit. Element-wise kernels
 * and the optimiser updates use the same operations in the same order (FMA where FMA is
 * written) and agree exactly.
 */
public interface Kernels {

    /** The kernels chosen at start-up. */
    static Kernels get() { return KernelsProvider.INSTANCE; }

    /** A new instance of the scalar reference kernels (for benchmarks and parity tests). */
    static Kernels scalar() { return new ScalarKernels(); }

    /**
     * A new instance of the SIMD kernels, whatever was chosen at start-up (for benchmarks and
     * parity tests).
     *
     * @throws IllegalStateException when the JVM was started without
     *         {@code --add-modules jdk.incubator.vector}
     */
    static Kernels simd() { return KernelsProvider.loadSimd(); }

    /** "scalar" or "simd". */
    String name();

    // ---- matrix products --------------------------------------------------------------

    /** {@code C[m,n] += A[m,k] · B[n,k]ᵀ} — Linear forward ({@code y = x · Wᵀ}). */
    default void matmulNT(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k) {
        matmulNTColumns(a, aOff, b, bOff, c, cOff, m, n, k, 0, n);
    }

    /** {@code C[m,n] += A[m,k] · B[k,n]} — Linear input gradient ({@code dX += dY · W}). */
    default void matmulNN(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k) {
        matmulNNColumns(a, aOff, b, bOff, c, cOff, m, n, k, 0, n);
    }

    /** {@code C[m,n] += A[k,m]ᵀ · B[k,n]} — Linear weight gradient ({@code dW += dYᵀ · X}). */
    default void matmulTN(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k) {
        matmulTNRows(a, aOff, b, bOff, c, cOff, m, n, k, 0, m);
    }

    /**
     * Where a product may be split: the bounds of a part ({@code from}, {@code to}) are
     * multiples of this (a multiple of every vector width and tile of the SIMD products), or
     * the end of the dimension.
     */
    int SPLIT_ALIGN = 16;

    /**
     * Columns {@code [from, to)} of {@link #matmulNT} (rows {@code [from, to)} of B), the rest of
     * C untouched. Each of those elements gets exactly the float operations, in the same order,
     * that the whole product gives it (the code path is chosen from the whole shape), so parts
     * on disjoint ranges, run in any order or on any threads, give the bits of the whole call.
     * {@code from} and {@code to} are multiples of {@link #SPLIT_ALIGN}, or {@code to == n}.
     */
    void matmulNTColumns(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k, int from, int to);

    /** Columns {@code [from, to)} of {@link #matmulNN}, on the terms of {@link #matmulNTColumns}. */
    void matmulNNColumns(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k, int from, int to);

    /**
     * Rows {@code [from, to)} of {@link #matmulTN} (columns of A), on the terms of
     * {@link #matmulNTColumns} ({@code to == m} at the end).
     */
    void matmulTNRows(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k, int from, int to);

    /** {@code y[r, :] = bias} for every row r of {@code y[rows, n]} (initialise before a product). */
    void broadcastRows(float[] bias, int biasOff, float[] y, int yOff, int rows, int n);

    /** {@code colSum[n] += Σ_r x[r, :]} over {@code x[rows, n]} — bias gradient. */
    void addColumnSums(float[] x, int xOff, float[] colSum, int sumOff, int rows, int n);

    // ---- embedding ----------------------------------------------------------------------

    /**
     * {@code out[i, :] = table[ids[i], :]} for i in [0, count), rows of {@code dim} floats.
     * Ids must already be checked to lie in the table.
     */
    void gather(float[] table, int tableOff, int[] ids, int idsOff, float[] out, int outOff, int count, int dim);

    /** {@code table[ids[i], :] += src[i, :]} for i in [0, count) — the embedding gradient. */
    void scatterAdd(float[] src, int srcOff, int[] ids, int idsOff, float[] table, int tableOff, int count, int dim);

    /**
     * Bags of table rows, PyTorch's {@code embedding_bag} forward. Bag b, for b in [0, bags),
     * holds the ids at positions [start_b, end_b) of {@code ids[idsOff .. idsOff+n)}, where
     * {@code start_b = offsets[offsetsOff + b]} and {@code end_b} is the next bag's start, or n
     * for the last bag. Then
     * <pre>
     * out[b, :] = Σ_{i in bag b} w_i · table[ids[idsOff + i], :]      (w_i = weights[weightsOff + i], or 1 when weights is null)
     * out[b, :] /= end_b - start_b                                     (when mean and the bag is not empty)
     * </pre>
     * into {@code out[bags, dim]}; an empty bag gives zeros. Every output element adds its
     * rows in bag order starting from 0, so both implementations agree bit for bit. Ids and
     * offsets must already be checked ({@code 0 <= start_b <= end_b <= n}, ids in the table).
     */
    void embeddingBagForward(float[] table, int tableOff, int dim, int[] ids, int idsOff, int n,
                             int[] offsets, int offsetsOff, int bags, float[] weights, int weightsOff, boolean mean,
                             float[] out, int outOff);

    /**
     * The gradient of {@link #embeddingBagForward} with respect to the table, accumulated:
     * {@code tableGrad[ids[idsOff + i], :] += w_i · g_b} for every position i of bag b, where
     * {@code g_b = dOut[b, :]}, divided by the bag's size when mean (computed as
     * {@code (dOut / size)}, then {@code · w_i}). Positions are visited in order, so repeated ids
     * add in the same order in both implementations (bit-identical).
     */
    void embeddingBagBackward(float[] dOut, int dOutOff, int dim, int[] ids, int idsOff, int n,
                              int[] offsets, int offsetsOff, int bags, float[] weights, int weightsOff, boolean mean,
                              float[] tableGrad, int tableOff);

    // ---- element-wise -------------------------------------------------------------------

    /** {@code y = max(x, 0)}. */
    void reluForward(float[] x, int xOff, float[] y, int yOff, int n);

    /** {@code dx = y > 0 ? dy : 0}, from the forward output y. */
    void reluBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n);

    /** {@code y = 1 / (1 + exp(-x))}. */
    void sigmoidForward(float[] x, int xOff, float[] y, int yOff, int n);

    /** {@code dx = dy · y · (1 - y)}. */
    void sigmoidBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n);

    /** {@code y = tanh(x)}. */
    void tanhForward(float[] x, int xOff, float[] y, int yOff, int n);

    /** {@code dx = dy · (1 - y²)}. */
    void tanhBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n);

    /** {@code z = x ⊙ y} (dropout masks). */
    void multiply(float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, int n);

    /** {@code y += alpha · x}. */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

    /** {@code x *= alpha}. */
    void scale(float alpha, float[] x, int xOff, int n);

    // ---- loss ---------------------------------------------------------------------------

    /**
     * Softmax over each row of {@code logits[rows, classes]} into {@code probs} and the summed
     * cross-entropy {@code Σ_r -log p[r, labels[r]]}, computed stably (max subtracted,
     * log-sum-exp, sums in double).
     */
    double softmaxCrossEntropy(float[] logits, int logitsOff, int[] labels, int labelsOff,
                               float[] probs, int probsOff, int rows, int classes);

    /** {@code dlogits[r, :] = scale · (probs[r, :] - onehot(labels[r]))}. */
    void softmaxCrossEntropyBackward(float[] probs, int probsOff, int[] labels, int labelsOff,
                                     float[] dlogits, int dOff, int rows, int classes, float scale);

    // ---- optimisers ---------------------------------------------------------------------

    /**
     * One Adam step over n parameters, PyTorch semantics:
     * <pre>
     * g  = grad + weightDecay · p
     * m  = beta1 · m + oneMinusBeta1 · g        (flushed to 0 when |m| &lt; 1e-30)
     * v  = beta2 · v + oneMinusBeta2 · g²       (flushed to 0 when v &lt; 1e-30)
     * p -= stepSize · m / (sqrt(v) / sqrtBc2 + eps)
     * </pre>
     * where {@code stepSize = lr / (1 - beta1^t)} and {@code sqrtBc2 = sqrt(1 - beta2^t)}.
     * {@code oneMinusBeta} is passed rather than computed, because PyTorch computes
     * {@code 1 - beta} in double from the decimal beta (0.001 for 0.999), while
     * {@code 1f - 0.999f} is 0.00099998713 in float.
     * Flushing keeps the moments out of the subnormal range (every operation on a subnormal
     * float is many times slower); the update such a moment would cause is far below float
     * resolution of any parameter.
     */
    void adamStep(float[] p, float[] g, float[] m, float[] v, int off, int n,
                  float stepSize, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2,
                  float eps, float sqrtBc2, float weightDecay);

    /**
     * What {@link #adamStep} does, bit for bit, to parameters whose gradient is zero ({@code +0} or
     * {@code -0}) with no weight decay, without reading the gradient: {@code m = flush(beta1·m)},
     * {@code v = flush(beta2·v)}, then the same update of p. (With {@code g = ±0},
     * {@code fma(1 - beta1, g, beta1·m)} is {@code beta1·m} but for the sign of a zero, which the
     * flush turns into +0 either way; the same for v; docs/KERNELS.md.) Adam runs it on the rows of an
     * embedding table that got no gradient. Both implementations agree bit for bit, and with
     * {@code adamStep}.
     */
    void adamStepNoGrad(float[] p, float[] m, float[] v, int off, int n,
                        float stepSize, float beta1, float beta2, float eps, float sqrtBc2);

    /** The magnitude below which {@link #adamStep} flushes a moment to zero. */
    float ADAM_FLUSH = 1e-30f;

    /**
     * What {@code steps} calls of {@link #adamStep} do to the second moments {@code v[off ..
     * off+n)} of parameters whose gradient and first moment are zero (and no weight decay):
     * {@code steps} times {@code v[i] = beta2 · v[i]}, then 0 when below {@link #ADAM_FLUSH}
     * ({@code adamStep} computes {@code fma(1 - beta2, 0·0, beta2·v)}, which is exactly
     * {@code beta2·v}). An element that reaches 0 stays 0, so the loop may stop there. The
     * resting rows of {@code Adam} replay their skipped steps with it (docs/KERNELS.md). Both
     * implementations agree bit for bit, with {@code adamStep} too.
     */
    void adamDecay(float[] v, int off, int n, int steps, float beta2);

    // ---- random masks -------------------------------------------------------------------

    /**
     * Inverted-dropout mask from a reserved stretch of an {@link canto.engine.util.Rng}
     * stream ({@code state} from {@code Rng.reserve(n)}): {@code mask[off + i] = u_i < p ? 0 :
     * keepScale}, where {@code u_i} is the i-th {@code nextFloat()} the generator would have
     * returned ({@code (mix(state + (i+1)·γ) >>> 40) · 2⁻²⁴}). Exactly the masks of the loop
     * {@code mask[i] = rng.nextFloat() < p ? 0 : keepScale}, in any implementation.
     */
    void dropoutMask(long state, float p, float keepScale, float[] mask, int off, int n);
}
