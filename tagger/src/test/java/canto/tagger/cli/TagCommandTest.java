package canto.tagger.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.tagger.id3.Mp3Fixtures;
import canto.tagger.model.TitleParser;
import com.mpatric.mp3agic.ID3v2;
import com.mpatric.mp3agic.Mp3File;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<String> outLines() { return out.isEmpty() ? List.of() : List.of(out.split("\n")); }
        List<String> errLines() { return err.isEmpty() ? List.of() : List.of(err.split("\n")); }
    }

    private Run run(String stdin, Supplier<TitleParser> parser, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = TagCommand.run(List.of(args), parser, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false, "test");
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run run(String... args) {
        return run("", FakeParser::new, args);
    }

    private Path mp3(String relative) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.write(p, Mp3Fixtures.richFile());
    }

    private static ID3v2 tag(Path p) throws Exception {
        return new Mp3File(p).getId3v2Tag();
    }

    @Test
    void tagsFoldersRecursivelyOnlyMp3FilesInNameOrder() throws Exception {
        Path a = mp3("music/Zed - One.mp3");
        Path b = mp3("music/sub/Abc - Two.MP3");
        Path c = mp3("music/sub/deeper/Mid - Three.mp3");
        Path txt = Files.writeString(dir.resolve("music/sub/notes - x.txt"), "not music");
        Path m4a = Files.write(dir.resolve("music/Other - Song.m4a"), Mp3Fixtures.richFile());
        byte[] m4aBefore = Files.readAllBytes(m4a);

        Run r = run(dir.resolve("music").toString());

        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.outLines();
        assertEquals(4, lines.size(), r.out());
        assertEquals("TAGGED  " + a + "  artist=Zed title=One  confidence=0.90", lines.get(0));
        assertEquals("TAGGED  " + b + "  artist=Abc title=Two  confidence=0.90", lines.get(1));
        assertEquals("TAGGED  " + c + "  artist=Mid title=Three  confidence=0.90", lines.get(2));
        assertEquals("tagger: 3 tagged, 0 unchanged, 0 skipped, 0 failed", lines.get(3));
        assertEquals("", r.err());
        assertEquals("Abc", tag(b).getArtist());
        assertEquals("Three", tag(c).getTitle());
        assertEquals("not music", Files.readString(txt));
        assertArrayEquals(m4aBefore, Files.readAllBytes(m4a), "only *.mp3 under folders");
    }

    @Test
    void aFileNamedExplicitlyIsTaggedWhateverItsExtension() throws Exception {
        Path f = Files.write(dir.resolve("Some - Thing.audio"), Mp3Fixtures.richFile());
        Run r = run(f.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("Thing.audio", tag(f).getTitle(), "the fake parser strips only .mp3");
    }

    @Test
    void failuresAreReportedOnStderrTheBatchGoesOnAndTheExitCodeIsOne() throws Exception {
        Path good1 = mp3("A - One.mp3");
        Path text = Files.writeString(dir.resolve("B - Text.mp3"), "hello ".repeat(100));
        Path empty = Files.write(dir.resolve("C - Empty.mp3"), new byte[0]);
        Path good2 = mp3("D - Two.mp3");
        String missing = dir.resolve("E - Missing.mp3").toString();

        Run r = run(good1.toString(), text.toString(), missing, empty.toString(), good2.toString());

        assertEquals(1, r.exit());
        assertEquals(List.of(
                "ERROR  " + text + ": is a text file, not MP3",
                "ERROR  " + missing + ": no such file or folder",
                "ERROR  " + empty + ": empty file"), r.errLines());
        assertEquals(3, r.outLines().size(), r.out());
        assertTrue(r.out().endsWith("tagger: 2 tagged, 0 unchanged, 0 skipped, 3 failed\n"), r.out());
        assertEquals("Two", tag(good2).getTitle());
        assertEquals("hello ".repeat(100), Files.readString(text));
    }

    @Test
    void usageErrorsExitWithTwoAndAHint() {
        for (String[] args : List.of(new String[0], new String[] {"--bogus", "x.mp3"}, new String[] {"--id3", "9", "x.mp3"},
                new String[] {"x.mp3", "-l"}, new String[] {"-l", dir.resolve("no-such-list.txt").toString()})) {
            Run r = run(args);
            assertEquals(2, r.exit(), String.join(" ", args));
            assertEquals(2, r.errLines().size(), r.err());
            assertTrue(r.errLines().get(0).startsWith("tagger: "), r.err());
            assertEquals(Usage.HINT, r.errLines().get(1));
            assertEquals("", r.out());
        }
    }

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().startsWith("Usage: java -jar tagger.jar [OPTIONS] FILE|DIR..."), help.out());
        assertTrue(help.out().contains("--exec"), "the yt-dlp example is in the help");
        Run version = run("--version");
        assertEquals(0, version.exit());
        assertEquals("tagger test\n", version.out());
    }

    @Test
    void dryRunReportsButWritesNothing() throws Exception {
        Path f = mp3("江海迦 - 小問題.mp3");
        byte[] before = Files.readAllBytes(f);
        Run r = run("-n", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("WOULD-TAG  " + f + "  artist=江海迦 title=小問題  confidence=0.90"
                + "  [ID3v1 title and artist left empty: not latin1 text (see --id3v1-encoding)]", r.outLines().get(0));
        assertEquals("tagger: 1 would be tagged (dry run, nothing written), 0 unchanged, 0 skipped, 0 failed", r.outLines().get(1));
        assertArrayEquals(before, Files.readAllBytes(f));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void unsureParsesAreMarkedReviewAndMinConfidenceLeavesThemAlone() throws Exception {
        Path sure = mp3("A - B.mp3");
        Path unsure = mp3("unsure C - D.mp3");
        byte[] unsureBefore = Files.readAllBytes(unsure);
        Run look = run("-n", sure.toString(), unsure.toString());
        assertEquals("WOULD-TAG  " + sure + "  artist=A title=B  confidence=0.90", look.outLines().get(0));
        assertEquals("WOULD-TAG  " + unsure + "  artist=unsure C title=D  confidence=0.30 REVIEW", look.outLines().get(1));

        Run r = run("--min-confidence", "0.5", sure.toString(), unsure.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("TAGGED  " + sure + "  artist=A title=B  confidence=0.90", r.outLines().get(0));
        assertEquals("LOW-CONFIDENCE  " + unsure + "  artist=unsure C title=D  confidence=0.30 REVIEW  (below --min-confidence;"
                + " file left alone)", r.outLines().get(1));
        assertEquals("tagger: 1 tagged, 0 unchanged, 1 skipped, 0 failed", r.outLines().get(2));
        assertEquals("tagger: 1 file below --min-confidence 0.5 left untouched:", r.outLines().get(3));
        assertEquals("  " + unsure, r.outLines().get(4));
        assertArrayEquals(unsureBefore, Files.readAllBytes(unsure));
        assertEquals("A", tag(sure).getArtist());

        assertEquals(2, run("--min-confidence", "1.5", sure.toString()).exit());
        assertEquals(2, run("--min-confidence", "x", sure.toString()).exit());
    }

    @Test
    void rerunningReportsUnchanged() throws Exception {
        Path f = mp3("A - B.mp3");
        assertEquals(0, run(f.toString()).exit());
        byte[] once = Files.readAllBytes(f);
        Run again = run(f.toString());
        assertEquals(0, again.exit());
        assertEquals("UNCHANGED  " + f + "  artist=A title=B  confidence=0.90", again.outLines().get(0));
        assertArrayEquals(once, Files.readAllBytes(f));
    }

    @Test
    void partialAndEmptyParsesAreExplained() throws Exception {
        Path titleOnly = mp3("title-only song.mp3");
        Path nothing = mp3("nothing here.mp3");
        byte[] nothingBefore = Files.readAllBytes(nothing);
        Run r = run(titleOnly.toString(), nothing.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("TAGGED  " + titleOnly + "  artist=(none found; TPE1 left as it was) title=title-only song  confidence=0.50", r.outLines().get(0));
        assertEquals("SKIPPED  " + nothing + ": no artist or title found in the file name (file left alone)", r.outLines().get(1));
        assertEquals("tagger: 1 tagged, 0 unchanged, 1 skipped, 0 failed", r.outLines().get(2));
        assertEquals("Old Artist", tag(titleOnly).getArtist(), "TPE1 left as it was");
        assertArrayEquals(nothingBefore, Files.readAllBytes(nothing));
    }

    @Test
    void aParserFailureIsOneFilesErrorNotTheBatchs() throws Exception {
        Path boom = mp3("boom.mp3");
        Path ok = mp3("X - Y.mp3");
        Run r = run(boom.toString(), ok.toString());
        assertEquals(1, r.exit());
        assertEquals(List.of("ERROR  " + boom + ": title parser failed (IllegalStateException: parser exploded)"), r.errLines());
        assertEquals("Y", tag(ok).getTitle());
    }

    @Test
    void aParserThatCannotLoadIsOneLineAndExitOne() throws Exception {
        Path f = mp3("X - Y.mp3");
        Run r = run("", () -> { throw new IllegalStateException("model missing"); }, f.toString());
        assertEquals(1, r.exit());
        assertEquals(List.of("tagger: cannot load the title parser: model missing"), r.errLines());
    }

    @Test
    void listFilesAndStandardInput() throws Exception {
        Path a = mp3("list/A - One.mp3");
        Path b = mp3("list/B - Two.mp3");
        Path c = mp3("list/C - Three.mp3");
        Path list = Files.writeString(dir.resolve("paths.txt"), a + "\r\n\n" + b + "\n");
        Run r = run(c + "\n", FakeParser::new, "--list", list.toString(), "-l", "-");
        assertEquals(0, r.exit(), r.err());
        assertEquals("tagger: 3 tagged, 0 unchanged, 0 skipped, 0 failed", r.outLines().get(3));
        assertEquals("One", tag(a).getTitle());
        assertEquals("Two", tag(b).getTitle());
        assertEquals("Three", tag(c).getTitle());
    }

    @Test
    void id3VersionOption() throws Exception {
        Path f = Files.write(dir.resolve("A - B.mp3"), Mp3Fixtures.audio(10, 1));
        assertEquals(0, run("--id3", "2.4", f.toString()).exit());
        assertEquals("4.0", tag(f).getVersion());
        Path g = Files.write(dir.resolve("C - D.mp3"), Mp3Fixtures.audio(10, 1));
        assertEquals(0, run(g.toString()).exit());
        assertEquals("3.0", tag(g).getVersion());
    }

    @Test
    void fileNamesStartingWithADashAfterDoubleDash() throws Exception {
        Path f = mp3("-A - B.mp3");
        Run r = run("--", f.getFileName().toString().equals("-A - B.mp3") ? f.toString() : "?");
        assertEquals(0, r.exit(), r.err());
        assertEquals("B", tag(f).getTitle());
    }

    @Test
    void chineseEmojiQuotesAndSpacesInNamesThroughTheCommandLine() throws Exception {
        String jnu = System.getProperty("sun.jnu.encoding");
        Assumptions.assumeTrue(jnu != null && jnu.equalsIgnoreCase("UTF-8"), "needs a UTF-8 locale");
        List<String> args = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String name : List.of("江海迦 - 小問題 😀.mp3", "it's \"x\" - y  z.mp3", "容祖兒 - 我的驕傲 [abcdefghijk].mp3")) {
            Path p = mp3("names/" + name);
            files.add(p);
            args.add(p.toString());
        }
        Run r = run(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        assertEquals("小問題 😀", tag(files.get(0)).getTitle());
        assertEquals("it's \"x\"", tag(files.get(1)).getArtist());
        assertEquals("容祖兒", tag(files.get(2)).getArtist());
        assertTrue(r.out().contains("artist=江海迦 title=小問題 😀"), r.out());
    }

    @Test
    void noProgressWhenNotATerminalAndControlCharactersAreNotPrinted() throws Exception {
        mp3("p/A - One.mp3");
        mp3("p/B - Two.mp3");
        Run r = run(dir.resolve("p").toString());
        assertFalse(r.err().contains("\r") || r.out().contains("\r"));
        assertEquals("a?b", TagCommand.printable("a\nb"));
    }

    @Test
    void aFileNameWithUndecodableBytesIsNotParsed() throws Exception {
        String jnu = System.getProperty("sun.jnu.encoding");
        Assumptions.assumeTrue(java.io.File.separatorChar == '/' && jnu != null && jnu.equalsIgnoreCase("UTF-8"));
        // Make a file whose name is GBK bytes (not UTF-8): Java shows them as U+FFFD.
        byte[] gbk = "陳奕迅 - 富士山下.mp3".getBytes(java.nio.charset.Charset.forName("GBK"));
        Process p = new ProcessBuilder("sh", "-c", "printf \"$1\" > /dev/null; cp \"$2\" \"$(printf \"$1\")\"", "sh",
                octal(gbk), mp3("source.mp3").toString()).directory(dir.toFile()).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "could not create a non-UTF-8 file name");
        Path odd;
        try (var s = Files.list(dir)) {
            odd = s.filter(x -> x.getFileName().toString().indexOf('\uFFFD') >= 0).findFirst().orElse(null);
        }
        Assumptions.assumeTrue(odd != null, "the file system did not keep the raw bytes");
        byte[] before = Files.readAllBytes(odd);
        Run r = run(dir.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("not UTF-8 text; run under a UTF-8 locale"), r.err());
        assertArrayEquals(before, Files.readAllBytes(odd));
    }

    private static String octal(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) b.append(String.format("\\%03o", x & 0xFF));
        return b.toString();
    }

    @Test
    void anEmptyFolderIsANoteNotAFailure() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Run r = run(dir.resolve("empty").toString());
        assertEquals(0, r.exit());
        assertEquals(List.of("tagger: no .mp3 files in folder " + dir.resolve("empty")), r.errLines());
        assertEquals("tagger: 0 tagged, 0 unchanged, 0 skipped, 0 failed\n", r.out());
    }
}
