package canto.engine.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import canto.engine.io.SafeTensors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the {@link TrainMlp} example as a newcomer would, and checks what it printed and wrote. */
class TrainMlpTest {
    @TempDir
    Path dir;

    /** Runs the example into {@link #dir} and returns what it printed. */
    private String runExample() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            TrainMlp.main(new String[] {dir.toString()});
        } finally {
            System.setOut(out);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        out.print(text);
        return text;
    }

    @Test
    void theExampleTrainsSavesLoadsAndPredicts() throws Exception {
        String text = runExample();
        assertTrue(text.contains("epoch 30: last batch loss"), text);
        String accuracy = text.substring(text.indexOf("train accuracy ") + 15).trim();
        int right = Integer.parseInt(accuracy.substring(0, accuracy.indexOf('/')));
        assertTrue(right >= 480, "the MLP should learn the quadrant rule: " + accuracy);

        SafeTensors.Contents model = SafeTensors.read(dir.resolve("mlp.safetensors"));
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(model.tensors().keySet()));
        assertEquals("Sequential(Linear(20, 64), ReLU(), Linear(64, 4))", model.metadata().get("architecture"));
        SafeTensors.Contents adam = SafeTensors.read(dir.resolve("adam.safetensors"));
        assertEquals(480f, adam.tensors().get("state.0.step").get(0)); // 30 epochs x 16 batches
        assertArrayEquals(new int[] {4, 4}, SafeTensors.read(dir.resolve("sample.safetensors")).tensors().get("logits").shape());
    }

    /**
     * The script beside the fixtures loads the saved model and Adam state into PyTorch and gets
     * canto's logits (it exits non-zero when they differ). Skipped where {@code /usr/bin/python3}
     * has no torch and numpy (Debian's {@code python3-torch}); CI's machine has them.
     */
    @Test
    void pyTorchLoadsTheSavedFilesAndGivesTheSameLogits() throws Exception {
        Path python = Path.of("/usr/bin/python3"), script = Path.of("src/test/python/load_mlp.py");
        assumeTrue(Files.isExecutable(python) && Files.isRegularFile(script), "no /usr/bin/python3 or no " + script.toAbsolutePath());
        assumeTrue(run(python.toString(), "-c", "import numpy, torch").exit == 0, "/usr/bin/python3 has no torch and numpy");
        runExample();
        Finished r = run(python.toString(), script.toString(), dir.toString());
        System.out.print(r.output);
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("optimizer state loaded: step 480.0 for 4 parameters"), r.output);
        assertTrue(r.output.contains("largest |PyTorch - canto| over 4 inputs:"), r.output);
    }

    private record Finished(int exit, String output) {}

    private static Finished run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "did not finish: " + String.join(" ", command));
        return new Finished(p.exitValue(), output);
    }
}
