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
 * Embedding gather (forward) and scatter-add (backward) over a table of 45,641 rows (the
 * genre vocabulary + padding): {@code ids x dim} = 800x4 (experiment 1, batch 8 x 100
 * tokens), 1600x3 (experiment 3, batch 16), and wider rows 1000x64 / 1000x33.
 * Bytes moved: gather {@code 8·count·dim + 4·count}, scatter-add {@code 12·count·dim + 4·count}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class EmbeddingBench {
    static final int TABLE_ROWS = 45_641;

    /** ids x dim. */
    @Param({"800x4", "1600x3", "1000x64", "1000x33"})
    public String shape;

    @Param({"scalar", "simd"})
    public String impl;

    private Kernels k;
    private int count, dim;
    private int[] ids;
    private float[] table, rows, grad;

    @Setup
    public void setup() {
        int[] d = Impls.dims(shape, 2);
        count = d[0]; dim = d[1];
        k = Impls.of(impl);
        Rng rng = new Rng(7);
        ids = new int[count];
        for (int i = 0; i < count; i++) ids[i] = rng.nextInt(TABLE_ROWS);
        table = Impls.uniform(8, TABLE_ROWS * dim, -1, 1);
        rows = new float[count * dim];
        grad = Impls.uniform(9, count * dim, -1, 1);
        Kernels other = Impls.other(impl);
        float[] r1 = new float[count * dim], r2 = new float[count * dim];
        k.gather(table, 0, ids, 0, r1, 0, count, dim);
        other.gather(table, 0, ids, 0, r2, 0, count, dim);
        Impls.checkSame("gather " + shape, r1, r2);
        float[] t1 = table.clone(), t2 = table.clone();
        k.scatterAdd(grad, 0, ids, 0, t1, 0, count, dim);
        other.scatterAdd(grad, 0, ids, 0, t2, 0, count, dim);
        Impls.checkSame("scatterAdd " + shape, t1, t2);
    }

    @Benchmark
    public float[] gather() {
        k.gather(table, 0, ids, 0, rows, 0, count, dim);
        return rows;
    }

    @Benchmark
    public float[] scatterAdd() {
        k.scatterAdd(grad, 0, ids, 0, table, 0, count, dim);
        return table;
    }
}
