package canto.tagger.training;

import canto.engine.nn.Activation;
import canto.engine.nn.Linear;
import canto.engine.nn.Parameters;
import canto.engine.nn.Sequential;
import canto.engine.nn.SoftmaxCrossEntropy;
import canto.engine.optim.Adam;
import canto.engine.nn.Workspace;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import canto.tagger.features.BaselineFeatures;
import canto.tagger.model.ParsedTitle;
import canto.tagger.model.Pieces;
import canto.tagger.model.TitleParser;
import canto.tagger.model.TokenLabel;
import canto.tagger.tokens.FileNames;
import canto.tagger.tokens.Token;
import canto.tagger.tokens.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The published method, as the accuracy baseline: {@link BaselineFeatures} (14 per token) into
 * an MLP with 100 logistic hidden units, trained as scikit-learn's {@code MLPClassifier(
 * hidden_layer_sizes=(100,), activation="logistic", alpha=0.01, solver="adam")} trains it:
 * Adam lr 0.001, mini-batches of 200 tokens reshuffled every epoch, 200 epochs, L2 penalty
 * {@code alpha = 0.01}. scikit-learn adds {@code alpha · W / batch} to the gradient of the
 * batch-mean loss, so the engine's Adam gets {@code weightDecay = 0.01 / 200}. Tokens, labels
 * and the joining of labels into pieces are the same as ours, so only features and model differ.
 */
public final class BaselineParser implements TitleParser {
    static final int HIDDEN = 100, EPOCHS = 200, BATCH = 200;
    static final float LR = 0.001f, ALPHA = 0.01f;

    private final Sequential mlp;

    private BaselineParser(Sequential mlp) { this.mlp = mlp; }

    public static BaselineParser train(List<LabelledTitle> data, long seed) {
        Rng rng = new Rng(seed);
        Sequential mlp = new Sequential(new Linear(BaselineFeatures.COUNT, HIDDEN, rng), Activation.sigmoid(),
                new Linear(HIDDEN, 3, rng));
        Parameters params = Parameters.of(mlp);
        Adam adam = new Adam(params, Adam.Config.defaults(LR).withWeightDecay(ALPHA / BATCH));
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Example e : Example.of(data)) {
            float[] x = BaselineFeatures.of(e.tokens());
            for (int t = 0; t < e.tokens().size(); t++) {
                float[] r = new float[BaselineFeatures.COUNT];
                System.arraycopy(x, t * BaselineFeatures.COUNT, r, 0, BaselineFeatures.COUNT);
                rows.add(r);
                labels.add(e.labels()[t]);
            }
        }
        int n = rows.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        float[] xb = new float[BATCH * BaselineFeatures.COUNT];
        int[] yb = new int[BATCH];
        Workspace ws = new Workspace();
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            rng.shuffle(order);
            for (int from = 0; from < n; from += BATCH) {
                int m = Math.min(BATCH, n - from);
                for (int k = 0; k < m; k++) {
                    System.arraycopy(rows.get(order[from + k]), 0, xb, k * BaselineFeatures.COUNT, BaselineFeatures.COUNT);
                    yb[k] = labels.get(order[from + k]);
                }
                adam.zeroGrad();
                Tensor logits = mlp.forward(ws, new Tensor(xb, 0, m, BaselineFeatures.COUNT));
                loss.forward(logits, yb);
                mlp.backward(ws, loss.backward());
                adam.step();
            }
        }
        return new BaselineParser(mlp);
    }

    @Override
    public ParsedTitle parse(String titleOrFileName) {
        String title = FileNames.toTitle(titleOrFileName);
        List<Token> tokens = Tokenizer.tokenize(title);
        if (tokens.isEmpty()) return new ParsedTitle(titleOrFileName, List.of(), List.of(), 0);
        Tensor logits = mlp.forward(new Workspace(), new Tensor(BaselineFeatures.of(tokens), 0, tokens.size(), BaselineFeatures.COUNT));
        int[] labels = SoftmaxCrossEntropy.argmax(logits, null);
        return new ParsedTitle(titleOrFileName, Pieces.of(title, tokens, labels, TokenLabel.ARTIST),
                Pieces.of(title, tokens, labels, TokenLabel.TITLE), Double.NaN);
    }
}
