package canto.genre.train;

import canto.engine.nn.Module;
import canto.engine.nn.Trainable;
import canto.engine.nn.Workspace;
import canto.engine.tensor.Tensor;
import canto.genre.model.GenreModels;

/**
 * One of the {@link GenreModels} with its inputs: forward on a batch of row numbers gathers
 * those rows' token ids {@code [rows, 100]} and/or features {@code [rows, 22]} into reused
 * buffers and returns the logits {@code [count, 7]}. The model takes the ids first when it
 * takes both (experiment 3's {@code TwoBranch}); the network owns the {@link Workspace} its
 * passes run in, so it is for one thread, and the model may serve others.
 */
public final class GenreNetwork implements BatchNetwork {
    private final Module model;
    private final float[] ids;        // [n, 100] exact-integer floats, or null
    private final float[] features;   // [n, 22], or null
    private final float[] idBatch;
    private final float[] featureBatch;
    private final Tensor[] inputs;
    private final Workspace ws = new Workspace();

    private GenreNetwork(Module model, float[] ids, float[] features, int maxBatch) {
        int given = (ids == null ? 0 : 1) + (features == null ? 0 : 1);
        if (model.inputCount() != given) throw new IllegalArgumentException(model + " takes " + model.inputCount() + " inputs, given " + given);
        this.model = model;
        this.ids = ids;
        this.features = features;
        this.idBatch = ids == null ? null : new float[maxBatch * GenreModels.SEQUENCE_LENGTH];
        this.featureBatch = features == null ? null : new float[maxBatch * GenreModels.FEATURES];
        this.inputs = new Tensor[given];
    }

    /** Experiment 1's network over the ids {@code [n, 100]}. */
    public static GenreNetwork lyrics(Module model, float[] ids, int maxBatch) {
        return new GenreNetwork(model, ids, null, maxBatch);
    }

    /** Experiment 2's network over the features {@code [n, 22]}. */
    public static GenreNetwork features(Module model, float[] features, int maxBatch) {
        return new GenreNetwork(model, null, features, maxBatch);
    }

    /** Experiment 3's network over both (ids, then features). */
    public static GenreNetwork combined(Module model, float[] ids, float[] features, int maxBatch) {
        return new GenreNetwork(model, ids, features, maxBatch);
    }

    public Trainable model() { return model; }

    /** Logits {@code [count, 7]} of rows {@code rows[from .. from+count)}; count at most maxBatch. */
    @Override
    public Tensor forward(int[] rows, int from, int count) {
        int k = 0;
        if (ids != null) {
            int len = GenreModels.SEQUENCE_LENGTH;
            for (int i = 0; i < count; i++) System.arraycopy(ids, rows[from + i] * len, idBatch, i * len, len);
            inputs[k++] = new Tensor(idBatch, 0, count, len);
        }
        if (features != null) {
            int len = GenreModels.FEATURES;
            for (int i = 0; i < count; i++) System.arraycopy(features, rows[from + i] * len, featureBatch, i * len, len);
            inputs[k] = new Tensor(featureBatch, 0, count, len);
        }
        return model.forward(ws, inputs);
    }

    /** Backward from the logits' gradient; accumulates parameter gradients. */
    @Override
    public void backward(Tensor dLogits) { model.backward(ws, dLogits); }

    @Override
    public void setTraining(boolean training) { model.setTraining(training); }
}
