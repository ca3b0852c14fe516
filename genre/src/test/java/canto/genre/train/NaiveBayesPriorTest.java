package canto.genre.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import canto.engine.nn.SoftmaxCrossEntropy;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import canto.genre.data.NgramBags;
import canto.genre.model.NgramModel;
import org.junit.jupiter.api.Test;

/** The Naive Bayes prior worked out by hand, folded into a plain model, and trained through. */
class NaiveBayesPriorTest {
    // 4 buckets; song 0: buckets 0 and 1, song 1: bucket 1, song 2: bucket 2; bucket 3 in no song
    static final NgramBags.Counts COUNTS = new NgramBags.Counts(new int[] {0, 2, 3, 4}, new int[] {0, 1, 1, 2},
            new int[] {1, 1, 1, 1}, 4);
    static final NgramBags BAGS = NgramBags.weigh(COUNTS, new float[] {1, 1, 1, 1}, NgramBags.Pooling.TFIDF);

    @Test
    void logRatiosAndPriorLogitsByHand() {
        // training songs 0 (genre 0) and 1 (genre 1); weights: song 0 1/sqrt 2 twice, songs 1 and 2: 1
        // S_0 = (0.70711, 0.70711, 0), S_1 = (0, 1, 0), totals 1.41421 and 1; buckets in a bag B' = 3; alpha 1
        // r[0] = ln(1.70711 / 4.41421) vs ln(1 / 4), centred: +-0.21813; r[1]: -+0.12844; r[2] (song 2 is not
        // training): ln(1 / 4.41421) vs ln(1 / 4), centred -+0.04927. Scale 2:
        // song 0: 2 · 0.70711 · (0.21813 - 0.12844) = 0.12685; song 1: 2 · 0.12844; song 2: 2 · 0.04927
        NaiveBayesPrior p = NaiveBayesPrior.fit(BAGS, 4, new int[] {0, 1}, new int[] {0, 1, 0}, 2, 1, 2);
        assertArrayEquals(new float[] {0.126847f, -0.126847f, -0.256883f, 0.256883f, -0.098535f, 0.098535f}, p.logits(BAGS), 1e-5f);
    }

    @Test
    void foldedModelGivesTheSameLogitsAsModelPlusPrior() {
        int[] labels = {3, 5, 0};
        NaiveBayesPrior p = NaiveBayesPrior.fit(BAGS, 4, new int[] {0, 1, 2}, labels, 7, 0.5, 1.5);
        NgramModel model = new NgramModel(new NgramModel.Shape(4, 3, 0, 0f), new Rng(7));
        NgramNetwork withPrior = new NgramNetwork(model, BAGS);
        withPrior.setLogitOffsets(p.logits(BAGS));
        NgramModel folded = p.fold(model);
        assertEquals(3 + 7, folded.shape().dim());
        NgramNetwork plain = new NgramNetwork(folded, BAGS);
        withPrior.setTraining(false);
        plain.setTraining(false);
        int[] rows = {0, 1, 2};
        float[] a = withPrior.forward(rows, 0, 3).toArray(), b = plain.forward(rows, 0, 3).toArray();
        assertArrayEquals(a, b, 1e-6f);
        float[] noPrior = new NgramNetwork(model, BAGS).forward(rows, 0, 3).toArray();
        org.junit.jupiter.api.Assertions.assertNotEquals(noPrior[3], a[3], "the prior changes the logits");
    }

    @Test
    void gradientWithThePriorMatchesFiniteDifferences() {
        int[] labels = {3, 5, 0};
        NaiveBayesPrior p = NaiveBayesPrior.fit(BAGS, 4, new int[] {0, 1, 2}, labels, 7, 0.5, 3);
        NgramModel model = new NgramModel(new NgramModel.Shape(4, 3, 0, 0f), new Rng(11));
        NgramNetwork net = new NgramNetwork(model, BAGS);
        net.setLogitOffsets(p.logits(BAGS));
        int[] rows = {0, 1, 2};
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        ce.forward(net.forward(rows, 0, 3), labels);
        net.backward(ce.backward());
        Tensor[] values = {model.tableWeight().value(), model.dense().get("fc.weight").value(), model.dense().get("fc.bias").value()};
        Tensor[] grads = {model.tableWeight().grad(), model.dense().get("fc.weight").grad(), model.dense().get("fc.bias").grad()};
        double h = 1e-3;
        for (int t = 0; t < values.length; t++) {
            for (int i = 0; i < values[t].size(); i++) {
                float v = values[t].get(i);
                values[t].set(i, (float) (v + h));
                double up = ce.forward(net.forward(rows, 0, 3), labels);
                values[t].set(i, (float) (v - h));
                double down = ce.forward(net.forward(rows, 0, 3), labels);
                values[t].set(i, v);
                assertEquals((up - down) / (2 * h), grads[t].get(i), 2e-3, "parameter " + t + " element " + i);
            }
        }
    }
}
