package canto.tagger.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.nn.Parameters;
import canto.tagger.features.FeatureExtractor;
import canto.tagger.model.NeuralTitleParser;
import canto.tagger.model.TokenClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    @TempDir Path dir;

    private static final TokenClassifier.Config SMALL = new TokenClassifier.Config(1 << 10, 8, 1, 16, FeatureExtractor.VERSION);

    @Test
    void lossFallsOnATinyFixtureAndTheModelFitsIt() throws Exception {
        List<LabelledTitle> data = Fixtures.titles(dir);
        List<Double> losses = new ArrayList<>();
        TokenClassifier model = Trainer.train(data, SMALL, new Trainer.Options(40, 4, 0.01f, 0f, 0f, 7), null, losses);
        assertEquals(40, losses.size());
        assertTrue(losses.get(0) > 0.5, "first epoch loss " + losses.get(0));
        assertTrue(losses.get(39) < losses.get(0) / 10, "loss did not fall: " + losses);
        NeuralTitleParser parser = new NeuralTitleParser(model, Map.of());
        int right = 0;
        for (LabelledTitle t : data) if (CrossValidation.judge(t, parser.parse(t.title())).titleOk()) right++;
        assertEquals(data.size(), right, "the model should fit its own 12 training titles");
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndAnotherSeedDoesNot() throws Exception {
        List<LabelledTitle> data = Fixtures.titles(dir);
        Trainer.Options opt = new Trainer.Options(3, 5, 0.01f, 0f, 0.2f, 42);
        float[] a = Parameters.of(Trainer.train(data, SMALL, opt, null)).values();
        float[] b = Parameters.of(Trainer.train(data, SMALL, opt, null)).values();
        float[] c = Parameters.of(Trainer.train(data, SMALL, opt.withSeed(43), null)).values();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void wordDropoutIsSeededAndChangesTraining() throws Exception {
        List<LabelledTitle> data = Fixtures.titles(dir);
        Trainer.Options plain = new Trainer.Options(3, 5, 0.01f, 0f, 0.2f, 42);
        Trainer.Options words = new Trainer.Options(3, 5, 0.01f, 0f, 0.2f, 0.5f, 42);
        float[] a = Parameters.of(Trainer.train(data, SMALL, words, null)).values();
        float[] b = Parameters.of(Trainer.train(data, SMALL, words, null)).values();
        float[] c = Parameters.of(Trainer.train(data, SMALL, plain, null)).values();
        assertArrayEquals(a, b, "same seed, same word dropout: same weights");
        assertFalse(Arrays.equals(a, c), "word dropout 0.5 must change what is learnt");
    }

    @Test
    void fineTuningScalesTheSharedLayersStepAndTakesEachTitlesWordDropout() throws Exception {
        List<LabelledTitle> data = Fixtures.titles(dir);
        TokenClassifier start = Trainer.train(data, SMALL, new Trainer.Options(2, 4, 0.01f, 0f, 0f, 5), null);
        float[] before = Parameters.of(start).values().clone();
        int emb = Parameters.of(start).get("embedding.weight").size();
        Trainer.Options opt = new Trainer.Options(2, 4, 0.01f, 0f, 0f, 9);

        // shared step 0: the hidden, output and CRF weights stay exactly as they were; the embedding rows move
        float[] frozen = Parameters.of(Trainer.train(data, copy(start), opt, null, new Trainer.FineTune(null, null, 0f))).values();
        assertArrayEquals(Arrays.copyOfRange(before, emb, before.length), Arrays.copyOfRange(frozen, emb, frozen.length));
        assertFalse(Arrays.equals(Arrays.copyOfRange(before, 0, emb), Arrays.copyOfRange(frozen, 0, emb)), "the embedding did not train");

        // shared step 0.5: each shared weight moves, and by less than with the full step (the first step is lr·sign-like for both)
        float[] full = Parameters.of(Trainer.train(data, copy(start), opt, null, new Trainer.FineTune(null, null, 1f))).values();
        float[] half = Parameters.of(Trainer.train(data, copy(start), opt, null, new Trainer.FineTune(null, null, 0.5f))).values();
        double moveFull = 0, moveHalf = 0;
        for (int i = emb; i < before.length; i++) { moveFull += Math.abs(full[i] - before[i]); moveHalf += Math.abs(half[i] - before[i]); }
        assertTrue(moveHalf > 0 && moveHalf < moveFull, "shared layers moved " + moveHalf + " at step 0.5, " + moveFull + " at 1");
        // shared step 1 is plain fine-tuning, bit for bit
        assertArrayEquals(Parameters.of(Trainer.train(data, copy(start), opt, null)).values(), full);

        // per-title word dropout: 0 for every title is no word dropout; 0.5 on half the titles changes the weights, deterministically
        assertArrayEquals(full, Parameters.of(Trainer.train(data, copy(start), opt, null, new Trainer.FineTune(null, t -> 0, 1f))).values());
        java.util.Set<LabelledTitle> some = new java.util.HashSet<>(data.subList(0, data.size() / 2));
        Trainer.FineTune words = new Trainer.FineTune(null, t -> some.contains(t) ? 0.5 : 0, 1f);
        float[] a = Parameters.of(Trainer.train(data, copy(start), opt, null, words)).values();
        assertArrayEquals(a, Parameters.of(Trainer.train(data, copy(start), opt, null, words)).values());
        assertFalse(Arrays.equals(a, full), "word dropout on half the titles changed nothing");
    }

    private static TokenClassifier copy(TokenClassifier m) {
        return new NeuralTitleParser(m, Map.of()).trainableCopy();
    }
}
