package canto.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.optim.Adam;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import org.junit.jupiter.api.Test;

/** A small model must overfit a tiny batch, and the same seed must give the same losses. */
class OverfitTest {

    private static float[] train(long seed, int steps) {
        Workspace ws = new Workspace();
        Rng rng = new Rng(seed);
        Sequential model = new Sequential(
                new Embedding(20, 4, rng), new Flatten(),
                new Linear(12, 16, rng), Activation.relu(), new Dropout(0.1f, rng.split()),
                new Linear(16, 3, rng));
        Parameters params = Parameters.of(model);
        Adam adam = new Adam(params, 0.01f);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        float[] ids = new float[8 * 3];
        int[] labels = new int[8];
        Rng data = new Rng(99);
        for (int i = 0; i < ids.length; i++) ids[i] = data.nextInt(20);
        for (int i = 0; i < labels.length; i++) labels[i] = data.nextInt(3);
        Tensor x = new Tensor(ids, 0, 8, 3);
        float[] losses = new float[steps];
        for (int s = 0; s < steps; s++) {
            adam.zeroGrad();
            losses[s] = loss.forward(model.forward(ws, x), labels);
            model.backward(ws, loss.backward());
            adam.step();
        }
        return losses;
    }

    @Test
    void overfitsATinyBatch() {
        float[] losses = train(1, 300);
        assertTrue(losses[0] > 0.5f, "initial loss " + losses[0]);
        assertTrue(losses[losses.length - 1] < 0.05f, "final loss " + losses[losses.length - 1]);
    }

    @Test
    void sameSeedSameLosses() {
        assertArrayEquals(train(7, 50), train(7, 50));
    }

    @Test
    void differentSeedsDifferentLosses() {
        float[] a = train(7, 5), b = train(8, 5);
        assertNotEquals(a[0], b[0], "different initialisation, different first loss");
        assertFalse(java.util.Arrays.equals(a, b));
    }
}
