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
 * The three products of a Linear layer {@code [batch, in] -> [batch, out]} at the genre
 * shapes (batch 8 and 16) and square 256 / 1024:
 * <ul>
 *   <li>{@code forward}: {@code Y[b,out] += X[b,in] · W[out,in]ᵀ} (matmulNT),</li>
 *   <li>{@code inputGrad}: {@code dX[b,in] += dY[b,out] · W[out,in]} (matmulNN),</li>
 *   <li>{@code weightGrad}: {@code dW[out,in] += dY[b,out]ᵀ · X[b,in]} (matmulTN).</li>
 * </ul>
 * Work: {@code 2·batch·in·out} FLOP each (see {@link canto.bench.Rates}). The products
 * accumulate into their output, so repeated calls measure the steady state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Short iterations: the kernels reach steady state within a few hundred calls; 5 samples give
// a median and a spread. One fork per parameter set keeps each call site monomorphic.
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class MatmulBench {
    /** batch x in x out. */
    @Param({"8x400x7", "16x400x7", "8x22x512", "16x22x512", "8x512x128", "16x512x128",
            "8x128x32", "16x128x32", "8x14x512", "16x14x512", "8x512x256", "16x512x256",
            "8x256x64", "16x256x64", "8x64x7", "16x64x7", "256x256x256", "1024x1024x1024"})
    public String shape;

    @Param({"scalar", "simd"})
    public String impl;

    private Kernels k;
    private int batch, in, out;
    private float[] x, w, dy, y, dx, dw;

    @Setup
    public void setup() {
        int[] d = Impls.dims(shape, 3);
        batch = d[0]; in = d[1]; out = d[2];
        k = Impls.of(impl);
        x = Impls.uniform(1, batch * in, -1, 1);
        w = Impls.uniform(2, out * in, -1, 1);
        dy = Impls.uniform(3, batch * out, -1, 1);
        y = new float[batch * out];
        dx = new float[batch * in];
        dw = new float[out * in];
        checkAgainst(Impls.other(impl));
    }

    /** Both implementations must agree with a double-precision product to float rounding. */
    private void checkAgainst(Kernels other) {
        for (Kernels kk : new Kernels[] {k, other}) {
            float[] c = new float[batch * out];
            kk.matmulNT(x, 0, w, 0, c, 0, batch, out, in);
            Products.check(kk.name() + " matmulNT " + shape, c, x, w, batch, out, in, Products.Layout.NT);
            c = new float[batch * in];
            kk.matmulNN(dy, 0, w, 0, c, 0, batch, in, out);
            Products.check(kk.name() + " matmulNN " + shape, c, dy, w, batch, in, out, Products.Layout.NN);
            c = new float[out * in];
            kk.matmulTN(dy, 0, x, 0, c, 0, out, in, batch);
            Products.check(kk.name() + " matmulTN " + shape, c, dy, x, out, in, batch, Products.Layout.TN);
        }
    }

    @Benchmark
    public float[] forward() {
        k.matmulNT(x, 0, w, 0, y, 0, batch, out, in);
        return y;
    }

    @Benchmark
    public float[] inputGrad() {
        k.matmulNN(dy, 0, w, 0, dx, 0, batch, in, out);
        return dx;
    }

    @Benchmark
    public float[] weightGrad() {
        k.matmulTN(dy, 0, x, 0, dw, 0, out, in, batch);
        return dw;
    }
}
