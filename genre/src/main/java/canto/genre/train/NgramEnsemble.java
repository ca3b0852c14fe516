package canto.genre.train;

import canto.engine.nn.Parameter;
import canto.engine.tensor.Tensor;
import canto.genre.model.NgramModel;
import java.util.List;
import java.util.Map;

/**
 * K independently trained {@link NgramNetwork}s (own initial weights, own batch order) scored
 * together: the ensemble's logits are the <b>mean of the members' logits</b>. Evaluation only
 * ({@link #backward} refuses); each member is trained by its own {@link Trainer}.
 *
 * <p>Averaging logits of bag models is itself a bag model: with member k's table {@code E_k
 * [B, d]} and layer {@code (W_k [7, d], b_k)}, {@code (1/K) Σ_k (W_k · bag(E_k) + b_k)} equals
 * one model with the table {@code [E_1 | ... | E_K]  [B, K·d]} (rows concatenated), the layer
 * {@code [W_1 | ... | W_K] / K} and bias {@code (1/K) Σ b_k}; a ReLU hidden layer becomes block
 * diagonal ({@code hidden.weight = diag(H_1, ..., H_K)}, biases concatenated), since ReLU
 * acts element by element. {@link #merged} builds that single model, which is what is saved:
 * the model file, {@code genre predict} and {@code rescore.py} see a plain, wider
 * {@code NgramModel}.
 */
public final class NgramEnsemble implements BatchNetwork {
    private final List<NgramNetwork> members;
    private float[] sum = new float[0];

    public NgramEnsemble(List<NgramNetwork> members) {
        if (members.isEmpty()) throw new IllegalArgumentException("an ensemble needs at least one member");
        this.members = List.copyOf(members);
    }

    public List<NgramNetwork> members() { return members; }

    @Override
    public Tensor forward(int[] rows, int from, int count) {
        int classes = 0;
        for (int k = 0; k < members.size(); k++) {
            Tensor logits = members.get(k).forward(rows, from, count);
            classes = logits.cols();
            int size = count * classes;
            if (sum.length < size) sum = new float[Math.max(size, 2 * sum.length)];
            float[] d = logits.data();
            int o = logits.offset();
            if (k == 0) for (int i = 0; i < size; i++) sum[i] = d[o + i];
            else for (int i = 0; i < size; i++) sum[i] += d[o + i];
        }
        float inv = 1f / members.size();
        for (int i = 0; i < count * classes; i++) sum[i] *= inv;
        return new Tensor(sum, 0, count, classes);
    }

    @Override
    public void backward(Tensor dLogits) {
        throw new UnsupportedOperationException("NgramEnsemble is for evaluation; train each member with its own Trainer");
    }

    @Override
    public void setTraining(boolean training) {
        for (NgramNetwork m : members) m.setTraining(training);
    }

    /**
     * The single model equal to this ensemble (class comment), built from the members' current
     * weights. The members must be in evaluation mode (their lazy weight decay caught up) and
     * have the same shape; the merged model's dropout is the members'.
     */
    public NgramModel merged() {
        NgramModel.Shape s = members.get(0).model().shape();
        for (NgramNetwork m : members) {
            if (!m.model().shape().equals(s)) throw new IllegalArgumentException("ensemble members differ in shape: " + s + " and " + m.model().shape());
        }
        int k = members.size(), d = s.dim(), h = s.hidden(), classes = canto.genre.model.GenreModels.CLASSES;
        if (k == 1) return members.get(0).model();
        NgramModel out = new NgramModel(new NgramModel.Shape(s.buckets(), k * d, k * h, s.dropout()), new canto.engine.util.Rng(0));
        Map<String, Parameter> to = out.named();
        float[] table = to.get("embedding.weight").value().data();
        int width = k * d;
        for (int m = 0; m < k; m++) {
            Map<String, Parameter> from = members.get(m).model().named();
            Tensor e = from.get("embedding.weight").value();
            float[] ed = e.data();
            for (int r = 0; r < s.buckets(); r++) System.arraycopy(ed, e.offset() + r * d, table, r * width + m * d, d);
            int fcIn = h > 0 ? h : d;        // the member's fc input width
            Tensor w = from.get("fc.weight").value(), b = from.get("fc.bias").value();
            Tensor tw = to.get("fc.weight").value(), tb = to.get("fc.bias").value();
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < fcIn; j++) tw.set(c * k * fcIn + m * fcIn + j, w.get(c * fcIn + j) / k);
                tb.set(c, (m == 0 ? 0f : tb.get(c)) + b.get(c) / k);
            }
            if (h > 0) {
                Tensor hw = from.get("hidden.weight").value(), hb = from.get("hidden.bias").value();
                Tensor thw = to.get("hidden.weight").value(), thb = to.get("hidden.bias").value();
                if (m == 0) thw.fill(0f);
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < d; j++) thw.set((m * h + i) * width + m * d + j, hw.get(i * d + j));
                    thb.set(m * h + i, hb.get(i));
                }
            }
        }
        return out;
    }
}
