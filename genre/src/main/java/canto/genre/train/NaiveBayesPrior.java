package canto.genre.train;

import canto.engine.nn.Parameter;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import canto.genre.data.NgramBags;
import canto.genre.model.NgramModel;
import java.util.Map;

/**
 * A fixed multinomial Naive Bayes term added to the trained model's logits (the interpolation
 * of NBSVM, Wang and Manning 2012, done as a prior the network learns the rest on top of):
 * <pre>
 *   r[b][c]       = ln((S_c(b) + alpha) / (sum_b' S_c(b') + alpha · B')),  centred over c
 *   prior(song)_c = scale · sum_i w_i · r[b_i][c]
 * </pre>
 * where {@code S_c(b)} is the sum of bucket b's bag weights {@code w} (TF-IDF) over the
 * training songs of genre c and B' the number of buckets that have any weight. Centring over
 * the genres changes no prediction (it adds the same number to every logit of a song).
 *
 * <p>The prior is linear in the bag, so a model with it is a plain, wider {@link NgramModel}
 * ({@link #fold}): the table gets 7 more columns {@code scale · r[b]} and {@code fc} the
 * identity on them.
 */
public final class NaiveBayesPrior {
    private final float[] r;      // [buckets * classes], times scale
    private final int classes;

    private NaiveBayesPrior(float[] r, int classes) {
        this.r = r;
        this.classes = classes;
    }

    /** From the bags of the training songs {@code rows}; {@code labels} indexed by row number. */
    public static NaiveBayesPrior fit(NgramBags bags, int buckets, int[] rows, int[] labels, int classes, double alpha, double scale) {
        if (!(alpha > 0) || !(scale > 0)) throw new IllegalArgumentException("Naive Bayes prior needs alpha > 0 and scale > 0: " + alpha + ", " + scale);
        double[] sum = new double[buckets * classes];
        boolean[] used = new boolean[buckets];
        for (int s = 0; s < bags.songs(); s++) for (int i = bags.start()[s]; i < bags.start()[s + 1]; i++) used[bags.ids()[i]] = true;
        for (int row : rows) {
            int y = labels[row];
            for (int i = bags.start()[row]; i < bags.start()[row + 1]; i++) sum[bags.ids()[i] * classes + y] += bags.weights()[i];
        }
        int usedCount = 0;
        double[] total = new double[classes];
        for (int b = 0; b < buckets; b++) {
            if (used[b]) usedCount++;
            for (int c = 0; c < classes; c++) total[c] += sum[b * classes + c];
        }
        float[] r = new float[buckets * classes];
        double[] lr = new double[classes];
        for (int b = 0; b < buckets; b++) {
            if (!used[b]) continue;   // in no bag: never looked up
            double mean = 0;
            for (int c = 0; c < classes; c++) {
                lr[c] = StrictMath.log((sum[b * classes + c] + alpha) / (total[c] + alpha * usedCount));
                mean += lr[c] / classes;
            }
            for (int c = 0; c < classes; c++) r[b * classes + c] = (float) (scale * (lr[c] - mean));
        }
        return new NaiveBayesPrior(r, classes);
    }

    public int classes() { return classes; }

    /** The prior logits {@code [songs * classes]} of every song of {@code bags}. */
    public float[] logits(NgramBags bags) {
        float[] out = new float[bags.songs() * classes];
        for (int s = 0; s < bags.songs(); s++) {
            for (int i = bags.start()[s]; i < bags.start()[s + 1]; i++) {
                float w = bags.weights()[i];
                int base = bags.ids()[i] * classes;
                for (int c = 0; c < classes; c++) out[s * classes + c] += w * r[base + c];
            }
        }
        return out;
    }

    /**
     * The model whose logits are {@code m}'s plus this prior: the table {@code [E | r]} of width
     * dim + classes, {@code fc.weight [W | I]}, the same bias. Only for a model without hidden layer.
     */
    public NgramModel fold(NgramModel m) {
        NgramModel.Shape s = m.shape();
        if (s.hidden() > 0) throw new IllegalArgumentException("a Naive Bayes prior folds only into a model without hidden layer");
        int d = s.dim(), width = d + classes;
        NgramModel out = new NgramModel(new NgramModel.Shape(s.buckets(), width, 0, s.dropout()), new Rng(0));
        Map<String, Parameter> from = m.named(), to = out.named();
        Tensor e = from.get("embedding.weight").value();
        float[] ed = e.data(), table = to.get("embedding.weight").value().data();
        for (int b = 0; b < s.buckets(); b++) {
            System.arraycopy(ed, e.offset() + b * d, table, b * width, d);
            System.arraycopy(r, b * classes, table, b * width + d, classes);
        }
        Tensor w = from.get("fc.weight").value(), tw = to.get("fc.weight").value();
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < width; j++) tw.set(c * width + j, j < d ? w.get(c * d + j) : (j - d == c ? 1f : 0f));
            to.get("fc.bias").value().set(c, from.get("fc.bias").value().get(c));
        }
        return out;
    }
}
