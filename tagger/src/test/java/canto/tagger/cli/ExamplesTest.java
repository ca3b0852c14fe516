package canto.tagger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.tagger.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Quick start runs the tagger on {@code examples/library} (made by
 * {@code canto.tagger.id3.MakeExamples}): a dry run that changes nothing and exits 0; tagging a
 * copy tags five files and skips the --restrict-filenames one; a second run changes nothing.
 */
class ExamplesTest {
    static final Path LIBRARY = Path.of("..", "examples", "library");

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void theQuickStartDryRunAndATaggedCopy() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(LIBRARY), "examples/library is beside the tagger module");
        Assumptions.assumeTrue(canto.tagger.id3.BadInputTestAccess.utf8FileNames(), "file names need a UTF-8 locale");
        String[] dry = run("--bundled-model", "-n", LIBRARY.toString());
        assertEquals("0", dry[0], dry[2]);
        assertTrue(dry[1].endsWith("tagger: 5 would be tagged (dry run, nothing written), 0 unchanged, 1 skipped, 0 failed\n"), dry[1]);

        Path copy = dir.resolve("library");
        Files.createDirectories(copy);
        try (Stream<Path> s = Files.list(LIBRARY)) {
            for (Path p : s.toList()) Files.copy(p, copy.resolve(p.getFileName().toString()));
        }
        String[] tagged = run("--bundled-model", copy.toString());
        assertEquals("0", tagged[0], tagged[2]);
        assertTrue(tagged[1].endsWith("tagger: 5 tagged, 0 unchanged, 1 skipped, 0 failed\n"), tagged[1]);
        assertTrue(tagged[1].contains("artist=容祖兒 title=我的驕傲"), "the info.json title: " + tagged[1]);
        String[] again = run("--bundled-model", copy.toString());
        assertTrue(again[1].endsWith("tagger: 0 tagged, 5 unchanged, 1 skipped, 0 failed\n"), again[1]);
    }
}
