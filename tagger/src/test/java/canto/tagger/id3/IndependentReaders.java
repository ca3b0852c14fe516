package canto.tagger.id3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Reads files with readers that are not ours: Debian's python3-mutagen and eyeD3 (through
 * {@code read_tags.py}) and ffprobe. Tests call {@link #assumePython()} / {@link #assumeFfprobe()},
 * which skip the test with a message when the reader is not installed (the build must not need them).
 */
public final class IndependentReaders {
    static final String PYTHON = "/usr/bin/python3";
    private static Boolean python, ffprobe, ffmpeg;

    private IndependentReaders() {}

    static synchronized boolean hasPython() {
        if (python == null) python = works(PYTHON, "-c", "import mutagen, eyed3");
        return python;
    }

    static synchronized boolean hasFfprobe() {
        if (ffprobe == null) ffprobe = works("ffprobe", "-version");
        return ffprobe;
    }

    static synchronized boolean hasFfmpeg() {
        if (ffmpeg == null) ffmpeg = works("ffmpeg", "-version");
        return ffmpeg;
    }

    static void assumePython() {
        Assumptions.assumeTrue(hasPython(), "skipped: Debian's python3-mutagen / eyeD3 are not installed (" + PYTHON + " -c 'import mutagen, eyed3' fails)");
    }

    static void assumeFfprobe() {
        Assumptions.assumeTrue(hasFfprobe(), "skipped: ffprobe is not installed");
    }

    static void assumeFfmpeg() {
        Assumptions.assumeTrue(hasFfmpeg(), "skipped: ffmpeg is not installed");
    }

    private static boolean works(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** mutagen's and eyeD3's view of each file: keys such as {@code mutagen.TIT2} to JSON values. */
    static List<Map<String, String>> read(Path... files) throws IOException, InterruptedException {
        Path script = Files.createTempFile("read_tags", ".py");
        try (InputStream in = IndependentReaders.class.getResourceAsStream("read_tags.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString()));
        for (Path f : files) cmd.add(f.toString());
        try {
            List<String> lines = run(cmd);
            List<Map<String, String>> out = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("== ")) out.add(new HashMap<>());
                else if (!out.isEmpty() && line.contains("=")) {
                    int eq = line.indexOf('=');
                    out.get(out.size() - 1).put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            if (out.size() != files.length) throw new IOException("read_tags.py gave " + out.size() + " results: " + lines);
            return out;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    static Map<String, String> read(Path file) throws IOException, InterruptedException {
        return read(new Path[] {file}).get(0);
    }

    /** ffprobe's artist and title of the file ({@code format_tags}), e.g. "artist=江海迦\ntitle=小問題". */
    static String ffprobeTags(Path file) throws IOException, InterruptedException {
        return String.join("\n", run(false, List.of("ffprobe", "-v", "error", "-show_entries", "format_tags=artist,title",
                "-of", "default=noprint_wrappers=1:nokey=0", file.toString())).stream().sorted().toList())
                .replace("TAG:", "");
    }

    static List<String> run(List<String> cmd) throws IOException, InterruptedException {
        return run(true, cmd);
    }

    /** Runs {@code cmd} and returns its output lines (with its error output, or without it: then discarded). */
    static List<String> run(boolean withErrors, List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(withErrors);
        if (!withErrors) pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + cmd);
        }
        return List.of(new String(out, StandardCharsets.UTF_8).split("\n"));
    }

    /** A JSON string value as written by read_tags.py, e.g. {@code "江海迦"} for 江海迦. */
    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\');
            b.append(c);
        }
        return b.append('"').toString();
    }
}
