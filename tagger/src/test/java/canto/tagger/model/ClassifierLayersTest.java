package canto.tagger.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** The classifier's own layers and the inference path against them. */
class ClassifierLayersTest {
    @TempDir Path dir;

    private static final TokenClassifier.Config SMALL = new TokenClassifier.Config(1 << 10, 8, 1, 16, FeatureExtractor.VERSION);

    @Test
    void inferenceNetAgreesWithTheTrainingLayers() throws Exception {
        List<LabelledTitle> data = Fixtures.titles(dir);
        TokenClassifier model = Trainer.train(data, SMALL, new Trainer.Options(5, 4, 0.01f, 0f, 0f, 11), null);
        InferenceNet net = new InferenceNet(model);
        FeatureExtractor fx = new FeatureExtractor(SMALL.buckets());
        canto.engine.nn.SoftmaxCrossEntropy softmax = new canto.engine.nn.SoftmaxCrossEntropy();
        for (LabelledTitle t : data) {
            TokenFeatures f = fx.extract(Tokenizer.tokenize(t.title()));
            float[] fast = net.probabilities(f);
            canto.engine.tensor.Tensor logits = model.forward(f, new int[f.tokens()]);
            softmax.forward(logits, new int[f.tokens()]);
            float[] slow = softmax.probabilities().toArray();
            assertEquals(slow.length, fast.length);
            for (int i = 0; i < slow.length; i++) assertEquals(slow[i], fast[i], 1e-5, t.title() + " at " + i);
        }
    }

    @Test
    void contextWindowSeesOnlyTheSameTitle() {
        ContextWindow w = new ContextWindow(1);
        w.setTitles(new int[] {0, 0, 1});
        float[] x = {1, 2, 3}; // [3 rows, 1 dim]
        float[] y = w.forward(new canto.engine.tensor.Tensor(x, 0, 3, 1)).toArray();
        // row 0: [pad, 1, 2]; row 1: [1, 2, pad (row 2 is another title)]; row 2: [pad, 3, pad]
        assertArrayEquals(new float[] {0, 1, 2, 1, 2, 0, 0, 3, 0}, y);
        float[] g = w.backward(new canto.engine.tensor.Tensor(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 0, 3, 3)).toArray();
        // d row0 = 2 (own) + 4 (row 1 left); d row1 = 3 (row 0 right) + 5 (own); d row2 = 8
        assertArrayEquals(new float[] {6, 8, 8}, g);
    }

    @Test
    void bagSumAddsRowsAndSpreadsGradients() {
        BagSum bag = new BagSum();
        bag.setBags(new int[] {0, 2, 3}, 2);
        float[] y = bag.forward(new canto.engine.tensor.Tensor(new float[] {1, 2, 3, 4, 5, 6}, 0, 3, 2)).toArray();
        assertArrayEquals(new float[] {4, 6, 5, 6}, y);
        float[] g = bag.backward(new canto.engine.tensor.Tensor(new float[] {1, 2, 3, 4}, 0, 2, 2)).toArray();
        assertArrayEquals(new float[] {1, 2, 1, 2, 3, 4}, g);
    }
}
