package canto.tagger.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TitleGeneratorTest {
    private static String sha256(List<String> rows) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (String r : rows) md.update((r + "\n").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() throws Exception {
        String a = sha256(TitleGenerator.generate(7, 5000));
        assertEquals(a, sha256(TitleGenerator.generate(7, 5000)));
        assertNotEquals(a, sha256(TitleGenerator.generate(8, 5000)));
        // a prefix: the first rows do not depend on how many are asked for
        assertEquals(TitleGenerator.generate(7, 5000).subList(0, 100), TitleGenerator.generate(7, 100));
    }

    @Test
    void commandWritesTheSameBytesTwice(@TempDir Path dir) throws Exception {
        Path f1 = dir.resolve("a.tsv"), f2 = dir.resolve("b.tsv");
        assertEquals(0, run("--seed", "3", "--count", "2000", "--out", f1.toString()));
        assertEquals(0, run("--seed", "3", "--count", "2000", "--out", f2.toString()));
        byte[] b1 = Files.readAllBytes(f1);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b1)),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f2))));
        List<String> lines = Files.readAllLines(f1, StandardCharsets.UTF_8);
        assertEquals(TitleGenerator.HEADER, lines.get(0));
        assertEquals(2001, lines.size());
        // the project's own reader accepts every row (it checks each span against its piece)
        assertEquals(2000, LabelledTitles.read(f1, false).size());
    }

    @Test
    void badArgumentsSayWhatAndWriteNothing(@TempDir Path dir) {
        assertEquals(2, run("--count", "many", "--out", dir.resolve("x.tsv").toString()));
        assertEquals(2, run("--seed", "1"));
        assertEquals(2, run("--bogus"));
        assertEquals(1, run("--out", dir.resolve("no/such/x.tsv").toString()));
        assertFalse(Files.exists(dir.resolve("x.tsv")));
    }

    @Test
    void mainRunsTheGenerateSubcommand(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Path f = dir.resolve("g.tsv");
        int code = canto.tagger.Main.run(List.of("generate", "--count", "10", "--out", f.toString()), System.in,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals(11, Files.readAllLines(f, StandardCharsets.UTF_8).size());
        assertEquals(TitleGenerator.generate(1, 10), Files.readAllLines(f, StandardCharsets.UTF_8).subList(1, 11));
    }

    private static int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = GenerateCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        if (code != 0) assertTrue(e.startsWith("tagger generate: ") && !e.contains("Exception"), e);
        return code;
    }

    @Test
    void everySpanCoversExactlyItsPieceInTitleOrder() {
        List<String> rows = TitleGenerator.generate(1, 20000);
        Set<String> titles = new HashSet<>();
        for (String row : rows) {
            String[] f = row.split("\t", -1);
            assertEquals(5, f.length, row);
            assertTrue(titles.add(f[0]), "duplicate title " + f[0]);
            assertEquals(f[0].strip(), f[0], row);
            checkSpans(f[0], f[1], f[3], row);
            checkSpans(f[0], f[2], f[4], row);
        }
    }

    /** Pieces non-empty, spans in code points, in title order, not overlapping, each covering its piece. */
    private static void checkSpans(String title, String pieces, String spans, String row) {
        assertFalse(pieces.isEmpty(), "no piece: " + row);
        String[] p = pieces.split(" \\| ", -1), s = spans.split(";", -1);
        assertEquals(p.length, s.length, row);
        int[] cps = title.codePoints().toArray();
        int lastEnd = 0;
        for (int i = 0; i < p.length; i++) {
            String[] se = s[i].split("-");
            int start = Integer.parseInt(se[0]), end = Integer.parseInt(se[1]);
            assertTrue(start >= lastEnd && end > start && end <= cps.length, row);
            assertEquals(p[i], new String(cps, start, end - start), row);
            assertEquals(p[i].strip(), p[i], row);
            lastEnd = end;
        }
    }

    @Test
    void rowsCoverTheFormsOfIssue8() {
        List<String> rows = TitleGenerator.generate(1, 20000);
        String[] wanted = {"[MV] ", " _ ", " feat. ", " ft. ", "featuring", " by ", "cover by", " | ", "｜", "《", "【", "「", "『",
            "M/V", "Dance Practice", "4K", "Remix", "主題曲", "主题曲", "OST", " – ", "－", " x ", " × ", "、", "／", " & ", "與",
            " with ", " and ", "-", " [", "].mp3", ".mp3", "⧸", "＂", "｜"};
        StringBuilder all = new StringBuilder();
        for (String r : rows) all.append(r.split("\t")[0]).append('\n');
        for (String w : wanted) assertTrue(all.indexOf(w) >= 0, "no generated title contains '" + w + "'");
        // youtube-dl names end -ID.ext with an 11-character id
        assertTrue(all.toString().matches("(?s).*-[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]\\.(mp3|m4a|webm|mp4)\n.*"));
    }

    @Test
    void listsHoldEachActAndSongOnce() {
        Set<String> names = new HashSet<>();
        for (TitleLists.Act a : TitleGenerator.acts()) {
            for (String n : new HashSet<>(a.allNames())) assertTrue(names.add(n), "acts.txt:" + a.line() + ": '" + n + "' names another act too");
        }
        assertTrue(names.size() > 3_500, "names: " + names.size());
        Set<String> songs = new HashSet<>();
        TitleLists lists = TitleLists.bundled();
        for (List<TitleLists.Song> l : lists.songs.values()) {
            for (TitleLists.Song s : l) assertTrue(songs.add(s.scene() + " " + s.name()), "songs.txt: " + s.name() + " twice in " + s.scene());
        }
    }

    @Test
    void labelsFollowIssue8Conventions() {
        // an act shown in two scripts has one labelled piece, the one issue 8's rule prefers
        for (String row : TitleGenerator.generate(2, 20000)) {
            String[] f = row.split("\t", -1);
            for (String a : f[1].split(" \\| ")) {
                assertFalse(a.contains("feat") || a.contains("ft."), row);
            }
            // "TWICE(트와이스)": the Hangul of a Latin-named act is never the label
            if (f[0].contains("TWICE(트와이스)")) assertTrue(List.of(f[1].split(" \\| ")).contains("TWICE"), row);
            if (f[0].contains("Eason Chan 陳奕迅") || f[0].contains("陳奕迅 Eason Chan")) {
                assertTrue(List.of(f[1].split(" \\| ")).contains("陳奕迅") && !f[1].contains("Eason"), row);
            }
        }
    }

    @Test
    void songFirstMeansTheSongBeforeTheActWithNothingSayingSo() {
        assertTrue(TitleGenerator.songFirst("{T} {-} {A} {C}"));
        assertTrue(TitleGenerator.songFirst("{Q}{a} {N}"));
        assertFalse(TitleGenerator.songFirst("{A} {-} {Q} {N}"));
        assertFalse(TitleGenerator.songFirst("{T} by {A}"), "by names the order");
        assertFalse(TitleGenerator.songFirst("{T} {-} {A} cover"), "a cover note names the order");
        assertFalse(TitleGenerator.songFirst("{Q} {N}"), "no act");
    }
}
