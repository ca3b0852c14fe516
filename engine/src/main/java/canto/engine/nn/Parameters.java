package canto.engine.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * All parameters of a model, named by module path ({@code 0.weight},
 * {@code feature_pipeline.1.bias}, as PyTorch's {@code state_dict} names them) and packed
 * into two flat arenas: values and gradients, same layout.
 */
public final class Parameters {
    private final Map<String, Parameter> named;
    private final float[] values;
    private final float[] grads;

    private Parameters(Map<String, Parameter> named) {
        this.named = Collections.unmodifiableMap(named);
        long total = 0;
        for (Parameter p : named.values()) total += p.size();
        this.values = new float[Math.toIntExact(total)];
        this.grads = new float[values.length];
        int offset = 0;
        for (Parameter p : named.values()) {
            p.moveTo(values, grads, offset);
            offset += p.size();
        }
    }

    /** Collects the model's parameters and moves them into one arena (values are kept). */
    public static Parameters of(Trainable model) {
        Map<String, Parameter> named = new LinkedHashMap<>();
        model.collectParameters("", named);
        return new Parameters(named);
    }

    public Map<String, Parameter> named() { return named; }
    public Parameter get(String name) { return named.get(name); }

    /** Every parameter value, in {@link #named()} order. */
    public float[] values() { return values; }
    /** Every gradient, same layout as {@link #values()}. */
    public float[] grads() { return grads; }
    public int size() { return values.length; }

    public void zeroGrad() { java.util.Arrays.fill(grads, 0f); }
}
