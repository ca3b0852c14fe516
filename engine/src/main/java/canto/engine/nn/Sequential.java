package canto.engine.nn;

import canto.engine.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Modules applied in order; backward in reverse. The first module may take several inputs
 * (a {@link TwoBranch}); the sequence then takes them too. Parameters are named by index, as in
 * PyTorch's {@code nn.Sequential} ({@code 0.weight}, {@code 3.bias}): parameter-free
 * modules (activations, dropout) take an index too.
 */
public final class Sequential implements Module {
    private final List<Module> modules;

    public Sequential(Module... modules) { this.modules = List.of(modules); }

    public List<Module> modules() { return modules; }

    @Override
    public int inputCount() { return modules.isEmpty() ? 1 : modules.get(0).inputCount(); }

    @Override
    public Tensor forward(Workspace ws, Tensor... inputs) {
        if (modules.isEmpty()) return Module.single(this, inputs);
        Tensor x = modules.get(0).forward(ws, inputs);
        for (int i = 1; i < modules.size(); i++) x = modules.get(i).forward(ws, x);
        return x;
    }

    @Override
    public Tensor backward(Workspace ws, Tensor dy) {
        for (int i = modules.size() - 1; i >= 0 && dy != null; i--) dy = modules.get(i).backward(ws, dy);
        return dy;
    }

    @Override
    public Tensor inputGrad(Workspace ws, int i) {
        if (modules.isEmpty()) return Module.super.inputGrad(ws, i);
        return modules.get(0).inputGrad(ws, i);
    }

    @Override
    public void collectParameters(String prefix, Map<String, Parameter> out) {
        for (int i = 0; i < modules.size(); i++) modules.get(i).collectParameters(prefix + i + ".", out);
    }

    @Override
    public void setTraining(boolean training) {
        for (Module m : modules) m.setTraining(training);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential(");
        for (int i = 0; i < modules.size(); i++) sb.append(i == 0 ? "" : ", ").append(modules.get(i));
        return sb.append(')').toString();
    }
}
