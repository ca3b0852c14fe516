package canto.genre.train;

/** Told about a run's progress; both methods may do nothing. */
public interface EpochListener {
    /** Called after each batch; keep it cheap. */
    default void batchDone(int epoch, int batch, int batches, double runningAccuracy) {}

    /** Called after each epoch, validation included. */
    default void epochDone(EpochResult result) {}
}
