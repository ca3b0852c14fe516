package canto.genre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.genre.train.Experiment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void defaultsAreThePublishedSettings() throws Exception {
        Options o = Options.parse(new String[] {"--experiment", "all", "--data", "d.csv"});
        assertEquals(List.of(Experiment.LYRICS, Experiment.FEATURES, Experiment.COMBINED), o.experiments());
        assertEquals(Path.of("out"), o.out());
        assertEquals(1, o.seeds());
        assertEquals(30, o.epochsFor(Experiment.LYRICS));
        assertEquals(50, o.epochsFor(Experiment.FEATURES));
        assertEquals(40, o.epochsFor(Experiment.COMBINED));
        assertEquals(8, o.batchFor(Experiment.LYRICS));
        assertEquals(16, o.batchFor(Experiment.FEATURES));
        assertEquals(16, o.batchFor(Experiment.COMBINED));
    }

    @Test
    void overrides() throws Exception {
        Options o = Options.parse(new String[] {"--data", "d.csv", "--experiment", "combined", "--epochs", "3", "--batch", "32",
                "--seeds", "5", "--out", "x/y", "--synthetic-features"});
        assertEquals(List.of(Experiment.COMBINED), o.experiments());
        assertEquals(3, o.epochsFor(Experiment.COMBINED));
        assertEquals(32, o.batchFor(Experiment.COMBINED));
        assertEquals(5, o.seeds());
        assertEquals(Path.of("x/y"), o.out());
        assertTrue(o.syntheticFeatures());
    }

    @Test
    void errorsSayWhatIsWrong() {
        assertEquals("missing --experiment and --data", assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {})).getMessage());
        assertEquals("--epochs must be a whole number from 1 to 1000000, not '0'",
                assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--epochs", "0"})).getMessage());
        assertEquals("--data needs a value",
                assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--data"})).getMessage());
        assertEquals("unknown option '--learning-rate'",
                assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--learning-rate", "1"})).getMessage());
        assertEquals("--pooling must be tfidf or mean, not 'max'",
                assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--pooling", "max"})).getMessage());
        assertEquals("--ngram-order must be a whole number from 1 to 3, not '4'",
                assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--ngram-order", "4"})).getMessage());
        assertEquals("--label-smoothing must be a number in [0.0, 1.0), not '1'",
                assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--label-smoothing", "1"})).getMessage());
        assertEquals("--char-ngrams must be MIN-MAX with 1 <= MIN <= MAX <= 20 (e.g. 3-5), or 0 for none, not '5-3'",
                assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--char-ngrams", "5-3"})).getMessage());
        assertEquals("--char-buckets needs --char-ngrams MIN-MAX",
                assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--experiment", "ngrams", "--data", "d.csv", "--char-ngrams", "0", "--char-buckets", "10"})).getMessage());
        assertEquals("--dropout must be a number in [0.0, 1.0), not '1'",
                assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--dropout", "1"})).getMessage());
    }

    @Test
    void ngramsSettings() throws Exception {
        Options o = Options.parse(new String[] {"--experiment", "ngrams", "--data", "d.csv", "--buckets", "4096", "--dim", "8",
                "--hidden", "0", "--pooling", "mean", "--lr", "0.02", "--wd", "0.001", "--min-df", "3", "--holdout", "--ensemble", "2", "--ngram-order", "3", "--label-smoothing", "0.1", "--ngram-dropout", "0.2", "--kl-weight", "0.5", "--average", "1", "--average-every", "20", "--nb-prior", "2", "--nb-alpha", "0.5", "--char-ngrams", "0", "--char-weight", "1"});
        assertEquals(java.util.List.of(canto.genre.train.Experiment.NGRAMS), o.experiments());
        assertEquals(new canto.genre.train.NgramSettings(4096, 8, 0, 0f, canto.genre.data.NgramBags.Pooling.MEAN, 0.02, canto.genre.train.NgramSettings.DEFAULTS.tableSgdLr(), 0.001, 3, true, 2, 3, 0.1, 0.2, 0.5, 1, 20, 2, 0.5, canto.genre.data.NgramFeatures.NONE), o.ngrams());
        Options c = Options.parse(new String[] {"--experiment", "ngrams", "--data", "d.csv", "--char-ngrams", "3-5", "--char-weight", "0.5", "--bigram-weight", "2"});
        assertEquals(new canto.genre.data.NgramFeatures(3, 5, Options.DEFAULT_CHAR_BUCKETS, 2, 0.5), c.ngrams().features());
        assertEquals(new canto.genre.data.NgramFeatures(2, 4, 1000, 1, 0.5), Options.parse(new String[] {"--experiment", "ngrams", "--data", "d.csv", "--char-ngrams", "2-4", "--char-buckets", "1000"}).ngrams().features());
        assertEquals(new canto.genre.data.NgramFeatures(0, 0, 0, 1, 0.5), Options.parse(new String[] {"--experiment", "ngrams", "--data", "d.csv", "--char-ngrams", "0"}).ngrams().features());
        assertEquals(new canto.genre.data.NgramFeatures(3, 5, 1 << 19, 1, 0.5), Options.parse(new String[] {"--experiment", "ngrams", "--data", "d.csv"}).ngrams().features());
        assertEquals(canto.genre.train.NgramSettings.EPOCHS, o.epochsFor(canto.genre.train.Experiment.NGRAMS));
        assertEquals(canto.genre.train.Experiment.PUBLISHED, Options.parse(new String[] {"--experiment", "all", "--data", "d.csv"}).experiments());
    }
}
