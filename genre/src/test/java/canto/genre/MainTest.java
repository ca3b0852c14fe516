package canto.genre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private static final String FULL = "src/test/resources/fixtures/songs-full.csv";
    private static final String LYRICS_ONLY = "src/test/resources/fixtures/songs-lyrics-only.csv";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    private String stdout() { return out.toString(StandardCharsets.UTF_8); }
    private String stderr() { return err.toString(StandardCharsets.UTF_8); }

    @Test
    @SuppressWarnings("unchecked")
    void allThreeExperimentsWriteResultsAndPictures(@TempDir Path dir) throws Exception {
        int status = run("--experiment", "all", "--data", FULL, "--epochs", "2", "--seeds", "2", "--out", dir.toString());
        assertEquals(0, status, stderr());
        List<Object> runs = (List<Object>) Json.parse(Files.readString(dir.resolve("results.json")));
        assertEquals(6, runs.size());
        String[] expected = {"lyrics", "lyrics", "features", "features", "combined", "combined"};
        for (int i = 0; i < 6; i++) {
            Map<String, Object> r = (Map<String, Object>) runs.get(i);
            assertEquals(expected[i], r.get("experiment"));
            assertEquals((long) (i % 2 + 1), r.get("seed"));
            assertEquals(FULL, r.get("data_file"));
            assertEquals(70L, r.get("rows"));
            assertEquals(2, ((List<Object>) r.get("epochs")).size());
        }
        for (String f : new String[] {"accuracy-lyrics.png", "accuracy-features.svg", "accuracy-combined.png",
                "embedding-pca.csv", "embedding-pca.html", "embedding-pca.png"}) {
            assertTrue(Files.size(dir.resolve(f)) > 100, f);
        }
        for (String m : new String[] {"lyrics-seed1", "lyrics-seed2", "features-seed1", "combined-seed2"}) {
            assertTrue(Files.size(dir.resolve("models").resolve(m).resolve("model.safetensors")) > 100, m);
            assertEquals(14, Files.readAllLines(dir.resolve("models").resolve(m).resolve("validation.txt")).size(), m);
        }
        assertTrue(Files.exists(dir.resolve("models/combined-seed1/vocab.txt")));
        assertFalse(Files.exists(dir.resolve("models/features-seed1/vocab.txt")));
        byte[] png = Files.readAllBytes(dir.resolve("accuracy-lyrics.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        List<String> pca = Files.readAllLines(dir.resolve("embedding-pca.csv"));
        assertEquals("word,x0,x1", pca.get(0));
        assertEquals("<unk>", pca.get(1).split(",")[0]);
        String text = stdout();
        assertTrue(text.contains("| epoch   1 | train accuracy "), text);
        assertTrue(text.contains(" | val accuracy "), text);
        assertTrue(text.matches("(?s).*\\| time: \\d+\\.\\d\\ds\n.*"), text);
        assertTrue(text.contains("summary lyrics: validation "), text);
        assertFalse(text.contains("\r"), "no progress line when stdout is not a terminal");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void aFileWithoutFeaturesSaysWhichExperimentsItCannotServe(@TempDir Path dir) {
        int status = run("--experiment", "all", "--data", LYRICS_ONLY, "--out", dir.toString());
        assertEquals(2, status);
        String e = stderr();
        assertTrue(e.startsWith("genre: " + LYRICS_ONLY + ": cannot serve experiment features"), e);
        assertTrue(e.contains("experiment combined"), e);
        assertFalse(e.contains("Exception"), e);
        assertTrue(stdout().contains("serves lyrics; cannot serve features"), stdout());
        assertFalse(Files.exists(dir.resolve("results.json")));
    }

    @Test
    void badDataIsOneLineNamingFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "genre,lyrics\npop,la la\nfunk,do do\n");
        assertEquals(2, run("--experiment", "lyrics", "--data", bad.toString(), "--out", dir.resolve("o").toString()));
        assertEquals("genre: " + bad + ": line 3: column 'genre': unknown genre 'funk' (known: blues, country, hip hop, jazz, pop, reggae, rock)\n",
                stderr());
    }

    @Test
    void badOptionsAreOneLine() {
        assertEquals(2, run("--experiment", "metal", "--data", FULL));
        assertTrue(stderr().startsWith("genre: --experiment must be lyrics, features, combined, all or ngrams, not 'metal'\n"), stderr());
    }

    @Test
    void helpGoesToStdout() {
        assertEquals(0, run("--help"));
        assertTrue(stdout().startsWith("usage: "));
    }

    @Test
    void anOutputDirectoryThatIsAFileIsOneLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("taken");
        Files.writeString(file, "x");
        assertEquals(1, run("--experiment", "features", "--data", FULL, "--epochs", "1", "--out", file.toString()));
        assertTrue(stderr().startsWith("genre: cannot write to " + file + ": "), stderr());
        assertEquals(1, stderr().split("\n").length, stderr());
        assertEquals("x", Files.readString(file));
        assertFalse(stdout().contains("| epoch"), "stopped before training");
    }
}
