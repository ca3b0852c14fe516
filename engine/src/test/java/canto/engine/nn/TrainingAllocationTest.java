package canto.engine.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import canto.engine.optim.Adam;
import canto.engine.tensor.Tensor;
import canto.engine.util.Parallel;
import canto.engine.util.Rng;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * A training step allocates only small views once the workspace has grown: bytes allocated by
 * this thread ({@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes}) per step of the
 * genre features model with dropout and Adam, at batch 16 and 256. Activation buffers alone would
 * be over 100 KB a step at batch 256; the views ({@code Tensor}s, shape arrays, varargs arrays)
 * are 1.3-1.5 KB and do not grow with the batch (measured 1,320-1,344 bytes at batch 16, 64 and 256,
 * scalar, and SIMD once compiled; 1,536 under surefire; the code before the workspace gave 1,176-1,400).
 * The same with Linear's products and Adam split across two threads ({@code Parallel} reuses its
 * one job; the parts are bodies each layer's state made once).
 */
class TrainingAllocationTest {
    private static final int STEPS = 50;

    private static long bytesPerStep(int batch, Parallel parallel) {
        Rng rng = new Rng(7);
        Sequential model = new Sequential(
                new Linear(22, 128, true, rng, parallel), Activation.relu(), new Dropout(0.2f, rng.split()),
                new Linear(128, 64, true, rng, parallel), Activation.relu(), new Dropout(0.2f, rng.split()),
                new Linear(64, 7, true, rng, parallel));
        Adam adam = new Adam(Parameters.of(model), Adam.Config.defaults(1e-3), parallel);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        float[] x = new float[batch * 22];
        for (int i = 0; i < x.length; i++) x[i] = rng.uniform(-1, 1);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) labels[i] = i % 7;
        Tensor input = new Tensor(x, 0, batch, 22);
        Workspace ws = new Workspace();
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        // The SIMD kernels allocate a box per vector operation until C2 has compiled them (megabytes
        // a step at first, still 35 KB after 4,000 steps at batch 256 on a loaded machine), so the
        // figure is the lowest of blocks of STEPS steps, until one is under 2 KB (at most 300 blocks).
        long best = Long.MAX_VALUE;
        for (int block = 0; block < 300 && best >= 2048; block++) {
            long start = bean.getThreadAllocatedBytes(id);
            for (int step = 0; step < STEPS; step++) {
                adam.zeroGrad();
                loss.forward(model.forward(ws, input), labels);
                model.backward(ws, loss.backward());
                adam.step();
            }
            best = Math.min(best, (bean.getThreadAllocatedBytes(id) - start) / STEPS);
        }
        return best;
    }

    @Test
    void aTrainingStepAllocatesOnlySmallViews() {
        java.lang.management.ThreadMXBean plain = ManagementFactory.getThreadMXBean();
        assumeTrue(plain instanceof com.sun.management.ThreadMXBean && ((com.sun.management.ThreadMXBean) plain).isThreadAllocatedMemorySupported(),
                "this JVM cannot count a thread's allocations");
        Parallel one = new Parallel(1), two = new Parallel(2);
        long small = bytesPerStep(16, one), large = bytesPerStep(256, one);
        // at batch 256 the products are above Linear.PARALLEL_WORK: split across two threads
        long split = bytesPerStep(256, two);
        System.out.println("bytes allocated per training step: batch 16 " + small + ", batch 256 " + large + ", batch 256 on two threads " + split);
        assertTrue(small < 4096, "batch 16: " + small + " bytes a step");
        assertTrue(large < 4096, "batch 256: " + large + " bytes a step (buffers are being reallocated)");
        assertTrue(split < 4096, "batch 256, two threads: " + split + " bytes a step");
    }
}
