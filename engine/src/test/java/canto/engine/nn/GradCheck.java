package canto.engine.nn;

import static org.junit.jupiter.api.Assertions.fail;

import canto.engine.tensor.Tensor;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Finite-difference gradient check (central differences).
 *
 * <p>For each element x of an array: evaluate the loss at {@code x + eps} and {@code x - eps}
 * (the loss is accumulated in double by the caller), take
 * {@code (L+ - L-) / (x+ - x-)} with the perturbation actually stored in float, restore x,
 * and compare with the analytic gradient:
 * {@code |a - n| <= RTOL · max(|a|, |n|) + ATOL}. The engine computes in float32, so eps is
 * large (1e-2, and 1e-3 for an element that fails at 1e-2) and the tolerance loose (1e-2
 * relative), as in cs231n's recipe.
 */
public final class GradCheck {
    public static final double EPS = 1e-2;
    public static final double RTOL = 1e-2;
    public static final double ATOL = 1e-4;

    private GradCheck() {}

    /**
     * Checks {@code analytic[aOff + i]} against the numeric derivative of {@code loss} with
     * respect to {@code x[xOff + i]}, for i in [0, n).
     */
    public static void check(String what, float[] x, int xOff, float[] analytic, int aOff, int n, DoubleSupplier loss) {
        check(what, x, xOff, analytic, aOff, n, loss, EPS);
    }

    public static void check(String what, float[] x, int xOff, float[] analytic, int aOff, int n, DoubleSupplier loss, double eps) {
        int nonZero = 0;
        for (int i = 0; i < n; i++) {
            double a = analytic[aOff + i];
            double numeric = derivative(x, xOff + i, loss, eps);
            if (!agrees(a, numeric)) {
                // A ReLU kink within eps of the point bends the secant; a wrong gradient stays
                // wrong at a ten times smaller step.
                double closer = derivative(x, xOff + i, loss, eps / 10);
                if (!agrees(a, closer)) fail(what + "[" + i + "]: analytic " + a + ", numeric " + numeric + " (eps " + eps + "), " + closer + " (eps " + eps / 10 + ")");
            }
            if (Math.abs(numeric) > ATOL) nonZero++;
        }
        if (n > 0 && nonZero == 0) fail(what + ": every numeric derivative is zero, the check proves nothing");
    }

    private static boolean agrees(double analytic, double numeric) {
        return Math.abs(analytic - numeric) <= RTOL * Math.max(Math.abs(analytic), Math.abs(numeric)) + ATOL;
    }

    /** {@code (L(x+eps) - L(x-eps)) / (x+ - x-)}, with the perturbed values as stored in float; x is restored. */
    private static double derivative(float[] x, int at, DoubleSupplier loss, double eps) {
        float x0 = x[at];
        float plus = (float) (x0 + eps), minus = (float) (x0 - eps);
        x[at] = plus;
        double lPlus = loss.getAsDouble();
        x[at] = minus;
        double lMinus = loss.getAsDouble();
        x[at] = x0;
        return (lPlus - lMinus) / ((double) plus - minus);
    }

    /** Checks every parameter of {@code params}; their gradients must hold the analytic values. */
    public static void checkParameters(Parameters params, DoubleSupplier loss) {
        float[] analytic = params.grads().clone();
        for (Map.Entry<String, Parameter> e : params.named().entrySet()) {
            Tensor v = e.getValue().value();
            Tensor g = e.getValue().grad();
            check(e.getKey(), v.data(), v.offset(), analytic, g.offset(), v.size(), loss);
        }
    }

    /** {@code Σ r_i · y_i} in double: a scalar loss whose gradient with respect to y is r. */
    public static double project(Tensor y, float[] r) {
        double s = 0;
        for (int i = 0; i < y.size(); i++) s += (double) r[i] * y.get(i);
        return s;
    }
}
