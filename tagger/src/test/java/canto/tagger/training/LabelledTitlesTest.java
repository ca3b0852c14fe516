package canto.tagger.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.tagger.model.DataException;
import canto.tagger.model.Pieces;
import canto.tagger.model.TokenLabel;
import canto.tagger.tokens.FileNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledTitlesTest {
    @TempDir Path dir;

    @Test
    void readsSpansInCodePoints() throws Exception {
        // the emoji is one code point but two UTF-16 units, so the spans shift by one unit
        Path f = Fixtures.write(dir, "t.tsv", List.of("🔴 歌手甲 - 歌名乙 MV\t歌手甲\t歌名乙\t2-5\t8-11"));
        LabelledTitle t = LabelledTitles.read(f, true).get(0);
        assertArrayEquals(new int[] {3, 6}, t.artistSpans()[0]);
        assertArrayEquals(new int[] {9, 12}, t.titleSpans()[0]);
        assertEquals(f + ":2", t.source());
        assertTrue(t.real());
    }

    @Test
    void findsSpansWhenTheColumnsAreEmptyAndSplitsPieces() throws Exception {
        Path f = Fixtures.write(dir, "titles-written-x.tsv", List.of("甲 x 乙 - 丙_丁\t甲 | 乙\t丙 | 丁\t\t"));
        LabelledTitle t = LabelledTitles.read(f, false).get(0);
        assertEquals(List.of("甲", "乙"), t.artists());
        assertEquals(List.of("丙", "丁"), t.titles());
        assertArrayEquals(new int[] {4, 5}, t.artistSpans()[1]);
        assertArrayEquals(new int[] {10, 11}, t.titleSpans()[1]);
    }

    @Test
    void errorsNameFileLineAndField() throws Exception {
        Path wrongSpan = Fixtures.write(dir, "a.tsv", List.of("甲 - 乙\t甲\t乙\t0-1\t4-5", "甲 - 乙\t甲\t乙\t0-1\t3-4"));
        DataException e = assertThrows(DataException.class, () -> LabelledTitles.read(wrongSpan, true));
        assertEquals(wrongSpan + ":3: field 'song_spans': span 3-4 covers ' ', not the piece '乙'", e.getMessage());

        Path fields = Fixtures.write(dir, "b.tsv", List.of("甲 - 乙\t甲\t乙"));
        e = assertThrows(DataException.class, () -> LabelledTitles.read(fields, true));
        assertEquals(fields + ":2: expected 5 tab-separated fields, found 3", e.getMessage());

        Path header = dir.resolve("c.tsv");
        Files.writeString(header, "title\tartist\n", StandardCharsets.UTF_8);
        e = assertThrows(DataException.class, () -> LabelledTitles.read(header, true));
        assertTrue(e.getMessage().startsWith(header + ":1: header must be"), e.getMessage());

        Path missing = Fixtures.write(dir, "d.tsv", List.of("甲 - 乙\t丙\t乙\t\t"));
        e = assertThrows(DataException.class, () -> LabelledTitles.read(missing, true));
        assertEquals(missing + ":2: field 'artist': piece '丙' is not in the title (after what came before)", e.getMessage());

        Path notUtf8 = dir.resolve("e.tsv");
        Files.write(notUtf8, new byte[] {'t', (byte) 0xC3, (byte) 0x28});
        e = assertThrows(DataException.class, () -> LabelledTitles.read(notUtf8, true));
        assertEquals(notUtf8 + ": not valid UTF-8", e.getMessage());

        e = assertThrows(DataException.class, () -> LabelledTitles.read(dir.resolve("none.tsv"), true));
        assertEquals(dir.resolve("none.tsv") + ": no such file", e.getMessage());
    }

    /** Every labelled piece must be a run of whole tokens, or the model could never produce it. */
    private static void assertTokensReproduceLabels(Path file, boolean real) throws Exception {
        List<LabelledTitle> titles = LabelledTitles.read(file, real);
        for (LabelledTitle t : titles) {
            Example e = Example.of(t);
            String seen = FileNames.toTitle(t.title());
            assertEquals(t.artists(), Pieces.of(seen, e.tokens(), e.labels(), TokenLabel.ARTIST), t.source());
            assertEquals(t.titles(), Pieces.of(seen, e.tokens(), e.labels(), TokenLabel.TITLE), t.source());
        }
    }

    @Test
    void ourWrittenTitlesAreReproducibleFromTheirTokens() throws Exception {
        Path written = Path.of("..", "data", "tagger", "titles-written.tsv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(written), "run from the tagger module of a checkout");
        assertTokensReproduceLabels(written, false);
        assertTrue(LabelledTitles.read(written, false).size() >= 300);
    }

    @Test
    void sharedRealTitlesAreReproducibleFromTheirTokens() throws Exception {
        Path real = Path.of("..", "data", "tagger", "titles-train.tsv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(real), "shared data not linked into data/tagger/");
        assertTokensReproduceLabels(real, true);
    }

    @Test
    void writtenFilesAreRecognisedByName() {
        assertTrue(TrainingData.isWritten(Path.of("data/tagger/titles-written.tsv")));
        assertEquals(false, TrainingData.isWritten(Path.of("data/tagger/titles-train.tsv")));
    }

    @Test
    void fileNameRowsAreTrainedOnTheStrippedTitle() {
        LabelledTitle t = LabelledTitles.parseLine("十年 - 陳奕迅 [w1TMv7jx8ew].mp3\t陳奕迅\t十年\t\t", "x:2", false);
        Example e = Example.of(t);
        assertEquals(3, e.tokens().size());
        assertArrayEquals(new int[] {2, 0, 1}, e.labels());
    }
}
