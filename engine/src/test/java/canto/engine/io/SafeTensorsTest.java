package canto.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.nn.Activation;
import canto.engine.nn.Embedding;
import canto.engine.nn.Linear;
import canto.engine.nn.Parameters;
import canto.engine.nn.Sequential;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir Path dir;

    private static Map<String, Tensor> sampleTensors() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("0.weight", Tensor.of(new float[] {1.5f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.NEGATIVE_INFINITY}, 2, 3));
        t.put("0.bias", Tensor.of(new float[] {-7.25f, 1e-30f}, 2));
        // a view in the middle of a larger array: only the view is written
        float[] big = {99, 99, 1, 2, 3, 4, 99};
        t.put("feature_pipeline.3.weight", new Tensor(big, 2, 2, 1, 2));
        t.put("scalar", new Tensor(new float[] {42}, 0));
        t.put("empty", Tensor.zeros(0, 3));
        t.put("empty too", Tensor.zeros(3, 0));
        return t;
    }

    private static Map<String, String> sampleMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("architecture", "Sequential(Embedding(51, 4), Flatten(), Linear(40, 7))");
        m.put("note", "quotes \" backslash \\ newline \n unicode é ♪");
        return m;
    }

    @Test
    void roundTripKeepsNamesShapesValuesAndMetadata() throws IOException {
        Path file = dir.resolve("model.safetensors");
        Map<String, Tensor> tensors = sampleTensors();
        SafeTensors.write(file, tensors, sampleMetadata());
        SafeTensors.Contents c = SafeTensors.read(file);
        assertEquals(List.copyOf(tensors.keySet()), List.copyOf(c.tensors().keySet()));
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor back = c.tensors().get(e.getKey());
            assertArrayEquals(e.getValue().shape(), back.shape(), e.getKey());
            float[] expected = e.getValue().toArray(), actual = back.toArray();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), e.getKey() + "[" + i + "] bit for bit");
            }
        }
        assertEquals(sampleMetadata(), c.metadata());
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> SafeTensors.write(file, tensors, Map.of()),
                "write never overwrites");
    }

    @Test
    void saveAndLoadAModel() throws IOException {
        Sequential a = new Sequential(new Embedding(6, 3, new Rng(1)), new Linear(3, 4, new Rng(2)), Activation.relu(), new Linear(4, 2, new Rng(3)));
        Sequential b = new Sequential(new Embedding(6, 3, new Rng(9)), new Linear(3, 4, new Rng(8)), Activation.relu(), new Linear(4, 2, new Rng(7)));
        Parameters pa = Parameters.of(a), pb = Parameters.of(b);
        assertFalse(Arrays.equals(pa.values(), pb.values()));
        Path file = dir.resolve("m.safetensors");
        SafeTensors.save(file, pa, Map.of("epochs", "3"));
        SafeTensors.save(file, pa, Map.of("epochs", "4")); // saving again replaces the file atomically
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        SafeTensors.load(file, pb);
        assertArrayEquals(pa.values(), pb.values());
        assertEquals(Map.of("epochs", "4"), SafeTensors.read(file).metadata());
        assertEquals(List.of("0.weight", "1.weight", "1.bias", "3.weight", "3.bias"), List.copyOf(SafeTensors.read(file).tensors().keySet()));
    }

    /** The exact bytes of a small file: u64 LE header length, header padded with spaces to 8 bytes, LE floats. */
    @Test
    void byteLayoutMatchesAHandBuiltFile() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("w", Tensor.of(new float[] {1f, -2f}, 2));
        t.put("b", Tensor.of(new float[] {0.5f}, 1));
        byte[] bytes = SafeTensors.encode(t, Map.of("k", "v"));

        String header = "{\"__metadata__\":{\"k\":\"v\"},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}";
        int padded = (header.length() + 7) / 8 * 8;
        ByteBuffer expected = ByteBuffer.allocate(8 + padded + 12).order(ByteOrder.LITTLE_ENDIAN);
        expected.putLong(padded).put(header.getBytes(StandardCharsets.US_ASCII));
        while (expected.position() < 8 + padded) expected.put((byte) ' ');
        expected.put(new byte[] {0, 0, (byte) 0x80, 0x3f}); // 1.0f  = 0x3f800000, little-endian
        expected.put(new byte[] {0, 0, 0, (byte) 0xc0});     // -2.0f = 0xc0000000
        expected.put(new byte[] {0, 0, 0, 0x3f});            // 0.5f  = 0x3f000000
        assertArrayEquals(expected.array(), bytes);
        assertEquals(0, (bytes.length - 12) % 8, "data starts on an 8-byte boundary");
    }

    /**
     * A file written by another writer: whitespace, metadata last, tensors stored in the
     * opposite order to the header's, no padding.
     */
    @Test
    void readsAnyValidLayout() {
        String header = "{ \"second\": {\"dtype\": \"F32\", \"shape\": [1, 2], \"data_offsets\": [4, 12]},\n"
                + "  \"first\": {\"dtype\": \"F32\", \"shape\": [], \"data_offsets\": [0, 4]},\n"
                + "  \"__metadata__\": {\"format\": \"pt\"} }";
        byte[] bytes = file(header, 3f, 10f, 20f);
        SafeTensors.Contents c = SafeTensors.decode(bytes, "other.safetensors");
        assertArrayEquals(new float[] {10f, 20f}, c.tensors().get("second").toArray());
        assertArrayEquals(new int[] {1, 2}, c.tensors().get("second").shape());
        assertArrayEquals(new float[] {3f}, c.tensors().get("first").toArray());
        assertEquals(0, c.tensors().get("first").rank());
        assertEquals(Map.of("format", "pt"), c.metadata());
    }

    private static byte[] file(String header, float... data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        for (float f : data) b.putFloat(f);
        return b.array();
    }

    private static String entry(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + "," + end + "]}";
    }

    /** Decoding {@code bytes} fails with a message naming the file and containing {@code expected}. */
    private static void rejects(byte[] bytes, String expected) {
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.decode(bytes, "bad.safetensors"));
        assertTrue(e.getMessage().startsWith("bad.safetensors: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should mention '" + expected + "'");
    }

    @Test
    void truncatedFilesAreRejectedNamingTheFile() throws IOException {
        byte[] good = SafeTensors.encode(sampleTensors(), sampleMetadata());
        int headerEnd = 8 + (int) ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getLong();
        for (int cut : new int[] {0, 3, 7, 8, 20, headerEnd - 1, headerEnd, headerEnd + 5, good.length - 1}) {
            Path file = dir.resolve("cut" + cut + ".safetensors");
            Files.write(file, Arrays.copyOf(good, cut));
            SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(file), "cut at " + cut);
            assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), "cut at " + cut + ": " + e.getMessage());
        }
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(dir.resolve("absent.safetensors")));
        assertTrue(e.getMessage().contains("absent.safetensors: no such file"), e.getMessage());
    }

    @Test
    void corruptHeadersAreRejected() {
        rejects(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]", 1f), "corrupt header");
        rejects(file("[1, 2]", 1f), "not a JSON object");
        rejects(file("{\"w\": 3}", 1f), "entry 'w' is not an object");
        rejects(file("{" + entry("w", "F32", "[1]", 0, 4) + ",\"__metadata__\":{\"k\":1}}", 1f), "metadata value of 'k' is not a string");
        rejects(file("{" + entry("w", "F32", "[1.5]", 0, 4) + "}", 1f), "shape holds 1.5");
        rejects(file("{" + entry("w", "F32", "[-1]", 0, 4) + "}", 1f), "shape holds -1");
        rejects(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", 1f), "no data_offsets");
        byte[] bytes = file("{}");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(-5);
        rejects(bytes, "header length -5");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40);
        rejects(bytes, "header length");
        byte[] notUtf8 = file("{\"w\":1}");
        notUtf8[10] = (byte) 0xff;
        rejects(notUtf8, "corrupt header: not valid UTF-8");
    }

    @Test
    void wrongDtypeIsRejected() {
        rejects(file("{" + entry("w", "F16", "[2]", 0, 4) + "}", 1f), "tensor 'w' has dtype F16; only F32 is supported");
        rejects(file("{" + entry("w", "F64", "[1]", 0, 8) + "}", 1f, 2f), "dtype F64");
    }

    @Test
    void offsetsOutOfRangeOrInconsistentAreRejected() {
        rejects(file("{" + entry("w", "F32", "[2]", 0, 400) + "}", 1f, 2f), "outside the 8 data bytes");
        rejects(file("{" + entry("w", "F32", "[2]", 8, 0) + "}", 1f, 2f), "data_offsets [8, 0]");
        rejects(file("{" + entry("w", "F32", "[3]", 0, 8) + "}", 1f, 2f), "needs 12 bytes but data_offsets give 8");
        rejects(file("{" + entry("w", "F32", "[1]", 0, 4) + "}", 1f, 2f), "cover 4 of 8 data bytes");
        // two tensors on the same bytes, and a gap: every byte must belong to exactly one tensor
        rejects(file("{" + entry("a", "F32", "[1]", 0, 4) + "," + entry("b", "F32", "[1]", 0, 4) + "}", 1f, 2f), "overlap");
        rejects(file("{" + entry("a", "F32", "[1]", 4, 8) + "," + entry("b", "F32", "[1]", 4, 8) + "}", 1f, 2f),
                "data bytes [0, 4) belong to no tensor");
        // a shape whose element count overflows 64 bits must not pass as an empty tensor
        rejects(file("{" + entry("w", "F32", "[1073741824,1073741824,16]", 0, 0) + "}"), "too large");
    }

    @Test
    void loadChecksNamesAndShapesAndChangesNothingOnError() throws IOException {
        Sequential model = new Sequential(new Linear(3, 2, new Rng(1)));
        Parameters params = Parameters.of(model);
        float[] before = params.values().clone();

        Map<String, Tensor> missing = Map.of("0.weight", Tensor.zeros(2, 3));
        Map<String, Tensor> extra = new LinkedHashMap<>(Map.of("0.weight", Tensor.zeros(2, 3), "0.bias", Tensor.zeros(2)));
        extra.put("1.weight", Tensor.zeros(1));
        Map<String, Tensor> wrongShape = new LinkedHashMap<>();
        wrongShape.put("0.weight", Tensor.zeros(3, 2));
        wrongShape.put("0.bias", Tensor.zeros(2));

        String[][] cases = {{"missing", "missing tensor '0.bias'"}, {"extra", "tensor '1.weight' is not a parameter of this model"},
            {"wrongShape", "tensor '0.weight' has shape [3, 2], the model needs [2, 3]"}};
        List<Map<String, Tensor>> files = List.of(missing, extra, wrongShape);
        for (int i = 0; i < cases.length; i++) {
            Path file = dir.resolve(cases[i][0] + ".safetensors");
            SafeTensors.write(file, files.get(i), Map.of());
            SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.load(file, params));
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
            assertTrue(e.getMessage().contains(cases[i][1]), e.getMessage());
            assertArrayEquals(before, params.values(), "a failed load changes nothing");
        }
    }

    @Test
    void metadataKeyIsNotATensorName() {
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.encode(Map.of("__metadata__", Tensor.zeros(1)), Map.of()));
    }

    @Test
    void missingResourceIsAClearError() {
        SafeTensorsException e = assertThrows(SafeTensorsException.class,
                () -> SafeTensors.readResource(SafeTensorsTest.class, "/no/such.safetensors"));
        assertTrue(e.getMessage().contains("/no/such.safetensors: resource not found"), e.getMessage());
    }
}
