package canto.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.bench.genre.GenreBenchData;
import canto.bench.genre.GenreEpochs;
import canto.bench.genre.GenreSetup.Experiment;
import canto.bench.genre.SyntheticGenreData;
import canto.engine.util.Parallel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The CI smoke pass: every benchmark method starts, passes its set-up checks (both kernel
 * implementations agree) and produces a result, in this JVM (no fork), with one short
 * iteration at the smallest parameters. Timing here means nothing; it only proves the
 * benchmarks still run. Then the rate post-processor reads the JSON they wrote.
 */
class BenchmarksStartTest {
    /** Small parameter values per benchmark class, so the whole pass takes seconds. */
    private static final Map<String, Map<String, String[]>> SMALL = Map.ofEntries(
            Map.entry("MatmulBench", Map.of("shape", new String[] {"8x400x7", "16x14x512", "64x64x64"})),
            Map.entry("EmbeddingBench", Map.of("shape", new String[] {"800x4", "1000x33"})),
            Map.entry("EmbeddingBagBench", Map.of("shape", new String[] {"16x100x33"})),
            Map.entry("ActivationBench", Map.of("n", new String[] {"1000"})),
            Map.entry("SoftmaxBench", Map.of("shape", new String[] {"8x7", "16x1000"})),
            Map.entry("AdamBench", Map.of("n", new String[] {"185371"})),
            Map.entry("AdamThreadsBench", Map.of("n", new String[] {"185371"})),
            Map.entry("CopyBench", Map.of("floats", new String[] {"4096"})),
            Map.entry("FmaPeakBench", Map.of()),
            Map.entry("TitleParseBench", Map.of()),
            Map.entry("SparseUpdateBench", Map.of("dim", new String[] {"16"})),
            Map.entry("GenreStepBench", Map.of("threads", new String[] {"1", "2"}, "fused", new String[] {"false", "true"})));

    @TempDir
    Path dir;

    @Test
    void everyBenchmarkStartsAndRatesAreComputed() throws Exception {
        // one run per class: JMH parameters are global to a run, and names (shape) overlap
        Path json = dir.resolve("smoke.json");
        StringBuilder all = new StringBuilder("[");
        for (Map.Entry<String, Map<String, String[]>> e : new java.util.TreeMap<>(SMALL).entrySet()) {
            Path part = dir.resolve(e.getKey() + ".json");
            ChainedOptionsBuilder opts = new OptionsBuilder()
                    .include("canto\\.bench\\..*\\." + e.getKey() + "\\.")
                    .forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(20))
                    .shouldFailOnError(true)
                    .verbosity(VerboseMode.SILENT)
                    .result(part.toString())
                    .resultFormat(ResultFormatType.JSON);
            e.getValue().forEach(opts::param);
            new Runner(opts.build()).run();
            String text = Files.readString(part).trim();
            all.append(all.length() > 1 ? "," : "").append(text, 1, text.length() - 1);
        }
        Files.writeString(json, all.append(']').toString());

        List<Rates.Result> results = Rates.read(json);
        Set<String> classes = new TreeSet<>();
        for (Rates.Result r : results) {
            classes.add(r.cls());
            assertTrue(r.median() > 0, r.key() + " has no time");
            if (Rates.work(r) > 0) assertTrue(Rates.rate(r) > 0, r.key());
        }
        assertEquals(new TreeSet<>(SMALL.keySet()), classes, "a benchmark class did not run");
        String table = Rates.table(results, Map.of(64, 100.0));
        assertTrue(table.contains("| MatmulBench.forward | impl=simd shape=8x400x7 |"), table);
        assertTrue(table.contains("GFLOP/s") && table.contains("GB/s"), table);
    }

    @Test
    void genreEpochsTrainsEveryExperiment() {
        GenreBenchData data = SyntheticGenreData.make(64, 3);
        for (Experiment e : Experiment.values()) {
            double[] s = GenreEpochs.secondsPerEpoch(e, data, new Parallel(1), 1, 0);
            assertEquals(1, s.length);
            assertTrue(s[0] > 0, e.key());
        }
        assertFalse(data.labels.length == 0);
    }
}
