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
    void stepAndZeroGradEqualsStepThenZeroGrad() {
        for (int threads = 1; threads <= 2; threads++) {
            Parameters[] ps = new Parameters[2];
            Adam[] adams = new Adam[2];
            for (int i = 0; i < 2; i++) {
                ps[i] = Parameters.of(new Linear(300, 250, new Rng(5)));
                adams[i] = new Adam(ps[i], Adam.Config.defaults(1e-2f), new Parallel(threads));
            }
            Rng rng = new Rng(8);
            for (int step = 0; step < 4; step++) {
                for (int i = 0; i < ps[0].size(); i++) {
                    float g = i % 5 == 0 ? 0f : rng.uniform(-1, 1);
                    ps[0].grads()[i] = g;
                    ps[1].grads()[i] = g;
                }
                adams[0].step();
                adams[0].zeroGrad();
                adams[1].stepAndZeroGrad();
                assertArrayEquals(ps[0].values(), ps[1].values(), "step " + step + ", threads " + threads);
                assertArrayEquals(new float[ps[1].size()], ps[1].grads());
            }
        }
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
