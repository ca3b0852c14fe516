package canto.genre.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SongTableLoaderTest {
    static final String FEATURE_HEADER = String.join(",", quoteAll(SongColumns.FEATURES));

    private static List<String> quoteAll(List<String> names) {
        return names.stream().map(n -> n.contains(",") ? "\"" + n + "\"" : n).toList();
    }

    /** 22 feature values 0.01, 0.02, ... with value {@code bad} at feature index {@code badAt} (or none). */
    private static String features(int badAt, String bad) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < 22; j++) sb.append(j == 0 ? "" : ",").append(j == badAt ? bad : String.valueOf((j + 1) / 100.0));
        return sb.toString();
    }

    private static SongTable read(String csv) throws Exception {
        return SongTableLoader.read(new StringReader(csv), "songs.csv");
    }

    private static DataFileException failure(String csv) {
        return assertThrows(DataFileException.class, () -> read(csv));
    }

    @Test
    void readsColumnsByNameInAnyOrder() throws Exception {
        String csv = "lyrics," + FEATURE_HEADER + ",genre,extra\n"
                + "\"la la, la\"," + features(-1, "") + ",rock,x\n"
                + "hey," + features(-1, "") + ",hip hop,y\n";
        SongTable t = read(csv);
        assertEquals(2, t.rows());
        assertArrayEquals(new int[] {6, 2}, t.labels());
        assertEquals(List.of("la la, la", "hey"), t.lyrics());
        assertTrue(t.hasFeatures());
        assertEquals(0.01f, t.features()[0]);
        assertEquals(0.22f, t.features()[21]);
        assertEquals(0.01f, t.features()[22]);
    }

    @Test
    void aFileWithoutFeaturesServesLyricsOnly() throws Exception {
        SongTable t = read(",artist_name,track_name,release_date,genre,lyrics\n0,a,b,1950,pop,hello world\n");
        assertTrue(t.hasLyrics());
        assertFalse(t.hasFeatures());
        assertNull(t.features());
        assertEquals(22, t.missingFeatureColumns().size());
    }

    @Test
    void aFileWithoutLyricsServesFeaturesOnly() throws Exception {
        SongTable t = read("genre," + FEATURE_HEADER + "\njazz," + features(-1, "") + "\n");
        assertFalse(t.hasLyrics());
        assertTrue(t.hasFeatures());
        assertArrayEquals(new int[] {3}, t.labels());
    }

    @Test
    void readsTheFixtureFiles() throws Exception {
        SongTable full = SongTableLoader.load(Path.of("src/test/resources/fixtures/songs-full.csv"), "songs-full.csv");
        assertEquals(70, full.rows());
        assertTrue(full.hasLyrics() && full.hasFeatures());
        for (int g = 0; g < 7; g++) assertEquals(10, full.genreCounts()[g]);
        SongTable lyrics = SongTableLoader.load(Path.of("src/test/resources/fixtures/songs-lyrics-only.csv"), "songs-lyrics-only.csv");
        assertArrayEquals(full.labels(), lyrics.labels());
        assertEquals(full.lyrics(), lyrics.lyrics());
        assertFalse(lyrics.hasFeatures());
    }

    @Test
    void missingGenreColumnNamesFileLineAndColumn() {
        DataFileException e = failure("lyrics,style\nla,pop\n");
        assertEquals("songs.csv", e.file());
        assertEquals(1, e.line());
        assertEquals("genre", e.column());
        assertTrue(e.getMessage().startsWith("songs.csv: line 1: column 'genre': missing column"), e.getMessage());
    }

    @Test
    void noLyricsAndIncompleteFeaturesServesNothing() {
        DataFileException e = failure("genre,dating,violence\npop,0.1,0.2\n");
        assertEquals("lyrics", e.column());
        assertTrue(e.getMessage().contains("none of the experiments"), e.getMessage());
    }

    @Test
    void unknownGenreNamesLineAndColumn() {
        DataFileException e = failure("genre,lyrics\npop,a\nrock,b\nmetal,c\n");
        assertEquals(4, e.line());
        assertEquals("genre", e.column());
        assertTrue(e.getMessage().contains("unknown genre 'metal'"), e.getMessage());
    }

    @Test
    void nonNumericFeatureNamesLineAndColumn() {
        String csv = "genre,lyrics," + FEATURE_HEADER + "\n"
                + "pop,a," + features(-1, "") + "\n"
                + "pop,b," + features(17, "loud") + "\n";
        DataFileException e = failure(csv);
        assertEquals(3, e.line());
        assertEquals("loudness", e.column());
        assertTrue(e.getMessage().contains("not a number: 'loud'"), e.getMessage());
    }

    @Test
    void emptyNanAndInfinityAreNotFeatureValues() {
        for (String bad : new String[] {"", "NaN", "Infinity", "1.5f", "0x1p3", "1e999"}) {
            String csv = "genre," + FEATURE_HEADER + "\npop," + features(0, bad) + "\n";
            DataFileException e = failure(csv);
            assertEquals("dating", e.column(), bad);
            assertEquals(2, e.line(), bad);
        }
    }

    @Test
    void acceptsTheNumberFormsPandasWrites() throws Exception {
        String csv = "genre," + FEATURE_HEADER + "\npop," + features(0, "3.714863167533302e-07").replace("0.02", "1") + "\n";
        SongTable t = read(csv);
        assertEquals(3.714863167533302e-07f, t.features()[0]);
        assertEquals(1f, t.features()[1]);
    }

    @Test
    void rowWithTooFewFieldsNamesItsLine() {
        DataFileException e = failure("genre,lyrics,year\npop,a,1950\npop,b\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("malformed row: 2 fields where the header has 3"), e.getMessage());
    }

    @Test
    void linesAreCountedAcrossQuotedLineBreaks() {
        DataFileException e = failure("genre,lyrics\npop,\"one\ntwo\nthree\"\njive,x\n");
        assertEquals(5, e.line());
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereTheRowStarts() {
        DataFileException e = failure("genre,lyrics\npop,a\npop,\"never closed\nmore\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("malformed CSV"), e.getMessage());
    }

    @Test
    void emptyFileAndHeaderOnly() {
        assertTrue(failure("").getMessage().contains("empty file"));
        assertTrue(failure("genre,lyrics\n").getMessage().contains("no data rows"));
    }

    @Test
    void missingFileIsOneLine() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> SongTableLoader.load(Path.of("no/such/songs.csv"), "no/such/songs.csv"));
        assertEquals("no/such/songs.csv: no such file", e.getMessage());
    }
}
