package canto.genre.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.io.SafeTensors;
import canto.engine.nn.Module;
import canto.engine.tensor.Tensor;
import canto.genre.data.BasicEnglishTokenizer;
import canto.genre.data.SongTable;
import canto.genre.data.SongTableLoader;
import canto.genre.data.TokenizedLyrics;
import canto.genre.model.GenreModels;
import canto.genre.model.ModelFileException;
import canto.genre.model.ModelFolder;
import canto.genre.train.EpochListener;
import canto.genre.train.Experiment;
import canto.genre.train.ExperimentRunner;
import canto.genre.train.GenreNetwork;
import canto.genre.train.TrainedRun;
import canto.genre.train.NgramSettings;
import canto.genre.data.NgramBags;
import canto.genre.data.NgramHasher;
import canto.genre.model.NgramModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train tiny, save, load, predict: the loaded model gives the trained model's probabilities. */
class SavedModelTest {
    static final String FIXTURE = "src/test/resources/fixtures/songs-full.csv";
    static SongTable table;
    static TokenizedLyrics lyrics;

    @BeforeAll
    static void load() throws Exception {
        table = SongTableLoader.load(Path.of(FIXTURE), FIXTURE);
        lyrics = TokenizedLyrics.of(table.lyrics(), new BasicEnglishTokenizer());
    }

    private static TrainedRun trainAndSave(Experiment e, Path dir) throws Exception {
        TrainedRun run = ExperimentRunner.run(table, lyrics, e, 2, 3, 16, new EpochListener() {});
        ModelFolder.write(dir, run.state(), run.config(), run.vocabulary() == null ? null : run.vocabulary().words(), run.validationRows());
        return run;
    }

    /** Softmax of the trained in-memory network's logits for every row, evaluation mode. */
    private static double[][] inMemory(Experiment e, TrainedRun run) {
        float[] ids = run.vocabulary() == null ? null : run.vocabulary().encodeAll(lyrics);
        int n = table.rows();
        Module model = (Module) run.model();
        GenreNetwork net = e == Experiment.LYRICS ? GenreNetwork.lyrics(model, ids, n)
                : e == Experiment.FEATURES ? GenreNetwork.features(model, table.features(), n)
                : GenreNetwork.combined(model, ids, table.features(), n);
        net.setTraining(false);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        Tensor logits = net.forward(rows, 0, n);
        double[][] p = new double[n][];
        for (int r = 0; r < n; r++) p[r] = SavedModel.softmax(logits, r);
        return p;
    }

    @Test
    void everyExperimentRoundTrips(@TempDir Path dir) throws Exception {
        for (Experiment e : Experiment.PUBLISHED) {
            Path folder = dir.resolve(e.id());
            TrainedRun run = trainAndSave(e, folder);
            double[][] expected = inMemory(e, run);
            SavedModel m = SavedModel.load(folder);
            assertEquals(e, m.experiment());
            double[][] got = m.probabilities(e.usesLyrics() ? table.lyrics() : null, e.usesFeatures() ? table.features() : null);
            // Bit-exact: the SIMD products sum their lanes in a fixed order (SimdSpecies.sumLanes),
            // so an interpreted and a compiled call agree (with reduceLanes(ADD) JDK 25 gave 1e-9 here).
            for (int r = 0; r < expected.length; r++) assertArrayEquals(expected[r], got[r], 0.0, e + " row " + r);
            List<String> val = Files.readAllLines(folder.resolve(ModelFolder.VALIDATION));
            assertEquals(14, val.size());   // ceil(0.2 * 70)
            List<Integer> rows = new ArrayList<>();
            for (int r : run.validationRows()) rows.add(r);
            rows.sort(null);
            for (int i = 0; i < val.size(); i++) assertEquals(rows.get(i), Integer.parseInt(val.get(i)));
            if (e.usesLyrics()) {
                List<String> vocab = Files.readAllLines(folder.resolve(ModelFolder.VOCAB));
                assertEquals("<unk>", vocab.get(0));
                assertEquals(run.vocabulary().words(), vocab);
            }
        }
    }

