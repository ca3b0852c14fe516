package canto.bench.genre;

import canto.engine.util.Rng;
import canto.genre.data.BasicEnglishTokenizer;
import canto.genre.data.DataFileException;
import canto.genre.data.SongTable;
import canto.genre.data.SongTableLoader;
import canto.genre.data.TokenizedLyrics;
import canto.genre.data.TrainValidationSplit;
import canto.genre.data.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Benchmark data from a real genre file, loaded exactly as the {@code genre} command loads it:
 * {@link SongTableLoader}, the basic-English tokenizer, the split of seed 1 (the first
 * {@code Rng.split()} of {@code new Rng(1)}, as {@code ExperimentRunner} draws it), the
 * vocabulary of the training split, the first 100 ids of each song. Features come from the file
 * when it has all 22 columns and are uniform random otherwise (the lyrics-only file has none);
 * {@link GenreBenchData#source} says which. {@code bench/peers/pytorch_genre.py --data} builds the
 * same split, vocabulary and ids.
 */
public final class RealGenreData {
    /** Where the full lyrics file is expected (linked from ../shared, see data/README.md). */
    public static final Path DEFAULT_FILE = Path.of("data/genre/tcc_ceds_music_lyrics_all_rows.csv");
    /** The seed whose split is used (the genre command's default seed). */
    public static final long SPLIT_SEED = 1;

    private RealGenreData() {}

    /** The default file when it exists, else null. */
    public static Path defaultFile() { return Files.isRegularFile(DEFAULT_FILE) ? DEFAULT_FILE : null; }

    /**
     * A fingerprint of the ids in training order, which pytorch_genre.py prints too: the sum over
     * the training rows k of {@code (k + 1) · sum_i (i + 1) · id[row_k, i]}, modulo 2^61 - 1.
     */
    static long checksum(float[] ids, int[] train) {
        long mod = (1L << 61) - 1, sum = 0;
        int len = canto.genre.model.GenreModels.SEQUENCE_LENGTH;
        for (int k = 0; k < train.length; k++) {
            long row = 0;
            for (int i = 0; i < len; i++) row += (i + 1) * (long) ids[train[k] * len + i];
            sum = (sum + (k + 1) * row) % mod;
        }
        return sum;
    }

    public static GenreBenchData load(Path file) throws DataFileException {
        SongTable table = SongTableLoader.load(file, file.toString());
        if (!table.hasLyrics()) throw new DataFileException(file.toString(), "has no 'lyrics' column; the benchmarks need lyrics");
        TokenizedLyrics lyrics = TokenizedLyrics.of(table.lyrics(), new BasicEnglishTokenizer());
        Rng master = new Rng(SPLIT_SEED);
        TrainValidationSplit split = TrainValidationSplit.shuffled(table.rows(), master.split());
        Vocabulary vocabulary = Vocabulary.build(lyrics, split.train());
        float[] ids = vocabulary.encodeAll(lyrics);
        float[] features = table.hasFeatures() ? table.features() : SyntheticGenreData.features(table.rows(), new Rng(1));
        String source = "lyrics=real:" + file + " features=" + (table.hasFeatures() ? "real" : "synthetic")
                + " vocabulary=" + vocabulary.size() + " checksum=" + checksum(ids, split.train());
        return new GenreBenchData(ids, features, table.labels(), split.train(), vocabulary.size() + 1, source);
    }
}
