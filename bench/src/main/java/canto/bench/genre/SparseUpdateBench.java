package canto.bench.genre;

import canto.engine.kernels.Kernels;
import canto.engine.nn.Parameter;
import canto.engine.optim.Optimizer;
import canto.engine.optim.SparseAdam;
import canto.engine.util.Rng;
import canto.genre.data.NgramBags;
import canto.genre.model.NgramModel;
import canto.genre.train.NgramNetwork;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The table update of one {@code --experiment ngrams} training step, on a table of 2^20 hashed
 * rows of width {@code dim}, for the distinct rows of one batch of 32 songs with {@code ids}
 * n-gram buckets each (uniform random: about 32 · ids distinct rows, in bucket order):
 * <ul>
 *   <li>{@code sparseAdam}: the engine's {@link SparseAdam} step over those rows (reads p, g, m,
 *       v and writes p, m, v, clears g: 32 bytes per element);
 *   <li>{@code sparseSgd}: the chosen update, {@link NgramNetwork}'s table SGD with lazy exact
 *       weight decay ({@code p = (1 - lr·wd) p - lr·g}, g cleared: 16 bytes per element), plus
 *       the dense layers' Adam step (7·(dim + 1) parameters, negligible);
 *   <li>{@code denseAdamWholeTable}: what a dense Adam step over the whole table would cost
 *       (the SIMD {@code adamStep} kernel over 2^20 · dim elements): the reason for the sparse ones.
 * </ul>
 * There are no scalar/SIMD twins: both sparse updates are plain Java loops over the listed rows
 * (no engine kernel), which the JIT compiles as it likes. Every benchmark first writes the same
 * gradients into the batch's rows ({@code refillOnly} measures that alone: subtract it), since a
 * step clears them and zero gradients would let the moments and weights decay into subnormal
 * floats, whose arithmetic is slow and would distort the figures. The SGD rows are in the order
 * the network lists them (first use in the batch), SparseAdam's in bucket order.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx3g"})
public class SparseUpdateBench {
    static final int BUCKETS = 1 << 20;
    static final int SONGS = 32;

    @Param({"16", "64"})
    public int dim;

    /** Distinct n-gram buckets per song (a song of about 150 words has about 300 words and bigrams). */
    @Param({"300"})
    public int ids;

    private int[] rows;          // the batch's distinct table rows
    private int rowCount;
    private SparseAdam sparseAdam;
    private Optimizer sgd;
    private Parameter adamTable;
    private float[] m, v;
    private Kernels simd;
    private float[] sgdGrad;
    private int sgdGradOffset;

    @Setup(Level.Trial)
    public void setup() {
        Rng rng = new Rng(5);
        int[] start = new int[SONGS + 1], bucket = new int[SONGS * ids], counts = new int[SONGS * ids];
        for (int s = 0; s < SONGS; s++) {
            java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
            while (set.size() < ids) set.add(rng.nextInt(BUCKETS));
            int k = s * ids;
            for (int b : set) { bucket[k] = b; counts[k++] = 1; }
            start[s + 1] = k;
        }
        float[] idf = new float[BUCKETS];
        java.util.Arrays.fill(idf, 1f);
        NgramBags bags = NgramBags.weigh(new NgramBags.Counts(start, bucket, counts, BUCKETS), idf, NgramBags.Pooling.TFIDF);
        java.util.BitSet distinct = new java.util.BitSet(BUCKETS);
        for (int b : bucket) distinct.set(b);
        rows = distinct.stream().toArray();
        rowCount = rows.length;

        // SparseAdam on its own table, gradients on the batch's rows
        NgramModel adamModel = new NgramModel(new NgramModel.Shape(BUCKETS, dim, 0, 0f), new Rng(6));
        adamTable = adamModel.tableWeight();
        float[] g = adamTable.grad().data();
        for (int r : rows) for (int j = 0; j < dim; j++) g[adamTable.grad().offset() + r * dim + j] = 0.01f * (j + 1);
        sparseAdam = new SparseAdam(adamTable, SparseAdam.Config.defaults(0.001));

        // the ngrams network's own update: one training forward/backward lists the rows and fills their gradients
        NgramModel sgdModel = new NgramModel(new NgramModel.Shape(BUCKETS, dim, 0, 0f), new Rng(7));
        NgramNetwork net = new NgramNetwork(sgdModel, bags);
        // 3 epochs of 710 batches (22,697 songs / 32), as the experiment: the rate falls to 0 at step
        // 2,130 and stays there; the work per step does not change (p = 1 · p - 0 · g)
        sgd = net.optimizer(0.001, 3e-4, 10, 3 * 710);
        int[] batch = new int[SONGS];
        for (int s = 0; s < SONGS; s++) batch[s] = s;
        canto.engine.nn.SoftmaxCrossEntropy ce = new canto.engine.nn.SoftmaxCrossEntropy();
        ce.forward(net.forward(batch, 0, SONGS), new int[SONGS]);
        net.backward(ce.backward());
        sgdGrad = sgdModel.tableWeight().grad().data();
        sgdGradOffset = sgdModel.tableWeight().grad().offset();

        simd = Kernels.simd();
        m = new float[BUCKETS * dim];
        v = new float[BUCKETS * dim];
    }

    /** Distinct rows of the batch (for the rates: elements = rows · dim). */
    public int rows() { return rowCount; }

    private void refill(float[] g, int off) {
        for (int i = 0; i < rowCount; i++) {
            int base = off + rows[i] * dim;
            for (int j = 0; j < dim; j++) g[base + j] = 0.01f * (j + 1);
        }
    }

    /** The gradient refill every benchmark below starts with: its cost is part of theirs. */
    @Benchmark
    public float[] refillOnly() {
        refill(adamTable.grad().data(), adamTable.grad().offset());
        return adamTable.grad().data();
    }

    @Benchmark
    public float[] sparseAdam() {
        refill(adamTable.grad().data(), adamTable.grad().offset());
        sparseAdam.stepAndZeroGrad(rows, 0, rowCount);
        return adamTable.value().data();
    }

    @Benchmark
    public Optimizer sparseSgd() {
        refill(sgdGrad, sgdGradOffset);
        sgd.stepAndZeroGrad();
        return sgd;
    }

    @Benchmark
    public float[] denseAdamWholeTable() {
        float[] p = adamTable.value().data(), g = adamTable.grad().data();
        refill(g, adamTable.grad().offset());
        simd.adamStep(p, g, m, v, 0, p.length, 1e-3f, 0.9f, 0.1f, 0.999f, 0.001f, 1e-8f, 0.0447f, 0f);
        return p;
    }
}
