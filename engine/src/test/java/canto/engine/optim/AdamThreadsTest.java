package canto.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import canto.engine.nn.Linear;
import canto.engine.nn.Parameters;
import canto.engine.util.Parallel;
import canto.engine.util.Rng;
import org.junit.jupiter.api.Test;

/** The Adam update split across two threads equals the one-thread update bit for bit. */
class AdamThreadsTest {

    private static float[][] train(Parallel parallel) {
        Linear layer = new Linear(300, 250, new Rng(5)); // 75,250 parameters: above the split threshold
        Parameters params = Parameters.of(layer);
        Adam adam = new Adam(params, Adam.Config.defaults(1e-2f).withWeightDecay(1e-3f), parallel);
        Rng rng = new Rng(6);
        for (int step = 0; step < 5; step++) {
            adam.zeroGrad();
            float[] g = params.grads();
            for (int i = 0; i < g.length; i++) if (i % 7 != 0) g[i] = rng.uniform(-1, 1);
            adam.step();
        }
        return new float[][] {params.values().clone(), params.grads().clone()};
    }

    @Test
    void twoThreadsGiveTheSameParameters() {
        float[][] one = train(new Parallel(1));
        float[][] two = train(new Parallel(2));
        float[][] three = train(new Parallel(3));
        assertArrayEquals(one[0], two[0]);
        assertArrayEquals(one[0], three[0]);
        assertArrayEquals(one[1], two[1]);
    }

    @Test
    void zeroGradClearsEveryGradientWithTwoThreads() {
        Linear layer = new Linear(300, 250, new Rng(5));
        Parameters params = Parameters.of(layer);
        Adam adam = new Adam(params, Adam.Config.defaults(1e-2f), new Parallel(2));
        java.util.Arrays.fill(params.grads(), 3f);
        adam.zeroGrad();
        assertArrayEquals(new float[params.size()], params.grads());
    }
}
