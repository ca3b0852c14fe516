package canto.genre.train;

import canto.engine.optim.Adam;
import canto.engine.optim.Optimizer;
import canto.engine.optim.SparseAdam;
import canto.engine.nn.Workspace;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import canto.genre.data.NgramBags;
import canto.genre.model.NgramModel;

/**
 * The {@link NgramModel} over the songs' n-gram bags: forward on a batch of row numbers
 * gathers those songs' bags into reused buffers. In training mode it also lists the distinct
 * table rows of the batch, which {@link #optimizer} updates sparsely.
 */
public final class NgramNetwork implements BatchNetwork {
    private final NgramModel model;
    private final NgramBags bags;
    private int[] ids = new int[0];
    private float[] weights = new float[0];
    private int[] offsets = new int[0];
    private final int[] stamp;      // [buckets]: the batch number that last listed the row
    private int batchNumber;
    private int[] touched = new int[0];
    private int touchedCount;
    private boolean training = true;
    private final Workspace ws = new Workspace();   // this network's passes: one thread
    // SGD with weight decay on the table, applied lazily but exactly (see optimizer)
    private double[] shrunk;       // [steps + 1]: product of (1 - lr_t · wd) over the first k steps
    private int[] lastDecayed;     // [buckets]: steps whose decay the row has had
    private int stepsDone;
    private int totalSteps;        // for the linear learning-rate decay of table SGD; 0: constant rate
    private float itemDropout;     // share of a song's n-grams left out of each training pass
    private Rng itemRng;
    // weight averaging (see enableAveraging): sums of the snapshots so far
    private int averageFrom = -1, averageEvery, averageEnd, snapshots;
    private float[] tableSum, denseSum;
    private float[] logitOffsets;   // [songs * classes], added to every forward's logits; null: none

    public NgramNetwork(NgramModel model, NgramBags bags) {
        this.model = model;
        this.bags = bags;
        this.stamp = new int[model.shape().buckets()];
    }

    public NgramModel model() { return model; }

    /**
     * N-gram dropout: in training mode each n-gram of each song in a batch is left out with
     * probability {@code p} (its weight set to 0; the kept weights scaled by {@code 1 / (1 - p)},
     * so a bag's expected sum stays the same), drawn from {@code rng}; evaluation uses the whole
     * bag. 0 (the default) leaves the bags alone and draws nothing.
     */
    public void setItemDropout(double p, Rng rng) {
        if (!(p >= 0 && p < 1)) throw new IllegalArgumentException("n-gram dropout must be in [0, 1): " + p);
        if (p > 0 && rng == null) throw new IllegalArgumentException("n-gram dropout needs a random stream");
        itemDropout = (float) p;
        itemRng = rng;
    }

    /**
     * Polyak / SWA-style averaging: from step {@code fromStep} on (0-based count of optimizer
     * steps), a snapshot of all weights (table with its lazy decay caught up, and dense layers)
     * is added to a running sum every {@code every} steps and after step {@code endStep} (the
     * last of the run); {@link #useAverage} then replaces the weights by the snapshots' mean.
     * The table's and the dense layers' means are taken separately (the model is their product),
     * which near the end of a run, where the rate is small and the snapshots are close, is close
     * to the mean of the products.
     */
    public void enableAveraging(int fromStep, int every, int endStep) {
        if (fromStep < 0 || every < 1 || endStep <= fromStep) throw new IllegalArgumentException("averaging from step " + fromStep + " every " + every + " to " + endStep);
        averageFrom = fromStep;
        averageEvery = every;
        averageEnd = endStep;
    }

    /**
     * A fixed term added to the logits of every song in every pass ({@link NaiveBayesPrior}):
     * {@code offsets[song * classes + c]}; it has no gradient. null removes it.
     */
    public void setLogitOffsets(float[] offsets) { this.logitOffsets = offsets; }

    /** Snapshots taken so far by the averaging. */
    public int snapshots() { return snapshots; }

