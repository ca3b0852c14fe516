package canto.bench.kernels;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Memory bandwidth, the limit of the bandwidth-bound kernels, measured in the same run:
 * <ul>
 *   <li>{@code copy}: {@code System.arraycopy} of n floats (bytes moved {@code 8n}, read +
 *       write), at working sets from L1 to DRAM; 370,742 and 753,480 floats per array give
 *       the same footprint as the Adam update over 185K and 377K parameters (4 arrays).</li>
 *   <li>{@code copyTwoThreads}: the same on both cores at once (aggregate rate).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class CopyBench {
    /** Floats per array. */
    @Param({"4096", "65536", "370742", "753480", "8388608"})
    public int floats;

    private float[] src, dst;

    @Setup
    public void setup() {
        src = Impls.uniform(41, floats, -1, 1);
        dst = new float[floats];
    }

    @Benchmark
    public float[] copy() {
        System.arraycopy(src, 0, dst, 0, floats);
        return dst;
    }

    @Benchmark
    @Threads(2)
    public float[] copyTwoThreads() {
        System.arraycopy(src, 0, dst, 0, floats);
        return dst;
    }
}
