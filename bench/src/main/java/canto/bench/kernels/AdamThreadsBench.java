package canto.bench.kernels;

import canto.engine.nn.Parameter;
import canto.engine.nn.Parameters;
import canto.engine.nn.Trainable;
import canto.engine.optim.Adam;
import canto.engine.util.Parallel;
import java.util.Map;
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
 * The optimiser's Adam step ({@link Adam#step()}: the chosen kernels, split by
 * {@link Parallel}) over 185,371 and 376,740 parameters with 1 and 2 threads. Same traffic as
 * {@link AdamBench} ({@code 28n} bytes); with 2 threads its floor is the two-thread copy rate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class AdamThreadsBench {
    @Param({"185371", "376740"})
    public int n;

    @Param({"1", "2"})
    public int threads;

    private Adam adam;

    /** A model that is just one flat parameter of n floats. */
    private static final class Flat implements Trainable {
        final Parameter p;

        Flat(int n) { p = new Parameter("weight", n); }

        @Override
        public void collectParameters(String prefix, Map<String, Parameter> out) { out.put(prefix + "weight", p); }
    }

    @Setup
    public void setup() {
        Parameters params = Parameters.of(new Flat(n));
        float[] v = Impls.uniform(51, n, -1, 1), g = Impls.uniform(52, n, -0.1f, 0.1f);
        System.arraycopy(v, 0, params.values(), 0, n);
        System.arraycopy(g, 0, params.grads(), 0, n);
        adam = new Adam(params, Adam.Config.defaults(1e-3f), new Parallel(threads));
    }

    @Benchmark
    public Adam step() {
        adam.step();
        return adam;
    }
}