    private void maybeSnapshot() {
        if (averageFrom < 0 || stepsDone <= averageFrom) return;
        if ((stepsDone - averageFrom) % averageEvery != 0 && stepsDone != averageEnd) return;
        if (lastDecayed != null) for (int r = 0; r < lastDecayed.length; r++) catchUp(r);
        Tensor t = model.tableWeight().value();
        float[] dense = model.dense().values();
        if (tableSum == null) { tableSum = new float[t.size()]; denseSum = new float[dense.length]; }
        float[] td = t.data();
        int o = t.offset();
        for (int i = 0; i < tableSum.length; i++) tableSum[i] += td[o + i];
        for (int i = 0; i < denseSum.length; i++) denseSum[i] += dense[i];
        snapshots++;
    }

    /** Replaces the weights by the mean of the averaging's snapshots (none taken: unchanged). */
    public void useAverage() {
        if (snapshots == 0) return;
        if (lastDecayed != null) for (int r = 0; r < lastDecayed.length; r++) catchUp(r);
        Tensor t = model.tableWeight().value();
        float[] dense = model.dense().values();
        float inv = 1f / snapshots;
        float[] td = t.data();
        int o = t.offset();
        for (int i = 0; i < tableSum.length; i++) td[o + i] = tableSum[i] * inv;
        for (int i = 0; i < denseSum.length; i++) dense[i] = denseSum[i] * inv;
    }

    @Override
    public Tensor forward(int[] rows, int from, int count) {
        int n = 0;
        for (int i = 0; i < count; i++) { int r = rows[from + i]; n += bags.start()[r + 1] - bags.start()[r]; }
        if (ids.length < n) { ids = new int[Math.max(n, 2 * ids.length)]; weights = new float[ids.length]; }
        if (offsets.length < count) offsets = new int[Math.max(count, 2 * offsets.length)];
        int k = 0;
        for (int i = 0; i < count; i++) {
            int r = rows[from + i], a = bags.start()[r], len = bags.start()[r + 1] - a;
            offsets[i] = k;
            System.arraycopy(bags.ids(), a, ids, k, len);
            System.arraycopy(bags.weights(), a, weights, k, len);
            k += len;
        }
        if (training && itemDropout > 0) {
            float keep = 1f / (1 - itemDropout);
            for (int i = 0; i < n; i++) weights[i] = itemRng.nextFloat() < itemDropout ? 0f : weights[i] * keep;
        }
        if (training) {
            listDistinct(n);
            if (lastDecayed != null) for (int i = 0; i < touchedCount; i++) catchUp(touched[i]);
        }
        Tensor logits = model.forward(ws, ids, n, offsets, count, weights);
        if (logitOffsets != null) {
            int classes = logits.cols();
            float[] d = logits.data();
            for (int i = 0; i < count; i++) {
                int o = logits.offset() + i * classes, song = rows[from + i] * classes;
                for (int c = 0; c < classes; c++) d[o + c] += logitOffsets[song + c];
            }
        }
        return logits;
    }

    /** The distinct table rows among {@code ids[0 .. n)}, into {@code touched}. */
    private void listDistinct(int n) {
        if (++batchNumber == Integer.MAX_VALUE) { java.util.Arrays.fill(stamp, 0); batchNumber = 1; }
        if (touched.length < n) touched = new int[Math.max(n, 2 * touched.length)];
        touchedCount = 0;
        for (int i = 0; i < n; i++) {
            int b = ids[i];
            if (stamp[b] != batchNumber) { stamp[b] = batchNumber; touched[touchedCount++] = b; }
        }
    }

    @Override public void backward(Tensor dLogits) { model.backward(ws, dLogits); }

    /** The table's SGD rate at step t (0-based): linear decay to 0 over totalSteps, or constant. */
    private double tableRate(double lr, int t) {
        return totalSteps > 0 ? lr * Math.max(0, 1 - (double) t / totalSteps) : lr;
    }

    /** Applies the decay of the steps row {@code r} has missed: {@code row *= prod (1 - lr_t wd)} over them. */
    private void catchUp(int r) {
        if (lastDecayed[r] == stepsDone) return;
        float f = (float) (shrunk[stepsDone] / shrunk[lastDecayed[r]]);
        Tensor p = model.tableWeight().value();
        int base = p.offset() + r * model.shape().dim();
        for (int j = base; j < base + model.shape().dim(); j++) p.data()[j] *= f;
        lastDecayed[r] = stepsDone;
    }