    @Test
    void anNgramsModelRoundTripsAndItsPredictionsFollowTheMarkerWords(@TempDir Path dir) throws Exception {
        NgramSettings s = new NgramSettings(4096, 8, 0, 0f, NgramBags.Pooling.TFIDF, 0.05, 0, 0, 1, false);
        TrainedRun run = ExperimentRunner.run(table, lyrics, Experiment.NGRAMS, 1, 12, 8, s, new EpochListener() {});
        var epochs = run.result().epochs();
        assertTrue(epochs.get(epochs.size() - 1).loss() < 0.5 * epochs.get(0).loss(), "loss falls: " + epochs);
        ModelFolder.write(dir, run.state(), run.config(), null, run.validationRows());
        assertFalse(Files.exists(dir.resolve(ModelFolder.VOCAB)));
        SavedModel m = SavedModel.load(dir);
        assertEquals(Experiment.NGRAMS, m.experiment());
        double[][] p = m.probabilities(table.lyrics(), null);
        // the in-memory model, scored on the same songs through the training bags
        NgramModel model = (NgramModel) run.model();
        NgramBags bags = NgramBags.weigh(NgramBags.count(lyrics, new NgramHasher(4096)),
                run.state().get("idf").data(), NgramBags.Pooling.TFIDF);
        int correct = 0;
        for (int r = 0; r < table.rows(); r++) {
            int a = bags.start()[r], n = bags.start()[r + 1] - a;
            Tensor logits = model.forward(new canto.engine.nn.Workspace(), java.util.Arrays.copyOfRange(bags.ids(), a, a + n), n, new int[] {0}, 1,
                    java.util.Arrays.copyOfRange(bags.weights(), a, a + n));
            assertArrayEquals(SavedModel.softmax(logits, 0), p[r], 0.0, "row " + r);
            if (SavedModel.genreOf(p[r]).equals(canto.genre.data.LabelEncoder.GENRES.decode(table.labels()[r]))) correct++;
        }
        assertTrue(correct >= 60, correct + " of 70 songs predicted right (their lyrics carry genre marker words)");
        double[] pop = m.probabilities(List.of("popword0 popword1 popword2 popword0 popword1"), null)[0];
        assertEquals("pop", SavedModel.genreOf(pop), java.util.Arrays.toString(pop));
    }

    @Test
    void anEnsembleIsSavedAsOneWiderModelThatScoresAsTheEnsemble(@TempDir Path dir) throws Exception {
        NgramSettings s = new NgramSettings(4096, 8, 0, 0f, NgramBags.Pooling.TFIDF, 0.05, 0, 0, 1, false).withEnsemble(3);
        TrainedRun run = ExperimentRunner.run(table, lyrics, Experiment.NGRAMS, 1, 4, 8, s, new EpochListener() {});
        assertEquals(24, ((NgramModel) run.model()).shape().dim());
        assertArrayEquals(new int[] {4096, 24}, run.state().get("embedding.weight").shape());
        assertArrayEquals(new int[] {7, 24}, run.state().get("fc.weight").shape());
        assertEquals(run.result().valAccuracy(), savedValidationAccuracy(dir, run), 1e-12, "the saved merged model scores the validation songs as the ensemble did");
    }

    @Test
    void aModelWithCharacterNgramsAndKindWeightsRoundTripsAndScoresAsTrained(@TempDir Path dir) throws Exception {
        NgramSettings s = new NgramSettings(4096, 8, 0, 0f, NgramBags.Pooling.TFIDF, 0.05, 0, 0, 1, false)
                .withFeatures(new canto.genre.data.NgramFeatures(3, 5, 512, 0.7, 0.4));
        TrainedRun run = ExperimentRunner.run(table, lyrics, Experiment.NGRAMS, 1, 4, 8, s, new EpochListener() {});
        assertArrayEquals(new int[] {4096 + 512, 8}, run.state().get("embedding.weight").shape());
        assertArrayEquals(new int[] {4096 + 512}, run.state().get("idf").shape());
        assertEquals("512", run.config().get("char_buckets"));
        assertEquals("3-5", run.config().get("char_ngrams"));
        assertEquals(run.result().valAccuracy(), savedValidationAccuracy(dir, run), 1e-12, "the saved model, hashing new text itself, scores the validation songs as training did");
        // the character n-gram part of the table is used: the idf has weight there
        float[] idf = run.state().get("idf").data();
        float charIdf = 0;
        for (int b = 4096; b < idf.length; b++) charIdf = Math.max(charIdf, idf[b]);
        assertTrue(charIdf > 0, "some character n-gram bucket has an idf");
    }

