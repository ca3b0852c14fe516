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
 * Fused softmax + cross-entropy, forward and backward, over {@code rows x classes} =
 * 8x7 and 16x7 (the genre batches), 16x1000 and 128x1023 (wide rows).
 * Bytes moved: {@code 8·rows·classes} each way.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SoftmaxBench {
    /** rows x classes. */
    @Param({"8x7", "16x7", "16x1000", "128x1023"})
    public String shape;

    @Param({"scalar", "simd"})
    public String impl;

    private Kernels k;
    private int rows, classes;
    private int[] labels;
    private float[] logits, probs, dlogits;

    @Setup
    public void setup() {
        int[] d = Impls.dims(shape, 2);
        rows = d[0]; classes = d[1];
        k = Impls.of(impl);
        logits = Impls.uniform(21, rows * classes, -4, 4);
        probs = new float[rows * classes];
        dlogits = new float[rows * classes];
        labels = new int[rows];
        Rng rng = new Rng(22);
        for (int r = 0; r < rows; r++) labels[r] = rng.nextInt(classes);
        Kernels other = Impls.other(impl);
        float[] p2 = new float[rows * classes];
        double l1 = k.softmaxCrossEntropy(logits, 0, labels, 0, probs, 0, rows, classes);
        double l2 = other.softmaxCrossEntropy(logits, 0, labels, 0, p2, 0, rows, classes);
        if (Math.abs(l1 - l2) > 1e-5 * Math.abs(l2) + 1e-6) throw new IllegalStateException("losses disagree: " + l1 + " vs " + l2);
        double[] tol = new double[rows * classes];
        java.util.Arrays.fill(tol, 1e-6);
        Impls.checkClose("softmax " + shape, probs, p2, tol);
        float[] d1 = new float[rows * classes], d2 = new float[rows * classes];
        k.softmaxCrossEntropyBackward(probs, 0, labels, 0, d1, 0, rows, classes, 1f / rows);
        other.softmaxCrossEntropyBackward(probs, 0, labels, 0, d2, 0, rows, classes, 1f / rows);
        Impls.checkSame("softmaxCrossEntropyBackward " + shape, d1, d2);
    }

    @Benchmark
    public double forward() { return k.softmaxCrossEntropy(logits, 0, labels, 0, probs, 0, rows, classes); }

    @Benchmark
    public float[] backward() {
        k.softmaxCrossEntropyBackward(probs, 0, labels, 0, dlogits, 0, rows, classes, 1f / rows);
        return dlogits;
    }
}
