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
            p.moveTo(this, values, grads, offset);
            offset += p.size();
        }
    }

    /**
     * Collects the model's parameters and moves them into one arena (values are kept).
     *
     * <p>Called again on the same model, it returns the same {@code Parameters} (so an optimiser
     * made from the first call keeps training the model). A model some of whose parameters were
     * already packed by another {@code Parameters} (a part of a packed model, or a packed part
     * inside a bigger model) is an error naming the parameter: pack the whole model once, first.
     */
    public static Parameters of(Trainable model) {
        Map<String, Parameter> named = new LinkedHashMap<>();
        model.collectParameters("", named);
        Parameters existing = null;
        boolean allInOne = true;
        for (Parameter p : named.values()) {
            if (p.arena() == null) { allInOne = false; continue; }
            if (existing == null) existing = p.arena();
            else if (p.arena() != existing) allInOne = false;
        }
        if (existing != null && allInOne && existing.named.equals(named)) return existing;
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            Parameters other = e.getValue().arena();
            if (other != null) {
                throw new IllegalStateException("parameter " + e.getKey() + " of " + model
                        + " is already packed by another Parameters (of " + other.size() + " values, "
                        + other.named.size() + " parameters): call Parameters.of once, on the whole model, before any part of it");
            }
        }
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
