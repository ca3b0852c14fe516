package canto.engine.nn;

import canto.engine.kernels.Kernels;
import canto.engine.tensor.Tensor;

/**
 * Softmax over class logits fused with cross-entropy, mean over the batch — PyTorch's
 * {@code CrossEntropyLoss()} on logits. Stable: the row maximum is subtracted and the log of
 * the sum of exponentials taken in double. Backward is {@code (p - onehot(label)) / rows}.
 */
public final class SoftmaxCrossEntropy {
    private final Kernels kernels = Kernels.get();
    private float[] probs;
    private float[] gradBuf;
    private int[] labels;
    private int rows, classes;

    /** Mean loss over the rows of {@code logits [rows, classes]}; labels in [0, classes). */
    public float forward(Tensor logits, int[] labels) {
        rows = logits.rows();
        classes = logits.cols();
        if (labels.length < rows) throw new IllegalArgumentException("need " + rows + " labels, got " + labels.length);
        for (int r = 0; r < rows; r++) {
            if (labels[r] < 0 || labels[r] >= classes) {
                throw new IllegalArgumentException("label " + labels[r] + " of row " + r + " is outside [0, " + classes + ")");
            }
        }
        this.labels = labels;
        probs = Buffers.ensure(probs, rows * classes);
        double sum = kernels.softmaxCrossEntropy(logits.data(), logits.offset(), labels, 0, probs, 0, rows, classes);
        return (float) (sum / rows);
    }

    /** The gradient of the mean loss with respect to the logits of the last forward. */
    public Tensor backward() {
        gradBuf = Buffers.ensure(gradBuf, rows * classes);
        kernels.softmaxCrossEntropyBackward(probs, 0, labels, 0, gradBuf, 0, rows, classes, 1f / rows);
        return new Tensor(gradBuf, 0, rows, classes);
    }

    /** Softmax probabilities of the last forward, {@code [rows, classes]}. */
    public Tensor probabilities() { return new Tensor(probs, 0, rows, classes); }

    /** Index of the largest value in each row of {@code x [rows, cols]} (first on ties). */
    public static int[] argmax(Tensor x, int[] out) {
        int rows = x.rows(), cols = x.cols();
        if (out == null || out.length < rows) out = new int[rows];
        float[] d = x.data();
        for (int r = 0; r < rows; r++) {
            int base = x.offset() + r * cols, best = 0;
            for (int j = 1; j < cols; j++) if (d[base + j] > d[base + best]) best = j;
            out[r] = best;
        }
        return out;
    }
}
