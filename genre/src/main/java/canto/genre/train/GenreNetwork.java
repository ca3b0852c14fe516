package canto.genre.train;

import canto.engine.nn.Module;
import canto.engine.nn.Trainable;
import canto.engine.nn.TwoBranch;
import canto.engine.tensor.Tensor;
import canto.genre.model.GenreModels;

/**
 * One of the {@link GenreModels} with its inputs: forward on a batch of row numbers gathers
 * those rows' token ids {@code [rows, 100]} and/or features {@code [rows, 22]} into reused
 * buffers and returns the logits {@code [count, 7]}.
 */
public final class GenreNetwork implements BatchNetwork {
    private final Module single;      // experiments 1 and 2
    private final TwoBranch combined; // experiment 3
    private final float[] ids;        // [n, 100] exact-integer floats, or null
    private final float[] features;   // [n, 22], or null
    private final float[] idBatch;
    private final float[] featureBatch;

    private GenreNetwork(Module single, TwoBranch combined, float[] ids, float[] features, int maxBatch) {
        this.single = single;
        this.combined = combined;
        this.ids = ids;
        this.features = features;
        this.idBatch = ids == null ? null : new float[maxBatch * GenreModels.SEQUENCE_LENGTH];
        this.featureBatch = features == null ? null : new float[maxBatch * GenreModels.FEATURES];
    }

    /** Experiment 1's network over the ids {@code [n, 100]}. */
    public static GenreNetwork lyrics(Module model, float[] ids, int maxBatch) {
        return new GenreNetwork(model, null, ids, null, maxBatch);
    }

    /** Experiment 2's network over the features {@code [n, 22]}. */
    public static GenreNetwork features(Module model, float[] features, int maxBatch) {
        return new GenreNetwork(model, null, null, features, maxBatch);
    }

    /** Experiment 3's network over both. */
    public static GenreNetwork combined(TwoBranch model, float[] ids, float[] features, int maxBatch) {
        return new GenreNetwork(null, model, ids, features, maxBatch);
    }

    public Trainable model() { return single != null ? single : combined; }

    /** Logits {@code [count, 7]} of rows {@code rows[from .. from+count)}; count at most maxBatch. */
    @Override
    public Tensor forward(int[] rows, int from, int count) {
        Tensor idTensor = null, featureTensor = null;
        if (ids != null) {
            int len = GenreModels.SEQUENCE_LENGTH;
            for (int i = 0; i < count; i++) System.arraycopy(ids, rows[from + i] * len, idBatch, i * len, len);
            idTensor = new Tensor(idBatch, 0, count, len);
        }
        if (features != null) {
            int len = GenreModels.FEATURES;
            for (int i = 0; i < count; i++) System.arraycopy(features, rows[from + i] * len, featureBatch, i * len, len);
            featureTensor = new Tensor(featureBatch, 0, count, len);
        }
        if (combined != null) return combined.forward(idTensor, featureTensor);
        return single.forward(idTensor != null ? idTensor : featureTensor);
    }

    /** Backward from the logits' gradient; accumulates parameter gradients. */
    @Override
    public void backward(Tensor dLogits) {
        if (combined != null) combined.backward(dLogits);
        else single.backward(dLogits);
    }

    @Override
    public void setTraining(boolean training) { model().setTraining(training); }
}
