package canto.tagger.model;

import canto.engine.nn.Activation;
import canto.engine.nn.EmbeddingBag;
import canto.engine.nn.LinearChainCrf;
import canto.engine.nn.Linear;
import canto.engine.nn.Parameter;
import canto.engine.nn.Trainable;
import canto.engine.nn.Workspace;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import canto.tagger.features.FeatureExtractor;
import canto.tagger.features.TokenFeatures;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Our token classifier, on the engine's layers:
 * <pre>
 * hashed feature ids of each token ──EmbeddingBag(buckets, dim, sum)──▶ [T, dim] ──tanh──▶
 *   ──ContextWindow(±radius)──▶ [T, (2r+1)·dim] ──Linear──▶ [T, hidden] ──ReLU──▶
 *   ──Linear──▶ emissions [T, 5]   (the {@link Tag}s: OTHER, B/I_ARTIST, B/I_TITLE)
 *   ──LinearChainCrf(5) per title──▶ the best tag sequence (Viterbi) and its probability
 * </pre>
 * The bag of embeddings is a linear layer over the sparse features; the window lets each
 * token see its neighbours' learned summaries; the CRF scores tag transitions, so a piece
 * begins where the whole sequence says it does (two singers side by side split). Trained on
 * the CRF's negative log-likelihood per title.
 *
 * <p>The activations live in a {@link Workspace} the caller passes: parsing threads each use
 * their own and share the model. {@link #forward(TokenFeatures, int[])} and
 * {@link #backward(Tensor)} run in the model's training workspace, for the one thread that
 * trains it (the CRF's training pass keeps its own state too).
 */
public final class TokenClassifier implements Trainable {
    /** Architecture and feature hyper-parameters, everything needed to rebuild the model. */
    public record Config(int buckets, int dim, int radius, int hidden, int featureVersion) {
        public Config {
            if (buckets < 2 || dim < 1 || radius < 0 || hidden < 1) {
                throw new IllegalArgumentException("bad model config " + buckets + "/" + dim + "/" + radius + "/" + hidden);
            }
        }

        public static Config defaults() { return new Config(1 << 14, 32, 2, 32, FeatureExtractor.VERSION); }

        Map<String, String> toMetadata() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("architecture", "EmbeddingBag(" + buckets + "," + dim + ",sum)>Tanh>ContextWindow(" + radius + ")>Linear("
                    + (2 * radius + 1) * dim + "," + hidden + ")>ReLU>Linear(" + hidden + "," + Tag.COUNT + ")>LinearChainCrf("
                    + Tag.COUNT + ")");
            m.put("buckets", Integer.toString(buckets));
            m.put("dim", Integer.toString(dim));
            m.put("radius", Integer.toString(radius));
            m.put("hidden", Integer.toString(hidden));
            m.put("feature_version", Integer.toString(featureVersion));
            m.put("labels", "OTHER,B_ARTIST,I_ARTIST,B_TITLE,I_TITLE");
            return m;
        }

        static Config fromMetadata(Map<String, String> m, String source) {
            return new Config(intOf(m, "buckets", source), intOf(m, "dim", source), intOf(m, "radius", source),
                    intOf(m, "hidden", source), intOf(m, "feature_version", source));
        }

        private static int intOf(Map<String, String> m, String key, String source) {
            String v = m.get(key);
            if (v == null) throw new DataException(source + ": model metadata lacks '" + key + "'");
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new DataException(source + ": model metadata '" + key + "' is not a number: " + v);
            }
        }
    }

    /** Embedding rows start at N(0, 1) times this, so a bag of ~60 features starts near unit scale. */
    static final float INIT_SCALE = 0.1f;

    private final Config config;
    private final EmbeddingBag embedding;
    private final Activation squash = Activation.tanh();
    private final ContextWindow window;
    private final Linear hidden;
    private final Activation relu = Activation.relu();
    private final Linear output;
    private final LinearChainCrf crf = new LinearChainCrf(Tag.COUNT);
    private final Workspace training = new Workspace();

    public TokenClassifier(Config config, Rng rng) {
        this.config = config;
        this.embedding = new EmbeddingBag(config.buckets(), config.dim(), EmbeddingBag.Mode.SUM, rng);
        Tensor w = embedding.weight().value();
        for (int i = 0; i < w.size(); i++) w.set(i, w.get(i) * INIT_SCALE);
        this.window = new ContextWindow(config.radius());
        this.hidden = new Linear(window.width() * config.dim(), config.hidden(), rng);
        this.output = new Linear(config.hidden(), Tag.COUNT, rng);
    }

    public Config config() { return config; }

    /** {@link #forward(Workspace, TokenFeatures, int[])} in the training workspace. */
    public Tensor forward(TokenFeatures f, int[] titleOf) { return forward(training, f, titleOf); }

    /**
     * Emissions {@code [T, 5]} for the tokens of {@code f}, in {@code ws} (valid until its next
     * forward); {@code titleOf[t]} is token t's title in the batch.
     */
    public Tensor forward(Workspace ws, TokenFeatures f, int[] titleOf) {
        int t = f.tokens();
        Tensor x = squash.forward(ws, embedding.forward(ws, f.ids(), 0, f.size(), f.offsets(), 0, t, null)); // [T, dim]
        window.setTitles(ws, titleOf);
        x = window.forward(ws, x);                                          // [T, W·dim]
        x = relu.forward(ws, hidden.forward(ws, x));                        // [T, hidden]
        return output.forward(ws, x);                                       // [T, 5]
    }

    /** {@link #backward(Workspace, Tensor)} in the training workspace. */
    public void backward(Tensor dEmissions) { backward(training, dEmissions); }

    /** Backward from the emissions' gradient of the last forward in {@code ws}; accumulates into every parameter's gradient. */
    public void backward(Workspace ws, Tensor dEmissions) {
        Tensor g = output.backward(ws, dEmissions);
        g = hidden.backward(ws, relu.backward(ws, g));
        g = squash.backward(ws, window.backward(ws, g));
        embedding.backward(ws, g);
    }

    /** The tag-sequence layer on top of the emissions (its loss trains the model; its weights decode). */
    public LinearChainCrf crf() { return crf; }

    @Override
    public void collectParameters(String prefix, Map<String, Parameter> out) {
        embedding.collectParameters(prefix + "embedding.", out);
        hidden.collectParameters(prefix + "hidden.", out);
        output.collectParameters(prefix + "output.", out);
        crf.collectParameters(prefix + "crf.", out);
    }
}
