package canto.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import canto.engine.nn.Parameter;
import canto.engine.nn.Parameters;
import canto.engine.nn.Trainable;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Adam and SGD steps against numbers worked out by hand. */
class OptimizerTest {

    /** A model that is one parameter vector {@code p}, with the given values. */
    static Parameters vector(float... values) {
        Parameter p = new Parameter("p", values.length);
        Trainable model = new Trainable() {
            @Override public void collectParameters(String prefix, Map<String, Parameter> out) { out.put(prefix + "p", p); }
        };
        Parameters params = Parameters.of(model);
        System.arraycopy(values, 0, params.values(), 0, values.length);
        return params;
    }

    static void setGrads(Parameters params, float... grads) {
        System.arraycopy(grads, 0, params.grads(), 0, grads.length);
    }

    @Test
    void oneAdamStepByHand() {
        // t = 1: m = 0.1·g, v = 0.001·g², m̂ = g, v̂ = g², so p -= lr · g / (|g| + eps) ≈ lr · sign(g)
        Parameters params = vector(1f, 1f, 1f);
        Adam adam = new Adam(params, 0.1f);
        setGrads(params, 0.5f, -2f, 0f);
        adam.step();
        assertArrayEquals(new float[] {0.9f, 1.1f, 1f}, params.values(), 1e-7f);
        assertEquals(1, adam.steps());
        // in float, 1 - 0.9f = 0.100000024, so m = 0.050000012: equal to 0.1·g at float precision
        assertArrayEquals(new float[] {0.05f, -0.2f, 0f}, adam.firstMoments(), 1e-7f);
    }

    @Test
    void twoAdamStepsByHand() {
        // step 2 with g = -0.25: m = 0.9·0.05 - 0.025 = 0.02, v = 0.999·0.00025 + 0.001·0.0625 = 0.00031225,
        // m̂ = 0.02 / 0.19, v̂ = 0.00031225 / 0.001999, p = 0.9 - 0.1·m̂ / (sqrt(v̂) + 1e-8) = 0.87336630
        Parameters params = vector(1f);
        Adam adam = new Adam(params, 0.1f);
        setGrads(params, 0.5f);
        adam.step();
        setGrads(params, -0.25f);
        adam.step();
        assertEquals(0.87336630f, params.values()[0], 2e-7f);
    }

    @Test
    void adamWeightDecayIsAddedToTheGradient() {
        // L2 as torch.optim.Adam(weight_decay=0.1): g' = g + 0.1·p = -0.1 + 0.2 = +0.1, so p moves DOWN by lr
        // (AdamW would instead move p up by lr and then shrink it by lr·wd·p).
        Parameters params = vector(2f, 0f);
        Adam adam = new Adam(params, Adam.Config.defaults(0.1f).withWeightDecay(0.1f));
        setGrads(params, -0.1f, 0f);
        adam.step();
        assertArrayEquals(new float[] {1.9f, 0f}, params.values(), 1e-7f);
    }

    @Test
    void adamRejectsBadHyperParameters() {
        assertThrows(IllegalArgumentException.class, () -> Adam.Config.defaults(0f));
        assertThrows(IllegalArgumentException.class, () -> new Adam.Config(1e-3f, 1f, 0.999f, 1e-8f, 0f));
        assertThrows(IllegalArgumentException.class, () -> new Adam.Config(1e-3f, 0.9f, 0.999f, 1e-8f, -1f));
    }

    @Test
    void plainSgdStep() {
        Parameters params = vector(1f, -1f);
        Sgd sgd = new Sgd(params, 0.1f);
        setGrads(params, 0.5f, -2f);
        sgd.step();
        assertArrayEquals(new float[] {0.95f, -0.8f}, params.values(), 1e-7f);
    }

    @Test
    void sgdWithMomentumTwoStepsByHand() {
        // buf = g = 0.5, p = 1 - 0.1·0.5 = 0.95; then buf = 0.9·0.5 + 0.5 = 0.95, p = 0.95 - 0.095 = 0.855
        Parameters params = vector(1f);
        Sgd sgd = new Sgd(params, 0.1f, 0.9f);
        setGrads(params, 0.5f);
        sgd.step();
        assertEquals(0.95f, params.values()[0], 1e-7f);
        sgd.step();
        assertEquals(0.855f, params.values()[0], 1e-7f);
        sgd.zeroGrad();
        assertEquals(0f, params.grads()[0]);
        sgd.step(); // no gradient: momentum alone moves p by lr · 0.9 · 0.95
        assertEquals(0.855f - 0.1f * 0.855f, params.values()[0], 1e-7f);
        assertThrows(IllegalArgumentException.class, () -> new Sgd(params, 0.1f, 1f));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(params, -0.1f));
    }
}
