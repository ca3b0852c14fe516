package canto.engine.io;

import canto.engine.nn.Parameter;
import canto.engine.nn.Parameters;
import canto.engine.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a UTF-8
 * JSON header (per tensor: {@code dtype}, {@code shape}, {@code data_offsets}; plus a free-form
 * string map {@code __metadata__}), then the raw little-endian data. Only F32 is used.
 *
 * <p>Writing goes through a temporary file in the same folder that is renamed over the
 * target, so a crash never leaves a half-written model. Reading checks every offset, size
 * and shape and throws {@link SafeTensorsException} naming the file and the problem.
 */
public final class SafeTensors {
    private static final long MAX_HEADER = 100L << 20;

    /** The contents of a file: tensors in header order, and the metadata. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    private SafeTensors() {}

    // ---- writing ------------------------------------------------------------------------

    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        Files.write(file, encode(tensors, metadata), java.nio.file.StandardOpenOption.CREATE_NEW);
    }

    /** Writes atomically: temporary file in the same folder, then rename over {@code file}. */
    public static void writeAtomically(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        AtomicFiles.write(file, encode(tensors, metadata));
    }

    /** Saves every parameter under its module path. */
    public static void save(Path file, Parameters params, Map<String, String> metadata) throws IOException {
        Map<String, Tensor> t = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : params.named().entrySet()) t.put(e.getKey(), e.getValue().value());
        writeAtomically(file, t, metadata);
    }

    public static byte[] encode(Map<String, Tensor> tensors, Map<String, String> metadata) {
        StringBuilder h = new StringBuilder("{");
        if (metadata != null && !metadata.isEmpty()) {
            h.append("\"__metadata__\":{");
            boolean first = true;
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                if (!first) h.append(',');
                first = false;
                h.append(Json.quote(e.getKey())).append(':').append(Json.quote(e.getValue()));
            }
            h.append('}');
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey().equals("__metadata__")) throw new IllegalArgumentException("'__metadata__' is not a tensor name");
            Tensor t = e.getValue();
            if (h.length() > 1) h.append(',');
            h.append(Json.quote(e.getKey())).append(":{\"dtype\":\"F32\",\"shape\":")
                    .append(Arrays.toString(t.shape()).replace(" ", ""))
                    .append(",\"data_offsets\":[").append(offset).append(',').append(offset + 4L * t.size()).append("]}");
            offset += 4L * t.size();
        }
        h.append('}');
        byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8; // pad with spaces to 8 bytes, as the reference writer does
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(padded);
        buf.put(header);
        for (int i = header.length; i < padded; i++) buf.put((byte) ' ');
        for (Tensor t : tensors.values()) {
            float[] d = t.data();
            for (int i = 0; i < t.size(); i++) buf.putFloat(d[t.offset() + i]);
        }
        return buf.array();
    }

    // ---- reading ------------------------------------------------------------------------

    public static Contents read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SafeTensorsException(file + ": no such file");
        }
        return decode(bytes, file.toString());
    }

    /** Reads a model from a class-path resource (a model bundled in a jar). */
    public static Contents readResource(Class<?> owner, String resource) throws IOException {
        try (var in = owner.getResourceAsStream(resource)) {
            if (in == null) throw new SafeTensorsException(resource + ": resource not found");
            return decode(in.readAllBytes(), resource);
        }
    }

    public static Contents decode(byte[] bytes, String source) {
        if (bytes.length < 8) throw new SafeTensorsException(source + ": truncated: " + bytes.length + " bytes, no header length");
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen = buf.getLong();
        if (headerLen < 2 || headerLen > MAX_HEADER || headerLen > bytes.length - 8) {
            throw new SafeTensorsException(source + ": header length " + headerLen + " does not fit a file of " + bytes.length + " bytes (truncated or not safetensors)");
        }
        String headerText;
        try {
            headerText = StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(bytes, 8, (int) headerLen)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SafeTensorsException(source + ": corrupt header: not valid UTF-8");
        }
        Object parsed;
        try {
            parsed = Json.parse(headerText);
        } catch (IllegalArgumentException e) {
            throw new SafeTensorsException(source + ": corrupt header: " + e.getMessage());
        }
        if (!(parsed instanceof Map)) throw new SafeTensorsException(source + ": header is not a JSON object");
        int dataStart = 8 + (int) headerLen;
        long dataLen = bytes.length - (long) dataStart;
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        List<long[]> ranges = new ArrayList<>(); // [begin, end) of every tensor, to check they tile the data
        for (Map.Entry<?, ?> e : ((Map<?, ?>) parsed).entrySet()) {
            String name = (String) e.getKey();
            if (name.equals("__metadata__")) {
                if (!(e.getValue() instanceof Map)) throw new SafeTensorsException(source + ": __metadata__ is not an object");
                for (Map.Entry<?, ?> m : ((Map<?, ?>) e.getValue()).entrySet()) {
                    if (!(m.getValue() instanceof String)) throw new SafeTensorsException(source + ": metadata value of '" + m.getKey() + "' is not a string");
                    metadata.put((String) m.getKey(), (String) m.getValue());
                }
                continue;
            }
            if (!(e.getValue() instanceof Map)) throw new SafeTensorsException(source + ": entry '" + name + "' is not an object");
            Map<?, ?> info = (Map<?, ?>) e.getValue();
            if (!"F32".equals(info.get("dtype"))) {
                throw new SafeTensorsException(source + ": tensor '" + name + "' has dtype " + info.get("dtype") + "; only F32 is supported");
            }
            int[] shape = longs(info.get("shape"), source, name, "shape", -1);
            int[] offs = longs(info.get("data_offsets"), source, name, "data_offsets", 2);
            long n = 1; // elements; Long.MAX_VALUE when the shape's product overflows
            try {
                for (int d : shape) n = Math.multiplyExact(n, d);
            } catch (ArithmeticException overflow) {
                n = Long.MAX_VALUE;
            }
            long begin = offs[0], end = offs[1];
            if (begin > end || end > dataLen) {
                throw new SafeTensorsException(source + ": tensor '" + name + "' data_offsets [" + begin + ", " + end
                        + "] lie outside the " + dataLen + " data bytes (truncated file?)");
            }
            if (n > dataLen) {
                throw new SafeTensorsException(source + ": tensor '" + name + "' shape " + Arrays.toString(shape)
                        + " is too large for the " + dataLen + " data bytes");
            }
            if (end - begin != 4 * n) {
                throw new SafeTensorsException(source + ": tensor '" + name + "' shape " + Arrays.toString(shape)
                        + " needs " + 4 * n + " bytes but data_offsets give " + (end - begin));
            }
            float[] data = new float[(int) n];
            ByteBuffer slice = ByteBuffer.wrap(bytes, dataStart + (int) begin, (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
            slice.asFloatBuffer().get(data);
            tensors.put(name, new Tensor(data, 0, shape));
            ranges.add(new long[] {begin, end});
        }
        // As the reference reader requires: sorted by offset, the tensors tile the data exactly.
        ranges.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        long covered = 0;
        for (long[] r : ranges) {
            if (r[0] < covered) {
                throw new SafeTensorsException(source + ": tensors overlap at data byte " + r[0] + " (corrupt file)");
            }
            if (r[0] > covered) {
                throw new SafeTensorsException(source + ": data bytes [" + covered + ", " + r[0] + ") belong to no tensor (corrupt file)");
            }
            covered = r[1];
        }
        if (covered != dataLen) {
            throw new SafeTensorsException(source + ": tensors cover " + covered + " of " + dataLen + " data bytes (corrupt file)");
        }
        return new Contents(tensors, metadata);
    }

    private static int[] longs(Object v, String source, String name, String field, int expectedLength) {
        if (!(v instanceof List)) throw new SafeTensorsException(source + ": tensor '" + name + "' has no " + field + " list");
        List<?> list = (List<?>) v;
        if (expectedLength >= 0 && list.size() != expectedLength) {
            throw new SafeTensorsException(source + ": tensor '" + name + "' " + field + " must have " + expectedLength + " numbers");
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = list.get(i);
            if (!(o instanceof Long) || (Long) o < 0 || (Long) o > Integer.MAX_VALUE) {
                throw new SafeTensorsException(source + ": tensor '" + name + "' " + field + " holds " + o + ", not a size");
            }
            out[i] = (int) (long) (Long) o;
        }
        return out;
    }

    /**
     * Copies tensors into a model's parameters. Every parameter must be present with its exact
     * shape, and the file must hold no tensor the model lacks.
     */
    public static void load(Contents contents, Parameters params, String source) {
        for (String name : contents.tensors().keySet()) {
            if (params.get(name) == null) {
                throw new SafeTensorsException(source + ": tensor '" + name + "' is not a parameter of this model (expected " + params.named().keySet() + ")");
            }
        }
        for (Map.Entry<String, Parameter> e : params.named().entrySet()) {
            Tensor t = contents.tensors().get(e.getKey());
            if (t == null) throw new SafeTensorsException(source + ": missing tensor '" + e.getKey() + "'");
            Tensor v = e.getValue().value();
            if (!Arrays.equals(t.shape(), v.shape())) {
                throw new SafeTensorsException(source + ": tensor '" + e.getKey() + "' has shape " + Arrays.toString(t.shape())
                        + ", the model needs " + Arrays.toString(v.shape()));
            }
        }
        for (Map.Entry<String, Parameter> e : params.named().entrySet()) {
            Tensor t = contents.tensors().get(e.getKey());
            Tensor v = e.getValue().value();
            System.arraycopy(t.data(), t.offset(), v.data(), v.offset(), t.size());
        }
    }

    public static void load(Path file, Parameters params) throws IOException {
        load(read(file), params, file.toString());
    }
}
