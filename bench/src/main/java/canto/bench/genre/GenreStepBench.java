package canto.bench.genre;

import canto.bench.genre.GenreSetup.Experiment;
import canto.engine.nn.SoftmaxCrossEntropy;
import canto.engine.tensor.Tensor;
import canto.engine.util.Parallel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of each genre experiment at its published batch size (8, 16, 16) on
 * synthetic data of the real shapes ({@code -p data=real}: the real lyrics file): forward, cross-entropy, clear gradients, backward, Adam
 * step — what {@code canto.genre.train.Trainer} does per batch ({@code fused=false}), or the same
 * with the gradients cleared inside the Adam pass ({@code fused=true}). Multiply by the steps per
 * epoch (2,838 / 1,419 / 1,419 at 22,697 rows) for a lower bound of the epoch time;
 * {@link GenreEpochs} measures whole epochs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// The first steps run cold JIT code and build up Adam state: warm up for 5 s.
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class GenreStepBench {
    @Param({"lyrics", "features", "combined"})
    public String experiment;

    @Param({"1", "2"})
    public int threads;

    /** Clear the gradients inside the Adam pass ({@code stepAndZeroGrad}) instead of before backward. */
    @Param({"false", "true"})
    public boolean fused;

    /** {@code synthetic} (uniform ids) or {@code real} (the full lyrics file, see {@link RealGenreData}; must exist). */
    @Param({"synthetic"})
    public String data;

    private GenreSetup setup;
    private Parallel parallel;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    private int[] labels;
    private int[] batchLabels;
    private int from;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        GenreBenchData data = "real".equals(this.data) ? RealGenreData.load(RealGenreData.DEFAULT_FILE)
                : SyntheticGenreData.make(SyntheticGenreData.TRAIN_ROWS, 1);
        parallel = new Parallel(threads);
        setup = new GenreSetup(Experiment.of(experiment), data, parallel, 42);
        labels = data.labels;
        batchLabels = new int[setup.experiment.batch];
        setup.network.setTraining(true);
    }

    @TearDown(Level.Trial)
    public void checkTrained() {
        float l = loss.forward(setup.network.forward(setup.trainRows, 0, batchLabels.length), batchLabels);
        if (!Float.isFinite(l)) throw new IllegalStateException("loss is not finite after training: " + l);
    }

    @Benchmark
    public float step() {
        int batch = batchLabels.length;
        if (from + batch > setup.trainRows.length) from = 0;
        for (int i = 0; i < batch; i++) batchLabels[i] = labels[setup.trainRows[from + i]];
        Tensor logits = setup.network.forward(setup.trainRows, from, batch);
        float l = loss.forward(logits, batchLabels);
        if (fused) {
            setup.network.backward(loss.backward());   // gradients were cleared by the last step
            setup.adam.stepAndZeroGrad();
        } else {
            setup.adam.zeroGrad();
            setup.network.backward(loss.backward());
            setup.adam.step();
        }
        from += batch;
        return l;
    }
}
