package canto.engine.nn;

import java.util.IdentityHashMap;
import java.util.function.Supplier;

/**
 * The activations of forward and backward passes, kept apart from the parameters (as llm.c
 * keeps {@code ActivationTensors} apart from {@code ParameterTensors}) and owned by the caller:
 * each module keeps what its backward needs, and the buffer its output lives in, in a state
 * object of its own inside the workspace it was given. So:
 * <ul>
 *   <li>a forward's output stays valid until the next forward <em>in the same workspace</em>;
 *       outputs of different workspaces never share memory;</li>
 *   <li>one model serves any number of threads, each with its own workspace (the layers only
 *       read their weights in forward); a workspace itself is not thread-safe;</li>
 *   <li>{@code backward(ws, dy)} follows the {@code forward} made in {@code ws};</li>
 *   <li>buffers grow to the largest batch seen in this workspace and are then reused, so a
 *       training step allocates only small {@code Tensor} views and shape arrays.</li>
 * </ul>
 * A module instance should appear once in a model: two uses of one instance share its state.
 */
public final class Workspace {
    private final IdentityHashMap<Object, Object> states = new IdentityHashMap<>();

    /**
     * The state {@code owner} keeps in this workspace, made by {@code make} on first use. Pass a
     * constructor reference ({@code State::new}): it captures nothing, so asking allocates nothing.
     */
    public <T> T state(Object owner, Supplier<T> make) {
        Object s = states.get(owner);
        if (s == null) {
            s = make.get();
            states.put(owner, s);
        }
        @SuppressWarnings("unchecked")
        T t = (T) s;
        return t;
    }

    /** Drops every module's state (the next passes allocate their buffers again). */
    public void clear() { states.clear(); }
}
