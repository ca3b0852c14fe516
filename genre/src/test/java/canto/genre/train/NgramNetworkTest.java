package canto.genre.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import canto.engine.nn.SoftmaxCrossEntropy;
import canto.engine.optim.Optimizer;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import canto.genre.data.NgramBags;
import canto.genre.model.NgramModel;
import org.junit.jupiter.api.Test;

/** Table SGD with weight decay done lazily equals the eager update of every row at every step. */
class NgramNetworkTest {
    @Test
    void lazyWeightDecayEqualsTheEagerUpdate() {
        // 4 songs over an 8-row table; rows 6 and 7 are in no song and only ever shrink
        NgramBags.Counts counts = new NgramBags.Counts(new int[] {0, 2, 3, 5, 6}, new int[] {0, 1, 2, 3, 4, 5},
                new int[] {1, 2, 1, 1, 3, 1}, 8);
        float[] idf = {1, 1, 1, 1, 1, 1, 1, 1};
        NgramBags bags = NgramBags.weigh(counts, idf, NgramBags.Pooling.TFIDF);
        NgramModel model = new NgramModel(new NgramModel.Shape(8, 3, 0, 0f), new Rng(2));
        NgramNetwork net = new NgramNetwork(model, bags);
        double lr = 0.5, wd = 0.2;
        int steps = 6;
        Optimizer opt = net.optimizer(0.01, wd, lr, steps);
        Tensor w = model.tableWeight().value(), g = model.tableWeight().grad();
        double[] eager = new double[w.size()];
        for (int i = 0; i < eager.length; i++) eager[i] = w.get(i);
        int[][] batches = {{0, 1}, {2}, {0, 3}, {1}, {3, 2}, {0}};
        int[] labels = {1, 2, 3, 4};
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        opt.zeroGrad();
        for (int t = 0; t < steps; t++) {
            int[] rows = batches[t];
            int[] y = new int[rows.length];
            for (int i = 0; i < rows.length; i++) y[i] = labels[rows[i]];
            ce.forward(net.forward(rows, 0, rows.length), y);
            net.backward(ce.backward());
            double rate = lr * (1 - (double) t / steps);
            for (int i = 0; i < eager.length; i++) eager[i] = (1 - rate * wd) * eager[i] - rate * g.get(i);
            opt.stepAndZeroGrad();
        }
        net.setTraining(false);   // brings every row up to date
        for (int i = 0; i < eager.length; i++) assertEquals(eager[i], w.get(i), 1e-6, "table element " + i);
        for (int i = 0; i < g.size(); i++) assertEquals(0f, g.get(i));
    }

    @Test
    void averagingGivesTheMeanOfTheSnapshotsOfTableAndDenseLayers() {
        NgramBags.Counts counts = new NgramBags.Counts(new int[] {0, 2, 3, 5, 6}, new int[] {0, 1, 2, 3, 4, 5},
                new int[] {1, 2, 1, 1, 3, 1}, 8);
        float[] idf = {1, 1, 1, 1, 1, 1, 1, 1};
        NgramBags bags = NgramBags.weigh(counts, idf, NgramBags.Pooling.TFIDF);
        NgramModel model = new NgramModel(new NgramModel.Shape(8, 3, 0, 0f), new Rng(5));
        NgramNetwork net = new NgramNetwork(model, bags);
        int steps = 7;
        Optimizer opt = net.optimizer(0.01, 0.2, 0.5, steps);
        net.enableAveraging(2, 2, steps);   // snapshots after steps 4, 6 and 7 (the last)
        int[][] batches = {{0, 1}, {2}, {0, 3}, {1}, {3, 2}, {0}, {1, 2}};
        int[] labels = {1, 2, 3, 4};
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        int tableSize = model.tableWeight().value().size(), denseSize = model.dense().values().length;
        double[] table = new double[tableSize], dense = new double[denseSize];
        opt.zeroGrad();
        for (int t = 1; t <= steps; t++) {
            int[] rows = batches[t - 1];
            int[] y = new int[rows.length];
            for (int i = 0; i < rows.length; i++) y[i] = labels[rows[i]];
            ce.forward(net.forward(rows, 0, rows.length), y);
            net.backward(ce.backward());
            opt.stepAndZeroGrad();
            if (t == 4 || t == 6 || t == 7) {
                net.setTraining(false);   // every row's lazy decay caught up, to read the weights
                for (int i = 0; i < tableSize; i++) table[i] += model.tableWeight().value().get(i) / 3.0;
                for (int i = 0; i < denseSize; i++) dense[i] += model.dense().values()[i] / 3.0;
                net.setTraining(true);
            }
        }
        assertEquals(3, net.snapshots());
        float lastTable = model.tableWeight().value().get(0);
        net.useAverage();
        for (int i = 0; i < tableSize; i++) assertEquals(table[i], model.tableWeight().value().get(i), 1e-6, "table element " + i);
        for (int i = 0; i < denseSize; i++) assertEquals(dense[i], model.dense().values()[i], 1e-6, "dense element " + i);
        org.junit.jupiter.api.Assertions.assertNotEquals(lastTable, model.tableWeight().value().get(0), "the average differs from the last weights");
    }
}
