package canto.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Dropout's masks are random per workspace: what one workspace draws never depends on another
 * (two training threads on one model), and one workspace on stream 0 draws what the layer's
 * {@code Rng} always gave (single-threaded training keeps its numbers).
 */
class DropoutStreamsTest {
    private static final float P = 0.3f;
    private static final int N = 257;

    private static Tensor ones() {
        float[] x = new float[N];
        Arrays.fill(x, 1f);
        return new Tensor(x, 0, 1, N);
    }

    /** The masks the old layer drew: the layer's generator, one nextFloat() per element, forward after forward. */
    private static float[][] rngLoop(Rng rng, int forwards) {
        float[][] masks = new float[forwards][N];
        for (int f = 0; f < forwards; f++) {
            for (int i = 0; i < N; i++) masks[f][i] = rng.nextFloat() < P ? 0f : 1f / (1f - P);
        }
        return masks;
    }

    private static float[] forward(Dropout d, Workspace ws) { return d.forward(ws, ones()).toArray(); }

    @Test
    void oneWorkspaceOnStreamZeroDrawsWhatTheLayersRngGives() {
        Dropout d = new Dropout(P, new Rng(9));
        Workspace ws = new Workspace();
        float[][] want = rngLoop(new Rng(9), 4);
        for (int f = 0; f < 4; f++) assertArrayEquals(want[f], forward(d, ws), "forward " + f);
    }

    @Test
    void aWorkspacesMasksDoNotDependOnAnotherWorkspacesForwards() {
        // fails with one generator shared by every workspace: b's draws would move a's stream
        Dropout d = new Dropout(P, new Rng(4));
        Workspace a = new Workspace(), b = new Workspace(1);
        float[][] alone = rngLoop(new Rng(4), 3);
        assertArrayEquals(alone[0], forward(d, a));
        forward(d, b);
        forward(d, b);
        assertArrayEquals(alone[1], forward(d, a));
        forward(d, b);
        assertArrayEquals(alone[2], forward(d, a));
    }

    @Test
    void streamsDifferAndEachIsTheRngsStream() {
        Dropout d = new Dropout(P, new Rng(4));
        float[] s0 = forward(d, new Workspace(0)), s1 = forward(d, new Workspace(1)), s2 = forward(d, new Workspace(2));
        assertArrayEquals(rngLoop(new Rng(4).stream(1), 1)[0], s1);
        assertArrayEquals(rngLoop(new Rng(4).stream(2), 1)[0], s2);
        assertFalse(Arrays.equals(s0, s1));
        assertFalse(Arrays.equals(s1, s2));
        assertArrayEquals(s0, forward(d, new Workspace()), "two workspaces on one stream draw the same masks");
        assertThrows(IllegalArgumentException.class, () -> new Workspace(-1));
    }

    @Test
    void clearDoesNotRestartTheMasks() {
        Dropout d = new Dropout(P, new Rng(6));
        Workspace ws = new Workspace();
        float[][] want = rngLoop(new Rng(6), 2);
        assertArrayEquals(want[0], forward(d, ws));
        ws.clear();
        assertArrayEquals(want[1], forward(d, ws), "after clear() the stream goes on");
    }

    @Test
    void laterDrawsFromThePassedRngAreNotSeen() {
        Rng rng = new Rng(8);
        Dropout d = new Dropout(P, rng);
        float[][] want = rngLoop(new Rng(8), 1);
        rng.nextLong();
        assertArrayEquals(want[0], forward(d, new Workspace()));
    }

    @Test
    void threadsTrainingOneModelGetTheirSerialMasks() throws Exception {
        // a model with dropout, two threads with their own workspaces on streams 1 and 2, each
        // running 200 training-mode forwards: each thread's outputs equal a serial run of its
        // stream alone (fails with a shared generator: the threads interleave their draws)
        Rng init = new Rng(2);
        Sequential model = new Sequential(new Linear(8, 32, init), Activation.relu(), new Dropout(0.5f, init.split()), new Linear(32, 3, init));
        float[] x = new float[4 * 8];
        Rng r = new Rng(3);
        for (int i = 0; i < x.length; i++) x[i] = r.uniform(-1, 1);
        Tensor input = new Tensor(x, 0, 4, 8);
        int steps = 200;
        List<float[]> serial = new ArrayList<>();
        for (int stream = 1; stream <= 2; stream++) serial.add(run(model, new Workspace(stream), input, steps));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                List<Future<float[]>> runs = new ArrayList<>();
                for (int stream = 1; stream <= 2; stream++) {
                    Workspace ws = new Workspace(stream);
                    runs.add(pool.submit(() -> run(model, ws, input, steps)));
                }
                for (int t = 0; t < 2; t++) assertArrayEquals(serial.get(t), runs.get(t).get(), "thread on stream " + (t + 1) + ", round " + round);
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(steps * 4 * 3, serial.get(0).length);
    }

    /** Every output of {@code steps} forward passes in ws. */
    private static float[] run(Sequential model, Workspace ws, Tensor input, int steps) {
        float[] all = new float[steps * 12];
        for (int s = 0; s < steps; s++) {
            System.arraycopy(model.forward(ws, input).toArray(), 0, all, s * 12, 12);
        }
        return all;
    }
}
