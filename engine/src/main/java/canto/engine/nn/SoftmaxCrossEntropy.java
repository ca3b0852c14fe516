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
    private int labelsOff;
    private int rows, classes;

    /** Mean loss over the rows of {@code logits [rows, classes]}; labels in [0, classes), from index 0. */
    public float forward(Tensor logits, int[] labels) { return forward(logits, labels, 0); }

    /**
     * Mean loss over the rows of {@code logits [rows, classes]}; row r's label is
     * {@code labels[labelsOff + r]} (a batch of a whole label array, without copying).
     */
    public float forward(Tensor logits, int[] labels, int labelsOff) {
        rows = logits.rows();
        classes = logits.cols();
        if (labelsOff < 0 || labels.length - labelsOff < rows) {
            throw new IllegalArgumentException("need " + rows + " labels from index " + labelsOff + ", the array has " + labels.length);
        }
        for (int r = 0; r < rows; r++) {
            int label = labels[labelsOff + r];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " of row " + r + " (labels[" + (labelsOff + r) + "]) is outside [0, " + classes + ")");
            }
        }
        this.labels = labels;
        this.labelsOff = labelsOff;
        probs = Buffers.ensure(probs, rows * classes);
        double sum = kernels.softmaxCrossEntropy(logits.data(), logits.offset(), labels, labelsOff, probs, 0, rows, classes);
        return (float) (sum / rows);
    }

    /** The gradient of the mean loss with respect to the logits of the last forward. */
    public Tensor backward() {
        gradBuf = Buffers.ensure(gradBuf, rows * classes);
        kernels.softmaxCrossEntropyBackward(probs, 0, labels, labelsOff, gradBuf, 0, rows, classes, 1f / rows);
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
