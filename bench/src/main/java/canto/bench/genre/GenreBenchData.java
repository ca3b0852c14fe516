package canto.bench.genre;

/**
 * What a genre benchmark trains on: token ids {@code [n, 100]} (exact-integer floats, id
 * {@code vocabPlusOne - 1} pads), features {@code [n, 22]}, a label per row, the rows to train on
 * (indices into those arrays) and one line saying where each part came from.
 * {@link SyntheticGenreData} and {@link RealGenreData} make them.
 */
public final class GenreBenchData {
    public final float[] ids;
    public final float[] features;
    public final int[] labels;
    public final int[] trainRows;
    /** Rows of the embedding table: vocabulary size plus the padding row. */
    public final int vocabPlusOne;
    /** For the benchmark's output, e.g. {@code lyrics=real:FILE features=synthetic}. */
    public final String source;

    public GenreBenchData(float[] ids, float[] features, int[] labels, int[] trainRows, int vocabPlusOne, String source) {
        this.ids = ids;
        this.features = features;
        this.labels = labels;
        this.trainRows = trainRows;
        this.vocabPlusOne = vocabPlusOne;
        this.source = source;
    }

    /** Rows trained per epoch. */
    public int rows() { return trainRows.length; }

    /** The same data trained on only the first {@code n} training rows. */
    public GenreBenchData firstRows(int n) {
        if (n >= trainRows.length) return this;
        return new GenreBenchData(ids, features, labels, java.util.Arrays.copyOf(trainRows, n), vocabPlusOne, source);
    }
}
