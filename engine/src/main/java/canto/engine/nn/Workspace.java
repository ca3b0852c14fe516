package canto.engine.nn;

import canto.engine.util.Rng;
import java.util.IdentityHashMap;
import java.util.function.LongFunction;
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
 *   <li>a random layer ({@link Dropout}) draws from a generator of this workspace's own
 *       (its {@link #stream()}), so threads training one model do not disturb each other's
 *       masks;</li>
 *   <li>buffers grow to the largest batch seen in this workspace and are then reused, so a
 *       training step allocates only small {@code Tensor} views and shape arrays.</li>
 * </ul>
 * A module instance should appear once in a model: two uses of one instance share its state.
 */
public final class Workspace {
    private final IdentityHashMap<Object, Object> states = new IdentityHashMap<>();
    private final IdentityHashMap<Object, Rng> generators = new IdentityHashMap<>();
    private final long stream;

    /** A workspace on random stream 0 (see {@link #Workspace(long)}). */
    public Workspace() { this(0); }

    /**
     * A workspace whose random layers ({@link Dropout}) draw from their stream {@code stream}
     * (>= 0): each such layer keeps one generator per workspace, made from its own seed and this
     * number, so what one workspace draws never depends on another's. Stream 0 is the layer's
     * {@code Rng} itself, as it was when the layer was made: a single workspace on stream 0 gives
     * the numbers a model has always given for its seed. Two workspaces on the same stream draw
     * the same masks; give training threads different streams (1, 2, ...) for different ones.
     */
    public Workspace(long stream) {
        if (stream < 0) throw new IllegalArgumentException("stream must be >= 0: " + stream);
        this.stream = stream;
    }

    /** This workspace's random stream number. */
    public long stream() { return stream; }

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

    /**
     * The generator {@code owner} draws from in this workspace, made by {@code make} from this
     * workspace's {@link #stream()} on first use. Kept by {@link #clear()}, so a random layer's
     * draws go on where they were rather than repeat.
     */
    public Rng generator(Object owner, LongFunction<Rng> make) {
        Rng g = generators.get(owner);
        if (g == null) {
            g = make.apply(stream);
            generators.put(owner, g);
        }
        return g;
    }

    /**
     * Drops every module's state (the next passes allocate their buffers again); the random
     * layers' generators stay where they were (see {@link #generator}).
     */
    public void clear() { states.clear(); }
}
