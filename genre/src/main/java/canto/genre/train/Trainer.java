package canto.genre.train;

import canto.engine.nn.SoftmaxCrossEntropy;
import canto.engine.optim.Optimizer;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The training loop of the post: per epoch, the training rows in a fresh random order, in
 * batches (the last partial batch kept); for each batch forward (training mode), cross-entropy,
 * clear gradients, backward, Adam step. Train accuracy is the running accuracy of the batches'
 * forward passes before their updates, as the post printed it. After each epoch, validation
 * accuracy in evaluation mode (dropout off — the post left it on), in large batches.
 *
 * <p>Nothing is allocated per step beyond the engine's small tensor views.
 */
public final class Trainer {
    /** Rows per forward pass when evaluating. */
    public static final int EVAL_BATCH = 1024;

    private final BatchNetwork network;
    private final Optimizer adam;
    private final int[] labels;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    private final int[] labelBatch;
    private int[] predictions;
    private float labelSmoothing;

    /**
     * @param labels genre id of every row of the data (indexed by row number)
     * @param maxBatch the largest batch that will be asked for (at least {@link #EVAL_BATCH} rows
     *                 must fit the network's buffers: see {@link GenreNetwork})
     */
    public Trainer(BatchNetwork network, Optimizer adam, int[] labels, int maxBatch) {
        this.network = network;
        this.adam = adam;
        this.labels = labels;
        this.labelBatch = new int[maxBatch];
        this.predictions = new int[maxBatch];
    }

    /** Trains for {@code epochs} epochs over {@code train} and scores {@code validation} after each. */
    public List<EpochResult> train(int[] train, int[] validation, int epochs, int batchSize, Rng shuffle, EpochListener listener) {
        int[] order = train.clone();
        List<EpochResult> results = new ArrayList<>(epochs);
        adam.zeroGrad(); // from here on every step clears the gradients in the same pass
        for (int epoch = 1; epoch <= epochs; epoch++) {
            EpochResult r = trainEpoch(order, epoch, batchSize, shuffle, listener);
            r = new EpochResult(epoch, r.loss(), r.trainAccuracy(), accuracy(validation), r.seconds());
            results.add(r);
            listener.epochDone(r);
        }
        return results;
    }

    /**
     * One epoch over the rows {@code order} (shuffled in place first), without validation: the
     * result's validation accuracy is NaN. The gradients must be clear before the first epoch
     * ({@link #zeroGrad}); each step clears them again.
     */
    public EpochResult trainEpoch(int[] order, int epoch, int batchSize, Rng shuffle, EpochListener listener) {
        if (batchSize < 1 || batchSize > labelBatch.length) throw new IllegalArgumentException("batch size " + batchSize + " outside [1, " + labelBatch.length + "]");
        int n = order.length;
        int batches = (n + batchSize - 1) / batchSize;
        long start = System.nanoTime();
        shuffle.shuffle(order);
        network.setTraining(true);
        double lossSum = 0;
        long correct = 0;
        for (int b = 0, from = 0; from < n; b++, from += batchSize) {
            int count = Math.min(batchSize, n - from);
            for (int i = 0; i < count; i++) labelBatch[i] = labels[order[from + i]];
            Tensor logits = network.forward(order, from, count);    // [count, 7]
            lossSum += (double) loss.forward(logits, labelBatch) * count;
            correct += countCorrect(logits, labelBatch);
            Tensor dLogits = loss.backward();
            if (labelSmoothing > 0) smooth(dLogits, labelBatch, count, labelSmoothing);
            network.backward(dLogits);
            adam.stepAndZeroGrad();
            listener.batchDone(epoch, b + 1, batches, (double) correct / (from + count));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochResult(epoch, lossSum / n, (double) correct / n, Double.NaN, seconds);
    }

    /**
     * Trains towards {@code (1 - e) · onehot + e / classes} instead of the one-hot labels
     * (PyTorch's {@code CrossEntropyLoss(label_smoothing=e)}); the loss reported stays the plain
     * cross-entropy. 0 (the default) is plain cross-entropy.
     */
    public void setLabelSmoothing(double e) {
        if (!(e >= 0 && e < 1)) throw new IllegalArgumentException("label smoothing must be in [0, 1): " + e);
        labelSmoothing = (float) e;
    }

    /** In place: {@code (p - onehot) / rows} becomes {@code (p - (1 - e) onehot - e / K) / rows}. */
    static void smooth(Tensor dLogits, int[] labelBatch, int rows, float smoothing) {
        int k = dLogits.cols();
        float[] d = dLogits.data();
        float e = smoothing / rows, spread = e / k;
        for (int r = 0; r < rows; r++) {
            int o = dLogits.offset() + r * k;
            for (int j = 0; j < k; j++) d[o + j] -= spread;
            d[o + labelBatch[r]] += e;
        }
    }

    /** Clears the gradients before the first {@link #trainEpoch}. */
    public void zeroGrad() { adam.zeroGrad(); }

    /** Accuracy over {@code rows} in evaluation mode (dropout off); the model is left in training mode. */
    public double accuracy(int[] rows) {
        if (rows.length == 0) return Double.NaN;
        network.setTraining(false);
        long correct = 0;
        int[] batchLabels = new int[Math.min(EVAL_BATCH, rows.length)];
        for (int from = 0; from < rows.length; from += EVAL_BATCH) {
            int count = Math.min(EVAL_BATCH, rows.length - from);
            for (int i = 0; i < count; i++) batchLabels[i] = labels[rows[from + i]];
            correct += countCorrect(network.forward(rows, from, count), batchLabels);
        }
        network.setTraining(true);
        return (double) correct / rows.length;
    }

    /**
     * The confusion matrix over {@code rows} in evaluation mode: {@code [true genre][predicted genre]}
     * counts; the model is left in training mode.
     */
    public int[][] confusion(int[] rows, int classes) {
        int[][] c = new int[classes][classes];
        network.setTraining(false);
        for (int from = 0; from < rows.length; from += EVAL_BATCH) {
            int count = Math.min(EVAL_BATCH, rows.length - from);
            predictions = SoftmaxCrossEntropy.argmax(network.forward(rows, from, count), predictions);
            for (int i = 0; i < count; i++) c[labels[rows[from + i]]][predictions[i]]++;
        }
        network.setTraining(true);
        return c;
    }

    /** How many rows of {@code logits [rows, 7]} have their largest value at the label (first on ties). */
    private int countCorrect(Tensor logits, int[] rowLabels) {
        predictions = SoftmaxCrossEntropy.argmax(logits, predictions);
        int rows = logits.rows(), correct = 0;
        for (int r = 0; r < rows; r++) if (predictions[r] == rowLabels[r]) correct++;
        return correct;
    }
}
