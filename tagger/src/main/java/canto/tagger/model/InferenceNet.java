package canto.tagger.model;

import canto.engine.kernels.Kernels;
import canto.engine.tensor.Tensor;
import canto.tagger.features.TokenFeatures;

/**
 * The forward pass of a trained {@link TokenClassifier} for parsing, on the engine's kernels
 * but without the layers' cached buffers: every call works in its own arrays, so one instance
 * serves any number of threads. Same arithmetic as the layers, arranged for one short title:
 * <ul>
 *   <li>each token's bag of embedding rows is summed straight from the table (no gather);</li>
 *   <li>the hidden layer's weight is kept transposed, {@code [W·dim, hidden]}, so the product
 *       runs as {@code matmulNN}, whose inner loop is an axpy the JIT vectorises.</li>
 * </ul>
 * The weights are read once when this is built; retraining the model afterwards is not seen.
 */
final class InferenceNet {
    private final Kernels kernels = Kernels.get();
    private final int dim, radius, width, hidden, classes;
    private final float[] table;      // [buckets, dim]
    private final int tableOff;
    private final float[] hiddenT;    // [W·dim, hidden]
    private final float[] hiddenBias; // [hidden]
    private final float[] outW;       // [classes, hidden]
    private final float[] outBias;    // [classes]
    final float[] transitions;        // [classes, classes], the CRF's
    final float[] start, end;         // [classes]

    InferenceNet(TokenClassifier model) {
        TokenClassifier.Config c = model.config();
        java.util.Map<String, canto.engine.nn.Parameter> p = new java.util.LinkedHashMap<>();
        model.collectParameters("", p);
        dim = c.dim();
        radius = c.radius();
        width = 2 * radius + 1;
        hidden = c.hidden();
        Tensor emb = p.get("embedding.weight").value();
        table = emb.data();
        tableOff = emb.offset();
        Tensor hw = p.get("hidden.weight").value(); // [hidden, W·dim]
        int in = width * dim;
        hiddenT = new float[in * hidden];
        for (int o = 0; o < hidden; o++) {
            for (int i = 0; i < in; i++) hiddenT[i * hidden + o] = hw.get(o * in + i);
        }
        hiddenBias = p.get("hidden.bias").value().toArray();
        outW = p.get("output.weight").value().toArray();
        outBias = p.get("output.bias").value().toArray();
        classes = outBias.length;
        transitions = p.get("crf.transitions").value().toArray();
        start = p.get("crf.start").value().toArray();
        end = p.get("crf.end").value().toArray();
    }

    int classes() { return classes; }

    /** Emission scores {@code [T, classes]} row-major for the tokens of one title (the CRF's input). */
    float[] emissions(TokenFeatures f) {
        int t = f.tokens(), in = width * dim;
        // bags: h [T, dim] = tanh(Σ rows of the table)
        float[] h = new float[t * dim];
        int[] ids = f.ids(), offsets = f.offsets();
        for (int k = 0; k < t; k++) {
            for (int j = offsets[k]; j < offsets[k + 1]; j++) {
                kernels.axpy(1f, table, tableOff + ids[j] * dim, h, k * dim, dim);
            }
        }
        kernels.tanhForward(h, 0, h, 0, t * dim);
        // window: x [T, W·dim], zeros beyond the title
        float[] x = new float[t * in];
        for (int k = 0; k < t; k++) {
            for (int o = 0; o < width; o++) {
                int src = k + o - radius;
                if (src >= 0 && src < t) System.arraycopy(h, src * dim, x, k * in + o * dim, dim);
            }
        }
        // hidden: z [T, hidden] = relu(bias + x · hiddenT)
        float[] z = new float[t * hidden];
        kernels.broadcastRows(hiddenBias, 0, z, 0, t, hidden);
        kernels.matmulNN(x, 0, hiddenT, 0, z, 0, t, hidden, in);
        kernels.reluForward(z, 0, z, 0, t * hidden);
        // output: emissions [T, classes] = bias + z · outWᵀ
        float[] p = new float[t * classes];
        kernels.broadcastRows(outBias, 0, p, 0, t, classes);
        kernels.matmulNT(z, 0, outW, 0, p, 0, t, classes, hidden);
        return p;
    }
}
