package canto.engine.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.io.SafeTensors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the {@link TrainMlp} example as a newcomer would, and checks what it printed and wrote. */
class TrainMlpTest {
    @TempDir
    Path dir;

    @Test
    void theExampleTrainsSavesLoadsAndPredicts() throws Exception {
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
}
