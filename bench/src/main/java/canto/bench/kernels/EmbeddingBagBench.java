package canto.bench.kernels;

import canto.engine.kernels.Kernels;
import canto.engine.util.Rng;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bag kernels ({@code embeddingBagForward}, {@code embeddingBagBackward}, sum mode) against
 * what the tagger did before {@code EmbeddingBag}: {@code gather} the rows into an
 * {@code [ids, dim]} buffer, then sum each bag in a loop ({@code gatherThenSum}); and backward,
 * copy each bag's gradient to its rows, then {@code scatterAdd} ({@code spreadThenScatter}).
 * Table of 16,384 rows (the tagger's hash buckets); {@code shape} = bags x ids per bag x dim:
 * 24x60x32 (a tagger title), 16x100x64 and 16x100x33 (wider rows, one with a tail).
 * Bytes counted for the rates: forward {@code 4·ids·dim + 4·bags·dim + 4·ids}, backward
 * {@code 8·ids·dim + 4·bags·dim + 4·ids} (the table rows read and written).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class EmbeddingBagBench {
    static final int TABLE_ROWS = 1 << 14;

    /** bags x ids per bag x dim. */
    @Param({"24x60x32", "16x100x64", "16x100x33"})
    public String shape;

    @Param({"scalar", "simd"})
    public String impl;

    private Kernels k;
    private int bags, n, dim;
    private int[] ids, offsets;
    private float[] table, out, rows, dOut, dRows, grad;

    @Setup
    public void setup() {
        int[] d = Impls.dims(shape, 3);
        bags = d[0]; n = d[0] * d[1]; dim = d[2];
        k = Impls.of(impl);
        Rng rng = new Rng(11);
        ids = new int[n];
        for (int i = 0; i < n; i++) ids[i] = rng.nextInt(TABLE_ROWS);
        offsets = new int[bags + 1];
        for (int b = 0; b <= bags; b++) offsets[b] = b * d[1];
        table = Impls.uniform(12, TABLE_ROWS * dim, -1, 1);
        out = new float[bags * dim];
        rows = new float[n * dim];
        dRows = new float[n * dim];
        dOut = Impls.uniform(13, bags * dim, -1, 1);
        grad = new float[TABLE_ROWS * dim];
        Kernels other = Impls.other(impl);
        float[] o1 = new float[bags * dim], o2 = new float[bags * dim];
        k.embeddingBagForward(table, 0, dim, ids, 0, n, offsets, 0, bags, null, 0, false, o1, 0);
        other.embeddingBagForward(table, 0, dim, ids, 0, n, offsets, 0, bags, null, 0, false, o2, 0);
        Impls.checkSame("embeddingBagForward " + shape, o1, o2);
        Impls.checkSame("gatherThenSum " + shape, o1, gatherThenSum().clone());
        float[] g1 = new float[TABLE_ROWS * dim], g2 = new float[TABLE_ROWS * dim];
        k.embeddingBagBackward(dOut, 0, dim, ids, 0, n, offsets, 0, bags, null, 0, false, g1, 0);
        other.embeddingBagBackward(dOut, 0, dim, ids, 0, n, offsets, 0, bags, null, 0, false, g2, 0);
        Impls.checkSame("embeddingBagBackward " + shape, g1, g2);
    }

    @Benchmark
    public float[] forward() {
        k.embeddingBagForward(table, 0, dim, ids, 0, n, offsets, 0, bags, null, 0, false, out, 0);
        return out;
    }

    @Benchmark
    public float[] backward() {
        k.embeddingBagBackward(dOut, 0, dim, ids, 0, n, offsets, 0, bags, null, 0, false, grad, 0);
        return grad;
    }

    /** The tagger's forward before EmbeddingBag: Embedding's gather, then BagSum's loop. */
    @Benchmark
    public float[] gatherThenSum() {
        k.gather(table, 0, ids, 0, rows, 0, n, dim);
        for (int b = 0; b < bags; b++) {
            int yo = b * dim;
            java.util.Arrays.fill(out, yo, yo + dim, 0f);
            for (int r = offsets[b]; r < offsets[b + 1]; r++) {
                int ro = r * dim;
                for (int j = 0; j < dim; j++) out[yo + j] += rows[ro + j];
            }
        }
        return out;
    }

    /** The tagger's backward before EmbeddingBag: BagSum copies each bag's gradient to its rows, then scatterAdd. */
    @Benchmark
    public float[] spreadThenScatter() {
        for (int b = 0; b < bags; b++) {
            for (int r = offsets[b]; r < offsets[b + 1]; r++) System.arraycopy(dOut, b * dim, dRows, r * dim, dim);
        }
        k.scatterAdd(dRows, 0, ids, 0, grad, 0, n, dim);
        return grad;
    }
}