    @Test
    void predictCommandPrintsOneLinePerSong(@TempDir Path dir) throws Exception {
        trainAndSave(Experiment.LYRICS, dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        String songs = table.lyrics().get(0) + "\n" + table.lyrics().get(1) + "\n";
        int status = PredictCommand.run(new String[] {"--model", dir.toString()}, new ByteArrayInputStream(songs.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        double[][] p = SavedModel.load(dir).probabilities(table.lyrics().subList(0, 2), null);
        for (int i = 0; i < 2; i++) {
            String[] f = lines[i].split("\t");
            assertEquals(8, f.length, lines[i]);
            assertEquals(SavedModel.genreOf(p[i]), f[0]);
            assertTrue(f[3].startsWith("hip hop="), lines[i]);
            double sum = 0;
            for (int g = 1; g < 8; g++) sum += Double.parseDouble(f[g].substring(f[g].indexOf('=') + 1));
            assertEquals(1.0, sum, 1e-3);
        }
        out.reset();
        assertEquals(0, PredictCommand.run(new String[] {"--model", dir.toString(), "--json", table.lyrics().get(0)}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        Map<?, ?> obj = (Map<?, ?>) canto.engine.io.Json.parse(out.toString(StandardCharsets.UTF_8).trim());
        assertEquals(SavedModel.genreOf(p[0]), obj.get("genre"));
        assertEquals(7, ((Map<?, ?>) obj.get("probabilities")).size());
    }

    /** Rewrites the folder's model file with tensor {@code from} renamed to {@code to} (or reshaped when to is null). */
    private static void tamper(Path folder, String from, String to) throws Exception {
        SafeTensors.Contents c = SafeTensors.read(folder.resolve(ModelFolder.MODEL));
        Map<String, Tensor> t = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : c.tensors().entrySet()) {
            if (!e.getKey().equals(from)) { t.put(e.getKey(), e.getValue()); continue; }
            Tensor v = e.getValue();
            t.put(to != null ? to : from, to != null ? v : new Tensor(v.data(), 0, v.size() / GenreModels.CLASSES, GenreModels.CLASSES));
        }
        Files.delete(folder.resolve(ModelFolder.MODEL));
        SafeTensors.write(folder.resolve(ModelFolder.MODEL), t, c.metadata());
    }

    @Test
    void aWrongNameOrShapeIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("m");
        trainAndSave(Experiment.LYRICS, folder);
        tamper(folder, "fc.weight", "fc.weights");
        ModelFileException e = assertThrows(ModelFileException.class, () -> SavedModel.load(folder));
        assertEquals(folder.resolve(ModelFolder.MODEL) + ": tensor 'fc.weights' is not a parameter of this model (it has embedding.weight, fc.weight, fc.bias)", e.getMessage());

        Path folder2 = dir.resolve("m2");
        trainAndSave(Experiment.LYRICS, folder2);
        tamper(folder2, "fc.weight", null);
        e = assertThrows(ModelFileException.class, () -> SavedModel.load(folder2));
        assertEquals(folder2.resolve(ModelFolder.MODEL) + ": tensor 'fc.weight' has shape [" + (4 * 100) + ", 7], this model needs [7, 400]", e.getMessage());

        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = PredictCommand.run(new String[] {"--model", folder2.toString(), "la la"}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        String msg = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, msg.split("\n").length, msg);
        assertTrue(msg.startsWith("genre predict: " + folder2.resolve(ModelFolder.MODEL) + ": tensor 'fc.weight' has shape"), msg);
        assertFalse(msg.contains("Exception"), msg);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFolderWithoutModelIsOneLine(@TempDir Path dir) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> SavedModel.load(dir));
        assertEquals(dir.resolve(ModelFolder.MODEL) + ": no such file (a model folder holds model.safetensors)", e.getMessage());
    }

    /** Saves {@code run} in {@code dir}, loads it back and scores its validation songs with the loaded model. */
    private double savedValidationAccuracy(Path dir, TrainedRun run) throws Exception {
        ModelFolder.write(dir, run.state(), run.config(), null, run.validationRows());
        SavedModel m = SavedModel.load(dir);
        List<String> val = new ArrayList<>();
        for (int r : run.validationRows()) val.add(table.lyrics().get(r));
        double[][] p = m.probabilities(val, null);
        int correct = 0;
        for (int i = 0; i < p.length; i++) if (SavedModel.genreOf(p[i]).equals(canto.genre.data.LabelEncoder.GENRES.decode(table.labels()[run.validationRows()[i]]))) correct++;
        return (double) correct / p.length;
    }
}