    @Override
    public void setTraining(boolean training) {
        if (!training && lastDecayed != null) for (int r = 0; r < lastDecayed.length; r++) catchUp(r);  // every row current
        this.training = training;
        model.setTraining(training);
    }

    /**
     * PyTorch's SparseAdam for the table (only the last training batch's rows) and Adam for the
     * dense layers, both at {@code lr}. {@code step()} also clears the table rows' gradients.
     *
     * <p>{@code weightDecay} is an L2 penalty {@code wd/2 · ||row||²} on each table row the batch
     * uses (lazy: the rows a batch does not touch are not decayed, so it can be written in
     * PyTorch as a loss term on {@code embedding.weight[distinct ids]}), and Adam's own L2
     * weight decay on the dense layers.
     */
    public Optimizer optimizer(double lr, double weightDecay) { return optimizer(lr, weightDecay, 0, 0); }

    /**
     * As {@link #optimizer(double, double)}, but with {@code tableSgdLr > 0} the table is updated
     * by plain SGD at that rate ({@code row -= lr · (g + wd · row)} for the batch's rows): a row's
     * step is then proportional to its gradient, so the rare n-grams, whose TF-IDF weights and
     * gradients are small, move little (SparseAdam moves every row by about lr whatever its gradient).
     */
    public Optimizer optimizer(double lr, double weightDecay, double tableSgdLr, int totalSteps) {
        SparseAdam sparse = tableSgdLr > 0 ? null : new SparseAdam(model.tableWeight(), SparseAdam.Config.defaults(lr));
        Adam adam = new Adam(model.dense(), Adam.Config.defaults(lr).withWeightDecay(weightDecay));
        float wd = (float) weightDecay;
        int dim = model.shape().dim();
        this.totalSteps = totalSteps;
        if (sparse == null && weightDecay > 0) {
            int steps = Math.max(totalSteps, 1 << 20);   // constant rate: enough steps for any run here
            shrunk = new double[steps + 1];
            shrunk[0] = 1;
            for (int t = 0; t < steps; t++) shrunk[t + 1] = shrunk[t] * (1 - tableRate(tableSgdLr, t) * weightDecay);
            lastDecayed = new int[model.shape().buckets()];
        }
        return new Optimizer() {
            private void tableStep() {
                if (sparse == null) {   // SGD: p = (1 - lr_t wd) · p - lr_t · g, then clear g
                    float rate = (float) tableRate(tableSgdLr, stepsDone);
                    float decay = (float) (1 - tableRate(tableSgdLr, stepsDone) * weightDecay);
                    Tensor p = model.tableWeight().value(), g = model.tableWeight().grad();
                    float[] pd = p.data(), gd = g.data();
                    int po = p.offset(), go = g.offset();
                    for (int i = 0; i < touchedCount; i++) {
                        int base = touched[i] * dim;
                        for (int j = base; j < base + dim; j++) {
                            pd[po + j] = decay * pd[po + j] - rate * gd[go + j];
                            gd[go + j] = 0f;
                        }
                        if (lastDecayed != null) lastDecayed[touched[i]] = stepsDone + 1;
                    }
                    stepsDone++;
                    return;
                }
                if (wd > 0) {
                    Tensor p = model.tableWeight().value(), g = model.tableWeight().grad();
                    float[] pd = p.data(), gd = g.data();
                    for (int i = 0; i < touchedCount; i++) {
                        int base = touched[i] * dim;
                        for (int j = base; j < base + dim; j++) gd[g.offset() + j] += wd * pd[p.offset() + j];
                    }
                }
                sparse.stepAndZeroGrad(touched, 0, touchedCount);
                stepsDone++;
            }

            @Override public void step() {
                tableStep();
                adam.step();
                maybeSnapshot();
            }

            @Override public void zeroGrad() {
                Tensor g = model.tableWeight().grad();
                java.util.Arrays.fill(g.data(), g.offset(), g.offset() + g.size(), 0f);
                adam.zeroGrad();
            }

            @Override public void stepAndZeroGrad() {
                tableStep();
                adam.stepAndZeroGrad();
                maybeSnapshot();
            }
        };
    }
}
