package canto.bench.kernels;

import canto.engine.kernels.Kernels;
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
 * The element-wise kernels: ReLU, sigmoid and tanh forward and backward, and the dropout
 * multiply and the dropout mask, over n = 4096 (8 x 512), 8192 (16 x 512), 1000 and 100,003
 * floats. Bytes moved: forward {@code 8n}, backward and multiply {@code 12n}, mask {@code 4n}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ActivationBench {
    @Param({"1000", "4096", "8192", "100003"})
    public int n;

    @Param({"scalar", "simd"})
    public String impl;

    private Kernels k;
    private float[] x, y, dy, dx;
    private long seed = 1;

    @Setup
    public void setup() {
        k = Impls.of(impl);
        x = Impls.uniform(11, n, -3, 3);
        dy = Impls.uniform(12, n, -1, 1);
        y = new float[n];
        dx = new float[n];
        Kernels other = Impls.other(impl);
        float[] a = new float[n], b = new float[n];
        k.reluForward(x, 0, a, 0, n); other.reluForward(x, 0, b, 0, n);
        Impls.checkSame("reluForward", a, b);
        k.reluBackward(x, 0, dy, 0, a, 0, n); other.reluBackward(x, 0, dy, 0, b, 0, n);
        Impls.checkSame("reluBackward", a, b);
        k.sigmoidBackward(x, 0, dy, 0, a, 0, n); other.sigmoidBackward(x, 0, dy, 0, b, 0, n);
        Impls.checkSame("sigmoidBackward", a, b);
        k.tanhBackward(x, 0, dy, 0, a, 0, n); other.tanhBackward(x, 0, dy, 0, b, 0, n);
        Impls.checkSame("tanhBackward", a, b);
        k.multiply(x, 0, dy, 0, a, 0, n); other.multiply(x, 0, dy, 0, b, 0, n);
        Impls.checkSame("multiply", a, b);
        k.dropoutMask(99, 0.2f, 1.25f, a, 0, n); other.dropoutMask(99, 0.2f, 1.25f, b, 0, n);
        Impls.checkSame("dropoutMask", a, b);
        // exp and tanh are approximations that may differ in the last bits.
        double[] tol = new double[n];
        java.util.Arrays.fill(tol, 1e-6);
        k.sigmoidForward(x, 0, a, 0, n); other.sigmoidForward(x, 0, b, 0, n);
        Impls.checkClose("sigmoidForward", a, b, tol);
        k.tanhForward(x, 0, a, 0, n); other.tanhForward(x, 0, b, 0, n);
        Impls.checkClose("tanhForward", a, b, tol);
    }

    @Benchmark public float[] reluForward() { k.reluForward(x, 0, y, 0, n); return y; }
    @Benchmark public float[] reluBackward() { k.reluBackward(x, 0, dy, 0, dx, 0, n); return dx; }
    @Benchmark public float[] sigmoidForward() { k.sigmoidForward(x, 0, y, 0, n); return y; }
    @Benchmark public float[] sigmoidBackward() { k.sigmoidBackward(x, 0, dy, 0, dx, 0, n); return dx; }
    @Benchmark public float[] tanhForward() { k.tanhForward(x, 0, y, 0, n); return y; }
    @Benchmark public float[] tanhBackward() { k.tanhBackward(x, 0, dy, 0, dx, 0, n); return dx; }
    @Benchmark public float[] multiply() { k.multiply(x, 0, dy, 0, dx, 0, n); return dx; }

    /** A dropout mask (p = 0.2) from the random stream: {@code 4n} bytes written. */
    @Benchmark public float[] dropoutMask() { k.dropoutMask(seed++, 0.2f, 1.25f, y, 0, n); return y; }
}
