package canto.tagger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.tagger.Main;
import canto.tagger.id3.Mp3Fixtures;
import canto.tagger.model.NeuralTitleParser;
import canto.tagger.model.ParsedTitle;
import com.mpatric.mp3agic.ID3v2;
import com.mpatric.mp3agic.Mp3File;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void versionAndUsageErrorsThroughMain() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8), e = new PrintStream(err, true, StandardCharsets.UTF_8);
        String before = System.getProperty("canto.kernels");
        try {
            assertEquals(0, Main.run(List.of("--version"), new ByteArrayInputStream(new byte[0]), o, e, false));
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("tagger "));
            if (before == null) assertEquals("scalar", System.getProperty("canto.kernels"), "the tagger asks for the scalar kernels");
            assertEquals(2, Main.run(List.of(), new ByteArrayInputStream(new byte[0]), o, e, false));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("no files given"));
        } finally {
            if (before == null) System.clearProperty("canto.kernels");
            else System.setProperty("canto.kernels", before);
        }
    }

    /**
     * The real command in its own JVM, as a user runs it (but from the test class path): the
     * bundled parser tags a yt-dlp style file, exit 0, nothing on stderr (no SIMD hint).
     */
    @Test
    void endToEndWithTheBundledParserInAFreshJvm() throws Exception {
        String name = "AGA 江海迦 - 《小問題》MV-w1TMv7jx8ew.mp3";
        Path f = Files.write(dir.resolve(name), Mp3Fixtures.richFile());
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), f.toString());
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().put("XDG_DATA_HOME", dir.resolve("xdg").toString()); // never a user model of whoever runs the tests
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] stdout = p.getInputStream().readAllBytes(), stderr = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = new String(stderr, StandardCharsets.UTF_8);
        Assumptions.assumeFalse(err.contains("locale"), "no UTF-8 locale on this machine: " + err);
        assertEquals("", err);
        assertEquals(0, p.exitValue());

        ParsedTitle expected = NeuralTitleParser.loadBundled().parse(name);
        ID3v2 tag = new Mp3File(f).getId3v2Tag();
        String out = new String(stdout, StandardCharsets.UTF_8);
        if (expected.artists().isEmpty()) assertEquals("Old Artist", tag.getArtist());
        else assertEquals(expected.artist(), tag.getArtist());
        if (!expected.titles().isEmpty()) assertEquals(expected.title(), tag.getTitle());
        assertTrue(out.startsWith("TAGGED  " + f + "  artist="), out);
        assertTrue(out.endsWith("tagger: 1 tagged, 0 unchanged, 0 skipped, 0 failed\n"), out);
    }
}
