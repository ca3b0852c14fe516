package canto.engine.nn;

import canto.engine.tensor.Tensor;
import java.util.Map;

/**
 * A module with two inputs: each goes through its own branch, the two outputs
 * ({@code [batch, a]} and {@code [batch, b]}) are concatenated along the features into
 * {@code [batch, a + b]}, and a head maps that to the result.
 *
 * <pre>
 *   left input  -> left branch  --\
 *                                  concat -> head -> output
 *   right input -> right branch --/
 * </pre>
 * {@code forward(ws, left, right)}; {@code backward(ws, dy)} returns the left input's gradient,
 * {@code inputGrad(ws, 1)} the right's. Parameters are named {@code <leftName>.*},
 * {@code <rightName>.*}, {@code <headName>.*}, like the attributes of a PyTorch module with
 * three {@code nn.Sequential} fields.
 */
public final class TwoBranch implements Module {
    private final String leftName, rightName, headName;
    private final Module left, right, head;

    /** What one workspace keeps: the split of the concatenation, its buffers, the input gradients. */
    private static final class State {
        int batch = -1, leftCols, rightCols;
        float[] concat, leftGrad, rightGrad;
        Tensor leftInputGrad, rightInputGrad;
    }

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

    @Override
    public int inputCount() { return 2; }

    @Override
    public Tensor forward(Workspace ws, Tensor... inputs) {
        if (inputs.length != 2) throw new IllegalArgumentException(this + " takes 2 inputs (" + leftName + ", " + rightName + "), got " + inputs.length);
        Tensor a = left.forward(ws, inputs[0]);
        Tensor b = right.forward(ws, inputs[1]);
        int batch = a.dim(0);
        if (b.dim(0) != batch) throw new IllegalArgumentException("branch outputs disagree on batch size: " + a + " vs " + b);
        State s = ws.state(this, State::new);
        s.batch = batch;
        int leftCols = s.leftCols = a.size() / Math.max(batch, 1);
        int rightCols = s.rightCols = b.size() / Math.max(batch, 1);
        int cols = leftCols + rightCols;
        float[] concat = s.concat = Buffers.ensure(s.concat, batch * cols);
        for (int r = 0; r < batch; r++) {
            System.arraycopy(a.data(), a.offset() + r * leftCols, concat, r * cols, leftCols);
            System.arraycopy(b.data(), b.offset() + r * rightCols, concat, r * cols + leftCols, rightCols);
        }
        return head.forward(ws, new Tensor(concat, 0, batch, cols));
    }

    /** Backward through head, split, and both branches (accumulating parameter gradients); the left input's gradient. */
    @Override
    public Tensor backward(Workspace ws, Tensor dy) {
        State s = ws.state(this, State::new);
        if (s.batch < 0) throw new IllegalStateException(this + ": backward before forward in this workspace");
        Tensor dc = head.backward(ws, dy);
        int batch = s.batch, leftCols = s.leftCols, rightCols = s.rightCols, cols = leftCols + rightCols;
        float[] leftGrad = s.leftGrad = Buffers.ensure(s.leftGrad, batch * leftCols);
        float[] rightGrad = s.rightGrad = Buffers.ensure(s.rightGrad, batch * rightCols);
        for (int r = 0; r < batch; r++) {
            System.arraycopy(dc.data(), dc.offset() + r * cols, leftGrad, r * leftCols, leftCols);
            System.arraycopy(dc.data(), dc.offset() + r * cols + leftCols, rightGrad, r * rightCols, rightCols);
        }
        s.leftInputGrad = left.backward(ws, new Tensor(leftGrad, 0, batch, leftCols));
        s.rightInputGrad = right.backward(ws, new Tensor(rightGrad, 0, batch, rightCols));
        return s.leftInputGrad;
    }

    /** Input 0 (left) or 1 (right)'s gradient after {@link #backward} in {@code ws}, or null (ids). */
    @Override
    public Tensor inputGrad(Workspace ws, int i) {
        if (i != 0 && i != 1) throw new IllegalArgumentException(this + " has inputs 0 and 1, not " + i);
        State s = ws.state(this, State::new);
        return i == 0 ? s.leftInputGrad : s.rightInputGrad;
    }

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
