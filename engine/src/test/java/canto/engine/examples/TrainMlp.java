package canto.engine.examples;

import canto.engine.io.SafeTensors;
import canto.engine.nn.Activation;
import canto.engine.nn.Linear;
import canto.engine.nn.Parameters;
import canto.engine.nn.Sequential;
import canto.engine.nn.SoftmaxCrossEntropy;
import canto.engine.optim.Adam;
import canto.engine.optim.AdamState;
import canto.engine.nn.Workspace;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shortest complete program on the engine: build an MLP, train it, save it (with the
 * optimiser's state, so training could resume), load it into a fresh model and predict.
 * {@code load_mlp.py} beside the Python fixtures loads the same files into PyTorch.
 *
 * <pre>
 * mvn -B -q -pl engine -am test-compile
 * java -cp engine/target/classes:engine/target/test-classes canto.engine.examples.TrainMlp out/mlp
 * /usr/bin/python3 engine/src/test/python/load_mlp.py out/mlp
 * </pre>
 */
public final class TrainMlp {
    private TrainMlp() {}

    public static void main(String[] args) throws Exception {
        Workspace ws = new Workspace();
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "mlp"));
        int n = 512, in = 20, classes = 4, batch = 32;
        Rng rng = new Rng(1);
        float[] xs = new float[n * in];                 // inputs [n, in], labels [n]: a learnable rule
        int[] ys = new int[n];
        for (int i = 0; i < xs.length; i++) xs[i] = rng.uniform(-1, 1);
        for (int i = 0; i < n; i++) ys[i] = (xs[i * in] > 0 ? 2 : 0) + (xs[i * in + 1] > 0 ? 1 : 0);

        Sequential model = new Sequential(new Linear(in, 64, rng), Activation.relu(), new Linear(64, classes, rng));
        Parameters params = Parameters.of(model);       // one arena for every weight; the same object on every call
        Adam adam = new Adam(params, 1e-2);
        SoftmaxCrossEntropy lossFn = new SoftmaxCrossEntropy();
        for (int epoch = 1; epoch <= 30; epoch++) {
            float loss = 0;
            for (int from = 0; from < n; from += batch) {
                adam.zeroGrad();
                loss = lossFn.forward(model.forward(ws, new Tensor(xs, from * in, batch, in)), ys, from);
                model.backward(ws, lossFn.backward());
                adam.step();
            }
            if (epoch % 10 == 0) System.out.printf("epoch %d: last batch loss %.4f%n", epoch, loss);
        }
        SafeTensors.save(dir.resolve("mlp.safetensors"), params, Map.of("architecture", model.toString()));
        AdamState.save(dir.resolve("adam.safetensors"), adam);

        Sequential copy = new Sequential(new Linear(in, 64, new Rng(0)), Activation.relu(), new Linear(64, classes, new Rng(0)));
        SafeTensors.load(dir.resolve("mlp.safetensors"), Parameters.of(copy));
        Tensor logits = copy.forward(ws, new Tensor(xs, 0, n, in));
        int[] predicted = SoftmaxCrossEntropy.argmax(logits, null);
        int right = 0;
        for (int i = 0; i < n; i++) if (predicted[i] == ys[i]) right++;
        System.out.println(copy + ": reloaded, train accuracy " + right + "/" + n);
        // the first 4 inputs and their logits, for load_mlp.py to compare with PyTorch's
        SafeTensors.writeAtomically(dir.resolve("sample.safetensors"),
                Map.of("x", new Tensor(xs, 0, 4, in), "logits", new Tensor(logits.data(), logits.offset(), 4, classes)), Map.of());
    }
}
