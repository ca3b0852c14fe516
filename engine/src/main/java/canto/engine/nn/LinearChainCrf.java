package canto.engine.nn;

import canto.engine.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * A linear-chain conditional random field over label sequences (as {@code pytorch-crf}'s
 * {@code CRF}, with start and end scores): for emission scores {@code e [T, L]} of one sequence
 * and labels {@code y},
 * <pre>
 * score(y) = start[y₀] + Σₜ e[t, yₜ] + Σₜ₌₁ trans[yₜ₋₁, yₜ] + end[y_T₋₁]
 * p(y)     = exp(score(y) − log Z),   log Z = log Σ_y' exp(score(y'))  (forward algorithm)
 * </pre>
 * {@link #forward} returns the mean over sequences of the negative log-likelihood
 * {@code log Z − score(gold)}; {@link #backward} gives its gradient with respect to the
 * emissions, {@code (marginal − onehot) / sequences}, and adds the expected minus observed
 * transition, start and end counts into the parameters' gradients. All sums in double,
 * log-sum-exp with the maximum subtracted. Parameters ({@code transitions [L, L]} from row to
 * column, {@code start [L]}, {@code end [L]}) start at zero.
 *
 * <p>The static {@link #viterbi} and {@link #forwardBackward} work on plain arrays and keep no
 * state, so a trained CRF can decode from any number of threads. Not a {@link Module}: it
 * takes labels and sequence boundaries beside the tensor.
 */
public final class LinearChainCrf implements Trainable {
    private final int labels;
    private final Parameter transitions, start, end;

    // the last forward
    private float[] grad = new float[0];
    private int rows, sequences;

    public LinearChainCrf(int labels) {
        if (labels < 1) throw new IllegalArgumentException("LinearChainCrf(" + labels + "): need at least one label");
        this.labels = labels;
        this.transitions = new Parameter("transitions", labels, labels);
        this.start = new Parameter("start", labels);
        this.end = new Parameter("end", labels);
    }

    public int labels() { return labels; }
    public Parameter transitions() { return transitions; }
    public Parameter start() { return start; }
    public Parameter end() { return end; }

    /**
     * Mean negative log-likelihood of the gold labels. Sequence s is rows
     * {@code offsets[s] .. offsets[s + 1])} of {@code emissions [N, L]}; {@code gold[r]} is the
     * label of row r. An empty sequence adds nothing (but counts in the mean).
     */
    public double forward(Tensor emissions, int[] gold, int[] offsets, int sequences) {
        if (emissions.cols() != labels) throw new IllegalArgumentException("emissions have " + emissions.cols() + " columns, the CRF " + labels + " labels");
        rows = emissions.rows();
        this.sequences = sequences;
        if (sequences < 1 || offsets[0] != 0 || offsets[sequences] != rows) {
            throw new IllegalArgumentException("offsets must run from 0 to " + rows + " over " + sequences + " sequences");
        }
        if (grad.length < rows * labels) grad = new float[rows * labels];
        float[] e = emissions.data();
        int eo = emissions.offset();
        Tensor tv = transitions.value(), sv = start.value(), ev = end.value();
        float[] trans = tv.toArray(), st = sv.toArray(), en = ev.toArray();
        Tensor tg = transitions.grad(), sg = start.grad(), eg = end.grad();
        double total = 0;
        int longest = 0;
        for (int s = 0; s < sequences; s++) longest = Math.max(longest, offsets[s + 1] - offsets[s]);
        double[] marg = new double[longest * labels];
        double[] pair = new double[labels * labels];
        double inv = 1.0 / sequences;
        for (int s = 0; s < sequences; s++) {
            int from = offsets[s], t = offsets[s + 1] - from;
            if (t < 0) throw new IllegalArgumentException("offsets decrease at sequence " + s);
            if (t == 0) continue;
            for (int k = 0; k < t; k++) {
                int y = gold[from + k];
                if (y < 0 || y >= labels) throw new IllegalArgumentException("label " + y + " of row " + (from + k) + " is outside [0, " + labels + ")");
            }
            Arrays.fill(pair, 0);
            double logZ = forwardBackward(e, eo + from * labels, t, labels, trans, st, en, marg, pair);
            double score = (double) st[gold[from]] + en[gold[from + t - 1]];
            for (int k = 0; k < t; k++) {
                score += e[eo + (from + k) * labels + gold[from + k]];
                if (k > 0) score += trans[gold[from + k - 1] * labels + gold[from + k]];
            }
            total += logZ - score;
            // gradients: expected minus observed, over the number of sequences
            for (int k = 0; k < t; k++) {
                for (int j = 0; j < labels; j++) {
                    double g = marg[k * labels + j] - (gold[from + k] == j ? 1 : 0);
                    grad[(from + k) * labels + j] = (float) (g * inv);
                }
            }
            for (int j = 0; j < labels; j++) {
                sg.set(j, sg.get(j) + (float) ((marg[j] - (gold[from] == j ? 1 : 0)) * inv));
                eg.set(j, eg.get(j) + (float) ((marg[(t - 1) * labels + j] - (gold[from + t - 1] == j ? 1 : 0)) * inv));
            }
            for (int k = 1; k < t; k++) pair[gold[from + k - 1] * labels + gold[from + k]] -= 1;
            for (int q = 0; q < labels * labels; q++) tg.set(q, tg.get(q) + (float) (pair[q] * inv));
        }
        return total * inv;
    }

    /** The gradient of the last forward's mean loss with respect to its emissions, {@code [N, L]}. */
    public Tensor backward() {
        return new Tensor(grad, 0, rows, labels);
    }

    /**
     * The forward-backward algorithm on one sequence, {@code e[eo .. eo + t·L)} row-major.
     * Fills {@code marginals[t·L]} with p(yₖ = j) and, when {@code pairs} is not null, adds
     * Σₖ p(yₖ₋₁ = i, yₖ = j) into {@code pairs[L·L]}. Returns log Z.
     */
    public static double forwardBackward(float[] e, int eo, int t, int labels, float[] trans, float[] start, float[] end,
                                         double[] marginals, double[] pairs) {
        int l = labels;
        double[] alpha = new double[t * l], beta = new double[t * l];
        double[] tmp = new double[l];
        for (int j = 0; j < l; j++) alpha[j] = (double) start[j] + e[eo + j];
        for (int k = 1; k < t; k++) {
            for (int j = 0; j < l; j++) {
                for (int i = 0; i < l; i++) tmp[i] = alpha[(k - 1) * l + i] + trans[i * l + j];
                alpha[k * l + j] = logSumExp(tmp, l) + e[eo + k * l + j];
            }
        }
        for (int j = 0; j < l; j++) beta[(t - 1) * l + j] = end[j];
        for (int k = t - 2; k >= 0; k--) {
            for (int i = 0; i < l; i++) {
                for (int j = 0; j < l; j++) tmp[j] = (double) trans[i * l + j] + e[eo + (k + 1) * l + j] + beta[(k + 1) * l + j];
                beta[k * l + i] = logSumExp(tmp, l);
            }
        }
        for (int j = 0; j < l; j++) tmp[j] = alpha[(t - 1) * l + j] + end[j];
        double logZ = logSumExp(tmp, l);
        for (int q = 0; q < t * l; q++) marginals[q] = StrictMath.exp(alpha[q] + beta[q] - logZ);
        if (pairs != null) {
            for (int k = 1; k < t; k++) {
                for (int i = 0; i < l; i++) {
                    double a = alpha[(k - 1) * l + i];
                    for (int j = 0; j < l; j++) {
                        pairs[i * l + j] += StrictMath.exp(a + trans[i * l + j] + e[eo + k * l + j] + beta[k * l + j] - logZ);
                    }
                }
            }
        }
        return logZ;
    }

    /**
     * The best label sequence of one sequence {@code e[eo .. eo + t·L)} into {@code out[0, t)};
     * returns its score (ties go to the lower label). For {@code t = 0} returns 0.
     */
    public static double viterbi(float[] e, int eo, int t, int labels, float[] trans, float[] start, float[] end, int[] out) {
        if (t == 0) return 0;
        int l = labels;
        double[] best = new double[l], next = new double[l];
        int[] back = new int[t * l];
        for (int j = 0; j < l; j++) best[j] = (double) start[j] + e[eo + j];
        for (int k = 1; k < t; k++) {
            for (int j = 0; j < l; j++) {
                int arg = 0;
                double m = best[0] + trans[j];
                for (int i = 1; i < l; i++) {
                    double v = best[i] + trans[i * l + j];
                    if (v > m) { m = v; arg = i; }
                }
                next[j] = m + e[eo + k * l + j];
                back[k * l + j] = arg;
            }
            double[] swap = best; best = next; next = swap;
        }
        int arg = 0;
        double m = best[0] + end[0];
        for (int j = 1; j < l; j++) if (best[j] + end[j] > m) { m = best[j] + end[j]; arg = j; }
        out[t - 1] = arg;
        for (int k = t - 1; k > 0; k--) out[k - 1] = back[k * l + out[k]];
        return m;
    }

    /** The score of label sequence {@code y[0, t)} (see the class comment). */
    public static double score(float[] e, int eo, int t, int labels, float[] trans, float[] start, float[] end, int[] y) {
        if (t == 0) return 0;
        double s = (double) start[y[0]] + end[y[t - 1]];
        for (int k = 0; k < t; k++) {
            s += e[eo + k * labels + y[k]];
            if (k > 0) s += trans[y[k - 1] * labels + y[k]];
        }
        return s;
    }

    private static double logSumExp(double[] v, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) m = Math.max(m, v[i]);
        if (m == Double.NEGATIVE_INFINITY) return m;
        double s = 0;
        for (int i = 0; i < n; i++) s += StrictMath.exp(v[i] - m);
        return m + StrictMath.log(s);
    }

    @Override
    public void collectParameters(String prefix, Map<String, Parameter> out) {
        out.put(prefix + "transitions", transitions);
        out.put(prefix + "start", start);
        out.put(prefix + "end", end);
    }

    @Override public String toString() { return "LinearChainCrf(" + labels + ")"; }
}
