package canto.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import canto.engine.kernels.Kernels;
import canto.engine.nn.Parameters;
import org.junit.jupiter.api.Test;

/**
 * Adam flushes moments below {@link Kernels#ADAM_FLUSH} to zero so they never turn subnormal
 * (slow). This shows the flush changes nothing a float parameter can hold.
 *
 * <p>Parameters get a gradient for a few steps, then none for 100,000 steps (an embedding
 * row whose word never comes back). Without flushing, m decays by 0.9 per step and turns
 * subnormal after ~800 steps, v by 0.999 per step and after ~80,000. The flushed run is
 * compared step by step with (a) the same float arithmetic without the flush — bit for bit —
 * and (b) the update computed in double without flushing — to float precision.
 */
class AdamSubnormalFlushTest {
    private static final int N = 37;             // two 16-lane vectors and a tail
    private static final int ACTIVE_STEPS = 10;
    private static final int STEPS = 100_000;

    @Test
    void flushedUpdateEqualsTheUnflushedOneAtFloatPrecision() {
        float[] init = new float[N];
        for (int i = 0; i < N; i++) init[i] = 0.5f + 0.01f * i;
        Parameters params = OptimizerTest.vector(init);
        Adam adam = new Adam(params, 1e-3f);
        double beta1 = 0.9, beta2 = 0.999, lr = 1e-3f;   // as Adam.Config holds them
        float beta1f = 0.9f, beta2f = 0.999f, eps = 1e-8f;
        float oneMinusBeta1 = (float) (1 - beta1), oneMinusBeta2 = (float) (1 - beta2);

        float[] pf = init.clone(), mf = new float[N], vf = new float[N];   // float, not flushed
        double[] pd = new double[N], md = new double[N], vd = new double[N]; // double, not flushed
        for (int i = 0; i < N; i++) pd[i] = init[i];

        boolean mWentSubnormal = false, vWentSubnormal = false;
        double worstUlps = 0;
        for (int t = 1; t <= STEPS; t++) {
            float[] g = params.grads();
            for (int i = 0; i < N; i++) g[i] = t <= ACTIVE_STEPS ? (float) Math.sin(1 + i + 0.3 * t) * (1 + i % 4) : 0f;
            adam.step();

            double bc1 = 1 - Math.pow(beta1, t), bc2 = 1 - Math.pow(beta2, t);
            float stepSize = (float) (lr / bc1), sqrtBc2 = (float) Math.sqrt(bc2);
            for (int i = 0; i < N; i++) {
                // (a) the kernel's float arithmetic, without the flush
                mf[i] = Math.fma(oneMinusBeta1, g[i], beta1f * mf[i]);
                vf[i] = Math.fma(oneMinusBeta2, g[i] * g[i], beta2f * vf[i]);
                pf[i] = pf[i] - stepSize * (mf[i] / ((float) Math.sqrt(vf[i]) / sqrtBc2 + eps));
                // (b) the textbook update in double
                md[i] = beta1 * md[i] + (1.0 - beta1) * g[i];
                vd[i] = beta2 * vd[i] + (1.0 - beta2) * g[i] * g[i];
                pd[i] -= lr * (md[i] / bc1) / (Math.sqrt(vd[i] / bc2) + eps);

                float p = params.values()[i], m = adam.firstMoments()[i];
                if (m != 0f && Math.abs(m) < Float.MIN_NORMAL) fail("flushed m is subnormal at step " + t + ": " + m);
                mWentSubnormal |= mf[i] != 0f && Math.abs(mf[i]) < Float.MIN_NORMAL;
                vWentSubnormal |= vf[i] != 0f && vf[i] < Float.MIN_NORMAL;
                if (Float.floatToIntBits(p) != Float.floatToIntBits(pf[i])) {
                    fail("step " + t + ", parameter " + i + ": flushed " + p + " but unflushed " + pf[i]
                            + " (m " + m + " vs " + mf[i] + ")");
                }
                worstUlps = Math.max(worstUlps, Math.abs(p - pd[i]) / Math.ulp(p));
            }
        }
        assertTrue(mWentSubnormal, "without flushing, m should have turned subnormal (else the test proves nothing)");
        assertTrue(vWentSubnormal, "without flushing, v should have turned subnormal (else the test proves nothing)");
        for (float m : adam.firstMoments()) assertEquals(0f, m, "the flushed first moments end at zero");
        // Float rounding of p, m and v over the ~150 steps in which the parameters visibly move
        // accumulates to some ulps (measured: under 10); a lost or doubled update would be ~10^4.
        assertTrue(worstUlps <= 16, "flushed float Adam strays " + worstUlps + " ulps from the double reference");
    }
}
