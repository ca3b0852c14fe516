package canto.genre.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.genre.data.BasicEnglishTokenizer;
import canto.genre.data.SongTable;
import canto.genre.data.SongTableLoader;
import canto.genre.data.TokenizedLyrics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Short runs on the invented 70-song fixture (genre marker words in the lyrics, a genre
 * feature among the 22): the mean training loss must fall and the seed must fix the run.
 */
class TrainingTest {
    static SongTable table;
    static TokenizedLyrics lyrics;

    @BeforeAll
    static void load() throws Exception {
        table = SongTableLoader.load(Path.of("src/test/resources/fixtures/songs-full.csv"), "songs-full.csv");
        lyrics = TokenizedLyrics.of(table.lyrics(), new BasicEnglishTokenizer());
    }

    private static void assertLossFalls(Experiment e, int epochs) {
        RunResult r = ExperimentRunner.run(table, lyrics, e, 3, epochs, e.publishedBatchSize(), new EpochListener() {}).result();
        List<EpochResult> ep = r.epochs();
        assertEquals(epochs, ep.size());
        double first = ep.get(0).loss(), last = ep.get(ep.size() - 1).loss();
        assertTrue(last < 0.8 * first, e + ": loss " + first + " -> " + last);
        assertTrue(ep.get(ep.size() - 1).trainAccuracy() > ep.get(0).trainAccuracy(), e + ": train accuracy did not rise");
        for (EpochResult x : ep) {
            assertTrue(x.valAccuracy() >= 0 && x.valAccuracy() <= 1);
            assertTrue(x.seconds() >= 0);
        }
        assertEquals(70, r.rows());
    }

    @Test
    void lyricsLossFalls() { assertLossFalls(Experiment.LYRICS, 12); }

    @Test
    void featuresLossFalls() { assertLossFalls(Experiment.FEATURES, 40); }

    @Test
    void combinedLossFalls() { assertLossFalls(Experiment.COMBINED, 12); }

    @Test
    void theSeedFixesTheRun() {
        RunResult a = ExperimentRunner.run(table, lyrics, Experiment.LYRICS, 5, 2, 8, new EpochListener() {}).result();
        RunResult b = ExperimentRunner.run(table, lyrics, Experiment.LYRICS, 5, 2, 8, new EpochListener() {}).result();
        RunResult c = ExperimentRunner.run(table, lyrics, Experiment.LYRICS, 6, 2, 8, new EpochListener() {}).result();
        for (int i = 0; i < 2; i++) {
            assertEquals(a.epochs().get(i).loss(), b.epochs().get(i).loss());
            assertEquals(a.epochs().get(i).valAccuracy(), b.epochs().get(i).valAccuracy());
        }
        assertTrue(a.epochs().get(1).loss() != c.epochs().get(1).loss());
    }

    @Test
    void lastPartialBatchIsKeptAndEveryRowCounted() {
        // 56 training rows in batches of 16: 16+16+16+8; a listener sees four batches per epoch
        int[] seen = new int[1];
        ExperimentRunner.run(table, lyrics, Experiment.FEATURES, 1, 1, 16, new EpochListener() {
            @Override public void batchDone(int epoch, int batch, int batches, double acc) {
                seen[0]++;
                assertEquals(4, batches);
            }
        });
        assertEquals(4, seen[0]);
    }

    @Test
    void aFileWithoutFeaturesCannotServeFeatureExperiments() throws Exception {
        SongTable lyricsOnly = SongTableLoader.load(Path.of("src/test/resources/fixtures/songs-lyrics-only.csv"), "x.csv");
        assertEquals(null, ExperimentRunner.whyNot(lyricsOnly, Experiment.LYRICS));
        assertEquals("it has none of the 22 feature columns", ExperimentRunner.whyNot(lyricsOnly, Experiment.FEATURES));
        assertEquals("it has none of the 22 feature columns", ExperimentRunner.whyNot(lyricsOnly, Experiment.COMBINED));
    }

    @Test
    void aFileMissingSomeFeaturesNamesTheFirst() {
        SongTable t = new SongTable("f.csv", new int[] {0, 1}, List.of("a", "b"), null, List.of("loudness", "energy"));
        assertEquals("it lacks 2 of the 22 feature columns (first: 'loudness')", ExperimentRunner.whyNot(t, Experiment.FEATURES));
        assertEquals(null, ExperimentRunner.whyNot(t, Experiment.LYRICS));
    }
}
