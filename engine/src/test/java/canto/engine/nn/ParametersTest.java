package canto.engine.nn;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.optim.Adam;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import org.junit.jupiter.api.Test;

/**
 * {@link Parameters#of} cannot strand an optimiser: the same model gives back the same arena,
 * and packing part of a packed model (or a packed part into a new model) is an error.
 */
class ParametersTest {

    @Test
    void theSameModelGivesTheSameParametersAndAdamKeepsTraining() {
        Workspace ws = new Workspace();
        Rng rng = new Rng(1);
        Sequential model = new Sequential(new Linear(4, 8, rng), Activation.relu(), new Linear(8, 3, rng));
        Parameters first = Parameters.of(model);
        Adam adam = new Adam(first, 1e-2);
        Parameters second = Parameters.of(model); // e.g. to count or save the parameters
        assertSame(first, second);

        float[] x = new float[16 * 4];
        int[] labels = new int[16];
        for (int i = 0; i < x.length; i++) x[i] = rng.uniform(-1, 1);
        for (int i = 0; i < labels.length; i++) labels[i] = rng.nextInt(3);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        float before = loss.forward(model.forward(ws, new Tensor(x, 0, 16, 4)), labels);
        float after = before;
        for (int step = 0; step < 50; step++) {
            adam.zeroGrad();
            after = loss.forward(model.forward(ws, new Tensor(x, 0, 16, 4)), labels);
            model.backward(ws, loss.backward());
            adam.step();
        }
        assertTrue(after < before * 0.8f, "loss " + before + " -> " + after + ": Adam no longer trains the model");
        assertSame(second.values(), ((Linear) model.modules().get(0)).weight().value().data());
    }

    @Test
    void packingAPartOfAPackedModelIsAnError() {
        Rng rng = new Rng(2);
        Linear part = new Linear(3, 2, rng);
        Sequential model = new Sequential(part, Activation.relu(), new Linear(2, 2, rng));
        Parameters.of(model);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parameters.of(part));
        assertTrue(e.getMessage().contains("parameter weight of Linear(3, 2) is already packed by another Parameters"), e.getMessage());
    }

    @Test
    void aPackedPartInsideANewModelIsAnError() {
        Rng rng = new Rng(3);
        Linear part = new Linear(3, 2, rng);
        Parameters.of(part);
        Sequential model = new Sequential(part, new Linear(2, 2, rng));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parameters.of(model));
        assertTrue(e.getMessage().contains("parameter 0.weight"), e.getMessage());
        assertNotEquals(null, e.getMessage());
    }
}
