package canto.genre.model;

import canto.engine.io.AtomicFiles;
import canto.engine.io.SafeTensors;
import canto.engine.io.SafeTensorsException;
import canto.engine.nn.Parameter;
import canto.engine.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A saved model, {@code DIR/models/<experiment>-seed<S>/}:
 * <ul>
 *   <li>{@code model.safetensors}: the trained tensors under the names of the model's PyTorch
 *       class ({@link BlogNames}), and in {@code __metadata__} the settings that rebuild it
 *       ({@code experiment}, {@code seed}, ...);</li>
 *   <li>{@code vocab.txt} (models with a vocabulary): one token per line in id order; the
 *       padding id is the line count;</li>
 *   <li>{@code validation.txt}: the 0-based data-row indices of the run's validation split,
 *       ascending, one per line, so anyone can re-score the model on the same songs.</li>
 * </ul>
 * Every file is written atomically.
 */
public final class ModelFolder {
    public static final String MODEL = "model.safetensors";
    public static final String VOCAB = "vocab.txt";
    public static final String VALIDATION = "validation.txt";

    private ModelFolder() {}

    /** The folder of experiment {@code id}, seed {@code seed} under the output directory {@code out}. */
    public static Path of(Path out, String id, long seed) { return out.resolve("models").resolve(id + "-seed" + seed); }

    /** Writes the three files into {@code dir} (created if needed); {@code vocab} may be null. */
    public static void write(Path dir, Map<String, Tensor> state, Map<String, String> config, List<String> vocab,
                             int[] validationRows) throws IOException {
        Files.createDirectories(dir);
        SafeTensors.writeAtomically(dir.resolve(MODEL), state, config);
        if (vocab != null) AtomicFiles.write(dir.resolve(VOCAB), lines(vocab));
        int[] sorted = validationRows.clone();
        Arrays.sort(sorted);
        StringBuilder sb = new StringBuilder(sorted.length * 6);
        for (int r : sorted) sb.append(r).append('\n');
        AtomicFiles.write(dir.resolve(VALIDATION), sb.toString());
    }

    private static String lines(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (w.isEmpty() || w.indexOf('\n') >= 0 || w.indexOf('\r') >= 0) throw new IllegalArgumentException("token '" + w + "' cannot be a line of " + VOCAB);
            sb.append(w).append('\n');
        }
        return sb.toString();
    }

    /** {@code model.safetensors} of {@code dir}, read and checked as a file (not yet against a model). */
    public static SafeTensors.Contents readModel(Path dir) throws ModelFileException, IOException {
        Path file = dir.resolve(MODEL);
        if (!Files.isRegularFile(file)) throw new ModelFileException(file + ": no such file (a model folder holds " + MODEL + ")");
        try {
            return SafeTensors.read(file);
        } catch (SafeTensorsException e) {
            throw new ModelFileException(e.getMessage());
        }
    }

    /** {@code vocab.txt} of {@code dir}: the tokens in id order. */
    public static List<String> readVocab(Path dir) throws ModelFileException, IOException {
        Path file = dir.resolve(VOCAB);
        List<String> words;
        try {
            words = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file + ": no such file (this model needs its vocabulary)");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ModelFileException(file + ": not valid UTF-8");
        }
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).isEmpty()) throw new ModelFileException(file + ":" + (i + 1) + ": empty line (one token per line)");
        }
        if (words.isEmpty()) throw new ModelFileException(file + ": empty vocabulary");
        return words;
    }

    /** A metadata value of the model file, required. */
    public static String setting(SafeTensors.Contents c, Path dir, String key) throws ModelFileException {
        String v = c.metadata().get(key);
        if (v == null) throw new ModelFileException(dir.resolve(MODEL) + ": metadata has no '" + key + "' (not a genre model file?)");
        return v;
    }

    /** A whole-number metadata value of the model file, required, in [min, max]. */
    public static int intSetting(SafeTensors.Contents c, Path dir, String key, int min, int max) throws ModelFileException {
        String v = setting(c, dir, key);
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new ModelFileException(dir.resolve(MODEL) + ": metadata '" + key + "' is '" + v + "', not a whole number in [" + min + ", " + max + "]");
    }

    /**
     * Copies the file's tensors into {@code params} (keyed by the same names). The file must
     * hold exactly these names with these shapes; otherwise nothing is changed and the message
     * names the first tensor that differs.
     */
    public static void copyInto(SafeTensors.Contents c, Map<String, Parameter> params, Path dir) throws ModelFileException {
        Path file = dir.resolve(MODEL);
        for (String name : c.tensors().keySet()) {
            if (!params.containsKey(name)) {
                throw new ModelFileException(file + ": tensor '" + name + "' is not a parameter of this model (it has " + String.join(", ", params.keySet()) + ")");
            }
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            Tensor t = c.tensors().get(e.getKey());
            if (t == null) { missing.add(e.getKey()); continue; }
            if (!Arrays.equals(t.shape(), e.getValue().shape())) {
                throw new ModelFileException(file + ": tensor '" + e.getKey() + "' has shape " + Arrays.toString(t.shape())
                        + ", this model needs " + Arrays.toString(e.getValue().shape()));
            }
        }
        if (!missing.isEmpty()) throw new ModelFileException(file + ": missing tensor" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            Tensor t = c.tensors().get(e.getKey()), v = e.getValue().value();
            System.arraycopy(t.data(), t.offset(), v.data(), v.offset(), t.size());
        }
    }
}
