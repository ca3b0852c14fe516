package canto.genre.data;

import java.util.List;

/**
 * The rows of one data file that the experiments use: genre ids (see
 * {@link LabelEncoder#GENRES}), lyrics when the file has them, the 22 features when it has
 * them ({@code [rows, 22]} row-major, in {@link SongColumns#FEATURES} order).
 */
public final class SongTable {
    private final String file;
    private final int[] labels;
    private final List<String> lyrics;   // null when the file has no lyrics column
    private final float[] features;      // null when the file lacks feature columns
    private final List<String> missingFeatureColumns;

    public SongTable(String file, int[] labels, List<String> lyrics, float[] features, List<String> missingFeatureColumns) {
        this.file = file;
        this.labels = labels;
        this.lyrics = lyrics;
        this.features = features;
        this.missingFeatureColumns = List.copyOf(missingFeatureColumns);
        if (lyrics != null && lyrics.size() != labels.length) throw new IllegalArgumentException("lyrics rows differ from label rows");
        if (features != null && features.length != labels.length * SongColumns.FEATURES.size()) {
            throw new IllegalArgumentException("feature rows differ from label rows");
        }
    }

    /** The file as it was named on the command line. */
    public String file() { return file; }
    public int rows() { return labels.length; }
    /** Genre id of each row. */
    public int[] labels() { return labels; }
    public boolean hasLyrics() { return lyrics != null; }
    public boolean hasFeatures() { return features != null; }
    public List<String> lyrics() { return lyrics; }
    /** {@code [rows, 22]}, row-major. */
    public float[] features() { return features; }
    /** The feature columns the file lacks (empty when it has all 22). */
    public List<String> missingFeatureColumns() { return missingFeatureColumns; }

    /** The count of rows of each genre id. */
    public int[] genreCounts() {
        int[] counts = new int[LabelEncoder.GENRES.size()];
        for (int l : labels) counts[l]++;
        return counts;
    }

    /** The same rows with the given feature matrix (used for timing runs on synthetic features). */
    public SongTable withFeatures(float[] newFeatures) {
        return new SongTable(file, labels, lyrics, newFeatures, List.of());
    }
}
