package canto.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.io.SafeTensors;
import canto.engine.io.SafeTensorsException;
import canto.engine.nn.Activation;
import canto.engine.nn.Linear;
import canto.engine.nn.Parameters;
import canto.engine.nn.Sequential;
import canto.engine.nn.SoftmaxCrossEntropy;
import canto.engine.nn.Workspace;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AdamState}: a run stopped after epoch k, saved (model + optimiser), loaded into a
 * fresh model and a fresh Adam and continued gives bit for bit the weights of the run that
 * never stopped; the file uses PyTorch's optimizer state_dict names; a mismatched file is refused.
 */
class AdamStateTest {
    private static final int ROWS = 32, IN = 6, CLASSES = 3, BATCH = 8;
    private static final Adam.Config CONFIG = Adam.Config.defaults(3e-2).withWeightDecay(1e-3);

    @TempDir
    Path dir;

    private static Sequential model(long seed) {
        Rng rng = new Rng(seed);
        return new Sequential(new Linear(IN, 16, rng), Activation.tanh(), new Linear(16, CLASSES, rng));
    }

    private static final float[] X = new float[ROWS * IN];
    private static final int[] Y = new int[ROWS];
    static {
        Rng rng = new Rng(99);
        for (int i = 0; i < X.length; i++) X[i] = rng.uniform(-1, 1);
        for (int i = 0; i < ROWS; i++) Y[i] = rng.nextInt(CLASSES);
    }

    private static void epoch(Sequential model, Adam adam) {
        Workspace ws = new Workspace();
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        int[] labels = new int[BATCH];
        for (int from = 0; from < ROWS; from += BATCH) {
            System.arraycopy(Y, from, labels, 0, BATCH);
            adam.zeroGrad();
            loss.forward(model.forward(ws, new Tensor(X, from * IN, BATCH, IN)), labels);
            model.backward(ws, loss.backward());
            adam.step();
        }
    }

    @Test
    void aResumedRunIsBitIdenticalToAnUninterruptedOne() throws Exception {
        Sequential straight = model(1);
        Adam straightAdam = new Adam(Parameters.of(straight), CONFIG);
        for (int e = 0; e < 5; e++) epoch(straight, straightAdam);

        Sequential first = model(1);
        Adam firstAdam = new Adam(Parameters.of(first), CONFIG);
        for (int e = 0; e < 2; e++) epoch(first, firstAdam);
        SafeTensors.save(dir.resolve("model.safetensors"), Parameters.of(first), Map.of());
        AdamState.save(dir.resolve("adam.safetensors"), firstAdam);

        Sequential resumed = model(7); // other initial weights: everything must come from the files
        Parameters params = Parameters.of(resumed);
        Adam resumedAdam = new Adam(params, CONFIG);
        SafeTensors.load(dir.resolve("model.safetensors"), params);
        AdamState.load(dir.resolve("adam.safetensors"), resumedAdam);
        assertEquals(8, resumedAdam.steps());
        for (int e = 2; e < 5; e++) epoch(resumed, resumedAdam);

        assertArrayEquals(Parameters.of(straight).values(), params.values(), "weights after resuming");
        assertArrayEquals(straightAdam.firstMoments(), resumedAdam.firstMoments());
        assertArrayEquals(straightAdam.secondMoments(), resumedAdam.secondMoments());
        assertEquals(straightAdam.steps(), resumedAdam.steps());

        // the control: the model alone, with a fresh Adam, does not give the same run
        Sequential modelOnly = model(7);
        Parameters p2 = Parameters.of(modelOnly);
        SafeTensors.load(dir.resolve("model.safetensors"), p2);
        Adam fresh = new Adam(p2, CONFIG);
        for (int e = 2; e < 5; e++) epoch(modelOnly, fresh);
        assertFalse(java.util.Arrays.equals(params.values(), p2.values()), "without the optimiser state the run differs");
    }

    @Test
    void theFileUsesPyTorchsStateDictNames() throws Exception {
        Sequential m = model(2);
        Adam adam = new Adam(Parameters.of(m), CONFIG);
        epoch(m, adam);
        AdamState.save(dir.resolve("adam.safetensors"), adam);
        SafeTensors.Contents c = SafeTensors.read(dir.resolve("adam.safetensors"));
        assertEquals(List.of("state.0.step", "state.0.exp_avg", "state.0.exp_avg_sq", "state.1.step", "state.1.exp_avg", "state.1.exp_avg_sq",
                "state.2.step", "state.2.exp_avg", "state.2.exp_avg_sq", "state.3.step", "state.3.exp_avg", "state.3.exp_avg_sq"),
                List.copyOf(c.tensors().keySet()));
        assertArrayEquals(new int[0], c.tensors().get("state.0.step").shape());
        assertEquals(4f, c.tensors().get("state.3.step").get(0));
        assertArrayEquals(new int[] {16, IN}, c.tensors().get("state.0.exp_avg").shape());
        assertEquals("[\"0.weight\",\"0.bias\",\"2.weight\",\"2.bias\"]", c.metadata().get("param_names"));
        assertEquals("[{\"lr\":0.03,\"betas\":[0.9,0.999],\"eps\":1.0E-8,\"weight_decay\":0.001,\"amsgrad\":false,\"maximize\":false,\"params\":[0,1,2,3]}]",
                c.metadata().get("param_groups"));
    }

    @Test
    void aStateFromAnotherModelOrConfigIsRefused() throws Exception {
        Sequential m = model(3);
        Adam adam = new Adam(Parameters.of(m), CONFIG);
        epoch(m, adam);
        Path file = dir.resolve("adam.safetensors");
        AdamState.save(file, adam);

        Rng rng = new Rng(4);
        Sequential other = new Sequential(new Linear(IN, 16, rng), Activation.tanh(), new Linear(16, CLASSES, false, rng));
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> AdamState.load(file, new Adam(Parameters.of(other), CONFIG)));
        assertTrue(e.getMessage().contains("optimiser state for parameters"), e.getMessage());

        Adam otherLr = new Adam(Parameters.of(model(5)), Adam.Config.defaults(1e-3));
        e = assertThrows(SafeTensorsException.class, () -> AdamState.load(file, otherLr));
        assertTrue(e.getMessage().contains("param_groups"), e.getMessage());
        assertEquals(0, otherLr.steps(), "a refused file changes nothing");
    }
}
