package canto.engine.nn;

import canto.engine.tensor.Tensor;
import java.util.Map;

/**
 * A model with two inputs: each goes through its own branch, the two outputs
 * ({@code [batch, a]} and {@code [batch, b]}) are concatenated along the features into
 * {@code [batch, a + b]}, and a head maps that to the result.
 *
 * <pre>
 *   left input  -> left branch  --\
 *                                  concat -> head -> output
 *   right input -> right branch --/
 * </pre>
 * Parameters are named {@code <leftName>.*}, {@code <rightName>.*}, {@code <headName>.*},
 * like the attributes of a PyTorch module with three {@code nn.Sequential} fields.
 */
public final class TwoBranch implements Trainable {
    private final String leftName, rightName, headName;
    private final Module left, right, head;

    private int batch, leftCols, rightCols;
    private float[] concatBuf, leftGradBuf, rightGradBuf;
    private Tensor leftInputGrad, rightInputGrad;

    public TwoBranch(String leftName, Module left, String rightName, Module right, String headName, Module head) {
        this.leftName = leftName;
        this.left = left;
        this.rightName = rightName;
        this.right = right;
        this.headName = headName;
        this.head = head;
    }

    public Module left() { return left; }
    public Module right() { return right; }
    public Module head() { return head; }

    public Tensor forward(Tensor leftInput, Tensor rightInput) {
        Tensor a = left.forward(leftInput);
        Tensor b = right.forward(rightInput);
        batch = a.dim(0);
        if (b.dim(0) != batch) throw new IllegalArgumentException("branch outputs disagree on batch size: " + a + " vs " + b);
        leftCols = a.size() / Math.max(batch, 1);
        rightCols = b.size() / Math.max(batch, 1);
        int cols = leftCols + rightCols;
        concatBuf = Buffers.ensure(concatBuf, batch * cols);
        for (int r = 0; r < batch; r++) {
            System.arraycopy(a.data(), a.offset() + r * leftCols, concatBuf, r * cols, leftCols);
            System.arraycopy(b.data(), b.offset() + r * rightCols, concatBuf, r * cols + leftCols, rightCols);
        }
        return head.forward(new Tensor(concatBuf, 0, batch, cols));
    }

    /** Backward through head, split, and both branches (accumulating parameter gradients). */
    public void backward(Tensor dy) {
        Tensor dc = head.backward(dy);
        int cols = leftCols + rightCols;
        leftGradBuf = Buffers.ensure(leftGradBuf, batch * leftCols);
        rightGradBuf = Buffers.ensure(rightGradBuf, batch * rightCols);
        for (int r = 0; r < batch; r++) {
            System.arraycopy(dc.data(), dc.offset() + r * cols, leftGradBuf, r * leftCols, leftCols);
            System.arraycopy(dc.data(), dc.offset() + r * cols + leftCols, rightGradBuf, r * rightCols, rightCols);
        }
        leftInputGrad = left.backward(new Tensor(leftGradBuf, 0, batch, leftCols));
        rightInputGrad = right.backward(new Tensor(rightGradBuf, 0, batch, rightCols));
    }

    /** Gradient with respect to the left input after {@link #backward}, or null (ids). */
    public Tensor leftInputGrad() { return leftInputGrad; }
    public Tensor rightInputGrad() { return rightInputGrad; }

    @Override
    public void collectParameters(String prefix, Map<String, Parameter> out) {
        left.collectParameters(prefix + leftName + ".", out);
        right.collectParameters(prefix + rightName + ".", out);
        head.collectParameters(prefix + headName + ".", out);
    }

    @Override
    public void setTraining(boolean training) {
        left.setTraining(training);
        right.setTraining(training);
        head.setTraining(training);
    }

    @Override
    public String toString() {
        return "TwoBranch(" + leftName + "=" + left + ", " + rightName + "=" + right + ", " + headName + "=" + head + ")";
    }
}
