package canto.genre;

import canto.engine.nn.Embedding;
import canto.engine.nn.Sequential;
import canto.engine.tensor.Tensor;
import canto.genre.data.LabelEncoder;
import canto.genre.data.SongTable;
import canto.genre.data.TokenizedLyrics;
import canto.genre.data.Vocabulary;
import canto.genre.model.ModelFolder;
import canto.genre.report.AccuracyCharts;
import canto.engine.io.AtomicFiles;
import canto.genre.report.ConfusionChart;
import canto.genre.report.EmbeddingMap;
import canto.genre.report.Metrics;
import canto.genre.report.LineChart;
import canto.genre.report.Pca;
import canto.genre.report.ResultsJson;
import canto.genre.report.WordGenreLean;
import canto.genre.train.Experiment;
import canto.genre.train.RunResult;
import canto.genre.train.TrainedRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Everything a run writes into the output directory; every file is written atomically. */
final class Outputs {
    static final String RESULTS = "results.json";
    static final String EMBEDDING = "embedding-pca";

    private final Path dir;

    Outputs(Path dir) { this.dir = dir; }

    Path dir() { return dir; }

    /** {@code results.json} with every run so far. */
    void results(List<RunResult> runs) throws IOException {
        AtomicFiles.write(dir.resolve(RESULTS), ResultsJson.format(runs));
    }

    /** The run's model folder ({@link ModelFolder}): {@code models/<experiment>-seed<S>/}; returns it. */
    Path model(TrainedRun run) throws IOException {
        Path folder = ModelFolder.of(dir, run.result().experiment().id(), run.result().seed());
        ModelFolder.write(folder, run.state(), run.config(), run.vocabulary() == null ? null : run.vocabulary().words(), run.validationRows());
        return folder;
    }

    /** {@code confusion-<experiment>.png}: the validation confusion matrix, all seeds pooled; returns its path. */
    Path confusionChart(Experiment e, List<RunResult> runs) throws IOException {
        int[][] sum = Metrics.sum(runs);
        String title = String.format(java.util.Locale.ROOT, "Experiment %d (%s): validation confusion matrix, %d seed%s pooled, %s",
                e.ordinal() + 1, e.id(), runs.size(), runs.size() == 1 ? "" : "s", Path.of(runs.get(0).dataFile()).getFileName());
        Path png = dir.resolve("confusion-" + e.id() + ".png");
        AtomicFiles.write(png, ConfusionChart.png(sum, LabelEncoder.GENRES.classes(), title));
        return png;
    }

    /** {@code accuracy-<experiment>.png} and {@code .svg}; returns the PNG's path. */
    Path accuracyChart(Experiment e, List<RunResult> runs, double baseRate) throws IOException {
        LineChart chart = AccuracyCharts.chart(e, runs, baseRate);
        AtomicFiles.write(dir.resolve("accuracy-" + e.id() + ".svg"), chart.svg());
        Path png = dir.resolve("accuracy-" + e.id() + ".png");
        AtomicFiles.write(png, chart.png());
        return png;
    }

    /**
     * The PCA of experiment 1's embedding matrix (padding row left out) as
     * {@code embedding-pca.csv}, {@code .html} and {@code .png}; returns the CSV's path.
     */
    Path embeddingMap(TrainedRun run, TokenizedLyrics lyrics, SongTable table) throws IOException {
        Vocabulary vocab = run.vocabulary();
        Embedding embedding = (Embedding) ((Sequential) run.model()).modules().get(0);
        Tensor w = embedding.weight().value();               // [V+1, dim]
        int words = vocab.size(), dim = embedding.dim();
        Pca pca = Pca.fit(w.data(), w.offset(), words, dim, 2);
        double[] xy = pca.transform(w.data(), w.offset(), words);
        int[] lean = WordGenreLean.of(lyrics, vocab, table.labels(), run.trainRows(), LabelEncoder.GENRES.size());
        double[] var = pca.variances();
        String title = String.format(java.util.Locale.ROOT,
                "Experiment 1 word embeddings (dim %d), PCA: seed %d, %d words; PC1 %.0f%%, PC2 %.0f%% of variance",
                dim, run.result().seed(), words, 100 * var[0] / pca.totalVariance(), 100 * var[1] / pca.totalVariance());
        int[] counts = new int[words];
        for (int i = 0; i < words; i++) counts[i] = vocab.count(i);
        EmbeddingMap map = new EmbeddingMap(vocab.words(), xy, lean, counts, LabelEncoder.GENRES.classes(), title);
        // the PNG on a second thread while this one writes the text files (independent outputs)
        FutureTask<byte[]> png = new FutureTask<>(map::png);
        Thread drawer = new Thread(png, "canto-embedding-png");
        drawer.setDaemon(true);
        drawer.start();
        Path csv = dir.resolve(EMBEDDING + ".csv");
        AtomicFiles.write(csv, map.csv());
        AtomicFiles.write(dir.resolve(EMBEDDING + ".html"), map.html());
        AtomicFiles.write(dir.resolve(EMBEDDING + ".png"), result(png));
        return csv;
    }

    /** The task's result; its exception as it was thrown (an IOException, RuntimeException or Error). */
    private static byte[] result(FutureTask<byte[]> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) throw (IOException) cause;
            if (cause instanceof RuntimeException) throw (RuntimeException) cause;
            if (cause instanceof Error) throw (Error) cause;
            throw new IllegalStateException(cause);
        }
    }
}
