package canto.genre;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's start-up overlaps (the kernel warm-up while the CSV is read, the picture warm-up
 * while the model trains, the embedding PNG drawn beside the text files) change no result:
 * every accuracy printed and every output file but the timings in results.json are the same
 * as in the plain sequential run ({@code -Dcanto.warmup=false}).
 */
class StartUpOverlapTest {
    private static final Path REAL = Path.of("../data/genre/tcc_ceds_music_random1000.csv");
    private static final String FIXTURE = "src/test/resources/fixtures/songs-lyrics-only.csv";
    private static final String[] FILES = {"models/lyrics-seed1/model.safetensors", "models/lyrics-seed1/vocab.txt",
        "models/lyrics-seed1/validation.txt", "embedding-pca.csv", "embedding-pca.html", "embedding-pca.png",
        "accuracy-lyrics.svg", "accuracy-lyrics.png", "confusion-lyrics.png"};

    private static String run(Path dir, boolean warmUp) {
        String data = Files.exists(REAL) ? REAL.toString() : FIXTURE;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        String before = System.getProperty("canto.warmup");
        System.setProperty("canto.warmup", Boolean.toString(warmUp));
        try {
            int status = Main.run(new String[] {"--experiment", "lyrics", "--data", data, "--epochs", "3", "--out", dir.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
            assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        } finally {
            if (before == null) System.clearProperty("canto.warmup");
            else System.setProperty("canto.warmup", before);
        }
        return out.toString(StandardCharsets.UTF_8)
                .replaceAll("time: [0-9.]+s", "time: ?")
                .replaceAll("[0-9.]+ s per training epoch, [0-9.]+ s per seed", "? s per training epoch, ? s per seed")
                .replace(dir.toString(), "DIR");
    }

    @Test
    void overlappedRunPrintsAndWritesWhatTheSequentialRunDoes(@TempDir Path tmp) throws Exception {
        Path plain = tmp.resolve("plain"), overlapped = tmp.resolve("overlapped");
        String plainOut = run(plain, false);
        String overlappedOut = run(overlapped, true);
        assertTrue(plainOut.contains("| epoch   3 |"), plainOut);
        assertEquals(plainOut, overlappedOut);
        for (String f : FILES) assertArrayEquals(Files.readAllBytes(plain.resolve(f)), Files.readAllBytes(overlapped.resolve(f)), f);
    }
}
