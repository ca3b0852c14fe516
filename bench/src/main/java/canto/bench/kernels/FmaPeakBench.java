package canto.bench.kernels;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The FMA peak of one core (and of both), the limit of the matrix products: 12 independent
 * FMA chains on the preferred vector species, all in registers, {@code 2 · 12 · lanes · ITERATIONS}
 * FLOP per call. The only bench class that uses the Vector API directly: it measures what any
 * kernel written on it could reach.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class FmaPeakBench {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Iterations of the FMA loop per call. */
    public static final int ITERATIONS = 100_000;
    /** Independent accumulators (FMA latency 4 cycles x 2 pipes needs at least 8). */
    public static final int CHAINS = 12;

    // Not final: the JIT must not fold them (JMH sample 10).
    private float mul = 0.9999999f, add = 1e-7f;

    @Benchmark
    public float fma() { return run(); }

    @Benchmark
    @Threads(2)
    public float fmaTwoThreads() { return run(); }

    private float run() {
        FloatVector b = FloatVector.broadcast(S, mul), c = FloatVector.broadcast(S, add);
        FloatVector a0 = FloatVector.broadcast(S, 0.1f), a1 = FloatVector.broadcast(S, 0.2f);
        FloatVector a2 = FloatVector.broadcast(S, 0.3f), a3 = FloatVector.broadcast(S, 0.4f);
        FloatVector a4 = FloatVector.broadcast(S, 0.5f), a5 = FloatVector.broadcast(S, 0.6f);
        FloatVector a6 = FloatVector.broadcast(S, 0.7f), a7 = FloatVector.broadcast(S, 0.8f);
        FloatVector a8 = FloatVector.broadcast(S, 0.9f), a9 = FloatVector.broadcast(S, 1.0f);
        FloatVector a10 = FloatVector.broadcast(S, 1.1f), a11 = FloatVector.broadcast(S, 1.2f);
        for (int i = 0; i < ITERATIONS; i++) {
            a0 = a0.fma(b, c); a1 = a1.fma(b, c); a2 = a2.fma(b, c); a3 = a3.fma(b, c);
            a4 = a4.fma(b, c); a5 = a5.fma(b, c); a6 = a6.fma(b, c); a7 = a7.fma(b, c);
            a8 = a8.fma(b, c); a9 = a9.fma(b, c); a10 = a10.fma(b, c); a11 = a11.fma(b, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7)
                .add(a8).add(a9).add(a10).add(a11).lane(0);
    }

    /** Lanes of the preferred species (16 with AVX-512). */
    public static int lanes() { return S.length(); }
}
