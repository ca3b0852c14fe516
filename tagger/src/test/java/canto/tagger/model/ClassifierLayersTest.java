package canto.tagger.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import canto.engine.nn.Workspace;
import canto.tagger.features.FeatureExtractor;
import canto.tagger.features.TokenFeatures;
import canto.tagger.tokens.Tokenizer;
import canto.tagger.training.Fixtures;
import canto.tagger.training.LabelledTitle;
import canto.tagger.training.Trainer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classifier's own layers, and parsing through them. */
class ClassifierLayersTest {
    @TempDir Path dir;

    private static final TokenClassifier.Config SMALL = new TokenClassifier.Config(1 << 10, 8, 1, 16, FeatureExtractor.VERSION);

    /** Parsing runs the training layers in a workspace per call: two workspaces never share an output. */
    @Test
    void emissionsInTwoWorkspacesDoNotAlias() throws Exception {
        List<LabelledTitle> data = Fixtures.titles(dir);
        TokenClassifier model = Trainer.train(data, SMALL, new Trainer.Options(5, 4, 0.01f, 0f, 0f, 11), null);
        FeatureExtractor fx = new FeatureExtractor(SMALL.buckets());
        TokenFeatures first = fx.extract(Tokenizer.tokenize(data.get(0).title()));
        TokenFeatures second = fx.extract(Tokenizer.tokenize(data.get(1).title()));
        Workspace a = new Workspace(), b = new Workspace();
        canto.engine.tensor.Tensor ea = model.forward(a, first, new int[first.tokens()]);
        float[] before = ea.toArray();
        float[] eb = model.forward(b, second, new int[second.tokens()]).toArray();
        assertArrayEquals(before, ea.toArray(), "a forward in another workspace left this output alone");
        assertArrayEquals(before, model.forward(new Workspace(), first, new int[first.tokens()]).toArray(), "same input, same bits");
        assertEquals(second.tokens() * Tag.COUNT, eb.length);
    }

    @Test
    void contextWindowSeesOnlyTheSameTitle() {
        ContextWindow w = new ContextWindow(1);
        Workspace ws = new Workspace();
        w.setTitles(ws, new int[] {0, 0, 1});
        float[] x = {1, 2, 3}; // [3 rows, 1 dim]
        float[] y = w.forward(ws, new canto.engine.tensor.Tensor(x, 0, 3, 1)).toArray();
        // row 0: [pad, 1, 2]; row 1: [1, 2, pad (row 2 is another title)]; row 2: [pad, 3, pad]
        assertArrayEquals(new float[] {0, 1, 2, 1, 2, 0, 0, 3, 0}, y);
        float[] g = w.backward(ws, new canto.engine.tensor.Tensor(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 0, 3, 3)).toArray();
        // d row0 = 2 (own) + 4 (row 1 left); d row1 = 3 (row 0 right) + 5 (own); d row2 = 8
        assertArrayEquals(new float[] {6, 8, 8}, g);
    }

    /** The tagger's bags (TokenFeatures' offsets, T + 1 of them) through the engine's EmbeddingBag. */
    @Test
    void embeddingBagSumsEachTokensFeatureRowsAndSpreadsGradients() {
        canto.engine.nn.EmbeddingBag bag = new canto.engine.nn.EmbeddingBag(3, 2, canto.engine.nn.EmbeddingBag.Mode.SUM, new canto.engine.util.Rng(0));
        Workspace ws = new Workspace();
        for (int i = 0; i < 6; i++) bag.weight().value().set(i, i + 1); // rows (1, 2), (3, 4), (5, 6)
        float[] y = bag.forward(ws, new int[] {0, 1, 2}, 0, 3, new int[] {0, 2, 3}, 0, 2, null).toArray();
        assertArrayEquals(new float[] {4, 6, 5, 6}, y); // token 0: rows 0 + 1; token 1: row 2
        bag.backward(ws, new canto.engine.tensor.Tensor(new float[] {1, 2, 3, 4}, 0, 2, 2));
        assertArrayEquals(new float[] {1, 2, 1, 2, 3, 4}, bag.weight().grad().toArray());
    }

    /** ContextWindow's hand-written backward against finite differences (the engine's GradCheck, from its test jar). */
    @Test
    void contextWindowGradientMatchesFiniteDifferences() {
        ContextWindow w = new ContextWindow(2);
        int[] titles = {0, 0, 0, 1, 1, 2, 3, 3}; // titles of 3, 2, 1 and 2 tokens: windows cut at title edges
        Workspace ws = new Workspace();
        w.setTitles(ws, titles);
        int rows = titles.length, dim = 3;
        canto.engine.util.Rng rng = new canto.engine.util.Rng(5);
        float[] x = new float[rows * dim];
        for (int i = 0; i < x.length; i++) x[i] = rng.uniform(-1, 1);
        canto.engine.tensor.Tensor y = w.forward(ws, new canto.engine.tensor.Tensor(x, 0, rows, dim));
        float[] r = new float[y.size()];
        for (int i = 0; i < r.length; i++) r[i] = rng.uniform(-1, 1);
        float[] dx = w.backward(ws, new canto.engine.tensor.Tensor(r.clone(), 0, y.shape())).toArray();
        canto.engine.nn.GradCheck.check("ContextWindow input", x, 0, dx, 0, x.length,
                () -> canto.engine.nn.GradCheck.project(w.forward(ws, new canto.engine.tensor.Tensor(x, 0, rows, dim)), r));
    }

    /** The classifier's parameters, EmbeddingBag included, against finite differences through the whole model. */
    @Test
    void tokenClassifierGradientMatchesFiniteDifferences() {
        TokenClassifier.Config tiny = new TokenClassifier.Config(64, 3, 1, 4, FeatureExtractor.VERSION);
        TokenClassifier model = new TokenClassifier(tiny, new canto.engine.util.Rng(3));
        canto.engine.nn.Parameters params = canto.engine.nn.Parameters.of(model);
        TokenFeatures f = new FeatureExtractor(tiny.buckets()).extract(Tokenizer.tokenize("AGA 江海迦 - 《小問題》MV"));
        int[] titleOf = new int[f.tokens()];
        int[] tags = new int[f.tokens()];
        for (int i = 0; i < tags.length; i++) tags[i] = i % Tag.COUNT;
        int[] bounds = {0, f.tokens()};
        // the CRF's negative log-likelihood of one title: every parameter, the CRF's included, has a gradient
        params.zeroGrad();
        model.crf().forward(model.forward(f, titleOf), tags, bounds, 1);
        model.backward(model.crf().backward());
        canto.engine.nn.GradCheck.checkParameters(params, () -> model.crf().forward(model.forward(f, titleOf), tags, bounds, 1));
    }
}
