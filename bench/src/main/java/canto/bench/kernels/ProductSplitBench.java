package canto.bench.kernels;

import canto.engine.kernels.Kernels;
import canto.engine.util.Parallel;
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
 * One {@code Linear} layer's three products (forward by output columns, weight gradient by rows,
 * input gradient by input columns: what {@code Linear} hands to its pool) at the genre shapes,
 * on the caller alone ({@code threads=1}) or split by a 2-thread {@link Parallel} whatever the
 * size ({@code threads=2}, which {@code Linear} does only from {@code Linear.PARALLEL_WORK}
 * multiply-adds up): where splitting starts to pay is what chooses that threshold. Run it in
 * sample mode on a loaded machine ({@code -bm sample}): the median call is the one nobody
 * preempted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ProductSplitBench {
    /** batch x in x out. */
    @Param({"16x128x64", "16x256x64", "16x512x128", "16x512x256"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private final Kernels kernels = Kernels.get();
    private Parallel parallel;
    private int rows, in, out;
    private float[] x, w, y, dy, dw, dx;
    private final Parallel.Body forward = this::forwardColumns;
    private final Parallel.Body weightGrad = this::weightGradRows;
    private final Parallel.Body inputGrad = this::inputGradColumns;

    @Setup
    public void setup() {
        String[] d = shape.split("x");
        rows = Integer.parseInt(d[0]);
        in = Integer.parseInt(d[1]);
        out = Integer.parseInt(d[2]);
        x = Impls.uniform(61, rows * in, -1, 1);
        w = Impls.uniform(62, out * in, -0.1f, 0.1f);
        dy = Impls.uniform(63, rows * out, -0.1f, 0.1f);
        y = new float[rows * out];
        dw = new float[out * in];
        dx = new float[rows * in];
        parallel = new Parallel(threads);
    }

    private void forwardColumns(int from, int to) { kernels.matmulNTColumns(x, 0, w, 0, y, 0, rows, out, in, from, to); }
    private void weightGradRows(int from, int to) { kernels.matmulTNRows(dy, 0, x, 0, dw, 0, out, in, rows, from, to); }
    private void inputGradColumns(int from, int to) { kernels.matmulNNColumns(dy, 0, w, 0, dx, 0, rows, in, out, from, to); }

    private void run(int n, Parallel.Body body) {
        if (threads == 1) body.run(0, n);
        else parallel.forRange(n, Kernels.SPLIT_ALIGN, Kernels.SPLIT_ALIGN, body);
    }

    /** Forward, weight gradient and input gradient of one layer (outputs accumulate; their values do not matter here). */
    @Benchmark
    public float layer() {
        run(out, forward);
        run(out, weightGrad);
        run(in, inputGrad);
        return y[0] + dw[0] + dx[0];
    }
}
