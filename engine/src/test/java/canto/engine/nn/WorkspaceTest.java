package canto.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Activations live in the caller's workspace: outputs of two workspaces never alias, threads share a model, one contract for one or two inputs. */
class WorkspaceTest {
    private static Sequential mlp(Rng rng) {
        return new Sequential(new Linear(6, 16, rng), Activation.relu(), new Linear(16, 4, rng), Activation.tanh());
    }

    private static Tensor input(int seed, int rows) {
        Rng r = new Rng(seed);
        float[] x = new float[rows * 6];
        for (int i = 0; i < x.length; i++) x[i] = r.uniform(-1, 1);
        return new Tensor(x, 0, rows, 6);
    }

    @Test
    void outputsOfTwoWorkspacesDoNotAlias() {
        Sequential model = mlp(new Rng(1));
        Workspace a = new Workspace(), b = new Workspace();
        Tensor ya = model.forward(a, input(2, 3));
        float[] before = ya.toArray();
        Tensor yb = model.forward(b, input(3, 5));
        assertArrayEquals(before, ya.toArray(), "a forward in another workspace changed this output");
        assertTrue(ya.data() != yb.data());
        // within one workspace the next forward reuses the buffer: that is the documented contract
        Tensor again = model.forward(a, input(3, 5));
        assertArrayEquals(yb.toArray(), again.toArray());
    }

    @Test
    void threadsWithTheirOwnWorkspacesGetTheSerialBits() throws Exception {
        Sequential model = mlp(new Rng(4));
        int inputs = 24;
        List<float[]> serial = new ArrayList<>();
        Workspace one = new Workspace();
        for (int i = 0; i < inputs; i++) serial.add(model.forward(one, input(100 + i, 1 + i % 7)).toArray());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int start = t;
                results.add(pool.submit(() -> {
                    Workspace ws = new Workspace();
                    for (int round = 0; round < 50; round++) {
                        for (int k = 0; k < inputs; k++) {
                            int i = (k + start * 5) % inputs;
                            if (!java.util.Arrays.equals(serial.get(i), model.forward(ws, input(100 + i, 1 + i % 7)).toArray())) return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) assertTrue(f.get(), "a thread saw other bits than the serial pass");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTwoBranchModelNestsInASequentialAndGivesBothInputGradients() {
        Rng rng = new Rng(5);
        TwoBranch branches = new TwoBranch("ids", new Sequential(new Embedding(5, 2, rng), new Flatten()),
                "features", new Linear(3, 2, rng), "head", new Linear(6, 3, rng));
        Sequential model = new Sequential(branches, Activation.relu());
        assertEquals(2, model.inputCount());
        Workspace ws = new Workspace();
        Tensor ids = Tensor.of(new float[] {1, 4, 0, 2}, 2, 2);
        Tensor features = Tensor.of(new float[] {1, 2, 3, -1, 0, 1}, 2, 3);
        Tensor y = model.forward(ws, ids, features);
        assertArrayEquals(new int[] {2, 3}, y.shape());
        assertNull(model.backward(ws, Tensor.of(new float[] {1, 1, 1, 1, 1, 1}, 2, 3)), "ids have no gradient");
        assertArrayEquals(new int[] {2, 3}, model.inputGrad(ws, 1).shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.forward(new Workspace(), features));
        assertTrue(e.getMessage().contains("takes 2 inputs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Linear(3, 2, rng).forward(new Workspace(), features, features));
        assertTrue(e.getMessage().contains("takes 1 input, got 2"), e.getMessage());
    }

    @Test
    void backwardBeforeForwardInAWorkspaceSaysSo() {
        Linear linear = new Linear(3, 2, new Rng(6));
        linear.forward(new Workspace(), Tensor.zeros(1, 3));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> linear.backward(new Workspace(), Tensor.zeros(1, 2)));
        assertEquals("Linear(3, 2): backward before forward in this workspace", e.getMessage());
    }
}
