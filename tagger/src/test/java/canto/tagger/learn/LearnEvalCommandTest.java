package canto.tagger.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * eval-learn on a small library with the bundled model as base (--library: no base model to
 * train, so it is quick): the error lines say which test titles base and user model get wrong
 * and whether the library and the base's lexicon know their acts, and --capacity prints the
 * model trained with the test titles in its library too.
 */
class LearnEvalCommandTest {
    private static final Path WRITTEN = Path.of("..", "data", "tagger", "titles-written.tsv");

    @Test
    void errorsAreFlaggedWithWhatTheLibraryAndTheLexiconKnowAndCapacityIsPrinted(@TempDir Path dir) throws IOException {
        // an unknown act's own convention, the song first; the bundled model reads such titles the other way round
        List<String> rows = List.of("title\tartist\tsong\tartist_spans\tsong_spans",
                "Blue Lantern - Zqxvorn\tZqxvorn\tBlue Lantern\t15-22\t0-12",
                "Night Train - Zqxvorn\tZqxvorn\tNight Train\t14-21\t0-11",
                "Paper Moon - Zqxvorn\tZqxvorn\tPaper Moon\t13-20\t0-10",
                "Cold Rain - Zqxvorn\tZqxvorn\tCold Rain\t12-19\t0-9");
        Path lib = dir.resolve("lib.tsv");
        Files.write(lib, rows, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int rc = LearnEvalCommand.run(List.of("--library", lib.toString(), "--written", WRITTEN.toString(), "--seeds", "1", "--epochs", "1", "--errors", "--capacity"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        List<String> errors = text.lines().filter(l -> l.startsWith("    ")).toList();
        assertTrue(!errors.isEmpty(), "the base reads the library's convention the other way round: " + text);
        for (String l : errors) {
            // each test title's act is confirmed by the library's half and is not a known act of the bundled model
            assertTrue(l.matches("    [B-][U-] lib {7}\\S.* \\| gold \\[Zqxvorn\\]\\[.*\\] \\| base .* \\| user .*"), l);
        }
        assertTrue(text.lines().anyMatch(l -> l.startsWith("  capacity (the test titles in the library too): ")), text);
        assertTrue(text.contains("capacity, the test titles in the library too (what training can fit, not a gain): "), text);
    }
}
