package canto.genre.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import canto.engine.nn.Parameters;
import canto.engine.optim.Adam;
import canto.engine.optim.AdamState;
import canto.engine.tensor.Tensor;
import canto.engine.util.Parallel;
import canto.engine.util.Rng;
import canto.genre.data.BasicEnglishTokenizer;
import canto.genre.data.LabelEncoder;
import canto.genre.data.SongTable;
import canto.genre.data.SongTableLoader;
import canto.genre.data.TokenizedLyrics;
import canto.genre.data.TrainValidationSplit;
import canto.genre.data.Vocabulary;
import canto.genre.model.GenreModels;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiment 1 trained through the genre loader, vocabulary and {@link Trainer} with Adam's
 * dense update and with its resting path: after 3,200 steps (2,837 on the real file: one epoch) every weight and moment is the same
 * bit for bit. The data is a lyrics file in the dataset's format written by the test (songs of
 * words drawn from a Zipf law (exponent 1.2) over 60,000 words, as real lyrics are: most words are rare, so
 * most embedding rows rest), and, when it is present, the real lyrics file
 * {@code data/genre/tcc_ceds_music_lyrics_all_rows.csv}.
 */
class RestingAdamTrainingTest {
    static final int STEPS = 3200, BATCH = 8;
    static final Path REAL = Path.of("../data/genre/tcc_ceds_music_lyrics_all_rows.csv");

    /** Writes {@code songs} songs of Zipf-drawn words (plus a few words per genre) in the lyrics file's format. */
    static Path writeZipfLyrics(Path dir, int songs, int words) throws IOException {
        double[] cdf = new double[words];
        double sum = 0;
        for (int r = 0; r < words; r++) cdf[r] = sum += 1 / Math.pow(r + 1, 1.2);
        for (int r = 0; r < words; r++) cdf[r] /= sum;
        List<String> genres = LabelEncoder.GENRES.classes();
        Rng rng = new Rng(11);
        Path file = dir.resolve("zipf-lyrics.csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(",artist_name,track_name,release_date,genre,lyrics\n");
            for (int s = 0; s < songs; s++) {
                int genre = s % genres.size();
                StringBuilder lyrics = new StringBuilder();
                int length = 90 + rng.nextInt(30);   // the model reads the first 100
                for (int i = 0; i < length; i++) {
                    if (i > 0) lyrics.append(' ');
                    if (rng.nextInt(10) == 0) {
                        lyrics.append("g").append(genre).append("x").append(rng.nextInt(30));
                    } else {
                        int k = java.util.Arrays.binarySearch(cdf, rng.nextDouble());
                        lyrics.append("w").append(Math.min(words - 1, k >= 0 ? k : -k - 1));
                    }
                }
                w.write(s + ",artist " + s + ",track " + s + "," + (1950 + s % 70) + "," + genres.get(genre) + "," + lyrics + "\n");
            }
        }
        return file;
    }

    /** The state after {@code steps} steps of experiment 1 on {@code file} with the given update path. */
    static Map<String, float[]> train(Path file, Adam.Update path, int steps) throws Exception {
        SongTable table = SongTableLoader.load(file, file.toString());
        TokenizedLyrics lyrics = TokenizedLyrics.of(table.lyrics(), new BasicEnglishTokenizer());
        Rng master = new Rng(1);
        TrainValidationSplit split = TrainValidationSplit.shuffled(table.rows(), master.split());
        Vocabulary vocabulary = Vocabulary.build(lyrics, split.train());
        GenreNetwork network = GenreNetwork.lyrics(GenreModels.lyrics(vocabulary.size() + 1, master.split()),
                vocabulary.encodeAll(lyrics), Trainer.EVAL_BATCH);
        Parameters params = Parameters.of(network.model());
        Adam adam = new Adam(params, Adam.Config.defaults(Experiment.LEARNING_RATE), Parallel.shared(), path);
        assertEquals(path, adam.update(), "the update path in use");
        Trainer trainer = new Trainer(network, adam, table.labels(), Trainer.EVAL_BATCH);
        Rng shuffle = master.split();
        int[] order = split.train().clone();
        int perEpoch = (order.length + BATCH - 1) / BATCH;
        trainer.zeroGrad();
        int mostResting = 0;
        for (int epoch = 1; adam.steps() + perEpoch <= steps; epoch++) {
            trainer.trainEpoch(order, epoch, BATCH, shuffle, new EpochListener() {});
            mostResting = Math.max(mostResting, adam.restingRows());
            trainer.accuracy(split.validation());   // evaluation reads the weights between epochs, as training does
        }
        int rows = params.get("0.weight").shape()[0];
        if (path == Adam.Update.RESTING) {
            assertTrue(mostResting > rows / 5, file + ": only " + mostResting + " of " + rows + " rows ever rested");
        }
        Map<String, float[]> state = new java.util.LinkedHashMap<>();
        state.put("steps", new float[] {adam.steps()});
        for (var p : params.named().entrySet()) state.put(p.getKey(), p.getValue().value().toArray());
        for (Map.Entry<String, Tensor> e : AdamState.tensors(adam).entrySet()) state.put(e.getKey(), e.getValue().toArray());
        return state;
    }

    static void assertSameBits(Map<String, float[]> dense, Map<String, float[]> resting, String where) {
        assertEquals(dense.keySet(), resting.keySet());
        assertTrue(dense.get("steps")[0] >= 2800, where + ": trained only " + dense.get("steps")[0] + " steps");
        for (String k : dense.keySet()) {
            float[] a = dense.get(k), b = resting.get(k);
            assertEquals(a.length, b.length, where + " " + k);
            for (int i = 0; i < a.length; i++) {
                if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                    fail(where + ": " + k + "[" + i + "] dense " + a[i] + ", resting " + b[i]);
                }
            }
        }
    }

    @Test
    void restingEqualsDenseOnAZipfLyricsFile(@TempDir Path dir) throws Exception {
        Path file = writeZipfLyrics(dir, 16_000, 60_000);   // 1,600 steps per epoch: rare words rest between their songs
        assertSameBits(train(file, Adam.Update.DENSE, STEPS), train(file, Adam.Update.RESTING, STEPS), file.toString());
    }

    @Test
    void restingEqualsDenseOnTheRealLyrics() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(REAL), REAL + " is not here (it is linked from ../shared)");
        assertSameBits(train(REAL, Adam.Update.DENSE, STEPS), train(REAL, Adam.Update.RESTING, STEPS), REAL.toString());
    }
}
