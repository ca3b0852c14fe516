package canto.tagger.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileTest {
    @TempDir Path dir;

    private static final Instant T = Instant.parse("2026-12-02T17:10:16.123456789Z");

    private static List<PlanRow> rows() {
        return List.of(
                new PlanRow("/m/AGA 江海迦 - 《小問題》MV.mp3", "江海迦", "小問題", 0.98, false, 123, T, "江海迦", "小問題"),
                new PlanRow("/m/0001.mp3", "", "", 0.31, true, 5, T.plusSeconds(1), "", ""),
                new PlanRow("/m/\"浮誇\".mp3", "陳奕迅 / 王菀之", "\"浮誇\"", 0.5, true, 77, T, "陳奕迅", "\"浮誇\""));
    }

    @Test
    void roundTripKeepsEveryFieldAndPutsReviewRowsFirst() throws Exception {
        Path plan = dir.resolve("plan.tsv");
        PlanWriter.write(plan, rows());
        List<String> lines = Files.readAllLines(plan, StandardCharsets.UTF_8);
        assertEquals("path\tartist\ttitle\tconfidence\treview\tsize\tmodified\tparsed_artist\tparsed_title", lines.get(0));
        assertTrue(lines.get(1).startsWith("/m/0001.mp3\t"), "review rows first, in the order given");
        assertTrue(lines.get(2).startsWith("/m/\"浮誇\".mp3\t"));
        assertTrue(lines.get(3).startsWith("/m/AGA"));
        assertTrue(lines.get(2).contains("\t\"\"\"浮誇\"\"\"\t"), "a field starting with a quote is quoted as a spreadsheet does");
        List<PlanRow> back = PlanReader.read(plan);
        assertEquals(3, back.size());
        PlanRow r = back.get(1);
        assertEquals("/m/\"浮誇\".mp3", r.path());
        assertEquals("\"浮誇\"", r.title());
        assertEquals("陳奕迅 / 王菀之", r.artist());
        assertEquals(77, r.size());
        assertEquals(T, r.modified(), "nanoseconds kept");
        assertTrue(r.review());
        assertTrue(r.edited(), "artist differs from parsed_artist");
        assertFalse(back.get(2).edited());
        assertEquals(0.98, back.get(2).confidence(), 1e-9);
    }

    @Test
    void bomCrlfUtf16AndSpreadsheetHabitsAreTolerated() throws Exception {
        String text = PlanWriter.text(rows());
        List<PlanRow> plain = PlanReader.parse(text, "p");
        Path bom = dir.resolve("bom.tsv");
        Files.write(bom, ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        assertEquals(plain, PlanReader.read(bom));
        Path utf16 = dir.resolve("utf16.tsv");
        byte[] body = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(utf16, withBom);
        assertEquals(plain, PlanReader.read(utf16));
        // columns reordered, an extra column, trailing empty fields dropped, review/confidence gone
        String other = "size\tmodified\tpath\tparsed_title\tparsed_artist\tartist\ttitle\tnote\n"
                + "5\t" + T + "\t/m/x.mp3\t\t\t陳奕迅\t浮誇\tmine\n"
                + "6\t" + T + "\t/m/y.mp3\n\n";
        List<PlanRow> r = PlanReader.parse(other, "q");
        assertEquals(2, r.size());
        assertEquals("陳奕迅", r.get(0).artist());
        assertTrue(r.get(0).edited());
        assertEquals("", r.get(1).artist());
        assertFalse(r.get(1).edited());
    }

    @Test
    void badPlansGiveOneLineNamingFileAndLine() throws Exception {
        String head = "path\tartist\ttitle\tconfidence\treview\tsize\tmodified\tparsed_artist\tparsed_title\n";
        assertEquals("p:3: field 'size' is not a whole number of bytes: 'abc'", assertThrows(PlanException.class,
                () -> PlanReader.parse(head + "/a\tx\ty\t1\tno\t1\t" + T + "\tx\ty\n/b\tx\ty\t1\tno\tabc\t" + T + "\tx\ty\n", "p")).getMessage());
        assertTrue(assertThrows(PlanException.class, () -> PlanReader.parse(head + "/a\tx\ty\t1\tno\t1\tyesterday\tx\ty\n", "p"))
                .getMessage().startsWith("p:2: field 'modified' is not a time"));
        assertEquals("p:3: the file /a is already planned on line 2", assertThrows(PlanException.class,
                () -> PlanReader.parse(head + "/a\tx\ty\t1\tno\t1\t" + T + "\tx\ty\n/a\tx\ty\t1\tno\t1\t" + T + "\tx\ty\n", "p")).getMessage());
        assertTrue(assertThrows(PlanException.class, () -> PlanReader.parse("path\tartist\n", "p")).getMessage()
                .startsWith("p:1: the header lacks the column 'title'"));
        assertEquals("p:2: field 'path' is empty", assertThrows(PlanException.class,
                () -> PlanReader.parse(head + "\tx\ty\t1\tno\t1\t" + T + "\tx\ty\n", "p")).getMessage());
        Path latin1 = dir.resolve("latin1.tsv");
        Files.write(latin1, (head + "/caf\u00e9\tx\ty\t1\tno\t1\t" + T + "\tx\ty\n").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(latin1 + ": not UTF-8 text (save the plan as UTF-8)", assertThrows(PlanException.class, () -> PlanReader.read(latin1)).getMessage());
        assertEquals(dir.resolve("none.tsv") + ": no such file", assertThrows(PlanException.class, () -> PlanReader.read(dir.resolve("none.tsv"))).getMessage());
    }
}
