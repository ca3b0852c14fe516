package canto.engine.optim;

import canto.engine.io.Json;
import canto.engine.io.SafeTensors;
import canto.engine.io.SafeTensorsException;
import canto.engine.nn.Parameter;
import canto.engine.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link Adam}'s state in a safetensors file, named as PyTorch's {@code optimizer.state_dict()}
 * flattens it: for the i-th parameter (in {@link canto.engine.nn.Parameters#named()} order, which is
 * the order of {@code model.parameters()}) the tensors {@code state.<i>.step} (a float32 scalar, as
 * PyTorch 1.12+ keeps it), {@code state.<i>.exp_avg} and {@code state.<i>.exp_avg_sq} (the
 * parameter's shape); and in the metadata {@code param_groups} (PyTorch's JSON: lr, betas, eps,
 * weight_decay, amsgrad, maximize, params = the indices) plus {@code param_names}, the canto
 * names of the indices, so a file from another model is refused by name.
 *
 * <p>Saving after epoch k and loading into a fresh {@code Adam} over the model loaded from the
 * same point gives, from then on, bit for bit the run that was never stopped (the update reads
 * nothing else). Written atomically, like models.
 */
public final class AdamState {
    private AdamState() {}

    /** The tensors of the state dict: views of the moments (valid while the optimiser lives). */
    public static Map<String, Tensor> tensors(Adam adam) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        int i = 0;
        for (Parameter p : adam.parameters().named().values()) {
            int off = p.value().offset();
            out.put("state." + i + ".step", Tensor.of(new float[] {adam.steps()}));
            out.put("state." + i + ".exp_avg", new Tensor(adam.firstMoments(), off, p.shape()));
            out.put("state." + i + ".exp_avg_sq", new Tensor(adam.secondMoments(), off, p.shape()));
            i++;
        }
        return out;
    }

    /** {@code param_groups}, {@code param_names} and {@code optimizer} for the file's metadata. */
    public static Map<String, String> metadata(Adam adam) {
        Adam.Config c = adam.config();
        StringBuilder ids = new StringBuilder(), names = new StringBuilder();
        int i = 0;
        for (String name : adam.parameters().named().keySet()) {
            if (i > 0) { ids.append(','); names.append(','); }
            ids.append(i++);
            names.append(Json.quote(name));
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("optimizer", "Adam");
        m.put("param_groups", String.format(Locale.ROOT,
                "[{\"lr\":%s,\"betas\":[%s,%s],\"eps\":%s,\"weight_decay\":%s,\"amsgrad\":false,\"maximize\":false,\"params\":[%s]}]",
                c.lr(), c.beta1(), c.beta2(), c.eps(), c.weightDecay(), ids));
        m.put("param_names", "[" + names + "]");
        return m;
    }

    public static void save(Path file, Adam adam) throws IOException {
        SafeTensors.writeAtomically(file, tensors(adam), metadata(adam));
    }

    public static void load(Path file, Adam adam) throws IOException {
        load(SafeTensors.read(file), adam, file.toString());
    }

    /**
     * Restores the step count and the moments. Refused, naming the file and what differs, when
     * the parameter names or shapes, the hyper-parameters or the steps of the parameters differ
     * (the optimiser is then unchanged).
     */
    public static void load(SafeTensors.Contents contents, Adam adam, String source) {
        Map<String, Parameter> named = adam.parameters().named();
        List<String> names = new ArrayList<>(named.keySet());
        Object saved = contents.metadata().get("param_names") == null ? null : Json.parse(contents.metadata().get("param_names"));
        if (!names.equals(saved)) {
            throw new SafeTensorsException(source + ": optimiser state for parameters " + saved + ", this model has " + names);
        }
        Map<String, String> expected = metadata(adam);
        if (!expected.get("param_groups").equals(contents.metadata().get("param_groups"))) {
            throw new SafeTensorsException(source + ": saved with param_groups " + contents.metadata().get("param_groups")
                    + ", this Adam has " + expected.get("param_groups"));
        }
        Map<String, Tensor> t = contents.tensors();
        if (t.size() != 3 * names.size()) {
            throw new SafeTensorsException(source + ": " + t.size() + " tensors, an Adam state over " + names.size() + " parameters has " + 3 * names.size());
        }
        int steps = -1;
        for (int i = 0; i < names.size(); i++) {
            int[] shape = named.get(names.get(i)).shape();
            Tensor step = tensor(t, "state." + i + ".step", new int[0], source);
            float s = step.get(0);
            if (!(s >= 0 && s == Math.rint(s) && s < (1 << 24))) throw new SafeTensorsException(source + ": state." + i + ".step = " + s + " is not a step count");
            if (steps >= 0 && s != steps) throw new SafeTensorsException(source + ": state." + i + ".step = " + s + ", state.0.step = " + steps + ": one Adam steps every parameter together");
            steps = (int) s;
            tensor(t, "state." + i + ".exp_avg", shape, source);
            tensor(t, "state." + i + ".exp_avg_sq", shape, source);
        }
        int i = 0;
        for (Parameter p : named.values()) {
            int off = p.value().offset();
            Tensor m = t.get("state." + i + ".exp_avg"), v = t.get("state." + i + ".exp_avg_sq");
            System.arraycopy(m.data(), m.offset(), adam.firstMoments(), off, m.size());
            System.arraycopy(v.data(), v.offset(), adam.secondMoments(), off, v.size());
            i++;
        }
        adam.resumeAt(Math.max(steps, 0));
    }

    private static Tensor tensor(Map<String, Tensor> t, String name, int[] shape, String source) {
        Tensor x = t.get(name);
        if (x == null) throw new SafeTensorsException(source + ": missing tensor '" + name + "'");
        if (!Arrays.equals(x.shape(), shape)) {
            throw new SafeTensorsException(source + ": tensor '" + name + "' has shape " + Arrays.toString(x.shape()) + ", expected " + Arrays.toString(shape));
        }
        return x;
    }
}
