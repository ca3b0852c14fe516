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
 * The Adam update kernel over n = 185,371 and 376,740 parameters (genre experiments 1 and 3)
 * and 1,000,003. Bandwidth-bound: p, g, m, v read and p, m, v written — {@code 28n} bytes.
 * The memory-traffic floor is {@code 28n} bytes at the copy bandwidth of
 * {@link CopyBench#copy} for the same working-set size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class AdamBench {
    @Param({"185371", "376740", "1000003"})
    public int n;

    @Param({"scalar", "simd"})
    public String impl;

    private Kernels k;
    private float[] p, g, m, v;

    @Setup
    public void setup() {
        k = Impls.of(impl);
        p = Impls.uniform(31, n, -1, 1);
        g = Impls.uniform(32, n, -0.1f, 0.1f);
        for (int i = 0; i < n; i += 3) g[i] = 0f; // rows that got no gradient, as in an embedding
        m = Impls.uniform(33, n, -0.01f, 0.01f);
        v = Impls.uniform(34, n, 0f, 1e-4f);
        Kernels other = Impls.other(impl);
        float[] p1 = p.clone(), m1 = m.clone(), v1 = v.clone();
        float[] p2 = p.clone(), m2 = m.clone(), v2 = v.clone();
        for (int step = 0; step < 3; step++) {
            k.adamStep(p1, g, m1, v1, 0, n, 1e-3f, 0.9f, 0.1f, 0.999f, 0.001f, 1e-8f, 0.0447f, step == 2 ? 1e-2f : 0f);
            other.adamStep(p2, g, m2, v2, 0, n, 1e-3f, 0.9f, 0.1f, 0.999f, 0.001f, 1e-8f, 0.0447f, step == 2 ? 1e-2f : 0f);
        }
        Impls.checkSame("adamStep p", p1, p2);
        Impls.checkSame("adamStep m", m1, m2);
        Impls.checkSame("adamStep v", v1, v2);
    }

    @Benchmark
    public float[] adamStep() {
        k.adamStep(p, g, m, v, 0, n, 1e-3f, 0.9f, 0.1f, 0.999f, 0.001f, 1e-8f, 0.0447f, 0f);
        return p;
    }
}
