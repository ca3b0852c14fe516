package canto.genre.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import canto.genre.data.NgramBags;
import canto.genre.model.NgramModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merged model of an ensemble gives the members' averaged logits, with and without a hidden layer. */
class NgramEnsembleTest {
    private static NgramBags bags() {
        // 5 songs over a 16-row table
        NgramBags.Counts counts = new NgramBags.Counts(new int[] {0, 3, 4, 7, 9, 12},
                new int[] {0, 5, 9, 2, 1, 5, 15, 3, 4, 7, 8, 11}, new int[] {1, 2, 1, 3, 1, 1, 2, 1, 4, 1, 1, 2}, 16);
        float[] idf = new float[16];
        for (int i = 0; i < idf.length; i++) idf[i] = 1 + 0.1f * i;
        return NgramBags.weigh(counts, idf, NgramBags.Pooling.TFIDF);
    }

    private static void check(int hidden) {
        NgramBags bags = bags();
        List<NgramNetwork> members = new ArrayList<>();
        Rng rng = new Rng(7);
        for (int k = 0; k < 3; k++) {
            NgramModel m = new NgramModel(new NgramModel.Shape(16, 4, hidden, 0f), rng.split());
            // perturb the biases so that they matter too
            for (var p : m.dense().named().entrySet()) if (p.getKey().endsWith("bias")) for (int i = 0; i < p.getValue().size(); i++) p.getValue().value().set(i, 0.3f * (k + 1) - 0.1f * i);
            members.add(new NgramNetwork(m, bags));
        }
        NgramEnsemble ensemble = new NgramEnsemble(members);
        ensemble.setTraining(false);
        int[] rows = {0, 1, 2, 3, 4};
        float[] expected = new float[5 * 7];
        for (NgramNetwork m : members) {
            Tensor l = m.forward(rows, 0, 5);
            for (int i = 0; i < expected.length; i++) expected[i] += l.get(i) / 3;
        }
        Tensor averaged = ensemble.forward(rows, 0, 5);
        NgramModel merged = ensemble.merged();
        assertEquals(new NgramModel.Shape(16, 12, 3 * hidden, 0f), merged.shape());
        merged.setTraining(false);
        NgramNetwork single = new NgramNetwork(merged, bags);
        single.setTraining(false);
        float[] averagedCopy = averaged.toArray();
        Tensor got = single.forward(rows, 0, 5);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], averagedCopy[i], 1e-5, "averaged logit " + i);
            assertEquals(expected[i], got.get(i), 1e-5, "merged model's logit " + i + " (hidden " + hidden + ")");
        }
    }

    @Test
    void mergedModelEqualsTheAveragedLogits() { check(0); }

    @Test
    void mergedModelWithHiddenLayersIsBlockDiagonal() { check(5); }

    @Test
    void membersOfDifferentShapesAreRefused() {
        NgramBags bags = bags();
        NgramEnsemble e = new NgramEnsemble(List.of(
                new NgramNetwork(new NgramModel(new NgramModel.Shape(16, 4, 0, 0f), new Rng(1)), bags),
                new NgramNetwork(new NgramModel(new NgramModel.Shape(16, 5, 0, 0f), new Rng(2)), bags)));
        assertThrows(IllegalArgumentException.class, e::merged);
        assertThrows(UnsupportedOperationException.class, () -> e.backward(null));
    }
}
