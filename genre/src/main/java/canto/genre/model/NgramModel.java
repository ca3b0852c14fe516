package canto.genre.model;

import canto.engine.nn.Activation;
import canto.engine.nn.Dropout;
import canto.engine.nn.EmbeddingBag;
import canto.engine.nn.Linear;
import canto.engine.nn.Parameter;
import canto.engine.nn.Parameters;
import canto.engine.nn.Trainable;
import canto.engine.nn.Workspace;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * canto's lyrics model ({@code --experiment ngrams}), the fastText classifier (Joulin et al.
 * 2016) with per-n-gram weights:
 * <pre>
 *   bag    = EmbeddingBag(B, dim, sum)(song's buckets, per-item weights)   [songs, dim]
 *   [Dropout(p) on bag, training only]
 *   [h     = ReLU(Linear(dim, hidden)(bag))                                [songs, hidden]]
 *   logits = Linear(dim or hidden, 7)                                      [songs, 7]
 * </pre>
 * The table starts N(0, 1) / dim (fastText starts uniform in ±1/dim: small, so that the
 * untrained rows add little noise), the Linear layers as PyTorch's defaults.
 *
 * <p>Parameter names, those of {@code NgramClassifier} in {@code genre/src/test/python/rescore.py}:
 * {@code embedding.weight [B, dim]}, {@code hidden.weight}, {@code hidden.bias} (with a hidden
 * layer), {@code fc.weight [7, ·]}, {@code fc.bias [7]}; the model file also holds the
 * buffer {@code idf [B]}. The table and the dense layers are packed as two separate
 * {@link Parameters}, since the table is updated sparsely.
 */
public final class NgramModel implements Trainable {
    /** The settings that fix the model's shape. */
    public record Shape(int buckets, int dim, int hidden, float dropout) {
        public Shape {
            if (buckets < 1 || dim < 1 || hidden < 0) throw new IllegalArgumentException("bad ngrams model shape: buckets " + buckets + ", dim " + dim + ", hidden " + hidden);
            if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        }
    }

    private final Shape shape;
    private final EmbeddingBag embedding;
    private final Dropout dropout;       // null when p = 0
    private final Linear hidden;         // null without hidden layer
    private final Activation relu = Activation.relu();
    private final Linear fc;
    private final Parameters table;
    private final Parameters dense;

    public NgramModel(Shape shape, Rng rng) {
        this.shape = shape;
        this.embedding = new EmbeddingBag(shape.buckets(), shape.dim(), EmbeddingBag.Mode.SUM, rng);
        this.hidden = shape.hidden() > 0 ? new Linear(shape.dim(), shape.hidden(), rng) : null;
        this.fc = new Linear(shape.hidden() > 0 ? shape.hidden() : shape.dim(), GenreModels.CLASSES, rng);
        this.dropout = shape.dropout() > 0 ? new Dropout(shape.dropout(), rng.split()) : null;
        Tensor w = embedding.weight().value();
        float scale = 1f / shape.dim();
        for (int i = 0; i < w.size(); i++) w.set(i, w.get(i) * scale);
        this.table = Parameters.of(embedding);
        this.dense = Parameters.of(new Trainable() {
            @Override public void collectParameters(String prefix, Map<String, Parameter> out) {
                if (hidden != null) hidden.collectParameters(prefix + "hidden.", out);
                fc.collectParameters(prefix + "fc.", out);
            }
        });
    }

    public Shape shape() { return shape; }
    public Parameter tableWeight() { return embedding.weight(); }
    /** The dense layers' parameters (everything but the table). */
    public Parameters dense() { return dense; }

    /** Every parameter under its PyTorch name, in state_dict order. */
    public Map<String, Parameter> named() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        named.put("embedding.weight", embedding.weight());
        named.putAll(dense.named());
        return named;
    }

    /**
     * Logits {@code [bags, 7]} of the bags {@code ids[0 .. n)} starting at {@code offsets[0 .. bags)},
     * with one weight per id.
     */
    public Tensor forward(Workspace ws, int[] ids, int n, int[] offsets, int bags, float[] weights) {
        Tensor x = embedding.forward(ws, ids, 0, n, offsets, 0, bags, weights);   // [bags, dim]
        if (dropout != null) x = dropout.forward(ws, x);
        if (hidden != null) x = relu.forward(ws, hidden.forward(ws, x));         // [bags, hidden]
        return fc.forward(ws, x);                                                 // [bags, 7]
    }

    /** Backward from the logits' gradient; accumulates into the table's and the dense gradients. */
    public void backward(Workspace ws, Tensor dLogits) {
        Tensor d = fc.backward(ws, dLogits);
        if (hidden != null) d = hidden.backward(ws, relu.backward(ws, d));
        if (dropout != null) d = dropout.backward(ws, d);
        embedding.backward(ws, d);
    }

    /** Lists {@link #named()}; do not pack them again with {@code Parameters.of}: they are packed already. */
    @Override
    public void collectParameters(String prefix, Map<String, Parameter> out) {
        for (Map.Entry<String, Parameter> e : named().entrySet()) out.put(prefix + e.getKey(), e.getValue());
    }

    @Override
    public void setTraining(boolean training) {
        if (dropout != null) dropout.setTraining(training);
    }
}
